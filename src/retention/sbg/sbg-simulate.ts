import type { RenewalHistory, SbgParams } from './sbg-params';
import { checkSbgParams } from './likelihood';
import { readOptions } from '../../internal/options';
import { seededUniform } from '../../internal/random';
import { betaVariate } from '../../internal/random-variates';
import { fail, requireCount, requireCountUpTo } from '../../internal/validate';

/** Options of {@link simulateSbg}. */
export interface SimulateSbgOptions {
  /** Number of customers to simulate, a whole number from 0 to 10,000,000. Required. */
  readonly customers: number;
  /**
   * Renewal opportunities each customer is observed for (then right-censored if still a
   * customer): one whole number for all, or a function of the customer's index (a cohort
   * acquired earlier has more). Required.
   */
  readonly periods: number | ((index: number) => number);
  /** Seed of the random stream, a whole number ≥ 0 (same seed, same customers). Default `1`. */
  readonly seed?: number;
}

const FN = 'simulateSbg';

/** Largest number of renewal opportunities accepted (each draw is O(1) whatever the number). */
const MAX_PERIODS = 1e9;
/** Most customers one call makes (each is an object in memory), as the clv simulators. */
const MAX_CUSTOMERS = 10_000_000;

/**
 * Simulate customers' renewal histories from the shifted-beta-geometric model, seeded: each
 * customer's churn probability θ ~ Beta(α, β); at each renewal opportunity they churn with
 * probability θ, until they do or the observation ends (right-censored).
 *
 * ```text
 * θ ~ Beta(α, β)
 * T = first opportunity with a churn ~ Geometric(θ) on 1, 2, …   (T = ⌈ln U / ln(1 − θ)⌉)
 * renewals = min(T − 1, periods),  churned = T ≤ periods
 * ```
 *
 * Deterministic: the same parameters, options and seed give the same customers on every
 * platform (mulberry32 uniforms, Marsaglia–Tsang gamma variates in log space). The rows feed
 * {@link fitSbg} with `renewals: (c) => c.renewals, churned: (c) => c.churned`.
 *
 * Source: Fader & Hardie (2007), "How to project customer retention", *Journal of Interactive
 * Marketing* 21(1), 76–90, §2.
 *
 * @param params - sBG parameters (a {@link SbgFit} will do).
 * @param options - `customers`, `periods` (both required) and `seed`.
 * @returns One {@link RenewalHistory} per customer, in index order.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0, or periods above 10⁹; `NEGATIVE_VALUE` /
 *   `NOT_AN_INTEGER` for a negative or fractional `customers`, `periods` or `seed`;
 *   `INVALID_OPTION` for options that are not a plain object or an unknown key (the near miss is
 *   suggested).
 *
 * @example
 * ```ts
 * import { fitSbg, simulateSbg } from 'cx-metrics/retention';
 * const truth = { alpha: 0.704, beta: 1.182 };
 * const rows = simulateSbg(truth, { customers: 3, periods: 7, seed: 2 });
 * rows.length; // => 3
 * rows.every((c) => c.renewals <= 7); // => true
 * // A simulated base recovers the parameters it came from:
 * const fit = fitSbg(simulateSbg(truth, { customers: 20000, periods: 12 }), { renewals: (c) => c.renewals, churned: (c) => c.churned });
 * Math.abs(fit.alpha - 0.704) < 0.1 && Math.abs(fit.beta - 1.182) < 0.2; // => true
 * simulateSbg(truth, { customers: 3, periods: 2.5 }); // => throws NOT_AN_INTEGER
 * ```
 */
export function simulateSbg(params: SbgParams, options: SimulateSbgOptions): RenewalHistory[] {
  const settings = readOptions(FN, options, ['customers', 'periods', 'seed']) as Partial<SimulateSbgOptions>;
  const { alpha, beta } = checkSbgParams(FN, params);
  const count = requireCountUpTo(FN, 'customers', settings.customers, MAX_CUSTOMERS);
  const periods = settings.periods;
  const requirePeriods = (value: unknown, index?: number): number => {
    const n = requireCount(FN, 'periods', value, index);
    if (n > MAX_PERIODS) throw fail('OUT_OF_RANGE', FN, `periods ${n} exceeds ${MAX_PERIODS}`, { field: 'periods', value: n, ...(index === undefined ? {} : { index }) });
    return n;
  };
  if (typeof periods !== 'function') requirePeriods(periods);
  const seed = settings.seed === undefined ? 1 : requireCount(FN, 'seed', settings.seed);
  if (seed > 0xffffffff) throw fail('OUT_OF_RANGE', FN, `seed ${seed} exceeds 2^32 − 1`, { field: 'seed', value: seed });
  const u = seededUniform(seed);
  const out: RenewalHistory[] = [];
  for (let i = 0; i < count; i++) {
    const n = typeof periods === 'function' ? requirePeriods(periods(i), i) : (periods as number);
    const theta = betaVariate(u, alpha, beta);
    // Opportunities survived before the first churn: ⌊ln U / ln(1 − θ)⌋ (∞ when θ = 0).
    const logStay = Math.log1p(-theta);
    const survived = logStay === 0 ? Infinity : Math.max(0, Math.floor(Math.log(1 - u()) / logStay));
    out.push(survived < n ? { renewals: survived, churned: true } : { renewals: n, churned: false });
  }
  return out;
}
