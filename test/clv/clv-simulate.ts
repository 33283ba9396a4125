/**
 * Seeded simulators of the BG/NBD and Gamma-Gamma generative processes, for
 * parameter-recovery tests and benchmarks (not a test file itself).
 *
 * BG/NBD (Fader, Hardie & Lee 2005, §3): λ ~ Gamma(r, rate α), p ~ Beta(a, b); while alive,
 * purchases arrive as a Poisson process with rate λ; after each repeat purchase the customer
 * drops out with probability p. Gamma-Gamma: ν ~ Gamma(q, rate γ), each repeat spend
 * ~ Gamma(p, rate ν).
 */

import { betaVariate, gammaVariate, seededUniform } from '../support/random';

export interface SimulatedCustomer {
  frequency: number;
  recency: number;
  T: number;
  monetaryValue: number;
}

/**
 * `n` customers with ages T drawn by `age(i)`; times rounded to `resolution` (e.g. 1/7 week
 * = one day) when given, like real summaries; spend from Gamma-Gamma when `spend` is given.
 */
export function simulateCustomers(
  n: number,
  params: { r: number; alpha: number; a: number; b: number },
  options: {
    seed: number;
    age: (i: number, u: () => number) => number;
    resolution?: number;
    spend?: { p: number; q: number; gamma: number };
  },
): SimulatedCustomer[] {
  const u = seededUniform(options.seed);
  const out: SimulatedCustomer[] = [];
  const round = (v: number) => (options.resolution ? Math.round(v / options.resolution) * options.resolution : v);
  for (let i = 0; i < n; i++) {
    const T = round(options.age(i, u));
    const lambda = gammaVariate(u, params.r, params.alpha);
    const dropout = betaVariate(u, params.a, params.b);
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += -Math.log(1 - u()) / lambda;
      const at = round(t);
      if (at > T) break;
      if (at === 0) continue; // in the first purchase's period: not a repeat purchase
      x++;
      tx = at;
      if (u() < dropout) break;
    }
    let monetaryValue = 0;
    if (options.spend && x > 0) {
      const nu = gammaVariate(u, options.spend.q, options.spend.gamma);
      let total = 0;
      for (let k = 0; k < x; k++) total += gammaVariate(u, options.spend.p, nu);
      monetaryValue = total / x;
    }
    out.push({ frequency: x, recency: tx, T, monetaryValue });
  }
  return out;
}
