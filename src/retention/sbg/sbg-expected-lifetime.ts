import type { SbgParams } from './sbg-params';
import { checkSbgParams } from './likelihood';
import { betaGeometricLogSurvivalSum, betaGeometricContinuation } from '../../internal/beta-geometric';
import { fail, requireCount } from '../../internal/validate';
import { readOptions } from '../../internal/options';

/** Horizons up to this many periods are summed term by term; longer ones add a closed-form tail. */
const DIRECT_TERMS = 1024;

/** Σₖ₌₀^(m−1) 1/(x + k) for x ≥ 1024, by Euler–Maclaurin (terms through B₄; the next is below 1e-19). */
function harmonicSum(x: number, m: number): number {
  const y = x + m;
  return Math.log1p(m / x) + m / (2 * x * y) + (1 / (x * x) - 1 / (y * y)) / 12 - (1 / (x * x * x * x) - 1 / (y * y * y * y)) / 120;
}

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
 * E[T]         = Σₜ₌₀^∞ S(t) = (α + β − 1) / (α − 1) = 1 + β / (α − 1)     finite only when α > 1
 * E[min(T, H)] = Σₜ₌₀^(H−1) S(t)                                            with a horizon H
 * ```
 *
 * With a horizon the first 1,024 terms are summed; the rest telescopes, so any horizon costs the
 * same: Σₜ₌L^(H−1) S(t) = (G(L) − G(H)) / (α − 1) with G(t) = (α + β + t − 1)·S(t), evaluated as
 * −G(L)·expm1(ln(G(H)/G(L)))/(α − 1), with ln(G(H)/G(L)) arranged to keep its digits as α → 1
 * (and at α = 1 as the harmonic sum S(L)(β + L)·Σₜ₌L^(H−1) 1/(β + t)).
 *
 * Source: Fader & Hardie (2007), "How to project customer retention", *J. Interactive
 * Marketing* 21(1), §4 (mean of 1/θ for θ ~ Beta(α, β)); Σ S(t) = ₂F₁(1, β; α + β; 1).
 *
 * @param params α, β (a {@link SbgFit} will do).
 * @param options `horizon` (default: none).
 * @returns Periods ≥ 1; `undefined` without a horizon when α ≤ 1 (the mean is infinite: the
 *   most loyal customers practically never leave), or when the mean exceeds the largest double
 *   (about 1.8e308 periods). With a horizon, always a number in [1, horizon].
 * @throws `INVALID_NUMBER` / `OUT_OF_RANGE` for bad α, β; `NOT_AN_INTEGER`, `OUT_OF_RANGE` for
 *   a horizon that is not a whole number ≥ 1.
 *   `INVALID_OPTION` for options that are not a plain object or an unknown key (the near miss is
 *   suggested).
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
  options = readOptions(fn, options, ['horizon']);
  const { alpha, beta } = checkSbgParams(fn, params);
  if (options.horizon === undefined) {
    if (!(alpha > 1)) return undefined;
    const mean = 1 + beta / (alpha - 1);
    return Number.isFinite(mean) ? mean : undefined; // beyond 1.8e308 periods (α a hair above 1, β huge)
  }
  const horizon = requireCount(fn, 'horizon', options.horizon);
  if (horizon < 1) throw fail('OUT_OF_RANGE', fn, 'horizon 0 must be at least 1 period', { field: 'horizon', value: options.horizon });
  if (!Number.isFinite(alpha + beta + horizon)) {
    // α, β near the largest double: every r(k), k < 2⁵³, equals β/(α + β) to rounding; a geometric sum.
    const p = 1 / (1 + beta / alpha);
    return -Math.expm1(horizon * Math.log1p(-p)) / p;
  }
  // S(t) by the recursion S(t) = S(t − 1)·r(t), summed in order.
  let sum = 0;
  let s = 1;
  const direct = Math.min(horizon, DIRECT_TERMS);
  for (let t = 0; t < direct; t++) {
    if (t > 0) s *= betaGeometricContinuation(alpha, beta, t - 1);
    sum += s;
  }
  if (horizon === direct) return sum;
  // The tail Σₜ₌L^(H−1) S(t), L = 1024, telescoped through G(t) = (α + β + t − 1)·S(t), for which
  // G(t) − G(t + 1) = (α − 1)·S(t): tail = (G(L) − G(H))/(α − 1) = −G(L)·expm1(Δ)/(α − 1) with
  // Δ = ln(G(H)/G(L)). Splitting ln(1 + α/y) = ln(1 + 1/y) + ln(1 + δ/(y + 1)), δ = α − 1, the
  // parts that do not vanish with δ cancel exactly, leaving every term of Δ proportional to δ:
  // Δ = ln(1 + δ/(β + H)) − ln(1 + δ/(β + L)) − Σₖ₌L^(H−1) ln(1 + δ/(β + 1 + k)).
  // At α = 1 exactly, S(t) = S(L)(β + L)/(β + t): a harmonic sum.
  const L = DIRECT_TERMS;
  const sL = s * betaGeometricContinuation(alpha, beta, L - 1);
  const delta = alpha - 1;
  if (delta === 0) return sum + sL * (beta + L) * harmonicSum(beta + L, horizon - L);
  if (beta > 1e250) {
    // δ/(β + k) would be subnormal. With β ≫ H² every r(t), L ≤ t < H, equals the one at the
    // midpoint to far below rounding: the tail is a geometric sum.
    const p = 1 / (1 + (beta + (L + horizon) / 2) / alpha);
    const n = horizon - L;
    return sum + (p === 0 ? sL * n : (-sL * Math.expm1(n * Math.log1p(-p))) / p);
  }
  const logRatio = Math.log1p(delta / (beta + horizon)) - Math.log1p(delta / (beta + L)) - betaGeometricLogSurvivalSum(delta, beta + 1, L, horizon - L);
  return sum - (sL * (delta + beta + L) * Math.expm1(logRatio)) / delta;
}
