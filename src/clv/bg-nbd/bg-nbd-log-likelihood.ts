import type { Values } from '../../models/values';
import type { CustomerHistory, CustomerHistoryAccessors, CustomerHistoryOptions } from '../customer-history';
import type { BgNbdParams } from './bg-nbd-fit';
import { logParameters } from '../../internal/log-scale-fit';
import { requireValues } from '../../internal/input';
import { readOptions, requireAccessor } from '../../internal/options';
import { readRfmRows } from '../rfm-rows';
import { bgNbdNegativeLogLikelihood, bgNbdSufficientStatistics } from './bg-nbd-likelihood';
import { requireBgNbdParams } from './bg-nbd-predict';

const FN = 'bgNbdLogLikelihood';

/**
 * The BG/NBD log-likelihood of customer histories at given parameters: the quantity
 * {@link fitBgNbd} maximizes, for likelihood-ratio tests, model comparison (AIC/BIC) or
 * profile likelihoods.
 *
 * ```text
 * L(r, α, a, b | x, tₓ, T) = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
 *                          + δ(x>0) B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+tₓ)^(r+x))
 * ln L = Σ wᵢ ln Lᵢ
 * ```
 *
 * Evaluated in log space exactly as the fit evaluates it, so at a fit's estimates it returns the
 * fit's `logLikelihood`. 0 when no row is left (the likelihood of no data is 1).
 *
 * Source: Fader, Hardie & Lee (2005), "Counting your customers" the easy way, *Marketing
 * Science* 24(2), 275–284, eq. 6. At the published CDNOW estimates (r = 0.243, α = 4.414,
 * a = 0.793, b = 2.426, weeks) it gives −9582.4, the published log-likelihood.
 *
 * @param params - BG/NBD parameters, each > 0 and within e^±30 (a {@link BgNbdFit} will do).
 * @param rows - Customer histories (or any records, with accessors); `null`/`undefined` rows or
 *   fields are skipped.
 * @param options - Accessors for other record types, `weight`.
 * @returns Σ wᵢ ln Lᵢ (≤ 0 for unit weights; 0 for no rows).
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a parameter or value that is not a
 *   finite number; `OUT_OF_RANGE` for a parameter ≤ 0 or outside e^±30; `NEGATIVE_VALUE` for a
 *   negative frequency, recency, T or weight; `NOT_AN_INTEGER` for a fractional frequency;
 *   `ORDER_VIOLATION` for recency > T; `INCONSISTENT_INPUT` for a positive recency with
 *   frequency 0; `INVALID_INPUT` when `rows` is not an array, a typed array or an iterable;
 *   `INVALID_OPTION` for an unknown option key or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { bgNbdLogLikelihood } from 'cx-metrics/clv';
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * bgNbdLogLikelihood(params, [{ frequency: 2, recency: 30.43, T: 38.86 }]); // => -9.4586
 * // Weighted grouped rows count like their expansion:
 * bgNbdLogLikelihood(params, [{ frequency: 0, recency: 0, T: 38.86, n: 3 }], {
 *   frequency: (d) => d.frequency,
 *   recency: (d) => d.recency,
 *   T: (d) => d.T,
 *   weight: (d) => d.n,
 * }); // => -1.6641
 * bgNbdLogLikelihood({ ...params, r: 0 }, []); // => throws OUT_OF_RANGE
 * ```
 */
export function bgNbdLogLikelihood<D = CustomerHistory>(
  params: BgNbdParams,
  rows: Values<D>,
  ...[options]: [D] extends [CustomerHistory | null | undefined] ? [options?: CustomerHistoryOptions<D>] : [options: CustomerHistoryOptions<D>]
): number {
  const theta = logParameters(FN, ['r', 'alpha', 'a', 'b'], requireBgNbdParams(FN, params));
  const settings = readOptions(FN, options, ['weight', 'frequency', 'recency', 'T']) as CustomerHistoryOptions<D> & Partial<CustomerHistoryAccessors<D>>;
  for (const key of ['weight', 'frequency', 'recency', 'T'] as const) requireAccessor(FN, key, settings[key]);
  requireValues(FN, 'rows', rows);
  const columns = readRfmRows(FN, rows, settings, { recencyAge: true, monetary: false });
  const stats = bgNbdSufficientStatistics(columns.x, columns.tx, columns.T, columns.w, columns.length);
  if (!(stats.totalWeight > 0)) return 0;
  return -bgNbdNegativeLogLikelihood(theta, stats) * stats.totalWeight;
}
