import type { Values } from '../../models/values';
import type { CustomerLogLikelihoods } from '../../models/model';
import type { CustomerHistory, CustomerHistoryAccessors, CustomerHistoryOptions } from '../customer-history';
import type { ParetoNbdParams } from './pareto-nbd-fit';
import { logParameters } from '../../internal/log-scale-fit';
import { requireValues } from '../../internal/input';
import { readOptions, requireAccessor } from '../../internal/options';
import { readRfmRows } from '../rfm-rows';
import { paretoNbdNegativeLogLikelihood, paretoNbdSufficientStatistics } from './pareto-nbd-likelihood';
import { requireParetoNbdParams } from './pareto-nbd-predict';
import { describeValue, fail } from '../../internal/validate';

const FN = 'paretoNbdLogLikelihood';

/** Options of {@link paretoNbdLogLikelihood}: `weight`, the accessors, and `perCustomer`. */
export type ParetoNbdLogLikelihoodOptions<D> = CustomerHistoryOptions<D> & {
  /**
   * `true`: return every row's ln Lᵢ ({@link models!CustomerLogLikelihoods}) instead of the sum.
   * Default `false`.
   */
  readonly perCustomer?: boolean;
};

/**
 * The Pareto/NBD log-likelihood of customer histories at given parameters: the quantity
 * {@link fitParetoNbd} maximizes, for likelihood-ratio tests, model comparison (AIC/BIC, e.g.
 * against BG/NBD on the same rows) or profile likelihoods.
 *
 * ```text
 * L(r, α, s, β | x, tₓ, T) = Γ(r+x) α^r β^s / Γ(r) · [ (r+x) I(r+x+1, s; T) + s I(r+x, s+1; tₓ) ]
 * I(p, q; t) = ∫ₜ^∞ (α+τ)^(−p) (β+τ)^(−q) dτ
 * ln L = Σ wᵢ ln Lᵢ
 * ```
 *
 * Evaluated in log space exactly as the fit evaluates it (the integrals through ₂F₁ in log
 * space), so at a fit's estimates it returns the fit's `logLikelihood`. 0 when no row is left
 * (the likelihood of no data is 1). With `{ perCustomer: true }` it returns each row's ln Lᵢ
 * (unweighted, in input order, with the input position of each row used) and their weighted sum.
 *
 * Source: Schmittlein, Morrison & Colombo (1987), *Management Science* 33(1), 1–24; Fader &
 * Hardie (2005), *A note on deriving the Pareto/NBD model and related expressions*, eq. 19. At
 * the published CDNOW estimates (r = 0.553, α = 10.578, s = 0.606, β = 11.669, weeks) it gives
 * −9595.0, the published log-likelihood.
 *
 * @param params - Pareto/NBD parameters, each > 0 and within e^±30 (a {@link ParetoNbdFit} will do).
 * @param rows - Customer histories (or any records, with accessors); `null`/`undefined` rows or
 *   fields are skipped.
 * @param options - Accessors for other record types, `weight`, `perCustomer`.
 * @returns Σ wᵢ ln Lᵢ (≤ 0 for unit weights; 0 for no rows); with `perCustomer`, the
 *   per-row values, their positions, the sum and the rows skipped.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a parameter or value that is not a
 *   finite number; `OUT_OF_RANGE` for a parameter ≤ 0 or outside e^±30; `NEGATIVE_VALUE` for a
 *   negative frequency, recency, T or weight; `NOT_AN_INTEGER` for a fractional frequency;
 *   `ORDER_VIOLATION` for recency > T; `INCONSISTENT_INPUT` for a positive recency with
 *   frequency 0; `INVALID_INPUT` when `rows` is not an array, a typed array or an iterable;
 *   `INVALID_OPTION` for an unknown option key, an accessor that is not a function or a
 *   `perCustomer` that is not a boolean.
 *
 * @example
 * ```ts
 * import { paretoNbdLogLikelihood } from 'cx-metrics/clv';
 * const params = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
 * paretoNbdLogLikelihood(params, [{ frequency: 2, recency: 30.43, T: 38.86 }]); // => -9.5543
 * paretoNbdLogLikelihood(params, [{ frequency: 0, recency: 0, T: 38.86 }]); // => -0.5210
 * const rows = [{ frequency: 2, recency: 30.43, T: 38.86 }, null, { frequency: 0, recency: 0, T: 38.86 }];
 * const each = paretoNbdLogLikelihood(params, rows, { perCustomer: true });
 * Array.from(each.index); // => [0, 2]
 * Array.from(each.logLikelihood); // => [-9.5543, -0.5210]
 * each.total; // => -10.0753
 * paretoNbdLogLikelihood(params, [{ frequency: 1, recency: 40, T: 38.86 }]); // => throws ORDER_VIOLATION
 * ```
 */
export function paretoNbdLogLikelihood<D = CustomerHistory>(
  params: ParetoNbdParams,
  rows: Values<D>,
  options: ParetoNbdLogLikelihoodOptions<D> & { readonly perCustomer: true },
): CustomerLogLikelihoods;
export function paretoNbdLogLikelihood<D = CustomerHistory>(
  params: ParetoNbdParams,
  rows: Values<D>,
  ...[options]: [D] extends [CustomerHistory | null | undefined]
    ? [options?: ParetoNbdLogLikelihoodOptions<D> & { readonly perCustomer?: false }]
    : [options: ParetoNbdLogLikelihoodOptions<D> & { readonly perCustomer?: false }]
): number;
export function paretoNbdLogLikelihood<D = CustomerHistory>(
  params: ParetoNbdParams,
  rows: Values<D>,
  options: ParetoNbdLogLikelihoodOptions<D>,
): number | CustomerLogLikelihoods;
export function paretoNbdLogLikelihood<D>(params: ParetoNbdParams, rows: Values<D>, options?: ParetoNbdLogLikelihoodOptions<D>): number | CustomerLogLikelihoods {
  const theta = logParameters(FN, ['r', 'alpha', 's', 'beta'], requireParetoNbdParams(FN, params));
  const settings = readOptions(FN, options, ['weight', 'frequency', 'recency', 'T', 'perCustomer']) as ParetoNbdLogLikelihoodOptions<D> & Partial<CustomerHistoryAccessors<D>>;
  for (const key of ['weight', 'frequency', 'recency', 'T'] as const) requireAccessor(FN, key, settings[key]);
  const perCustomer = settings.perCustomer;
  if (perCustomer !== undefined && typeof perCustomer !== 'boolean') {
    throw fail('INVALID_OPTION', FN, `perCustomer ${describeValue(perCustomer)} must be true or false`, { field: 'perCustomer', value: perCustomer });
  }
  requireValues(FN, 'rows', rows);
  const columns = readRfmRows(FN, rows, settings, { recencyAge: true, monetary: false });
  const stats = paretoNbdSufficientStatistics(columns.x, columns.tx, columns.T, columns.w, columns.length);
  const total = stats.totalWeight > 0 ? -paretoNbdNegativeLogLikelihood(theta, stats) * stats.totalWeight : 0;
  // Counts or durations near the largest double: ln L is below -1.8e308, beyond a double.
  if (!Number.isFinite(total)) throw fail('OUT_OF_RANGE', FN, 'the log-likelihood of these rows is beyond a double (a count or duration near the largest double); rescale the time unit', { field: 'rows' });
  if (perCustomer !== true) return total;
  const length = columns.length;
  const logLikelihood = new Float64Array(length);
  if (length > 0) {
    // One term per row, in input order (no grouping), each with weight 1.
    const ones = new Float64Array(length).fill(1);
    paretoNbdNegativeLogLikelihood(theta, paretoNbdSufficientStatistics(columns.x, columns.tx, columns.T, ones, length, false), undefined, logLikelihood);
  }
  return { index: Uint32Array.from(columns.at.subarray(0, length)), logLikelihood, total, skipped: columns.skipped };
}
