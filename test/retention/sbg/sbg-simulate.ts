/**
 * A shifted-beta-geometric simulator for the parameter-recovery tests: θᵢ ~ Beta(α, β) per
 * customer, who then renews with probability 1 − θᵢ at each opportunity until churning or
 * until the observation ends (right-censored). Seeded, so a failing case can be replayed.
 */

import { betaSample, seededUniform } from '../../support/random';

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
  const u = seededUniform(seed);
  const rows: SimulatedCustomer[] = [];
  for (let i = 0; i < customers; i++) {
    const theta = betaSample(u, alpha, beta);
    const limit = opportunities(i, u);
    let renewals = 0;
    let churned = false;
    while (renewals < limit) {
      if (u() < theta) {
        churned = true;
        break;
      }
      renewals++;
    }
    rows.push({ renewals, churned });
  }
  return rows;
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
