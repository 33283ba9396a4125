import type { DiscreteCustomerHistory } from '../discrete-customer-history';
import type { BgBbParams } from './bg-bb-params';
import { requireBgBbParams, requireOpportunities } from './predict';
import { readOptions } from '../../internal/options';
import { seededUniform } from '../../internal/random';
import { betaVariate } from '../../internal/random-variates';
import { fail, requireCount, requireCountUpTo } from '../../internal/validate';
import { MAX_SIMULATED_CUSTOMERS } from '../read-simulation-options';

/** Options of {@link simulateBgBb}. */
export interface SimulateBgBbOptions {
  /** Number of customers to simulate, a whole number from 0 to 10,000,000. Required. */
  readonly customers: number;
  /**
   * Transaction opportunities n each customer is observed for after the first transaction: one
   * whole number for all, or a function of the customer's index. Required.
   */
  readonly periods: number | ((index: number) => number);
  /** Seed of the random stream, a whole number ≥ 0 (same seed, same customers). Default `1`. */
  readonly seed?: number;
}

const FN = 'simulateBgBb';

/**
 * Simulate customer histories from the BG/BB process, seeded: for each customer draw
 * p ~ Beta(α, β) and θ ~ Beta(γ, δ); before each of the n opportunities the customer, if still
 * alive, drops out for good with probability θ, and, if not, transacts with probability p.
 * For parameter-recovery checks, power studies and what-if plots.
 *
 * ```text
 * p ~ Beta(α, β),  θ ~ Beta(γ, δ)
 * for t = 1 … n: dead with prob. θ (stop); else transact with prob. p (x += 1, tₓ = t)
 * ```
 *
 * Deterministic: the same parameters, options and seed give the same histories on every
 * platform (mulberry32 uniforms, Marsaglia–Tsang gamma variates in log space).
 *
 * Source: Fader, Hardie & Shang (2010), "Customer-Base Analysis in a Discrete-Time
 * Noncontractual Setting", *Marketing Science* 29(6), 1086–1108, §2.
 *
 * @param params - BG/BB parameters (a {@link BgBbFit} will do).
 * @param options - `customers`, `periods` (both required) and `seed`.
 * @returns One {@link DiscreteCustomerHistory} per customer, in index order.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0 or periods above 1,000,000; `NEGATIVE_VALUE` /
 *   `NOT_AN_INTEGER` for a negative or fractional `customers`, `periods` or `seed`;
 *   `INVALID_OPTION` for options that are not a plain object or an unknown key (the near miss is
 *   suggested).
 *
 * @example
 * ```ts
 * import { fitBgBb, simulateBgBb } from 'cx-metrics/clv';
 * const truth = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };
 * const rows = simulateBgBb(truth, { customers: 3, periods: 6, seed: 7 });
 * rows.length; // => 3
 * rows.every((d) => d.periods === 6 && d.frequency <= d.recency); // => true
 * // A simulated base recovers the parameters it came from:
 * const fit = fitBgBb(simulateBgBb(truth, { customers: 20000, periods: 12 }));
 * Math.abs(fit.alpha / fit.beta - truth.alpha / truth.beta) < 0.2; // => true
 * simulateBgBb(truth, { customers: 3, periods: -1 }); // => throws NEGATIVE_VALUE
 * ```
 */
export function simulateBgBb(params: BgBbParams, options: SimulateBgBbOptions): DiscreteCustomerHistory[] {
  const settings = readOptions(FN, options, ['customers', 'periods', 'seed']) as Partial<SimulateBgBbOptions>;
  const [alpha, beta, gamma, delta] = requireBgBbParams(FN, params);
  const count = requireCountUpTo(FN, 'customers', settings.customers, MAX_SIMULATED_CUSTOMERS);
  const periods = settings.periods;
  if (typeof periods !== 'function') requireOpportunities(FN, 'periods', periods);
  const seed = settings.seed === undefined ? 1 : requireCount(FN, 'seed', settings.seed);
  if (seed > 0xffffffff) throw fail('OUT_OF_RANGE', FN, `seed ${seed} exceeds 2^32 − 1`, { field: 'seed', value: seed });
  const u = seededUniform(seed);
  const out: DiscreteCustomerHistory[] = [];
  for (let i = 0; i < count; i++) {
    const n = typeof periods === 'function' ? requireOpportunities(FN, 'periods', periods(i), i) : (periods as number);
    const p = betaVariate(u, alpha, beta);
    const theta = betaVariate(u, gamma, delta);
    let x = 0;
    let tx = 0;
    for (let t = 1; t <= n; t++) {
      if (u() < theta) break;
      if (u() < p) {
        x++;
        tx = t;
      }
    }
    out.push({ frequency: x, recency: tx, periods: n });
  }
  return out;
}
