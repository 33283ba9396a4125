import type { Accessor, Values } from '../../models/values';
import type { DiscreteCustomerHistory } from '../discrete-customer-history';
import type { BgBbFit } from './bg-bb-params';
import { fitBgBbStatistics } from './fit-statistics';
import { bgBbSufficientStatistics } from './likelihood';
import { readBgBbRows } from './rows';
import { rejectValue, requireCount } from '../../internal/validate';
import { requireValues } from '../../internal/input';
import { readOptions, requireAccessor } from '../../internal/options';

/** Accessors reading a customer's fields from any record type. */
export interface BgBbAccessors<D> {
  /** Frequency x of a record. */
  readonly frequency: Accessor<D, number | null | undefined>;
  /** Recency tₓ of a record (the opportunity of the last transaction). */
  readonly recency: Accessor<D, number | null | undefined>;
  /** Opportunities n observed for a record. */
  readonly periods: Accessor<D, number | null | undefined>;
}

/** Settings of {@link fitBgBb} that do not depend on the record type. */
export interface BgBbFitSettings<D> {
  /**
   * The number of customers a row stands for (a recency/frequency table, as the BG/BB is
   * usually estimated on), ≥ 0. Default: every row is one customer. Weighted grouped rows fit
   * exactly like their expansion.
   */
  readonly weight?: Accessor<D, number | null | undefined>;
  /** Iteration budget of each optimizer phase; default 1000. */
  readonly maxIterations?: number;
}

/**
 * Options of {@link fitBgBb}: the settings, plus accessors — optional for
 * {@link DiscreteCustomerHistory} rows (the fields are read by name), required for any other record type.
 */
export type BgBbFitOptions<D> = BgBbFitSettings<D> &
  ([D] extends [DiscreteCustomerHistory | null | undefined] ? Partial<BgBbAccessors<D>> : BgBbAccessors<D>);

const FN = 'fitBgBb';

/**
 * Fit the BG/BB model ("beta-geometric / beta-binomial", also beta-Bernoulli) by maximum
 * likelihood, for repeat transactions at discrete opportunities: while alive, a customer
 * transacts at each opportunity with probability p ~ Beta(α, β); before each opportunity they
 * drop out for good with probability θ ~ Beta(γ, δ).
 *
 * ```text
 * L(α, β, γ, δ | x, tₓ, n) = B(α+x, β+n−x)/B(α, β) · B(γ, δ+n)/B(γ, δ)
 *                          + Σ_{i=0}^{n−tₓ−1} B(α+x, β+tₓ−x+i)/B(α, β) · B(γ+1, δ+tₓ+i)/B(γ, δ)
 * maximise Σ wᵢ ln Lᵢ over (ln α, ln β, ln γ, ln δ)
 * ```
 *
 * Every term is a log-beta and the sum over i a log-sum-exp; the gradient is analytic
 * (digamma); BFGS with a Nelder–Mead fallback from the deterministic start α = β = γ = δ = 1.
 * Rows are first reduced to sufficient statistics (identical (x, tₓ, n) grouped, and the terms
 * of the sum, which depend on (x, tₓ + i) only, shared by every group with the same x and n),
 * so a million customers fit in under a second.
 *
 * Source: Fader, Hardie & Shang (2010), "Customer-Base Analysis in a Discrete-Time
 * Noncontractual Setting", *Marketing Science* 29(6), 1086–1108. On the paper's donations data
 * (11,104 donors, 6 annual opportunities) it gives α = 1.204, β = 0.750, γ = 0.657,
 * δ = 2.783 and log-likelihood −33,225.6, as published.
 *
 * @param rows - One row per customer (or per group of identical customers with a `weight`),
 *   any iterable or array-like; `null`/`undefined` rows or fields are skipped and counted.
 * @param options - Accessors for other record types, `weight`, `maxIterations`.
 * @returns The frozen fit: `model: 'bg-bb'`, `alpha`, `beta`, `gamma`, `delta`, and the shared
 *   diagnostics (`logLikelihood`, `iterations`, `converged`, `standardErrors`,
 *   `logParameterCovariance`, `n`, `rows`, `skipped`, …). Never `NaN`: a fit that does not
 *   converge returns the best point found with `converged: false`.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `NEGATIVE_VALUE` for a negative frequency, recency, periods or weight; `NOT_AN_INTEGER` for
 *   a fractional frequency, recency or periods; `OUT_OF_RANGE` for periods above 1,000,000, or
 *   a `maxIterations` that is not a whole number ≥ 1; `ORDER_VIOLATION` for recency > periods;
 *   `INCONSISTENT_INPUT` for frequency > recency or a positive recency with frequency 0;
 *   `INSUFFICIENT_DATA` when there are fewer than 4 customers or no repeat transaction.
 *   `INVALID_INPUT` when `rows` is not an array, a typed array or an iterable; `INVALID_OPTION`
 *   for options that are not a plain object, an unknown option key (the near miss is suggested:
 *   `levle` → `level`) or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { fitBgBb } from 'cx-metrics/clv';
 * // The paper's donors: [x, tₓ, donors], all observed for n = 6 annual opportunities.
 * const table: [number, number, number][] = [
 *   [0, 0, 3464], [1, 1, 1091], [1, 2, 277], [1, 3, 129], [1, 4, 78], [1, 5, 119], [1, 6, 129],
 *   [2, 2, 613], [2, 3, 255], [2, 4, 155], [2, 5, 173], [2, 6, 234], [3, 3, 322], [3, 4, 181],
 *   [3, 5, 225], [3, 6, 357], [4, 4, 240], [4, 5, 284], [4, 6, 512], [5, 5, 335], [5, 6, 728],
 *   [6, 6, 1203],
 * ];
 * const fit = fitBgBb(table, {
 *   frequency: (d) => d[0],
 *   recency: (d) => d[1],
 *   periods: () => 6,
 *   weight: (d) => d[2],
 * });
 * [fit.alpha, fit.beta, fit.gamma, fit.delta]; // => [1.204, 0.750, 0.657, 2.783]
 * fit.logLikelihood; // => -33225.6
 * fit.n; // => 11104
 * fit.converged; // => true
 * fit.model; // => 'bg-bb'
 * // Rows shaped like DiscreteCustomerHistory need no accessors:
 * fitBgBb([{ frequency: 2, recency: 1, periods: 6 }]); // => throws INCONSISTENT_INPUT
 * fitBgBb([{ frequency: 1, recency: 7, periods: 6 }]); // => throws ORDER_VIOLATION
 * ```
 */
export function fitBgBb<D extends DiscreteCustomerHistory | null | undefined>(rows: Values<D>, options?: BgBbFitOptions<D>): BgBbFit;
/**
 * {@link fitBgBb} on any record type, read through the `frequency`, `recency` and `periods`
 * accessors (all three required).
 *
 * @param rows - Records, one per customer (or group with a `weight`).
 * @param options - The accessors, and `weight`, `maxIterations`.
 * @returns The frozen fit, as for {@link DiscreteCustomerHistory} rows.
 * @throws {@link models!CxMetricsError} As for {@link DiscreteCustomerHistory} rows.
 *
 * @example
 * ```ts
 * import { fitBgBb } from 'cx-metrics/clv';
 * const cells: [number, number, number][] = [[0, 0, 30], [1, 1, 10], [1, 3, 8], [2, 2, 9], [2, 4, 12], [3, 4, 11], [4, 4, 20]];
 * const fit = fitBgBb(cells, { frequency: (d) => d[0], recency: (d) => d[1], periods: () => 4, weight: (d) => d[2] });
 * fit.n; // => 100
 * ```
 */
export function fitBgBb<D>(rows: Values<D>, options: BgBbFitOptions<D>): BgBbFit;
export function fitBgBb<D>(rows: Values<D>, options?: BgBbFitOptions<D>): BgBbFit {
  const settings = readOptions(FN, options, ['maxIterations', 'weight', 'frequency', 'recency', 'periods']) as BgBbFitSettings<D> & Partial<BgBbAccessors<D>>;
  for (const key of ['weight', 'frequency', 'recency', 'periods'] as const) requireAccessor(FN, key, settings[key]);
  requireValues(FN, 'rows', rows);
  const maxIterations = settings.maxIterations === undefined ? 1000 : requireCount(FN, 'maxIterations', settings.maxIterations);
  if (maxIterations < 1) throw rejectValue('OUT_OF_RANGE', FN, 'maxIterations', maxIterations, undefined, 'must be at least 1');
  const columns = readBgBbRows(FN, rows, settings);
  const stats = bgBbSufficientStatistics(columns.x, columns.tx, columns.n, columns.w, columns.length);
  return fitBgBbStatistics(stats, columns.length, columns.skipped, maxIterations);
}
