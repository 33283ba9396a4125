import type { Values } from '../../models/values';
import type { CustomerLogLikelihoods } from '../../models/model';
import type { CustomerHistory, CustomerHistoryAccessors, CustomerHistoryOptions } from '../customer-history';
import type { BgNbdParams } from './bg-nbd-fit';
import { logParameters } from '../../internal/log-scale-fit';
import { requireValues } from '../../internal/input';
import { readOptions, requireAccessor } from '../../internal/options';
import { readRfmRows } from '../rfm-rows';
import { bgNbdNegativeLogLikelihood, bgNbdSufficientStatistics } from './bg-nbd-likelihood';
import { requireBgNbdParams } from './bg-nbd-predict';
import { logGamma } from '../../internal/special';
import { fail } from '../../internal/validate';

const FN = 'bgNbdLogLikelihood';

/** Options of {@link bgNbdLogLikelihood}: `weight`, the accessors, and `perCustomer`. */
export type BgNbdLogLikelihoodOptions<D> = CustomerHistoryOptions<D> & {
  /**
   * `true`: return every row's ln Lᵢ ({@link models!CustomerLogLikelihoods}) instead of the
   * sum; default `false`.
   */
  readonly perCustomer?: boolean;
};

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
 * fit's `logLikelihood`. 0 when no row is left (the likelihood of no data is 1). With
 * `{ perCustomer: true }` it returns the columns of {@link models!CustomerLogLikelihoods}: each
 * used row's ln Lᵢ (unweighted, the same four terms per row) with its input position, and the
 * weighted total, for per-customer diagnostics (the ln L column of the Excel note below).
 *
 * Source: Fader, Hardie & Lee (2005), "Counting your customers" the easy way, *Marketing
 * Science* 24(2), 275–284, eq. 6. At the published CDNOW estimates (r = 0.243, α = 4.414,
 * a = 0.793, b = 2.426, weeks) it gives −9582.4, the published log-likelihood; per customer, the
 * ln(.) column of Fader, Hardie & Lee (2005), *Implementing the BG/NBD model for customer base
 * analysis in Excel*.
 *
 * @param params - BG/NBD parameters, each > 0 and within e^±30 (a {@link BgNbdFit} will do).
 * @param rows - Customer histories (or any records, with accessors); `null`/`undefined` rows or
 *   fields are skipped.
 * @param options - Accessors for other record types, `weight`, `perCustomer`.
 * @returns Σ wᵢ ln Lᵢ (≤ 0 for unit weights; 0 for no rows); with `perCustomer: true`, the
 *   per-row values and that total.
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
 * const rows = [{ frequency: 2, recency: 30.43, T: 38.86 }, null, { frequency: 0, recency: 0, T: 38.86 }];
 * const each = bgNbdLogLikelihood(params, rows, { perCustomer: true });
 * [...each.index]; // => [0, 2]
 * [...each.logLikelihood]; // => [-9.4586, -0.5547]
 * each.skipped; // => 1
 * bgNbdLogLikelihood({ ...params, r: 0 }, []); // => throws OUT_OF_RANGE
 * ```
 */
export function bgNbdLogLikelihood<D = CustomerHistory>(
  params: BgNbdParams,
  rows: Values<D>,
  options: BgNbdLogLikelihoodOptions<D> & { readonly perCustomer: true },
): CustomerLogLikelihoods;
export function bgNbdLogLikelihood<D = CustomerHistory>(
  params: BgNbdParams,
  rows: Values<D>,
  ...[options]: [D] extends [CustomerHistory | null | undefined]
    ? [options?: BgNbdLogLikelihoodOptions<D> & { readonly perCustomer?: false }]
    : [options: BgNbdLogLikelihoodOptions<D> & { readonly perCustomer?: false }]
): number;
export function bgNbdLogLikelihood<D = CustomerHistory>(
  params: BgNbdParams,
  rows: Values<D>,
  options?: BgNbdLogLikelihoodOptions<D>,
): number | CustomerLogLikelihoods {
  const checked = requireBgNbdParams(FN, params);
  const theta = logParameters(FN, ['r', 'alpha', 'a', 'b'], checked);
  const settings = readOptions(FN, options, ['weight', 'frequency', 'recency', 'T', 'perCustomer']) as BgNbdLogLikelihoodOptions<D> & Partial<CustomerHistoryAccessors<D>>;
  for (const key of ['weight', 'frequency', 'recency', 'T'] as const) requireAccessor(FN, key, settings[key]);
  const perCustomer = settings.perCustomer;
  if (perCustomer !== undefined && typeof perCustomer !== 'boolean') {
    throw fail('INVALID_OPTION', FN, `perCustomer ${String(perCustomer)} must be true or false`, { field: 'perCustomer', value: perCustomer });
  }
  requireValues(FN, 'rows', rows);
  const columns = readRfmRows(FN, rows, settings, { recencyAge: true, monetary: false });
  const stats = bgNbdSufficientStatistics(columns.x, columns.tx, columns.T, columns.w, columns.length);
  const total = stats.totalWeight > 0 ? -bgNbdNegativeLogLikelihood(theta, stats) * stats.totalWeight : 0;
  // Counts or durations near the largest double: ln L is below -1.8e308, beyond a double.
  if (!Number.isFinite(total)) throw fail('OUT_OF_RANGE', FN, 'the log-likelihood of these rows is beyond a double (a count or duration near the largest double); rescale the time unit', { field: 'rows' });
  if (perCustomer !== true) return total;
  const [r, alpha, a, b] = checked;
  const n = columns.length;
  const index = new Uint32Array(n);
  const logLikelihood = new Float64Array(n);
  const lgR = logGamma(r);
  const lgB = logGamma(b);
  const lgAB = logGamma(a + b);
  const lnAlpha = Math.log(alpha);
  for (let i = 0; i < n; i++) {
    index[i] = columns.at[i] as number;
    const x = columns.x[i] as number;
    const rx = r + x;
    // The four terms of the note: A₁ + A₂ + ln(e^A₃ + δ(x>0) e^A₄).
    const a1 = logGamma(rx) - lgR + r * lnAlpha;
    const a2 = x === 0 ? 0 : lgAB + logGamma(b + x) - lgB - logGamma(a + b + x);
    const a3 = -rx * Math.log(alpha + (columns.T[i] as number));
    let value = a1 + a2 + a3;
    if (x > 0) {
      const a4 = Math.log(a) - Math.log(b + (x - 1)) - rx * Math.log(alpha + (columns.tx[i] as number));
      value = a1 + a2 + (a3 >= a4 ? a3 + Math.log1p(Math.exp(a4 - a3)) : a4 + Math.log1p(Math.exp(a3 - a4)));
    }
    logLikelihood[i] = value;
  }
  return Object.freeze({ index, logLikelihood, total, skipped: columns.skipped });
}
