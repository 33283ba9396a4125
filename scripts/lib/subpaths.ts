/**
 * The one list of public subpaths: the keys of `exports` in package.json (`./survey` → `survey`),
 * without the root and `./package.json`. tsup, vitest, typedoc and the tests read it from here;
 * test/repository/subpaths.test.ts checks everything that cannot read it (package.json's own
 * `exports` shape and `typesVersions`, the barrels) against it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is scripts/lib/subpaths.ts). */
export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The parsed package.json. */
export function readPackageJson(): Record<string, unknown> {
  return JSON.parse(readFileSync(`${repositoryRoot}package.json`, 'utf8')) as Record<string, unknown>;
}

/** The public subpaths, in the order package.json lists them (`['models', 'survey', …]`). */
export function packageSubpaths(): string[] {
  const exportsField = readPackageJson()['exports'];
  if (typeof exportsField !== 'object' || exportsField === null) throw new Error('package.json has no "exports" map');
  return Object.keys(exportsField)
    .filter((key) => key !== '.' && key !== './package.json')
    .map((key) => key.replace(/^\.\//, ''));
}
