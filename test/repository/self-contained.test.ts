/**
 * A clone of the repository tests itself with nothing beside it: no tracked file (source, test,
 * benchmark, script, reference script, document) reads from outside the repository, and every
 * data file the tests use is in `test/fixtures/data/`, named with its source in that README.
 *
 * The patterns below are built from pieces, so that this file does not match itself.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/doc-examples';

const up = '.' + '.';
const shared = 'sh' + 'ared';
const q = `['"\`]`;

/** References to the data folder that sits beside the checkouts on the maintainers' machines. */
const outsideData: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: `a relative path into ${up}/${shared}`, pattern: new RegExp(`\\.\\.[\\\\/]+${shared}\\b`) },
  { what: `an absolute path to /work/${shared}`, pattern: new RegExp(`[\\\\/]work[\\\\/]+${shared}\\b`) },
  { what: `a path joined from '${up}' and '${shared}'`, pattern: new RegExp(`${q}\\.\\.${q}\\s*,\\s*${q}${shared}${q}`) },
  { what: `a pathlib path ending in / '${shared}'`, pattern: new RegExp(`[\\w)\\]]\\s*/\\s*${q}${shared}${q}`) },
];

/** Tracked files, plus new files not ignored by git (so a check run before committing sees them too). */
function repositoryFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...new Set(out.split('\0').filter((f) => f !== ''))].sort();
}

/** The text of a file, or `undefined` for binary files and files deleted from the working tree. */
function textOf(file: string): string | undefined {
  const path = join(repoRoot, file);
  if (!existsSync(path) || !statSync(path).isFile()) return undefined;
  const bytes = readFileSync(path);
  if (bytes.subarray(0, 8000).includes(0)) return undefined;
  return bytes.toString('utf8');
}

/** Whether `target` (absolute) lies outside the repository. */
function escapes(target: string): boolean {
  const rel = relative(repoRoot, target);
  return rel === up || rel.startsWith(up + sep) || isAbsolute(rel);
}

/**
 * Every way `text` (the content of `file`) reaches outside the repository, one line each:
 * the named outside data folder, a relative path literal (`'../../x'`) or a chain of `'..'`
 * pieces passed to a path join, resolved against the file's own folder.
 */
function outsideReferences(file: string, text: string): string[] {
  const found: string[] = [];
  const folder = dirname(join(repoRoot, file));
  const relativeLiteral = new RegExp(`${q}((?:\\.\\.[\\\\/])+)[^'"\`\\s]*${q}`, 'g');
  const joinedUps = new RegExp(`${q}\\.\\.${q}(?:\\s*,\\s*${q}\\.\\.${q})*`, 'g');
  text.split('\n').forEach((line, i) => {
    const where = `${file}:${i + 1}: ${line.trim().slice(0, 160)}`;
    for (const { what, pattern } of outsideData) if (pattern.test(line)) found.push(`${where} (${what})`);
    for (const m of line.matchAll(relativeLiteral)) {
      const ups = (m[1] ?? '').split(/[\\/]/).filter((p) => p === up).length;
      if (escapes(resolve(folder, ...Array<string>(ups).fill(up)))) found.push(`${where} (a relative path above the repository)`);
    }
    for (const m of line.matchAll(joinedUps)) {
      const ups = m[0].split(',').length;
      if (escapes(resolve(folder, ...Array<string>(ups).fill(up)))) found.push(`${where} (${ups} joined '${up}' above the repository)`);
    }
  });
  return found;
}

describe('the repository is self-contained', () => {
  const files = repositoryFiles();

  it('lists the repository files through git', () => {
    expect(files).toContain('package.json');
    expect(files).toContain('test/fixtures/data/README.md');
  });

  it('no file reads from outside the repository (put the data in test/fixtures/data/ instead)', () => {
    const found = files.flatMap((file) => {
      const text = textOf(file);
      return text === undefined ? [] : outsideReferences(file, text);
    });
    expect(found).toEqual([]);
  });

  it('the check finds each way of reaching outside (it can fail)', () => {
    const probe = (text: string, file = 'test/clv/x.test.ts') => outsideReferences(file, text).length;
    expect(probe(`readFileSync('${up}/${shared}/data/x.csv')`)).toBe(1);
    expect(probe(`const d = "${up}/${up}/${shared}/data";`)).toBeGreaterThanOrEqual(1);
    expect(probe(`open("/work/${shared}/data/x.csv")`)).toBe(1);
    expect(probe(`join(root, '${up}', '${shared}', 'data')`)).toBe(1);
    expect(probe(`ROOT = Path(__file__).parents[3] / "${shared}" / "data"`, 'test/clv/reference/x.py')).toBe(1);
    expect(probe(`readFileSync('${up}/${up}/${up}/outside.csv')`)).toBe(1);
    expect(probe(`join(import.meta.dirname, '${up}', '${up}', '${up}', 'x')`)).toBe(1);
    // Inside the repository: not reported.
    expect(probe(`import { nps } from '${up}/${up}/src/survey';`)).toBe(0);
    expect(probe(`join(import.meta.dirname, '${up}', '${up}', 'test', 'fixtures', 'data')`)).toBe(0);
    expect(probe(`/** The constants ${shared} by the parsers. */`)).toBe(0);
  });
});

describe('test/fixtures/data', () => {
  const dir = join(repoRoot, 'test', 'fixtures', 'data');
  const readme = readFileSync(join(dir, 'README.md'), 'utf8');
  const files = readdirSync(dir).filter((f) => f !== 'README.md');
  const rows = [...readme.matchAll(/^\| `([^`]+)` \|[^|]+\|([^|]+)\|\s*$/gm)].map((m) => ({ file: m[1] as string, source: (m[2] ?? '').trim() }));

  it('holds data', () => expect(files.length).toBeGreaterThan(0));

  it('every file is named in the README, with a source', () => {
    expect(files.filter((f) => !rows.some((r) => r.file === f))).toEqual([]);
    for (const { file, source } of rows) expect(source.length, `${file} has a source`).toBeGreaterThan(10);
  });

  it('every file the README names exists', () => {
    expect(rows.map((r) => r.file).filter((f) => !files.includes(f))).toEqual([]);
  });
});
