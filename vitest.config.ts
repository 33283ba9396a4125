import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src/', import.meta.url));

export default defineConfig({
  resolve: {
    // Documentation examples import the package by its public name; tests run them against src.
    alias: [
      { find: /^cx-metrics$/, replacement: `${src}index.ts` },
      { find: /^cx-metrics\/(models|survey|retention|clv|journey)$/, replacement: `${src}$1/index.ts` },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
