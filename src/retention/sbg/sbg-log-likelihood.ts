import type { Accessor, Values } from '../../models/values';
import type { SbgParams } from './sbg-params';
import { checkSbgParams, sbgObjective } from './likelihood';
import { readSbgInput } from './statistics';
import { requireValues } from '../../internal/input';
import { readOptions, requireAccessor } from '../../internal/options';

/** How {@link sbgLogLikelihood} reads per-customer records (as {@link fitSbg} does). */
export interface SbgLogLikelihoodOptions<D> {
  /** Renewals the customer made, a whole number ≥ 0. */
  readonly renewals: Accessor<D, number | null | undefined>;
  /** `true` when the customer churned at the next opportunity, `false` when still a customer. */
  readonly churned: Accessor<D, boolean | null | undefined>;
}

const FN = 'sbgLogLikelihood';

/**
 * The sBG log-likelihood of survivor counts n₀ … n_T at given parameters: what {@link fitSbg}
 * maximises, for comparing segments, likelihood-ratio tests and profile intervals.
 *
 * ```text
 * P(T = t) = B(α + 1, β + t − 1) / B(α, β)      S(t) = B(α, β + t) / B(α, β)
 * ln L = Σₜ (n₍ₜ₋₁₎ − nₜ) ln P(T = t) + n_T ln S(T)
 * ```
 *
 * Evaluated exactly as the fit evaluates it (product forms, never differences of ln B), so at a
 * fit's estimates it returns the fit's `logLikelihood`.
 *
 * Source: Fader & Hardie (2007), "How to project customer retention", *Journal of Interactive
 * Marketing* 21(1), 76–90, eq. (6).
 *
 * @param params - sBG parameters (a {@link SbgFit} will do).
 * @param survivors - Survivor counts n₀ (the cohort), n₁, …, n_T: whole numbers, never increasing.
 * @returns ln L, ≤ 0; 0 for a series without a renewal (fewer than two counts, or an empty cohort).
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` (NaN, missing), `NEGATIVE_VALUE`,
 *   `NOT_AN_INTEGER` for a bad count; `OUT_OF_RANGE` for a parameter ≤ 0; `INCONSISTENT_INPUT`
 *   when a count exceeds the cohort; `ORDER_VIOLATION` when counts increase; `INVALID_INPUT`
 *   when the input is not an array, a typed array or an iterable; `INVALID_OPTION` for options
 *   that are not a plain object, an unknown key or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { sbgLogLikelihood } from 'cx-metrics/retention';
 * const regular = [1000, 631, 468, 382, 326, 289, 262, 241];
 * sbgLogLikelihood({ alpha: 0.704, beta: 1.182 }, regular); // => -1680.27
 * sbgLogLikelihood({ alpha: 0.704, beta: 1.182 }, [1000]); // => 0
 * sbgLogLikelihood({ alpha: 0.704, beta: 1.182 }, [1000, 631, 700]); // => throws ORDER_VIOLATION
 * ```
 */
export function sbgLogLikelihood(params: SbgParams, survivors: Values<number>): number;
/**
 * The sBG log-likelihood of per-customer records at given parameters, read through the
 * `renewals` and `churned` accessors (as {@link fitSbg} reads them).
 *
 * ```text
 * ln L = Σ churned customers ln P(T = renewals + 1) + Σ active customers ln S(renewals)
 * ```
 *
 * @param params - sBG parameters (a {@link SbgFit} will do).
 * @param customers - Any records; `null`/`undefined` records or fields are skipped.
 * @param options - The `renewals` and `churned` accessors.
 * @returns ln L, ≤ 0; 0 for no records.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER`, `NEGATIVE_VALUE`, `NOT_AN_INTEGER`
 *   for bad renewals; `INVALID_RECORD` when `churned` is not a boolean; `OUT_OF_RANGE` for a
 *   parameter ≤ 0; `INVALID_OPTION` for a missing accessor.
 *
 * @example
 * ```ts
 * import { sbgLogLikelihood } from 'cx-metrics/retention';
 * const customers = [{ renewals: 0, churned: true }, { renewals: 2, churned: false }];
 * sbgLogLikelihood({ alpha: 1, beta: 1 }, customers, { renewals: (c) => c.renewals, churned: (c) => c.churned }); // => -1.7918
 * ```
 */
export function sbgLogLikelihood<D>(params: SbgParams, customers: Values<D>, options: SbgLogLikelihoodOptions<D>): number;
/**
 * Both forms of {@link sbgLogLikelihood}: survivor counts, or per-customer records when the
 * `renewals` and `churned` accessors are given.
 *
 * @example
 * ```ts
 * import { fitSbg, sbgLogLikelihood } from 'cx-metrics/retention';
 * const highEnd = [1000, 869, 743, 653, 593, 551, 517, 491];
 * const fit = fitSbg(highEnd);
 * Math.abs(sbgLogLikelihood(fit, highEnd) - fit.logLikelihood) < 1e-9; // => true
 * ```
 */
export function sbgLogLikelihood<D>(params: SbgParams, input: Values<D> | Values<number>, optionsArgument?: SbgLogLikelihoodOptions<D>): number {
  const options = readOptions(FN, optionsArgument, ['renewals', 'churned']) as Partial<SbgLogLikelihoodOptions<D>>;
  requireAccessor(FN, 'renewals', options.renewals);
  requireAccessor(FN, 'churned', options.churned);
  const { alpha, beta } = checkSbgParams(FN, params);
  requireValues(FN, 'input', input);
  const stats = readSbgInput(FN, input, options, true);
  if (stats.times.length === 0) return 0;
  return -sbgObjective(stats).objective([Math.log(alpha), Math.log(beta)]) * stats.customers;
}
