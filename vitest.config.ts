import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const src = fileURLToPath(new URL('./src/', import.meta.url));
// The public subpaths: the keys of package.json "exports" (as scripts/lib/subpaths.ts reads them).
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { exports: Record<string, unknown> };
const subpaths = Object.keys(pkg.exports)
  .filter((key) => key !== '.' && key !== './package.json')
  .map((key) => key.slice(2));

// The few files that take many seconds each, heaviest first. They start before the small files, so
// that the two workers finish together instead of one worker ending alone on a 30-second file (a
// fresh clone has no timing cache for vitest to order by).
const HEAVIEST = [
  'test/sql/ten-million.test.ts',
  'test/package/pack.test.ts',
  'test/clv/bg-nbd/bg-nbd-fit.prop.test.ts',
  'test/clv/predict-transactions.coverage.test.ts',
  'test/cli/duckdb-big-file.test.ts',
  'test/docs/examples.test.ts',
];

class HeaviestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { shuffle, seed } = this.ctx.config.sequence;
    if (shuffle) return shuffled(files, seed);
    const rank = (file: TestSpecification) => {
      const i = HEAVIEST.findIndex((heavy) => file.moduleId.endsWith(heavy));
      return i < 0 ? HEAVIEST.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

/** `npm run test:shuffle`: the files in a seeded random order (a custom sequencer replaces vitest's own shuffle). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export default defineConfig({
  resolve: {
    // Documentation examples import the package by its public name; tests run them against src.
    alias: [
      { find: /^cx-metrics$/, replacement: `${src}index.ts` },
      // One alias per public subpath (package.json "exports").
      ...subpaths.map((subpath) => ({ find: new RegExp(`^cx-metrics/${subpath}$`), replacement: `${src}${subpath}/index.ts` })),
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Tests that need a service outside npm (PostgreSQL): `npm run test:system` (vitest.system.config.ts).
    exclude: [...configDefaults.exclude, 'test/system/**'],
    // One module graph per worker instead of one worker process per test file: with isolation,
    // every one of the ~155 files started a fresh process and re-imported vitest, fast-check and
    // the src barrels (import 227 s of a 309 s run; see CONTRIBUTING.md, "Test time"). Test files
    // share no mutable state (no globals, mocks, fake timers or fast-check global settings), and
    // `npm run test:shuffle` checks that the suite passes in any order.
    isolate: false,
    // Every core: vitest's default leaves one to its main process (availableParallelism − 1, one
    // worker on a 2-core machine), but the suite is CPU-bound in the workers.
    maxWorkers: availableParallelism(),
    sequence: { sequencer: HeaviestFirst },
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
