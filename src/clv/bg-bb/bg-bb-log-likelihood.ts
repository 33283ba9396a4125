import type { Values } from '../../models/values';
import type { DiscreteCustomerHistory } from '../discrete-customer-history';
import type { BgBbAccessors } from './bg-bb-fit';
import type { BgBbParams } from './bg-bb-params';
import { bgBbNegativeLogLikelihood, bgBbSufficientStatistics } from './likelihood';
import { requireBgBbParams } from './predict';
import { readBgBbRows } from './rows';
import { requireLogScaleParameters } from '../../internal/log-scale-parameters';
import { requireValues } from '../../internal/input';
import { fail } from '../../internal/validate';
import { readOptions, requireAccessor, requireFlag } from '../../internal/options';
import type { Accessor } from '../../models/values';
import type { CustomerLogLikelihoods } from '../../models/model';

/** Settings of {@link bgBbLogLikelihood} that do not depend on the record type. */
export interface BgBbLogLikelihoodSettings<D> {
  /** The number of customers a row stands for, ≥ 0. Default: every row is one customer. */
  readonly weight?: Accessor<D, number | null | undefined>;
  /**
   * `true`: return every row's ln Lᵢ with the total ({@link CustomerLogLikelihoods}) instead of
   * the total alone. Default `false`.
   */
  readonly perCustomer?: boolean | undefined;
}

/**
 * Options of {@link bgBbLogLikelihood}: `weight`, plus accessors — optional for
 * {@link DiscreteCustomerHistory} rows, required for any other record type.
 */
export type BgBbLogLikelihoodOptions<D> = BgBbLogLikelihoodSettings<D> &
  ([D] extends [DiscreteCustomerHistory | null | undefined] ? Partial<BgBbAccessors<D>> : BgBbAccessors<D>);

const FN = 'bgBbLogLikelihood';

/**
 * The BG/BB log-likelihood of customer histories at given parameters, Σ wᵢ ln Lᵢ: what
 * {@link fitBgBb} maximises, for comparing fits, likelihood-ratio tests and profile intervals.
 *
 * ```text
 * L(α, β, γ, δ | x, tₓ, n) = B(α+x, β+n−x)/B(α, β) · B(γ, δ+n)/B(γ, δ)
 *                          + Σ_{i=0}^{n−tₓ−1} B(α+x, β+tₓ−x+i)/B(α, β) · B(γ+1, δ+tₓ+i)/B(γ, δ)
 * ln L = Σ wᵢ ln Lᵢ
 * ```
 *
 * Evaluated exactly as the fit evaluates it (ratios of betas as sums of log1p, log-sum-exp, rows
 * grouped first), so at a fit's estimates it returns the fit's `logLikelihood`; accurate to about
 * 1e-12 relative over the whole parameter range, concentrations α + β, γ + δ of 1e13 included.
 *
 * Source: Fader, Hardie & Shang (2010), "Customer-Base Analysis in a Discrete-Time
 * Noncontractual Setting", *Marketing Science* 29(6), 1086–1108, eq. (5).
 *
 * @param params - BG/BB parameters (a {@link BgBbFit} will do), each in [e^−30, e^30].
 * @param rows - One row per customer (or group with a `weight`); `null`/`undefined` rows or
 *   fields are skipped.
 * @param options - Accessors for other record types, and `weight`.
 * @returns Σ wᵢ ln Lᵢ, ≤ 0; 0 for no rows (the empty sum).
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0 or outside [e^−30, e^30] (the models' numeric range), or
 *   periods above 1,000,000; `NEGATIVE_VALUE` / `NOT_AN_INTEGER` for a negative or fractional
 *   frequency, recency, periods (or negative weight); `ORDER_VIOLATION` for recency > periods;
 *   `INCONSISTENT_INPUT` for frequency > recency or a positive recency with frequency 0;
 *   `INVALID_INPUT` when `rows` is not an array, a typed array or an iterable; `INVALID_OPTION`
 *   for options that are not a plain object, an unknown key (the near miss is suggested) or an
 *   accessor that is not a function.
 *
 * @example
 * ```ts
 * import { bgBbLogLikelihood } from 'cx-metrics/clv';
 * const donors = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * bgBbLogLikelihood(donors, [{ frequency: 6, recency: 6, periods: 6 }]); // => -2.1822
 * bgBbLogLikelihood(donors, [{ frequency: 0, recency: 0, periods: 6 }]); // => -1.1673
 * bgBbLogLikelihood(donors, []); // => 0
 * bgBbLogLikelihood(donors, [{ frequency: 2, recency: 1, periods: 6 }]); // => throws INCONSISTENT_INPUT
 * ```
 */
export function bgBbLogLikelihood<D extends DiscreteCustomerHistory | null | undefined>(
  params: BgBbParams,
  rows: Values<D>,
  options?: BgBbLogLikelihoodOptions<D> & { readonly perCustomer?: false | undefined },
): number;
/**
 * {@link bgBbLogLikelihood} per customer: ln Lᵢ of every row used (unweighted: one customer of
 * that history), aligned with its input position, and the total Σ wᵢ ln Lᵢ (the number returned
 * without `perCustomer`). Rows skipped for missing values are absent from `index`.
 *
 * ```text
 * ln Lᵢ = ln L(α, β, γ, δ | xᵢ, tₓᵢ, nᵢ)       total = Σ wᵢ ln Lᵢ
 * ```
 *
 * Each distinct (x, tₓ, n) is evaluated once, as the fit does. For the donations data these are
 * the "ln L" cells of Fader & Hardie's BG/BB workbook, one per (x, tₓ) cell.
 *
 * @param params - BG/BB parameters (a {@link BgBbFit} will do), each in [e^−30, e^30].
 * @param rows - One row per customer (or group with a `weight`).
 * @param options - `perCustomer: true`, accessors for other record types, and `weight`.
 * @returns The per-row log-likelihoods, their input positions, the total and the rows skipped.
 * @throws {@link models!CxMetricsError} As without `perCustomer`.
 *
 * @example
 * ```ts
 * import { bgBbLogLikelihood } from 'cx-metrics/clv';
 * const donors = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * const rows = [{ frequency: 6, recency: 6, periods: 6 }, null, { frequency: 0, recency: 0, periods: 6 }];
 * const each = bgBbLogLikelihood(donors, rows, { perCustomer: true });
 * [...each.index]; // => [0, 2]
 * [...each.logLikelihood]; // => [-2.1822, -1.1673]
 * each.total; // => -3.3495
 * each.skipped; // => 1
 * ```
 */
export function bgBbLogLikelihood<D extends DiscreteCustomerHistory | null | undefined>(
  params: BgBbParams,
  rows: Values<D>,
  options: BgBbLogLikelihoodOptions<D> & { readonly perCustomer: true },
): CustomerLogLikelihoods;
/**
 * {@link bgBbLogLikelihood} of any record type, read through the `frequency`, `recency` and
 * `periods` accessors (all three required).
 *
 * @param params - BG/BB parameters (a {@link BgBbFit} will do).
 * @param rows - Records, one per customer (or group with a `weight`).
 * @param options - The accessors, and `weight`.
 * @returns Σ wᵢ ln Lᵢ, as for {@link DiscreteCustomerHistory} rows.
 * @throws {@link models!CxMetricsError} As for {@link DiscreteCustomerHistory} rows.
 *
 * @example
 * ```ts
 * import { bgBbLogLikelihood } from 'cx-metrics/clv';
 * const donors = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * bgBbLogLikelihood(donors, [[6, 6, 1203]] as [number, number, number][], {
 *   frequency: (d) => d[0], recency: (d) => d[1], periods: () => 6, weight: (d) => d[2],
 * }); // => -2625.2
 * ```
 */
export function bgBbLogLikelihood<D>(
  params: BgBbParams,
  rows: Values<D>,
  options: BgBbLogLikelihoodOptions<D> & { readonly perCustomer?: false | undefined },
): number;
/**
 * {@link bgBbLogLikelihood} per customer, of any record type read through the `frequency`,
 * `recency` and `periods` accessors (all three required).
 *
 * @param params - BG/BB parameters (a {@link BgBbFit} will do).
 * @param rows - Records, one per customer (or group with a `weight`).
 * @param options - `perCustomer: true`, the accessors, and `weight`.
 * @returns The per-row log-likelihoods, as for {@link DiscreteCustomerHistory} rows.
 * @throws {@link models!CxMetricsError} As for {@link DiscreteCustomerHistory} rows.
 *
 * @example
 * ```ts
 * import { bgBbLogLikelihood } from 'cx-metrics/clv';
 * const donors = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * const each = bgBbLogLikelihood(donors, [[6, 6, 1203]] as [number, number, number][], {
 *   frequency: (d) => d[0], recency: (d) => d[1], periods: () => 6, weight: (d) => d[2], perCustomer: true,
 * });
 * each.logLikelihood[0]; // => -2.1822
 * each.total; // => -2625.2
 * ```
 */
export function bgBbLogLikelihood<D>(params: BgBbParams, rows: Values<D>, options: BgBbLogLikelihoodOptions<D> & { readonly perCustomer: true }): CustomerLogLikelihoods;
export function bgBbLogLikelihood<D>(params: BgBbParams, rows: Values<D>, options?: BgBbLogLikelihoodOptions<D>): number | CustomerLogLikelihoods {
  const settings = readOptions(FN, options, ['weight', 'frequency', 'recency', 'periods', 'perCustomer']) as BgBbLogLikelihoodSettings<D> &
    Partial<BgBbAccessors<D>>;
  const perCustomer = requireFlag(FN, 'perCustomer', settings.perCustomer);
  for (const key of ['weight', 'frequency', 'recency', 'periods'] as const) requireAccessor(FN, key, settings[key]);
  const theta = requireLogScaleParameters(FN, ['alpha', 'beta', 'gamma', 'delta'], requireBgBbParams(FN, params));
  requireValues(FN, 'rows', rows);
  const columns = readBgBbRows(FN, rows, settings);
  const stats = bgBbSufficientStatistics(columns.x, columns.tx, columns.n, columns.w, columns.length);
  // A probability of a discrete history: ln L ≤ 0 (a log-sum-exp of terms summing to 1 can round to +1e-16).
  const value = stats.totalWeight > 0 ? Math.min(0, -bgBbNegativeLogLikelihood(theta, stats) * stats.totalWeight) : 0;
  // The likelihood is finite for every valid row inside the range; never return -Infinity silently.
  if (!Number.isFinite(value)) throw fail('OUT_OF_RANGE', FN, 'the log-likelihood cannot be evaluated accurately at these parameters', { field: 'params' });
  if (!perCustomer) return value;
  // Every row, weight 0 included, grouped by (x, tₓ, n): each distinct history evaluated once.
  const length = columns.length;
  const each = bgBbSufficientStatistics(columns.x, columns.tx, columns.n, new Float64Array(length).fill(1), length);
  const perGroup = new Float64Array(each.groupTx.length);
  if (length > 0 && !Number.isFinite(bgBbNegativeLogLikelihood(theta, each, undefined, perGroup))) {
    throw fail('OUT_OF_RANGE', FN, 'the log-likelihood cannot be evaluated accurately at these parameters', { field: 'params' });
  }
  const logLikelihood = new Float64Array(length);
  for (let i = 0; i < length; i++) logLikelihood[i] = Math.min(0, perGroup[each.rowGroup[i] as number] as number);
  return { index: columns.index.slice(0, length), logLikelihood, total: value, skipped: columns.skipped };
}
