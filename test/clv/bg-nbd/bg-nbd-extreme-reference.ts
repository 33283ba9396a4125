/** The 60-digit BG/NBD references at extreme parameters (reference/bg_nbd_extreme_reference.py); not a test file itself. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Params = [number, number, number, number];

/** The JSON written by test/clv/reference/bg_nbd_extreme_reference.py. */
export interface BgNbdExtremeReference {
  readonly expected: [Params, number, number][];
  readonly conditional: [Params, [number, number, number], number, number][];
  readonly count: [Params, number, number, number][];
  readonly recencyZero: { rows: number[]; params: Params; logLikelihood: number; exponent: number; logLikelihoodNearBoundary: [string, number][] };
}

export const extreme = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'reference', 'bg-nbd-extreme-reference.json'), 'utf8')) as BgNbdExtremeReference;

export const asParams = ([r, alpha, a, b]: Params) => ({ r, alpha, a, b });
