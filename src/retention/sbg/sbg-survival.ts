import type { SbgParams } from './sbg-params';
import { checkSbgParams } from './likelihood';
import { betaGeometricLogSurvival } from '../../internal/beta-geometric';
import { requireCount } from '../../internal/validate';

/**
 * The share of a cohort still active after `t` renewals under a shifted-beta-geometric model.
 *
 * ```text
 * S(t) = B(α, β + t) / B(α, β) = Πₖ₌₀^(t−1) 1 / (1 + α / (β + k))        S(0) = 1
 * ```
 *
 * Evaluated from the product (term by term while β + k < 64, then an Euler–Maclaurin closed
 * form), never as a difference of ln B values, which cancels for large α, β: the relative error
 * stays near 1e-13 for any α, β > 0 and any t, in O(1) time.
 *
 * Source: Fader & Hardie (2007), "How to project customer retention", *J. Interactive
 * Marketing* 21(1), eq. (5).
 *
 * @param params α, β (a {@link SbgFit} will do).
 * @param t Renewals, a whole number ≥ 0 (periods since acquisition).
 * @returns A proportion in [0, 1], non-increasing in `t`.
 * @throws `INVALID_NUMBER` / `OUT_OF_RANGE` for α, β not finite and > 0; `INVALID_NUMBER`,
 *   `NEGATIVE_VALUE`, `NOT_AN_INTEGER` for a bad `t`.
 *
 * @example
 * ```ts
 * import { sbgSurvival } from 'cx-metrics/retention';
 * sbgSurvival({ alpha: 1, beta: 1 }, 1); // => 0.5
 * sbgSurvival({ alpha: 0.704, beta: 1.182 }, 12); // => 0.170
 * ```
 */
export function sbgSurvival(params: SbgParams, t: number): number {
  const { alpha, beta } = checkSbgParams('sbgSurvival', params);
  const n = requireCount('sbgSurvival', 't', t);
  return Math.exp(betaGeometricLogSurvival(alpha, beta, n));
}
