import type { Accessor, Values } from '../../models/values';
import type { SbgParams } from './sbg-params';
import { checkSbgParams, sbgObjective } from './likelihood';
import { readSbgInput } from './statistics';
import type { CustomerLogLikelihoods } from '../../models/model';
import { forEachValue, isMissing, requireValues } from '../../internal/input';
import { readOptions, requireAccessor, requireFlag } from '../../internal/options';
import { betaGeometricLogSurvivalSum } from '../../internal/beta-geometric';

/** How {@link sbgLogLikelihood} reads per-customer records (as {@link fitSbg} does). */
export interface SbgLogLikelihoodOptions<D> {
  /** Renewals the customer made, a whole number ≥ 0. */
  readonly renewals: Accessor<D, number | null | undefined>;
  /** `true` when the customer churned at the next opportunity, `false` when still a customer. */
  readonly churned: Accessor<D, boolean | null | undefined>;
  /**
   * `true`: return every record's ln Lᵢ with the total ({@link CustomerLogLikelihoods}) instead
   * of the total alone. Default `false`.
   */
  readonly perCustomer?: boolean | undefined;
}

/** Options of {@link sbgLogLikelihood} over survivor counts. */
export interface SbgSurvivorLogLikelihoodOptions {
  /**
   * `true`: return the log-likelihood of one customer of each cell of the series (lost at
   * renewal t, or still active after the last) with the total ({@link CustomerLogLikelihoods}).
   * Default `false`.
   */
  readonly perCustomer?: boolean | undefined;
}

/** ln S(t) = −Σ_{k<t} ln(1 + α/(β+k)) and ln P(T = t) = ln S(t−1) − ln(1 + (β+t−1)/α), t ≥ 1. */
function logSurvival(alpha: number, beta: number, t: number): number {
  return t === 0 ? 0 : -betaGeometricLogSurvivalSum(alpha, beta, 0, t);
}
function logChurnAt(alpha: number, beta: number, t: number): number {
  return logSurvival(alpha, beta, t - 1) - Math.log1p((beta + (t - 1)) / alpha); // not β + t − 1: a tiny β would round away
}

/** Per cell of a survivor series n₀ … n_T: lost at t = 1 … T (index t), then active after T (index T). */
function survivorCells(alpha: number, beta: number, survivors: Values<number>): { index: Uint32Array; logLikelihood: Float64Array } {
  const counts: number[] = [];
  forEachValue(survivors, (v) => counts.push(v));
  const periods = counts.length - 1;
  if (periods < 1 || counts[0] === 0) return { index: new Uint32Array(0), logLikelihood: new Float64Array(0) };
  const index = new Uint32Array(periods + 1);
  const logLikelihood = new Float64Array(periods + 1);
  for (let t = 1; t <= periods; t++) {
    index[t - 1] = t;
    logLikelihood[t - 1] = logChurnAt(alpha, beta, t);
  }
  index[periods] = periods;
  logLikelihood[periods] = logSurvival(alpha, beta, periods);
  return { index, logLikelihood };
}

/** Per record (already validated): ln P(T = renewals + 1) if churned, ln S(renewals) if active. */
function customerRows<D>(alpha: number, beta: number, customers: Values<D>, options: SbgLogLikelihoodOptions<D>): { index: Uint32Array; logLikelihood: Float64Array } {
  const index: number[] = [];
  const values: number[] = [];
  // Renewal counts repeat: one evaluation per distinct (renewals, churned).
  const seen = new Map<number, number>();
  forEachValue(customers, (d, i) => {
    if (isMissing(d)) return;
    const r = options.renewals(d, i);
    const c = options.churned(d, i);
    if (isMissing(r) || isMissing(c)) return;
    const key = c ? -(r + 1) : r;
    let l = seen.get(key);
    if (l === undefined) seen.set(key, (l = c ? logChurnAt(alpha, beta, r + 1) : logSurvival(alpha, beta, r)));
    index.push(i);
    values.push(l);
  });
  return { index: Uint32Array.from(index), logLikelihood: Float64Array.from(values) };
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
export function sbgLogLikelihood(params: SbgParams, survivors: Values<number>, options?: SbgSurvivorLogLikelihoodOptions & { readonly perCustomer?: false | undefined }): number;
/**
 * {@link sbgLogLikelihood} of survivor counts, per cell: a "customer" of the series is one of the
 * n₍ₜ₋₁₎ − nₜ lost at renewal t (t = 1 … T), or one of the n_T still active after the last; each
 * cell's ln L is that of one such customer, in that order (T + 1 entries), with `index` the
 * position of the count where the cell is read (t, and T for the active: the last two entries
 * both point at n_T). The weights are those counts, so Σ wᵢ ln Lᵢ = total. Empty for a series
 * without a renewal.
 *
 * ```text
 * lost at renewal t:  ln Lₜ = ln P(T = t) = ln[B(α + 1, β + t − 1)/B(α, β)],   weight n₍ₜ₋₁₎ − nₜ
 * active after T:     ln L  = ln S(T)     = ln[B(α, β + T)/B(α, β)],           weight n_T
 * ```
 *
 * @param params - sBG parameters (a {@link SbgFit} will do).
 * @param survivors - Survivor counts n₀ (the cohort), n₁, …, n_T.
 * @param options - `perCustomer: true`.
 * @returns The per-cell log-likelihoods, their count positions, the total, and `skipped` 0.
 * @throws {@link models!CxMetricsError} As without `perCustomer`.
 *
 * @example
 * ```ts
 * import { sbgLogLikelihood } from 'cx-metrics/retention';
 * const each = sbgLogLikelihood({ alpha: 1, beta: 1 }, [100, 50, 30], { perCustomer: true });
 * [...each.index]; // => [1, 2, 2]
 * [...each.logLikelihood]; // => [-0.6931, -1.7918, -1.0986]
 * each.total; // => -103.45
 * ```
 */
export function sbgLogLikelihood(params: SbgParams, survivors: Values<number>, options: SbgSurvivorLogLikelihoodOptions & { readonly perCustomer: true }): CustomerLogLikelihoods;
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
export function sbgLogLikelihood<D>(params: SbgParams, customers: Values<D>, options: SbgLogLikelihoodOptions<D> & { readonly perCustomer?: false | undefined }): number;
/**
 * {@link sbgLogLikelihood} of per-customer records, per customer: ln Lᵢ of every record used,
 * aligned with its input position (records skipped for missing values are absent), and the
 * total.
 *
 * ```text
 * churned after r renewals:  ln Lᵢ = ln P(T = r + 1)      still a customer after r:  ln Lᵢ = ln S(r)
 * ```
 *
 * @param params - sBG parameters (a {@link SbgFit} will do).
 * @param customers - Any records; `null`/`undefined` records or fields are skipped.
 * @param options - The `renewals` and `churned` accessors, and `perCustomer: true`.
 * @returns The per-record log-likelihoods, their input positions, the total and the records skipped.
 * @throws {@link models!CxMetricsError} As without `perCustomer`.
 *
 * @example
 * ```ts
 * import { sbgLogLikelihood } from 'cx-metrics/retention';
 * const customers = [{ renewals: 0, churned: true }, null, { renewals: 2, churned: false }];
 * const each = sbgLogLikelihood({ alpha: 1, beta: 1 }, customers, {
 *   renewals: (c) => c?.renewals, churned: (c) => c?.churned, perCustomer: true,
 * });
 * [...each.index]; // => [0, 2]
 * [...each.logLikelihood]; // => [-0.6931, -1.0986]
 * each.skipped; // => 1
 * ```
 */
export function sbgLogLikelihood<D>(params: SbgParams, customers: Values<D>, options: SbgLogLikelihoodOptions<D> & { readonly perCustomer: true }): CustomerLogLikelihoods;
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
export function sbgLogLikelihood<D>(
  params: SbgParams,
  input: Values<D> | Values<number>,
  optionsArgument?: SbgLogLikelihoodOptions<D> | SbgSurvivorLogLikelihoodOptions,
): number | CustomerLogLikelihoods {
  const options = readOptions(FN, optionsArgument, ['renewals', 'churned', 'perCustomer']) as Partial<SbgLogLikelihoodOptions<D>>;
  requireAccessor(FN, 'renewals', options.renewals);
  requireAccessor(FN, 'churned', options.churned);
  const perCustomer = requireFlag(FN, 'perCustomer', options.perCustomer);
  const { alpha, beta } = checkSbgParams(FN, params);
  requireValues(FN, 'input', input);
  const stats = readSbgInput(FN, input, options, true);
  const total = stats.times.length === 0 ? 0 : -sbgObjective(stats).objective([Math.log(alpha), Math.log(beta)]) * stats.customers;
  if (!perCustomer) return total;
  const rows =
    options.renewals === undefined
      ? survivorCells(alpha, beta, input as Values<number>)
      : customerRows(alpha, beta, input as Values<D>, options as SbgLogLikelihoodOptions<D>);
  return { ...rows, total, skipped: stats.skipped };
}
