/**
 * The second step of `npm run build`: the CommonJS declarations (`.d.cts`) are the ESM ones
 * (`.d.ts`, written once by tsup) with their relative imports pointed at `.cjs`, instead of a
 * second declaration build of the whole library.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCommonJsDeclarations } from './lib/cjs-declarations';
import { repositoryRoot } from './lib/subpaths';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const declarations = walk(join(repositoryRoot, 'dist')).filter((f) => f.endsWith('.d.ts'));
if (declarations.length === 0) throw new Error('no .d.ts in dist/: run tsup first');
for (const file of declarations) writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), toCommonJsDeclarations(readFileSync(file, 'utf8')));
