/**
 * Every code example of the documentation runs, and its `// =>` results hold.
 * Also: every exported function and constant of the public API carries an @example.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageSubpaths } from '../../scripts/lib/subpaths';
import { guideExamples, repoRoot, sourceExamples, toTestModule } from '../support/doc-examples';

const outDir = join(repoRoot, '.cache', 'doc-examples');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const checkModule = join(repoRoot, 'test', 'support', 'doc-check.ts');

function runnable(examples: ReturnType<typeof sourceExamples>) {
  return examples.map((example, i) => {
    const file = join(outDir, `${String(i).padStart(4, '0')}-${example.name.replace(/[^\w]+/g, '_')}.ts`);
    writeFileSync(file, toTestModule(example, checkModule));
    return [example.name, file] as const;
  });
}

describe('@example blocks in src', () => {
  const examples = runnable(sourceExamples());
  it('exist', () => expect(examples.length).toBeGreaterThan(0));
  it.each(examples)('%s', async (_name, file) => {
    await import(file);
  });
});

describe('code blocks in README.md and docs/', () => {
  const examples = runnable(guideExamples().map((e) => ({ ...e, name: `guide-${e.name}` })));
  it.each(examples.length ? examples : [['(none yet)', '']] as const)('%s', async (_name, file) => {
    if (file) await import(file);
  });
});

describe('documentation coverage', () => {
  const domains = packageSubpaths();
  const missing: string[] = [];
  for (const domain of domains) {
    const dir = join(repoRoot, 'src', domain);
    // The files the domain's barrel re-exports (subfolders included); helper files it does not
    // re-export are not public and need no example.
    const barrel = readFileSync(join(dir, 'index.ts'), 'utf8');
    const entries = [...new Set(Array.from(barrel.matchAll(/from '\.\/([^']+)'/g), (e) => `${e[1]}.ts`))];
    for (const entry of entries) {
      const text = readFileSync(join(dir, entry), 'utf8');
      const seen = new Set<string>();
      for (const m of text.matchAll(/(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)?\s*export\s+(?:const|function)\s+(\w+)([^\n]*)/g)) {
        const doc = m[1] ?? '';
        // Overloads: the first signature's comment is the one typedoc and editors show; the
        // later signatures and the implementation signature (which no caller sees) need none.
        if (seen.has(m[2] as string)) continue;
        seen.add(m[2] as string);
        // A constant made of other documented values (a list of units) needs no example of its own.
        const isList = /^\s*:\s*readonly \w+\[\]/.test(m[3] ?? '');
        if (!isList && !doc.includes('@example')) missing.push(`src/${domain}/${entry}#${m[2]}`);
      }
    }
  }
  it('every exported function and constant has an @example', () => {
    expect(missing).toEqual([]);
  });
});
