import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src/', import.meta.url));

// `npm run test:system`: the tests that need programs beside Node (a PostgreSQL server, headless
// Chromium), under test/system/. `.ci/run` installs and starts them after `npm test`; `npm test`
// never runs them (vitest.config.ts excludes test/system).
export default defineConfig({
  resolve: {
    alias: [
      { find: /^cx-metrics$/, replacement: `${src}index.ts` },
      { find: /^cx-metrics\/(models|survey|retention|clv|journey|sql)$/, replacement: `${src}$1/index.ts` },
    ],
  },
  test: {
    include: ['test/system/**/*.test.ts', 'test/system/**/*.system.ts'],
    isolate: false,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
