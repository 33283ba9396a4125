import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';
import { annotatePure } from './scripts/lib/pure-annotations';
import { packageSubpaths, repositoryRoot } from './scripts/lib/subpaths';

// The entries come from the one list of subpaths (package.json "exports").
const subpaths = packageSubpaths();
const entries: Record<string, string> = { index: 'src/index.ts' };
for (const subpath of subpaths) entries[`${subpath}/index`] = `src/${subpath}/index.ts`;

/**
 * ESM is shipped one file per source module (dist/survey/nps.js ↔ src/survey/nps.ts), so that a
 * user's bundler sees the real module graph and, with `"sideEffects": false`, drops every module
 * an import does not reach. Every relative import is left external and pointed at the emitted
 * `.js` file; every `src/**` module is an entry.
 */
const perModule: Plugin = {
  name: 'per-module-esm',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (existsSync(join(args.resolveDir, `${args.path}.ts`))) return { path: `${args.path}.js`, external: true };
      if (existsSync(join(args.resolveDir, args.path, 'index.ts'))) return { path: `${args.path}/index.js`, external: true };
      return { errors: [{ text: `cannot resolve ${args.path} from ${args.importer}` }] };
    });
  },
};

/** Load-time calls in src/ marked pure (scripts/lib/pure-annotations.ts). */
const pureAnnotations: Plugin = {
  name: 'pure-annotations',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => ({
      contents: annotatePure(readFileSync(args.path, 'utf8'), args.path),
      loader: 'ts',
    }));
  },
};

// Source maps carry their sources: the package ships dist/, not src/.
const withSources: Options['esbuildOptions'] = (options) => {
  options.sourcesContent = true;
};

// Run once per build: the two configurations below write into the same dist/.
rmSync(`${repositoryRoot}dist`, { recursive: true, force: true });

export default defineConfig([
  {
    // ESM: one output file per module, and the bundled .d.ts per public entry.
    // The command line (src/cli) is not a library module: it is bundled on its own below.
    entry: ['src/**/*.ts', '!src/cli/**'],
    format: ['esm'],
    bundle: true,
    esbuildPlugins: [pureAnnotations, perModule],
    dts: { entry: entries },
    splitting: false,
    treeshake: false,
    clean: false,
    sourcemap: true,
    esbuildOptions: withSources,
    target: 'es2022',
    platform: 'neutral',
    tsconfig: 'tsconfig.build.json',
  },
  {
    // CommonJS: one file per public entry; shared chunks keep one CxMetricsError class across them.
    // Its .d.cts are the .d.ts above with `.cjs` imports (scripts/cjs-declarations.ts, `npm run build`).
    entry: entries,
    format: ['cjs'],
    esbuildPlugins: [pureAnnotations],
    dts: false,
    splitting: true,
    treeshake: true,
    clean: false,
    sourcemap: true,
    esbuildOptions: withSources,
    target: 'es2022',
    platform: 'neutral',
    tsconfig: 'tsconfig.build.json',
  },
  {
    // The `cx-metrics` executable: one ESM file for Node ≥ 18 (it bundles the library code it uses).
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
