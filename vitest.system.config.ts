import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src/', import.meta.url));

// `npm run test:system`: the tests that need a service outside npm (a PostgreSQL server), run by
// `.ci/run` after `npm test`. `npm test` never runs them (vitest.config.ts excludes test/system).
export default defineConfig({
  resolve: {
    alias: [
      { find: /^cx-metrics$/, replacement: `${src}index.ts` },
      { find: /^cx-metrics\/(models|survey|retention|clv|journey|sql)$/, replacement: `${src}$1/index.ts` },
    ],
  },
  test: {
    include: ['test/system/**/*.test.ts'],
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
