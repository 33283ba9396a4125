/**
 * The house rules of CONTRIBUTING.md ("The map of the house"), derived from the source tree on
 * every run: the import statements of every `src/**\/*.ts` (type-only imports count), the file
 * names and identifiers of `src/internal/`, the test files, the public run-time exports.
 *
 * Each check has the list of violations known today (`KNOWN_…`, `PENDING_…`). The lists must be
 * exact: a new violation fails, and so does a listed one that no longer occurs ("remove … from
 * KNOWN_…"), so they can only shrink. They are to be emptied, never extended.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as library from '../../src/index';
import { repoRoot } from '../support/doc-examples';
import { type ImportEdge, importsOf, lineCount, parse, tsFiles } from '../support/source-graph';

// ---------------------------------------------------------------------------------------------
// Known violations, today. Empty them; never add to them.

/** Import cycles, each from its alphabetically first file. */
const KNOWN_CYCLES: readonly string[] = [];

/** Imports against the layering (`from → to`). */
const KNOWN_UPWARD_IMPORTS: readonly string[] = [];

/** The share of `src/` lines in `src/internal/` may not exceed this; the target is 0.2. */
const KNOWN_INTERNAL_SHARE = 0.2;

/** Customer words in the file names and identifiers of `src/internal/` (`file: words`). */
const KNOWN_DOMAIN_WORDS_IN_INTERNAL: readonly string[] = [];

/** Imports of `test/` from `src/`, `bench/`, `demo/` or `scripts/` (`from → to`). */
const KNOWN_TEST_IMPORTS: readonly string[] = [];

/** Files of `src/` exporting a function with no mirrored `test/…​.test.ts` or `.prop.test.ts`. */
const KNOWN_UNTESTED_FILES: readonly string[] = [];

/** Public functions not yet named in any `test/**\/*.test-d.ts`. */
const PENDING_TYPE_TESTS: readonly string[] = [];

// ---------------------------------------------------------------------------------------------

/** The target of `internal/`'s share of `src/` lines (issue 11). */
const INTERNAL_SHARE_TARGET = 0.2;

/**
 * Words that name the customer domain. An identifier or file name of `src/internal/` is split
 * into words (`fitBgNbdCore` → fit, bg, nbd, core; `rfm-rows` → rfm, rows); a word matches when
 * it starts with one of these (`customers`, `surveyed`), or the adjacent words match a pair.
 */
const DOMAIN_WORDS: readonly string[] = [
  'customer', 'purchase', 'transaction', 'nps', 'csat', 'ces', 'survey', 'churn', 'cohort',
  'retention', 'journey', 'touchpoint', 'funnel', 'clv', 'rfm', 'pareto', 'sbg', 'bg-nbd',
  'bg-bb', 'gamma-gamma', 'promoter', 'detractor',
];
/** Words matched whole only (short, or common as a prefix of neutral words). */
const WHOLE_WORDS = new Set(['nps', 'ces', 'sbg', 'rfm', 'clv', 'csat']);

/** Where a list must change to match the tree: one line per extra or missing entry. */
function listDiff(name: string, found: readonly string[], known: readonly string[]): string[] {
  const f = new Set(found);
  const k = new Set(known);
  return [
    ...[...f].filter((x) => !k.has(x)).map((x) => `new: ${x}`),
    ...[...k].filter((x) => !f.has(x)).map((x) => `fixed, remove it from ${name}: ${x}`),
  ];
}

const srcFiles = tsFiles('src');
const srcEdges: ImportEdge[] = srcFiles.flatMap(importsOf).filter((e) => e.to?.startsWith('src/'));

/** The layer of a src file: 'index', 'internal', 'models', or its domain folder. */
function layerOf(file: string): string {
  if (file === 'src/index.ts') return 'index';
  return file.split('/')[1] ?? file;
}

/**
 * The only imports between domains, each declared here and in CONTRIBUTING.md: journey reports
 * survey figures per touchpoint and journey through survey's own code (the same numbers, bit for
 * bit), and the command line (`src/cli`, the package's executable, not a subpath) consumes every
 * domain through its barrel. Nothing imports the command line.
 */
const DOMAIN_DEPENDENCIES: Readonly<Record<string, readonly string[]>> = {
  journey: ['survey'],
  cli: ['models', 'survey', 'retention', 'clv', 'journey', 'sql'],
};

/** Whether an import from one layer into another runs downward. */
function allowed(from: string, to: string, toFile: string): boolean {
  if (from === 'index') return /^src\/[^/]+\/index\.ts$/.test(toFile) && to !== 'internal' && to !== 'cli';
  if (from === 'internal') return to === 'internal';
  if (from === 'models') return to === 'models' || to === 'internal';
  if (to === from || to === 'models' || to === 'internal') return true;
  if (from === 'cli') return (DOMAIN_DEPENDENCIES.cli ?? []).includes(to) && /^src\/[^/]+\/index\.ts$/.test(toFile);
  return (DOMAIN_DEPENDENCIES[from] ?? []).includes(to);
}

/** Every import cycle: for each file in a cycle, the shortest one through it, deduplicated. */
function cycles(): string[] {
  const next = new Map<string, string[]>();
  for (const e of srcEdges) next.set(e.from, [...new Set([...(next.get(e.from) ?? []), e.to as string])].sort());
  const found = new Set<string>();
  for (const start of srcFiles) {
    // Breadth-first from `start`, until it comes back.
    const parent = new Map<string, string>();
    const queue = [start];
    let closing: string | undefined;
    for (let i = 0; i < queue.length && closing === undefined; i++) {
      const node = queue[i] as string;
      for (const to of next.get(node) ?? []) {
        if (to === start) {
          closing = node;
          break;
        }
        if (!parent.has(to)) {
          parent.set(to, node);
          queue.push(to);
        }
      }
    }
    if (closing === undefined) continue;
    const path = [closing];
    while (path[0] !== start) path.unshift(parent.get(path[0] as string) as string);
    const first = path.indexOf([...path].sort()[0] as string);
    const rotated = [...path.slice(first), ...path.slice(0, first)];
    found.add([...rotated, rotated[0]].join(' → '));
  }
  return [...found].sort();
}

/** The words of an identifier or file name: `fitBgNbdCore` → fit, bg, nbd, core. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

/** The customer words in one name. */
function domainWordsIn(name: string): string[] {
  const words = wordsOf(name);
  const hits: string[] = [];
  for (const entry of DOMAIN_WORDS) {
    const parts = entry.split('-');
    for (let i = 0; i + parts.length <= words.length; i++) {
      const match = parts.every((p, k) => {
        const w = words[i + k] as string;
        return parts.length > 1 || WHOLE_WORDS.has(p) ? w === p || w === `${p}s` : w.startsWith(p);
      });
      if (match) hits.push(entry);
    }
  }
  return hits;
}

/** File name and identifiers (not comments, not strings) of a file, with their customer words. */
function domainWordsOfFile(file: string): string[] {
  const words = new Set(domainWordsIn(file.split('/').pop()?.replace(/\.ts$/, '') ?? ''));
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) for (const w of domainWordsIn(node.text)) words.add(w);
    ts.forEachChild(node, visit);
  };
  visit(parse(file));
  return [...words].sort();
}

/** The names a file exports as run-time functions or classes. */
function exportedFunctions(file: string): string[] {
  const names: string[] = [];
  const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of parse(file).statements) {
    if (!exported(statement)) continue;
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) names.push(statement.name.text);
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        const init = d.initializer;
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && ts.isIdentifier(d.name)) names.push(d.name.text);
      }
    }
  }
  return names;
}

describe('the architecture of src/', () => {
  it('has no import cycle', () => {
    expect(listDiff('KNOWN_CYCLES', cycles(), KNOWN_CYCLES)).toEqual([]);
  });

  it('imports downward only: index → domains → models → internal; domains import each other only as DOMAIN_DEPENDENCIES declares', () => {
    const upward = srcEdges
      .filter((e) => !allowed(layerOf(e.from), layerOf(e.to as string), e.to as string))
      .map((e) => `${e.from} → ${e.to}`);
    expect(listDiff('KNOWN_UPWARD_IMPORTS', [...new Set(upward)].sort(), KNOWN_UPWARD_IMPORTS)).toEqual([]);
  });

  it('resolves every relative import of src/ to a file', () => {
    const unresolved = srcFiles.flatMap(importsOf).filter((e) => e.specifier.startsWith('.') && e.to === undefined);
    expect(unresolved.map((e) => `${e.from}:${e.line} ${e.specifier}`)).toEqual([]);
  });

  it(`keeps internal/ at most ${INTERNAL_SHARE_TARGET * 100}% of src/ lines`, () => {
    const total = srcFiles.reduce((s, f) => s + lineCount(f), 0);
    const internal = srcFiles.filter((f) => f.startsWith('src/internal/')).reduce((s, f) => s + lineCount(f), 0);
    const share = internal / total;
    const figure = `internal/ is ${internal} of ${total} lines (${(100 * share).toFixed(1)}%)`;
    expect(share, `${figure}, above KNOWN_INTERNAL_SHARE`).toBeLessThanOrEqual(Math.max(KNOWN_INTERNAL_SHARE, INTERNAL_SHARE_TARGET));
    // The ceiling follows the code down: within one point of today's share, or the target.
    const ceiling = Math.max(INTERNAL_SHARE_TARGET, Math.ceil(share * 100) / 100);
    expect(KNOWN_INTERNAL_SHARE, `${figure}: lower KNOWN_INTERNAL_SHARE to ${ceiling}`).toBeLessThanOrEqual(ceiling);
  });

  it('has no customer words in the file names and identifiers of internal/', () => {
    const found = srcFiles
      .filter((f) => f.startsWith('src/internal/'))
      .map((f) => [f, domainWordsOfFile(f)] as const)
      .filter(([, words]) => words.length > 0)
      .map(([f, words]) => `${f}: ${words.join(', ')}`);
    expect(listDiff('KNOWN_DOMAIN_WORDS_IN_INTERNAL', found, KNOWN_DOMAIN_WORDS_IN_INTERNAL)).toEqual([]);
  });
});

describe('tests stay tests', () => {
  it('src/, bench/, demo/ and scripts/ never import from test/', () => {
    const found = ['src', 'bench', 'demo', 'scripts']
      .flatMap(tsFiles)
      .flatMap(importsOf)
      .filter((e) => e.to?.startsWith('test/'))
      .map((e) => `${e.from} → ${e.to}`);
    expect(listDiff('KNOWN_TEST_IMPORTS', [...new Set(found)].sort(), KNOWN_TEST_IMPORTS)).toEqual([]);
  });

  it('mirrors each src/ file that exports a function in test/ (same path, .test.ts or .prop.test.ts)', () => {
    const untested = srcFiles
      .filter((f) => exportedFunctions(f).length > 0)
      .filter((f) => {
        const base = join(repoRoot, f.replace(/^src\//, 'test/').replace(/\.ts$/, ''));
        return !existsSync(`${base}.test.ts`) && !existsSync(`${base}.prop.test.ts`);
      });
    expect(listDiff('KNOWN_UNTESTED_FILES', untested, KNOWN_UNTESTED_FILES)).toEqual([]);
  });

  it('names every public function in a type test (test/**/*.test-d.ts)', () => {
    const typeTests = tsFiles('test')
      .filter((f) => f.endsWith('.test-d.ts'))
      .map((f) => readFileSync(join(repoRoot, f), 'utf8'))
      .join('\n');
    const functions = Object.entries(library)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name)
      .sort();
    const missing = functions.filter((name) => !new RegExp(`\\b${name}\\b`).test(typeTests));
    expect(listDiff('PENDING_TYPE_TESTS', missing, PENDING_TYPE_TESTS)).toEqual([]);
  });
});
