/**
 * The shifted-beta-geometric simulator of the parameter-recovery tests: the public, seeded
 * simulateSbg, with observation lengths drawn from a second seeded stream.
 */

import { simulateSbg as publicSimulateSbg } from '../../../src/retention';
import { seededUniform } from '../../support/random';

/** One customer's record: renewals made, and whether they churned at the next opportunity. */
export interface SimulatedCustomer {
  renewals: number;
  churned: boolean;
}

/**
 * `customers` customers; customer i can be observed for `opportunities(i)` renewal
 * opportunities (a cohort acquired earlier has more), then is censored if still active.
 */
export function simulateSbg(
  alpha: number,
  beta: number,
  customers: number,
  opportunities: (i: number, u: () => number) => number,
  seed: number,
): SimulatedCustomer[] {
  const u = seededUniform((seed + 0x9e3779b9) >>> 0);
  const periods = Array.from({ length: customers }, (_, i) => opportunities(i, u));
  return publicSimulateSbg({ alpha, beta }, { customers, seed, periods: (i) => periods[i] as number }).map((c) => ({ ...c }));
}

/** The survivor counts n₀ … n_T of a single cohort observed for T opportunities. */
export function survivorCounts(rows: readonly SimulatedCustomer[], periods: number): number[] {
  const counts = new Array<number>(periods + 1).fill(0);
  for (const r of rows) {
    const alive = r.churned ? r.renewals : periods; // survived renewals 1 … renewals
    for (let t = 0; t <= alive; t++) counts[t] = (counts[t] as number) + 1;
  }
  return counts;
}
