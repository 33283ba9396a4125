/**
 * The known drivers of the bundled sample's relationship NPS, read from the generator itself
 * (`DRIVERS` in scripts/generate-sample-data.ts), so that the report tests follow the generator:
 * the attributes ordered by their loading on the latent score, strongest first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/doc-examples';

export interface KnownDriver {
  readonly name: string;
  readonly loading: number;
}

/** The generator's drivers, by loading (strongest first). */
export function knownDrivers(): KnownDriver[] {
  const source = readFileSync(join(repoRoot, 'scripts', 'generate-sample-data.ts'), 'utf8');
  const block = /const DRIVERS = \{([\s\S]*?)\n\} as const;/.exec(source)?.[1];
  if (block === undefined) throw new Error('DRIVERS not found in scripts/generate-sample-data.ts');
  const drivers = [...block.matchAll(/^\s*(?:'([^']+)'|(\w+)): \{ loading: ([\d.]+)/gm)].map((m) => ({ name: (m[1] ?? m[2]) as string, loading: Number(m[3]) }));
  if (drivers.length < 2) throw new Error('fewer than two drivers parsed from DRIVERS');
  return drivers.sort((a, b) => b.loading - a.loading);
}
