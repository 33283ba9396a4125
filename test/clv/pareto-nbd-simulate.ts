/**
 * A seeded simulator of the Pareto/NBD generative process, for parameter-recovery tests and
 * benchmarks (not a test file itself).
 *
 * Schmittlein, Morrison & Colombo (1987): λ ~ Gamma(r, rate α) and μ ~ Gamma(s, rate β),
 * independent; the customer's lifetime is Exponential(μ); while alive, purchases arrive as a
 * Poisson process with rate λ. Observed for T after the first purchase: x repeat purchases in
 * (0, min(lifetime, T)], the last at tₓ.
 */
import type { SimulatedCustomer } from './clv-simulate';
import { gammaSample, seededUniform } from '../support/random';

/**
 * `n` customers with ages T drawn by `age(i)`; times rounded to `resolution` (e.g. 1/7 week
 * = one day) when given, like real summaries (purchases in the first purchase's period are not
 * repeat purchases; purchases in the same period count once).
 */
export function simulateParetoNbdCustomers(
  n: number,
  params: { r: number; alpha: number; s: number; beta: number },
  options: { seed: number; age: (i: number, u: () => number) => number; resolution?: number },
): SimulatedCustomer[] {
  const u = seededUniform(options.seed);
  const out: SimulatedCustomer[] = [];
  const round = (v: number) => (options.resolution ? Math.round(v / options.resolution) * options.resolution : v);
  for (let i = 0; i < n; i++) {
    const T = round(options.age(i, u));
    const lambda = gammaSample(u, params.r, params.alpha);
    const mu = gammaSample(u, params.s, params.beta);
    const lifetime = -Math.log(1 - u()) / mu;
    const end = Math.min(lifetime, T);
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += -Math.log(1 - u()) / lambda;
      if (t > end) break;
      const at = round(t);
      if (at > T || at === 0 || at === tx) continue;
      x++;
      tx = at;
    }
    out.push({ frequency: x, recency: tx, T, monetaryValue: 0 });
  }
  return out;
}
