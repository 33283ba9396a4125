import type { CustomerHistory } from '../customer-history';
import type { ParetoNbdParams } from './pareto-nbd-fit';
import type { SimulationOptions } from '../simulation-options';
import { seededUniform } from '../../internal/random';
import { gammaVariate } from '../../internal/random-variates';
import { MAX_SIMULATED_PURCHASES, readSimulationOptions, tooManyPurchases } from '../read-simulation-options';
import { requireParetoNbdParams } from './pareto-nbd-predict';

const FN = 'simulateParetoNbd';

/**
 * Simulate customer histories from the Pareto/NBD model, deterministically from a seed: for
 * parameter-recovery checks, power studies and benchmarks.
 *
 * ```text
 * per customer: λ ~ Gamma(r, rate α), μ ~ Gamma(s, rate β), lifetime τ ~ Exponential(μ)
 * purchases: a Poisson process with rate λ on (0, min(τ, T)]; x of them, the last at tₓ
 * ```
 *
 * The draws come from one seeded stream (mulberry32; gamma by Marsaglia & Tsang 2000), per
 * customer in the order T, λ, μ, τ, then the purchases, so the same seed gives the same rows on
 * every platform.
 *
 * Source: Schmittlein, Morrison & Colombo (1987), Counting your customers: who are they and what
 * will they do next?, *Management Science* 33(1), 1–24 (the model's assumptions).
 *
 * @param params - Pareto/NBD parameters, each > 0 (a {@link ParetoNbdFit} will do).
 * @param options - `customers`, `T` (a number, or `{ min, max }`), `seed`, `resolution`.
 * @returns One {@link CustomerHistory} per customer, in the model's time unit.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter or resolution ≤ 0, or when a customer would make more than
 *   1,000,000 purchases; `NEGATIVE_VALUE` for a negative count, seed or T; `NOT_AN_INTEGER` for a
 *   fractional count or seed; `ORDER_VIOLATION` for T.max < T.min; `INVALID_OPTION` for a
 *   missing or unknown option.
 *
 * @example
 * ```ts
 * import { fitParetoNbd, simulateParetoNbd } from 'cx-metrics/clv';
 * const truth = { r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 };
 * const rows = simulateParetoNbd(truth, { customers: 5000, T: { min: 13, max: 39 }, seed: 7 });
 * rows.length; // => 5000
 * fitParetoNbd(rows).r; // => 0.56
 * simulateParetoNbd(truth, { customers: 10, T: { min: 39, max: 13 }, seed: 1 }); // => throws ORDER_VIOLATION
 * ```
 */
export function simulateParetoNbd(params: ParetoNbdParams, options: SimulationOptions): CustomerHistory[] {
  const [r, alpha, s, beta] = requireParetoNbdParams(FN, params);
  const { customers, minT, spanT, seed, round } = readSimulationOptions(FN, options);
  const u = seededUniform(seed);
  const out: CustomerHistory[] = [];
  for (let i = 0; i < customers; i++) {
    const T = round(spanT === 0 ? minT : minT + spanT * u());
    const lambda = gammaVariate(u, r, alpha);
    const mu = gammaVariate(u, s, beta);
    const lifetime = -Math.log(1 - u()) / mu;
    const end = Math.min(lifetime, T);
    let t = 0;
    let x = 0;
    let tx = 0;
    for (let draws = 0; ; draws++) {
      if (draws > MAX_SIMULATED_PURCHASES) throw tooManyPurchases(FN);
      t += -Math.log(1 - u()) / lambda;
      if (t > end) break;
      const at = round(t);
      // Rounded into the first purchase's step, or into the step of the last one: not a new purchase.
      if (at > T || at === 0 || at === tx) continue;
      x++;
      tx = at;
    }
    out.push({ frequency: x, recency: tx, T });
  }
  return out;
}
