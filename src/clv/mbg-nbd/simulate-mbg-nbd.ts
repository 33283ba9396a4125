import type { CustomerHistory } from '../customer-history';
import type { MbgNbdParams } from './mbg-nbd-fit';
import type { SimulationOptions } from '../simulation-options';
import { seededUniform } from '../../internal/random';
import { betaVariate, gammaVariate } from '../../internal/random-variates';
import { MAX_SIMULATED_PURCHASES, readSimulationOptions, tooManyPurchases } from '../read-simulation-options';
import { requireMbgNbdParams } from './mbg-nbd-predict';

const FN = 'simulateMbgNbd';

/**
 * Simulate customer histories from the MBG/NBD model, deterministically from a seed: for
 * parameter-recovery checks, power studies and benchmarks.
 *
 * ```text
 * per customer: λ ~ Gamma(r, rate α), p ~ Beta(a, b)
 * right after the first purchase (time 0) the customer drops out for good with probability p;
 * otherwise purchases follow a Poisson process with rate λ up to T, and after each repeat
 * purchase the customer drops out with probability p
 * ```
 *
 * The draws come from one seeded stream (mulberry32; gamma by Marsaglia & Tsang 2000), per
 * customer in the order T, λ, p, the dropout at time 0, then the purchases, so the same seed gives
 * the same rows on every platform.
 *
 * Source: Batislam, Denizel & Filiztekin (2007), *International Journal of Research in
 * Marketing* 24(3), 201–209, §2 (the model's assumptions).
 *
 * @param params - MBG/NBD parameters, each > 0 (a {@link MbgNbdFit} will do).
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
 * import { fitMbgNbd, simulateMbgNbd } from 'cx-metrics/clv';
 * const truth = { r: 0.5, alpha: 5, a: 1, b: 3 };
 * const rows = simulateMbgNbd(truth, { customers: 5000, T: { min: 13, max: 39 }, seed: 7 });
 * rows.length; // => 5000
 * fitMbgNbd(rows).r; // => 0.47
 * simulateMbgNbd(truth, { customers: 10, T: 52 }); // => throws INVALID_OPTION
 * ```
 */
export function simulateMbgNbd(params: MbgNbdParams, options: SimulationOptions): CustomerHistory[] {
  const [r, alpha, a, b] = requireMbgNbdParams(FN, params);
  const { customers, minT, spanT, seed, round } = readSimulationOptions(FN, options);
  const u = seededUniform(seed);
  const out: CustomerHistory[] = [];
  for (let i = 0; i < customers; i++) {
    const T = round(spanT === 0 ? minT : minT + spanT * u());
    const lambda = gammaVariate(u, r, alpha);
    const dropout = betaVariate(u, a, b);
    let x = 0;
    let tx = 0;
    if (u() >= dropout) {
      let t = 0;
      for (;;) {
        t += -Math.log(1 - u()) / lambda;
        const at = round(t);
        if (at > T) break;
        if (at === 0) continue; // in the first purchase's step: not a repeat purchase
        if (++x > MAX_SIMULATED_PURCHASES) throw tooManyPurchases(FN);
        tx = at;
        if (u() < dropout) break;
      }
    }
    out.push({ frequency: x, recency: tx, T });
  }
  return out;
}
