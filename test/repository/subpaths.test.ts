/**
 * One list of public subpaths: the keys of package.json `exports` (scripts/lib/subpaths.ts).
 * tsup.config.ts, vitest.config.ts, the pack test and the documentation test read it; this test
 * checks everything that cannot read it against it, and fails with the exact fix:
 * package.json's `exports` entries and `typesVersions`, typedoc.json's entry points, the root
 * barrel, and each domain barrel (one `export *` line per public file, nothing else).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageSubpaths, readPackageJson } from '../../scripts/lib/subpaths';
import { repoRoot } from '../support/doc-examples';
import { importsOf, tsFiles } from '../support/source-graph';

const subpaths = packageSubpaths();
const pkg = readPackageJson();
const json = (value: unknown) => JSON.stringify(value, null, 2);

/** The `exports` entry of one subpath (`''` for the root), ESM and CommonJS each with its types. */
function exportEntry(subpath: string) {
  const base = subpath === '' ? './dist/index' : `./dist/${subpath}/index`;
  return {
    import: { types: `${base}.d.ts`, default: `${base}.js` },
    require: { types: `${base}.d.cts`, default: `${base}.cjs` },
  };
}

describe('the list of public subpaths (package.json "exports")', () => {
  it('names every top-level folder of src/ except internal/ (the kernel) and cli/ (the executable), and nothing else', () => {
    const folders = readdirSync(join(repoRoot, 'src')).filter((f) => f !== 'internal' && f !== 'cli' && statSync(join(repoRoot, 'src', f)).isDirectory());
    expect([...subpaths].sort(), 'a top-level folder of src/ is a public subpath: add it to package.json "exports"').toEqual(folders.sort());
  });

  it('gives each subpath the same exports entry (ESM and CommonJS, each with its types)', () => {
    const expected = {
      '.': exportEntry(''),
      ...Object.fromEntries(subpaths.map((s) => [`./${s}`, exportEntry(s)])),
      './package.json': './package.json',
    };
    expect(pkg['exports'], `set package.json "exports" to:\n${json(expected)}`).toEqual(expected);
    expect({ main: pkg['main'], module: pkg['module'], types: pkg['types'] }).toEqual({
      main: './dist/index.cjs',
      module: './dist/index.js',
      types: './dist/index.d.cts',
    });
  });

  it('lists each subpath in typesVersions (for node10 resolution)', () => {
    const expected = { '*': Object.fromEntries(subpaths.map((s) => [s, [`./dist/${s}/index.d.cts`]])) };
    expect(pkg['typesVersions'], `set package.json "typesVersions" to:\n${json(expected)}`).toEqual(expected);
  });

  it('is the list of typedoc entry points', () => {
    const typedoc = JSON.parse(readFileSync(join(repoRoot, 'typedoc.json'), 'utf8')) as { entryPoints: string[] };
    const expected = subpaths.map((s) => `src/${s}/index.ts`);
    expect(typedoc.entryPoints, `set typedoc.json "entryPoints" to:\n${json(expected)}`).toEqual(expected);
  });

  it('is what src/index.ts re-exports, one `export *` line per subpath barrel and nothing else', () => {
    const expected = subpaths.map((s) => `export * from './${s}/index';`).join('\n');
    const actual = readFileSync(join(repoRoot, 'src', 'index.ts'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('//'))
      .join('\n');
    expect(actual, `src/index.ts should read:\n${expected}`).toBe(expected);
  });
});

/** The barrels of a domain: its index.ts and the index.ts of any subfolder it re-exports. */
function barrelProblems(subpath: string, importedWithinSrc: ReadonlySet<string | undefined>): string[] {
  const problems: string[] = [];
  const barrel = `src/${subpath}/index.ts`;
  if (!existsSync(join(repoRoot, barrel))) return [`${barrel} is missing`];
  const files = tsFiles(`src/${subpath}`);
  // Files reachable from the barrel through `export *` lines are the public files of the domain.
  const publicFiles = new Set<string>();
  const barrels = [barrel];
  for (let i = 0; i < barrels.length; i++) {
    const current = barrels[i] as string;
    const text = readFileSync(join(repoRoot, current), 'utf8');
    const statements = text.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('//'));
    const edges = importsOf(current);
    for (const line of statements) {
      if (!/^export \* from '\.\.?\/[\w./-]+';$/.test(line)) problems.push(`${current}: "${line}" is not of the form export * from './file';`);
    }
    const seen = new Set<string>();
    for (const edge of edges) {
      const allowed = edge.to === 'src/internal/errors.ts' && current === 'src/models/index.ts';
      if (!edge.star) continue;
      if (edge.to === undefined) problems.push(`${current}:${edge.line}: '${edge.specifier}' names no file`);
      else if (!allowed && !edge.to.startsWith(`src/${subpath}/`)) problems.push(`${current}:${edge.line}: '${edge.specifier}' is outside src/${subpath}/`);
      else if (seen.has(edge.to)) problems.push(`${current}:${edge.line}: '${edge.specifier}' is re-exported twice`);
      else {
        seen.add(edge.to);
        if (edge.to.endsWith('/index.ts')) barrels.push(edge.to);
        else publicFiles.add(edge.to);
      }
    }
  }
  // Every other file is a helper: used by a sibling, and not public (public functions carry an
  // executed @example; a file with one belongs in the barrel).
  for (const file of files) {
    if (publicFiles.has(file) || barrels.includes(file)) continue;
    if (file.endsWith('/index.ts')) {
      problems.push(`${file} is a barrel that ${barrel} does not re-export: add export * from './${file.slice(`src/${subpath}/`.length)}';`);
      continue;
    }
    const text = readFileSync(join(repoRoot, file), 'utf8');
    const add = `add export * from './${file.slice(`src/${subpath}/`.length, -3)}'; to ${barrel}`;
    if (/^\s*export\s/m.test(text) && /@example/.test(text)) problems.push(`${file} has a documented @example but is not in the barrel: ${add}`);
    else if (!importedWithinSrc.has(file)) problems.push(`${file} is neither in the barrel nor imported by any file of src/: ${add}, or delete it`);
  }
  return problems;
}

describe('domain barrels: one style, every public file, nothing else', () => {
  const importedWithinSrc = new Set(tsFiles('src').flatMap((f) => importsOf(f).map((e) => e.to)));
  it.each(subpaths)('src/%s/index.ts', (subpath) => {
    expect(barrelProblems(subpath, importedWithinSrc)).toEqual([]);
  });
});
