import { defineConfig, type Options } from 'tsup';

// Source maps carry their sources: the package ships dist/, not src/.
const withSources: Options['esbuildOptions'] = (options) => {
  options.sourcesContent = true;
};

export default defineConfig([
  // The library: one entry per public subpath; shared chunks keep one CxMetricsError class across them.
  {
    entry: {
      index: 'src/index.ts',
      'models/index': 'src/models/index.ts',
      'survey/index': 'src/survey/index.ts',
      'retention/index': 'src/retention/index.ts',
      'clv/index': 'src/clv/index.ts',
      'journey/index': 'src/journey/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    splitting: true,
    treeshake: true,
    clean: true,
    sourcemap: true,
    esbuildOptions: withSources,
    target: 'es2020',
    platform: 'neutral',
    tsconfig: 'tsconfig.build.json',
  },
  // The `cx-metrics` executable: one ESM file for Node ≥ 18 (it bundles the library code it uses).
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    splitting: false,
    treeshake: true,
    clean: false,
    sourcemap: true,
    esbuildOptions: withSources,
    target: 'node18',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    tsconfig: 'tsconfig.json',
  },
]);
