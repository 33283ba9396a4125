import type { CustomerLogLikelihoods } from '../../models/model';
import type { Values } from '../../models/values';
import type { CustomerHistory, CustomerHistoryAccessors, CustomerHistoryOptions } from '../customer-history';
import type { MbgNbdParams } from './mbg-nbd-fit';
import { logParameters } from '../../internal/log-scale-fit';
import { requireValues } from '../../internal/input';
import { readOptions, requireAccessor } from '../../internal/options';
import { fail } from '../../internal/validate';
import { readRfmRows } from '../rfm-rows';
import { bgNbdSufficientStatistics } from '../bg-nbd/bg-nbd-likelihood';
import { mbgNbdNegativeLogLikelihood, mbgNbdRowLogLikelihood } from './mbg-nbd-likelihood';
import { requireMbgNbdParams } from './mbg-nbd-predict';

const FN = 'mbgNbdLogLikelihood';

/** Options of {@link mbgNbdLogLikelihood}: `weight`, accessors, and `perCustomer`. */
export type MbgNbdLogLikelihoodOptions<D> = CustomerHistoryOptions<D> & {
  /**
   * Return the log-likelihood of every row ({@link models!CustomerLogLikelihoods}) instead of
   * the total. Default `false`.
   */
  readonly perCustomer?: boolean;
};

/**
 * The MBG/NBD log-likelihood of customer histories at given parameters: the quantity
 * {@link fitMbgNbd} maximizes, for likelihood-ratio tests, model comparison with the BG/NBD
 * (same parameter count, so compare log-likelihoods or AIC directly) or profile likelihoods.
 *
 * ```text
 * L(r, α, a, b | x, tₓ, T) = B(a, b+x+1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
 *                          + B(a+1, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+tₓ)^(r+x))
 * ln L = Σ wᵢ ln Lᵢ
 * ```
 *
 * Evaluated in log space exactly as the fit evaluates it, so at a fit's estimates it returns the
 * fit's `logLikelihood`. 0 when no row is left (the likelihood of no data is 1). With
 * `{ perCustomer: true }` it returns every row's unweighted ln Lᵢ with its input position, and
 * the same total.
 *
 * Source: Batislam, Denizel & Filiztekin (2007), *International Journal of Research in
 * Marketing* 24(3), 201–209, eq. 6; BTYDplus `mbgcnbd.LL` (k = 1). At the published CDNOW
 * estimates (r = 0.525, α = 6.183, a = 0.891, b = 1.614, weeks) it gives −9582.13.
 *
 * @param params - MBG/NBD parameters, each > 0 and within e^±30 (a {@link MbgNbdFit} will do).
 * @param rows - Customer histories (or any records, with accessors); `null`/`undefined` rows or
 *   fields are skipped.
 * @param options - Accessors for other record types, `weight`, `perCustomer`.
 * @returns Σ wᵢ ln Lᵢ (≤ 0 for unit weights; 0 for no rows), or with `perCustomer` the
 *   {@link models!CustomerLogLikelihoods} columns.
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
 * import { mbgNbdLogLikelihood } from 'cx-metrics/clv';
 * const params = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
 * mbgNbdLogLikelihood(params, [{ frequency: 2, recency: 30.43, T: 38.86 }]); // => -9.4856
 * const each = mbgNbdLogLikelihood(params, [{ frequency: 0, recency: 0, T: 38.86 }, null], { perCustomer: true });
 * each.logLikelihood[0]; // => -0.5398
 * each.skipped; // => 1
 * mbgNbdLogLikelihood({ ...params, r: 0 }, []); // => throws OUT_OF_RANGE
 * ```
 */
export function mbgNbdLogLikelihood<D = CustomerHistory>(
  params: MbgNbdParams,
  rows: Values<D>,
  options: MbgNbdLogLikelihoodOptions<D> & { readonly perCustomer: true },
): CustomerLogLikelihoods;
export function mbgNbdLogLikelihood<D = CustomerHistory>(
  params: MbgNbdParams,
  rows: Values<D>,
  ...[options]: [D] extends [CustomerHistory | null | undefined]
    ? [options?: MbgNbdLogLikelihoodOptions<D> & { readonly perCustomer?: false }]
    : [options: MbgNbdLogLikelihoodOptions<D> & { readonly perCustomer?: false }]
): number;
export function mbgNbdLogLikelihood<D = CustomerHistory>(
  params: MbgNbdParams,
  rows: Values<D>,
  options?: MbgNbdLogLikelihoodOptions<D>,
): number | CustomerLogLikelihoods {
  const checked = requireMbgNbdParams(FN, params);
  const theta = logParameters(FN, ['r', 'alpha', 'a', 'b'], checked);
  const settings = readOptions(FN, options, ['weight', 'frequency', 'recency', 'T', 'perCustomer']) as MbgNbdLogLikelihoodOptions<D> &
    Partial<CustomerHistoryAccessors<D>>;
  for (const key of ['weight', 'frequency', 'recency', 'T'] as const) requireAccessor(FN, key, settings[key]);
  const perCustomer = settings.perCustomer;
  if (perCustomer !== undefined && typeof perCustomer !== 'boolean') {
    throw fail('INVALID_OPTION', FN, `option perCustomer must be a boolean, got ${typeof perCustomer}`, { field: 'perCustomer', value: perCustomer });
  }
  requireValues(FN, 'rows', rows);
  const columns = readRfmRows(FN, rows, settings, { recencyAge: true, monetary: false });
  const stats = bgNbdSufficientStatistics(columns.x, columns.tx, columns.T, columns.w, columns.length);
  const total = stats.totalWeight > 0 ? -mbgNbdNegativeLogLikelihood(theta, stats) * stats.totalWeight : 0;
  // Counts or durations near the largest double: ln L is below -1.8e308, beyond a double.
  if (!Number.isFinite(total)) throw fail('OUT_OF_RANGE', FN, 'the log-likelihood of these rows is beyond a double (a count or duration near the largest double); rescale the time unit', { field: 'rows' });
  if (perCustomer !== true) return total;
  const [r, alpha, a, b] = checked;
  const n = columns.length;
  const index = new Uint32Array(n);
  const logLikelihood = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    index[i] = columns.at[i] as number;
    logLikelihood[i] = mbgNbdRowLogLikelihood(r, alpha, a, b, columns.x[i] as number, columns.tx[i] as number, columns.T[i] as number);
  }
  return Object.freeze({ index, logLikelihood, total, skipped: columns.skipped });
}
