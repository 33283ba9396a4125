import { defineConfig } from 'tsup';

// One entry per public subpath; shared chunks keep one CxMetricsError class across them.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'models/index': 'src/models/index.ts',
    'survey/index': 'src/survey/index.ts',
    'retention/index': 'src/retention/index.ts',
    'clv/index': 'src/clv/index.ts',
    'journey/index': 'src/journey/index.ts',
    'sql/index': 'src/sql/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  splitting: true,
  treeshake: true,
  clean: true,
  sourcemap: false,
  target: 'es2020',
  platform: 'neutral',
  tsconfig: 'tsconfig.build.json',
});
