import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src/', import.meta.url));
// The public subpaths: the keys of package.json "exports" (as scripts/lib/subpaths.ts reads them).
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { exports: Record<string, unknown> };
const subpaths = Object.keys(pkg.exports)
  .filter((key) => key !== '.' && key !== './package.json')
  .map((key) => key.slice(2));

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
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
