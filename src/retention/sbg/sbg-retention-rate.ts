import type { SbgParams } from './sbg-params';
import { checkSbgParams } from './likelihood';
import { betaGeometricContinuation } from '../../internal/beta-geometric';
import { fail, requireCount } from '../../internal/validate';

/**
 * The retention rate at renewal opportunity `t` under a shifted-beta-geometric model: the share
 * of the customers active after t − 1 renewals who renew the t-th time. It rises with `t`
 * although no customer's own renewal probability changes: the customers likely to churn leave
 * first (heterogeneity, not loyalty).
 *
 * ```text
 * r(t) = S(t) / S(t − 1) = (β + t − 1) / (α + β + t − 1)        t = 1, 2, …
 * ```
 *
 * Source: Fader & Hardie (2007), "How to project customer retention", *J. Interactive
 * Marketing* 21(1), eq. (4).
 *
 * @param params α, β (a {@link SbgFit} will do).
 * @param t The renewal opportunity, a whole number ≥ 1.
 * @returns A proportion in (0, 1), non-decreasing in `t`.
 * @throws `INVALID_NUMBER` / `OUT_OF_RANGE` for bad α, β; `INVALID_NUMBER`, `NEGATIVE_VALUE`,
 *   `NOT_AN_INTEGER` for a bad `t`, `OUT_OF_RANGE` for t = 0.
 *
 * @example
 * ```ts
 * import { sbgRetentionRate } from 'cx-metrics/retention';
 * sbgRetentionRate({ alpha: 0.704, beta: 1.182 }, 1); // => 0.627
 * sbgRetentionRate({ alpha: 0.704, beta: 1.182 }, 8); // => 0.921
 * ```
 */
export function sbgRetentionRate(params: SbgParams, t: number): number {
  const { alpha, beta } = checkSbgParams('sbgRetentionRate', params);
  const n = requireCount('sbgRetentionRate', 't', t);
  if (n < 1) throw fail('OUT_OF_RANGE', 'sbgRetentionRate', 't 0 must be at least 1 (the first renewal)', { field: 't', value: t });
  return betaGeometricContinuation(alpha, beta, n - 1);
}
