import type { GammaGammaCustomer, GammaGammaParams } from './gamma-gamma-params';
import { requireGammaGammaParams } from './spend';
import { readOptions } from '../../internal/options';
import { seededUniform } from '../../internal/random';
import { logGammaVariate } from '../../internal/random-variates';
import { describeValue, fail, requireCount, requireCountUpTo } from '../../internal/validate';
import { MAX_SIMULATED_CUSTOMERS } from '../read-simulation-options';

/** Options of {@link simulateGammaGamma}. */
export interface SimulateGammaGammaOptions {
  /** Number of customers to simulate, a whole number from 0 to 10,000,000. Required. */
  readonly customers: number;
  /**
   * Repeat purchases x of each customer (whose values are drawn): one whole number for all, or
   * a function of the customer's index. Required.
   */
  readonly frequency: number | ((index: number) => number);
  /** Seed of the random stream, a whole number ≥ 0 (same seed, same customers). Default `1`. */
  readonly seed?: number;
}

const FN = 'simulateGammaGamma';

/**
 * Simulate customers' average transaction values from the Gamma-Gamma model, seeded: each
 * customer's scale ν ~ Gamma(q, γ), then x transaction values ~ Gamma(p, ν), averaged.
 *
 * ```text
 * ν ~ Gamma(shape q, rate γ)
 * z̄ = (z₁ + … + zₓ)/x,  zⱼ ~ Gamma(shape p, rate ν)   ⇔   x·z̄ ~ Gamma(shape p·x, rate ν)
 * x = 0: monetaryValue 0 (no repeat purchase, nothing to average)
 * ```
 *
 * Deterministic: the same parameters, options and seed give the same customers on every
 * platform (mulberry32 uniforms, Marsaglia–Tsang gamma variates in log space).
 *
 * Source: Fader, Hardie & Lee (2005), RFM and CLV, *J. Marketing Research* 42(4), 415–430;
 * Fader & Hardie (2013), *The Gamma-Gamma model of monetary value* (note), §2.
 *
 * @param params - Gamma-Gamma parameters (a {@link GammaGammaFit} will do).
 * @param options - `customers`, `frequency` (both required) and `seed`.
 * @returns One {@link GammaGammaCustomer} per customer, in index order.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0, or a drawn value outside the double range (parameters
 *   far outside any currency); `NEGATIVE_VALUE` / `NOT_AN_INTEGER` for a negative or fractional
 *   `customers`, `frequency` or `seed`; `INVALID_OPTION` for options that are not a plain object
 *   or an unknown key (the near miss is suggested).
 *
 * @example
 * ```ts
 * import { fitGammaGamma, simulateGammaGamma } from 'cx-metrics/clv';
 * const truth = { p: 6.25, q: 3.74, gamma: 15.44 };
 * const rows = simulateGammaGamma(truth, { customers: 2, frequency: 3, seed: 4 });
 * rows.map((d) => d.frequency); // => [3, 3]
 * rows.every((d) => d.monetaryValue > 0); // => true
 * // A simulated base recovers the parameters it came from:
 * const fit = fitGammaGamma(simulateGammaGamma(truth, { customers: 20000, frequency: (i) => 1 + (i % 5) }));
 * Math.abs(fit.p * fit.gamma / (fit.q - 1) / (6.25 * 15.44 / 2.74) - 1) < 0.05; // => true
 * simulateGammaGamma(truth, { customers: 2, frequency: 1.5 }); // => throws NOT_AN_INTEGER
 * ```
 */
export function simulateGammaGamma(params: GammaGammaParams, options: SimulateGammaGammaOptions): GammaGammaCustomer[] {
  const settings = readOptions(FN, options, ['customers', 'frequency', 'seed']) as Partial<SimulateGammaGammaOptions>;
  const [p, q, gamma] = requireGammaGammaParams(FN, params);
  const count = requireCountUpTo(FN, 'customers', settings.customers, MAX_SIMULATED_CUSTOMERS);
  const frequency = settings.frequency;
  if (typeof frequency !== 'function') requireCount(FN, 'frequency', frequency);
  const seed = settings.seed === undefined ? 1 : requireCount(FN, 'seed', settings.seed);
  if (seed > 0xffffffff) throw fail('OUT_OF_RANGE', FN, `seed ${seed} exceeds 2^32 − 1`, { field: 'seed', value: seed });
  const u = seededUniform(seed);
  const lnGamma = Math.log(gamma);
  const out: GammaGammaCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const x = typeof frequency === 'function' ? requireCount(FN, 'frequency', frequency(i), i) : (frequency as number);
    const logNu = logGammaVariate(u, q) - lnGamma;
    if (x === 0) {
      out.push({ frequency: 0, monetaryValue: 0 });
      continue;
    }
    if (!(p * x < Infinity)) {
      throw fail('OUT_OF_RANGE', FN, `frequency ${describeValue(x)} at index ${i} times p ${describeValue(p)} is beyond a double: no spend can be drawn`, { field: 'frequency', value: x, index: i });
    }
    const z = Math.exp(logGammaVariate(u, p * x) - logNu - Math.log(x));
    if (!(z > 0 && Number.isFinite(z))) {
      throw fail('OUT_OF_RANGE', FN, `a drawn average spend ${z} at index ${i} is outside the double range: the parameters are beyond any currency`, {
        field: 'params',
        value: z,
        index: i,
      });
    }
    out.push({ frequency: x, monetaryValue: z });
  }
  return out;
}
