/** The whole-range reference values of reference/extreme_reference.py (not a test file itself). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/doc-examples';
import { relativeError } from './clv-data';

/** mpmath values at points sampled over every parameter in [e^-30, e^30] and extreme t, T, x, n. */
export interface ExtremeReference {
  paretoNbd: {
    /** [r, α, s, β, t, E[X(t)]] */
    expected: number[][];
    /** [r, α, s, β, x, tₓ, T, t, P(alive), ln P(alive), E[Y(t) | x, tₓ, T]] */
    customers: number[][];
  };
  bgBb: {
    /** [α, β, γ, δ, n, E[X(n)]] */
    expected: number[][];
    /** [α, β, γ, δ, x, tₓ, n, n*, d, P(alive at n+1), its ln, E[X(n, n+n*) | …], DERT(d | …) or null] */
    customers: (number | null)[][];
  };
  /** [p, q, γ, x, z̄, E[Z | z̄, x]] */
  gammaGamma: number[][];
}

export const extremeReference: ExtremeReference = JSON.parse(
  readFileSync(join(repoRoot, 'test', 'clv', 'reference', 'extreme-reference.json'), 'utf8'),
) as ExtremeReference;

/** The tolerance every whole-range reference must hold at. */
export const EXTREME_RTOL = 1e-6;

/**
 * How far `actual` is from `expected`, relative; a reference below 1e-290 (a probability of
 * e^(−1e5), say) must come out below 1e-280 (it underflows in double precision), scored 0 then.
 */
export function extremeError(actual: number, expected: number): number {
  if (Math.abs(expected) < 1e-290) return actual >= 0 && actual < 1e-280 ? 0 : Infinity;
  return relativeError(actual, expected);
}
