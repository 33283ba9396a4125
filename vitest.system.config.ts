import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src/', import.meta.url));

// `npm run test:system`: tests that need programs beside Node (a browser, a database), each
// under test/system/ as *.system.ts. `.ci/run` installs those programs first.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^cx-metrics$/, replacement: `${src}index.ts` },
      { find: /^cx-metrics\/(models|survey|retention|clv|journey)$/, replacement: `${src}$1/index.ts` },
    ],
  },
  test: {
    include: ['test/system/**/*.system.ts'],
    isolate: false,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
