import type { Values } from '../../models/values';
import type { GammaGammaAccessors } from './gamma-gamma-fit';
import type { GammaGammaCustomer, GammaGammaParams } from './gamma-gamma-params';
import { gammaGammaLogDensity, gammaGammaNegativeLogLikelihood, gammaGammaSufficientStatistics } from './likelihood';
import { readRepeatSpend } from './repeat-spend';
import { requireGammaGammaParams } from './spend';
import { requireLogScaleParameters } from '../../internal/log-scale-parameters';
import { requireValues } from '../../internal/input';
import { fail } from '../../internal/validate';
import { readOptions, requireAccessor, requireFlag } from '../../internal/options';
import type { Accessor } from '../../models/values';
import type { CustomerLogLikelihoods } from '../../models/model';

/** Settings of {@link gammaGammaLogLikelihood} that do not depend on the record type. */
export interface GammaGammaLogLikelihoodSettings<D> {
  /** The number of customers a row stands for, ≥ 0. Default: every row is one customer. */
  readonly weight?: Accessor<D, number | null | undefined>;
  /**
   * `true`: return every row's ln f(z̄ᵢ | xᵢ) with the total ({@link CustomerLogLikelihoods})
   * instead of the total alone. Default `false`.
   */
  readonly perCustomer?: boolean | undefined;
}

/**
 * Options of {@link gammaGammaLogLikelihood}: `weight`, plus accessors — optional for
 * {@link GammaGammaCustomer} rows, required for any other record type.
 */
export type GammaGammaLogLikelihoodOptions<D> = GammaGammaLogLikelihoodSettings<D> &
  ([D] extends [GammaGammaCustomer | null | undefined] ? Partial<GammaGammaAccessors<D>> : GammaGammaAccessors<D>);

const FN = 'gammaGammaLogLikelihood';

/**
 * The Gamma-Gamma log-likelihood of customers' average spend at given parameters,
 * Σ wᵢ ln f(z̄ᵢ | xᵢ) over the repeat customers (x > 0; the others carry no spend information
 * and add nothing): what {@link fitGammaGamma} maximises.
 *
 * ```text
 * f(z̄ | p, q, γ; x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q · x^(px) · z̄^(px−1) / (γ + x z̄)^(px+q)
 * ln L = Σ_{xᵢ > 0} wᵢ ln f(z̄ᵢ | xᵢ)
 * ```
 *
 * Evaluated exactly as the fit evaluates it, so at a fit's estimates it returns the fit's
 * `logLikelihood`. A density, so it may be positive (spend in small money units).
 *
 * Source: Fader, Hardie & Lee (2005), RFM and CLV, *J. Marketing Research* 42(4), 415–430;
 * Fader & Hardie (2013), *The Gamma-Gamma model of monetary value* (note), eq. 3.
 *
 * @param params - Gamma-Gamma parameters (a {@link GammaGammaFit} will do), each in [e^−30, e^30].
 * @param rows - One row per customer (or group with a `weight`); `null`/`undefined` rows or
 *   fields are skipped.
 * @param options - Accessors for other record types, and `weight`.
 * @returns Σ wᵢ ln f(z̄ᵢ | xᵢ); 0 when no row has x > 0 (the empty sum).
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0 or outside [e^−30, e^30], or a zero monetary value with
 *   x > 0; `NEGATIVE_VALUE` for a negative frequency, monetary value or weight;
 *   `NOT_AN_INTEGER` for a fractional frequency; `INVALID_INPUT` when `rows` is not an array, a
 *   typed array or an iterable; `INVALID_OPTION` for options that are not a plain object, an
 *   unknown key (the near miss is suggested) or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { gammaGammaLogLikelihood } from 'cx-metrics/clv';
 * const cdnow = { p: 6.25, q: 3.74, gamma: 15.44 };
 * gammaGammaLogLikelihood(cdnow, [{ frequency: 2, monetaryValue: 22.35 }]); // => -3.5513
 * gammaGammaLogLikelihood(cdnow, [{ frequency: 0, monetaryValue: 0 }]); // => 0
 * gammaGammaLogLikelihood(cdnow, [{ frequency: 1, monetaryValue: 0 }]); // => throws OUT_OF_RANGE
 * ```
 */
export function gammaGammaLogLikelihood<D extends GammaGammaCustomer | null | undefined>(
  params: GammaGammaParams,
  rows: Values<D>,
  options?: GammaGammaLogLikelihoodOptions<D> & { readonly perCustomer?: false | undefined },
): number;
/**
 * {@link gammaGammaLogLikelihood} per customer: ln f(z̄ᵢ | xᵢ) of every row used (unweighted),
 * aligned with its input position, and the total Σ wᵢ ln f(z̄ᵢ | xᵢ) (the number returned without
 * `perCustomer`). A row with x = 0 carries no spend information: its value is 0, as its term in
 * the total. Rows skipped for missing values are absent from `index`.
 *
 * ```text
 * ln Lᵢ = ln f(z̄ᵢ | p, q, γ; xᵢ)  (xᵢ > 0),   0  (xᵢ = 0)        total = Σ wᵢ ln Lᵢ
 * ```
 *
 * @param params - Gamma-Gamma parameters (a {@link GammaGammaFit} will do), each in [e^−30, e^30].
 * @param rows - One row per customer (or group with a `weight`).
 * @param options - `perCustomer: true`, accessors for other record types, and `weight`.
 * @returns The per-row log-densities, their input positions, the total and the rows skipped.
 * @throws {@link models!CxMetricsError} As without `perCustomer`.
 *
 * @example
 * ```ts
 * import { gammaGammaLogLikelihood } from 'cx-metrics/clv';
 * const cdnow = { p: 6.25, q: 3.74, gamma: 15.44 };
 * const rows = [{ frequency: 2, monetaryValue: 22.35 }, { frequency: 0, monetaryValue: 0 }, null];
 * const each = gammaGammaLogLikelihood(cdnow, rows, { perCustomer: true });
 * [...each.index]; // => [0, 1]
 * [...each.logLikelihood]; // => [-3.5513, 0]
 * each.skipped; // => 1
 * ```
 */
export function gammaGammaLogLikelihood<D extends GammaGammaCustomer | null | undefined>(
  params: GammaGammaParams,
  rows: Values<D>,
  options: GammaGammaLogLikelihoodOptions<D> & { readonly perCustomer: true },
): CustomerLogLikelihoods;
/**
 * {@link gammaGammaLogLikelihood} of any record type, read through the `frequency` and
 * `monetaryValue` accessors (both required).
 *
 * @param params - Gamma-Gamma parameters (a {@link GammaGammaFit} will do).
 * @param rows - Records, one per customer (or group with a `weight`).
 * @param options - The accessors, and `weight`.
 * @returns Σ wᵢ ln f(z̄ᵢ | xᵢ), as for {@link GammaGammaCustomer} rows.
 * @throws {@link models!CxMetricsError} As for {@link GammaGammaCustomer} rows.
 *
 * @example
 * ```ts
 * import { gammaGammaLogLikelihood } from 'cx-metrics/clv';
 * const cdnow = { p: 6.25, q: 3.74, gamma: 15.44 };
 * gammaGammaLogLikelihood(cdnow, [[2, 22.35]] as [number, number][], { frequency: (d) => d[0], monetaryValue: (d) => d[1] }); // => -3.5513
 * ```
 */
export function gammaGammaLogLikelihood<D>(
  params: GammaGammaParams,
  rows: Values<D>,
  options: GammaGammaLogLikelihoodOptions<D> & { readonly perCustomer?: false | undefined },
): number;
/**
 * {@link gammaGammaLogLikelihood} per customer, of any record type read through the
 * `frequency` and `monetaryValue` accessors (both required).
 *
 * @param params - Gamma-Gamma parameters (a {@link GammaGammaFit} will do).
 * @param rows - Records, one per customer (or group with a `weight`).
 * @param options - `perCustomer: true`, the accessors, and `weight`.
 * @returns The per-row log-densities, as for {@link GammaGammaCustomer} rows.
 * @throws {@link models!CxMetricsError} As for {@link GammaGammaCustomer} rows.
 *
 * @example
 * ```ts
 * import { gammaGammaLogLikelihood } from 'cx-metrics/clv';
 * const cdnow = { p: 6.25, q: 3.74, gamma: 15.44 };
 * const each = gammaGammaLogLikelihood(cdnow, [[2, 22.35]] as [number, number][], {
 *   frequency: (d) => d[0], monetaryValue: (d) => d[1], perCustomer: true,
 * });
 * each.total; // => -3.5513
 * ```
 */
export function gammaGammaLogLikelihood<D>(
  params: GammaGammaParams,
  rows: Values<D>,
  options: GammaGammaLogLikelihoodOptions<D> & { readonly perCustomer: true },
): CustomerLogLikelihoods;
export function gammaGammaLogLikelihood<D>(params: GammaGammaParams, rows: Values<D>, options?: GammaGammaLogLikelihoodOptions<D>): number | CustomerLogLikelihoods {
  const settings = readOptions(FN, options, ['weight', 'frequency', 'monetaryValue', 'perCustomer']) as GammaGammaLogLikelihoodSettings<D> &
    Partial<GammaGammaAccessors<D>>;
  const perCustomer = requireFlag(FN, 'perCustomer', settings.perCustomer);
  for (const key of ['weight', 'frequency', 'monetaryValue'] as const) requireAccessor(FN, key, settings[key]);
  const natural = requireGammaGammaParams(FN, params);
  const theta = requireLogScaleParameters(FN, ['p', 'q', 'gamma'], natural);
  requireValues(FN, 'rows', rows);
  const repeat = readRepeatSpend(FN, rows, settings);
  let value = 0;
  if (repeat.sw > 0) {
    const stats = gammaGammaSufficientStatistics(repeat.x, repeat.z, repeat.w, repeat.m);
    value = -gammaGammaNegativeLogLikelihood(theta, stats) * stats.totalWeight;
  }
  // The likelihood is finite for every valid row inside the range; never return -Infinity silently.
  if (!Number.isFinite(value)) throw fail('OUT_OF_RANGE', FN, 'the log-likelihood cannot be evaluated accurately at these parameters', { field: 'params' });
  if (!perCustomer) return value;
  const { x, z, at, length } = repeat.columns;
  const [p, q, g] = natural;
  const logLikelihood = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const xi = x[i] as number;
    if (xi === 0) continue; // no spend information: 0, as in the total
    const l = gammaGammaLogDensity(p, q, g, xi, z[i] as number);
    if (!Number.isFinite(l)) throw fail('OUT_OF_RANGE', FN, 'the log-likelihood cannot be evaluated accurately at these parameters', { field: 'params' });
    logLikelihood[i] = l;
  }
  return { index: Uint32Array.from(at.subarray(0, length)), logLikelihood, total: value, skipped: repeat.skipped };
}
