import type { SbgParams } from './fit-sbg';
import { checkSbgParams, sbgLogSurvival } from '../internal/sbg';
import { requireCount } from '../internal/validate';

/**
 * The share of a cohort still active after `t` renewals under a shifted-beta-geometric model.
 *
 * ```text
 * S(t) = B(α, β + t) / B(α, β)        S(0) = 1
 * ```
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
  return Math.exp(sbgLogSurvival(alpha, beta, n));
}
