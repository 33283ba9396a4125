import type { SbgParams } from './fit-sbg';
import { checkSbgParams, sbgLogSurvival } from '../internal/sbg';
import { digamma } from '../internal/special';
import { fail, requireCount } from '../internal/validate';

/** Horizons up to this many periods are summed term by term; longer ones use the closed form. */
const LOOP_LIMIT = 100_000;

/** Options of {@link sbgExpectedLifetime}. */
export interface SbgExpectedLifetimeOptions {
  /**
   * Count only the first `horizon` periods (a whole number ≥ 1): the restricted mean
   * E[min(T, horizon)]. Default: no horizon, the full mean.
   */
  readonly horizon?: number;
}

/**
 * The expected lifetime of a newly acquired customer, in periods (the first, paid period
 * counts: a customer who never renews lives 1 period), under a shifted-beta-geometric model.
 *
 * ```text
 * E[T]            = Σₜ₌₀^∞ S(t) = (α + β − 1) / (α − 1)     finite only when α > 1
 * E[min(T, H)]    = Σₜ₌₀^(H−1) S(t)                           with a horizon H
 *                 = (α + β − 1 − (α + β + H − 1)·S(H)) / (α − 1)    (used for H > 100 000 unless 0 < |α − 1| < 0.001)
 * ```
 *
 * Source: Fader & Hardie (2007), "How to project customer retention", *J. Interactive
 * Marketing* 21(1), §4 (mean of 1/θ for θ ~ Beta(α, β)); Σ S(t) = ₂F₁(1, β; α + β; 1).
 *
 * @param params α, β (a {@link SbgFit} will do).
 * @param options `horizon` (default: none).
 * @returns Periods ≥ 1; `undefined` without a horizon when α ≤ 1 (the mean is infinite: the
 *   most loyal customers practically never leave).
 * @throws `INVALID_NUMBER` / `OUT_OF_RANGE` for bad α, β; `NOT_AN_INTEGER`, `OUT_OF_RANGE` for
 *   a horizon that is not a whole number ≥ 1.
 *
 * @example
 * ```ts
 * import { sbgExpectedLifetime } from 'cx-metrics/retention';
 * sbgExpectedLifetime({ alpha: 3, beta: 2 }); // => 2
 * sbgExpectedLifetime({ alpha: 0.704, beta: 1.182 }); // => undefined
 * sbgExpectedLifetime({ alpha: 0.704, beta: 1.182 }, { horizon: 10 }); // => 4.04
 * ```
 */
export function sbgExpectedLifetime(params: SbgParams, options: SbgExpectedLifetimeOptions = {}): number | undefined {
  const fn = 'sbgExpectedLifetime';
  const { alpha, beta } = checkSbgParams(fn, params);
  if (options.horizon === undefined) return alpha > 1 ? (alpha + beta - 1) / (alpha - 1) : undefined;
  const horizon = requireCount(fn, 'horizon', options.horizon);
  if (horizon < 1) throw fail('OUT_OF_RANGE', fn, 'horizon 0 must be at least 1 period', { field: 'horizon', value: options.horizon });
  if (horizon > LOOP_LIMIT && (alpha === 1 || Math.abs(alpha - 1) >= 1e-3)) {
    // Telescoping closed form (from (α + β + t − 1)·S(t) = (β + t − 1)·S(t − 1)):
    // Σₜ₌₀^(H−1) S(t) = (α + β − 1 − (α + β + H − 1)·S(H)) / (α − 1); at α = 1 it is β(ψ(β + H) − ψ(β)).
    if (alpha === 1) return beta * (digamma(beta + horizon) - digamma(beta));
    const tail = (alpha + beta + horizon - 1) * Math.exp(sbgLogSurvival(alpha, beta, horizon));
    return (alpha + beta - 1 - tail) / (alpha - 1);
  }
  // S(t) by the recursion S(t) = S(t − 1)·r(t), summed in order (also for α within 1e-3 of 1,
  // where the closed form would lose digits to cancellation).
  let sum = 0;
  let s = 1;
  for (let t = 0; t < horizon; t++) {
    if (t > 0) s = (s * (beta + t - 1)) / (alpha + beta + t - 1);
    sum += s;
  }
  return sum;
}
