/**
 * Misuse the public types must reject (issue 11, "Types that catch misuse"), each compiled
 * against src/ with the repository's compiler options. A snippet the types still accept is
 * listed in KNOWN_ACCEPTED_MISUSE; the list must be exact, so when the types learn to reject
 * one, this test fails until it moves to the function's `test/<domain>/<file>.test-d.ts` as a
 * `// @ts-expect-error` line. The list can only shrink.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/doc-examples';

/** Calls that must not type-check. */
const MISUSE: readonly string[] = [
  "nps(['9'])",
  'nps([{ s: 9 }])',
];

/** Of MISUSE, what the types accept today. Empty it; never add to it. */
const KNOWN_ACCEPTED_MISUSE: readonly string[] = [];

/** Which snippets compile without error. */
function compiling(snippets: readonly string[]): string[] {
  const config = ts.readConfigFile(join(repoRoot, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
  const files = snippets.map((_, i) => join(repoRoot, 'test', `__misuse-${i}.ts`));
  const text = (i: number) => `import * as cx from '../src/index';\nconst { ${[...new Set(snippets.map((s) => /^\w+/.exec(s)?.[0]))].join(', ')} } = cx;\nexport const x = ${snippets[i]};\n`;
  const host = ts.createCompilerHost({ ...options, noEmit: true });
  const readFile = host.readFile.bind(host);
  host.readFile = (f) => {
    const i = files.indexOf(f);
    return i >= 0 ? text(i) : readFile(f);
  };
  host.fileExists = ((exists) => (f: string) => files.includes(f) || exists(f))(host.fileExists.bind(host));
  const program = ts.createProgram(files, { ...options, noEmit: true }, host);
  return snippets.filter((_, i) => {
    const source = program.getSourceFile(files[i] as string);
    return ts.getPreEmitDiagnostics(program, source).length === 0;
  });
}

/** Correct calls, compiled beside the misuse: they show that the harness sees src/. */
const CORRECT: readonly string[] = ['nps([9, 10])', 'nps([{ s: 9 }], { accessor: (r) => r.s })', "nps(['9'], { accessor: (r: string) => Number(r) })"];

describe('the public types reject misuse', () => {
  // One program for every snippet (a compile of src/ takes seconds).
  const compiled = compiling([...MISUSE, ...CORRECT]);

  it('rejects every MISUSE call but the known ones', () => {
    const accepted = MISUSE.filter((s) => compiled.includes(s));
    const fixed = KNOWN_ACCEPTED_MISUSE.filter((s) => !accepted.includes(s));
    expect(
      accepted.filter((s) => !KNOWN_ACCEPTED_MISUSE.includes(s)),
      'new misuse the types accept',
    ).toEqual([]);
    expect(fixed, 'rejected now: remove from KNOWN_ACCEPTED_MISUSE, add as // @ts-expect-error to the test-d.ts file').toEqual([]);
  });

  it('compiles a correct call (the harness sees src/)', () => {
    expect(CORRECT.filter((s) => !compiled.includes(s))).toEqual([]);
  });
});
