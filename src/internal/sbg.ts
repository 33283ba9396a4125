/**
 * Shifted-beta-geometric (sBG) building blocks (Fader & Hardie 2007, "How to project customer
 * retention", J. Interactive Marketing 21(1), eqs. 1–5): each customer renews with probability
 * 1 − θ at each renewal opportunity, θ ~ Beta(α, β) across customers.
 *
 * ```text
 * r(t)     = (β + t − 1) / (α + β + t − 1) = 1 / (1 + α / (β + t − 1))     retention at opportunity t
 * S(t)     = B(α, β + t) / B(α, β) = Πₖ₌₀^(t−1) 1 / (1 + α / (β + k))     still a customer after t renewals
 * P(T = t) = S(t − 1) − S(t) = S(t − 1) · α / (α + β + t − 1)              lost at opportunity t = 1, 2, …
 * ```
 *
 * Everything is computed from the product form, never as a difference of ln B or ln Γ values:
 * those are of order (α + β)·ln(α + β) and cancel catastrophically when α and β are large (a
 * nearly homogeneous base, which is where a fit on falling retention ends up), e.g.
 * ln B(4e12, 4e12 + 1) − ln B(4e12, 4e12) is 4e-4 away from ln ½ in double precision.
 */
import type { SbgParams } from '../retention/fit-sbg';
import { betaExpectation } from './quadrature';
import { digamma } from './special';
import { fail, requirePositive } from './validate';

/** Sufficient statistics: customers lost at each opportunity t ≥ 1, and those known to be active after t renewals. */
export interface SbgStatistics {
  /** Distinct renewal counts t ≥ 1 that carry data, increasing. */
  readonly times: readonly number[];
  /** Customers lost at opportunity `times[i]`. */
  readonly events: readonly number[];
  /** Customers still active after `times[i]` renewals (right-censored). */
  readonly censored: readonly number[];
  /** Customers in total (those censored at 0 renewals included: they add nothing to ln L). */
  readonly customers: number;
}

/** Validated α, β of a params object (`OUT_OF_RANGE` / `INVALID_NUMBER` otherwise). */
export function checkSbgParams(fn: string, params: SbgParams): { alpha: number; beta: number } {
  const p = (typeof params === 'object' && params !== null ? params : {}) as Partial<SbgParams>;
  return { alpha: requirePositive(fn, 'alpha', p.alpha), beta: requirePositive(fn, 'beta', p.beta) };
}

/** r(k + 1) = 1 / (1 + α / (β + k)): no NaN for tiny β (β + k − 1 would round to 0) nor overflow for huge α + β. */
export function sbgRetention(alpha: number, beta: number, k: number): number {
  return 1 / (1 + alpha / (beta + k));
}

/** Below this β + k, terms are summed one by one; above it the Euler–Maclaurin tail is accurate to ~1e-16. */
const EM_START = 64;

/**
 * Σₖ₌ₖ₀^(k₀+m−1) ln(1 + α / (β + k)) = ln S(k₀) − ln S(k₀ + m), m ≥ 0: term by term while
 * β + k < 64, then Euler–Maclaurin in closed form (O(1) for any m):
 *
 * ```text
 * f(y) = ln(1 + α/y), y = β + k            Σ f = ∫ f + (f(y₀) − f(y₁))/2 + Σⱼ B₂ⱼ/(2j)! (f⁽²ʲ⁻¹⁾(y₁) − f⁽²ʲ⁻¹⁾(y₀))
 * ∫_y₀^y₁ f = m·f(y₁) + y₀·ln(1 − p·m/y₁) + α·ln(1 + m/(y₀ + α)),   p = α/(y₀ + α), y₁ = y₀ + m
 * f⁽ⁿ⁾(y) = (−1)ⁿ⁻¹ (n − 1)! (1/(y + α)ⁿ − 1/yⁿ) = (−1)ⁿ⁻¹ (n − 1)! (qⁿ − 1)/yⁿ,   q = y/(y + α)
 * ```
 *
 * The integral is arranged so that nothing cancels: ln(1 − p·m/y₁) = f(y₁) − f(y₀) exactly, and
 * qⁿ − 1 is formed from q − 1 = −α/(y + α). With y₀ ≥ 64 the first omitted term (B₈) is below
 * 2e-16 of the result. α may also be negative, down to −(β + k₀) (the sum is then ≤ 0): the
 * restricted mean lifetime sums ln(1 + (α − 1)/(β + 1 + k)).
 */
export function sbgLogRetentionSum(alpha: number, beta: number, k0: number, m: number): number {
  let sum = 0;
  let k = k0;
  const end = k0 + m;
  while (k < end && (beta + k < EM_START || end - k <= 8)) {
    sum += Math.log1p(alpha / (beta + k));
    k++;
  }
  if (k >= end) return sum;
  const n = end - k;
  const y0 = beta + k;
  const y1 = beta + end;
  const p = 1 / (1 + y0 / alpha);
  const x = p * (n / y1);
  const drop = Math.log1p(-x); // f(y₁) − f(y₀)
  // y₀·drop as (y₀/y₁)·n·p·ln(1 − x)/x, so that it survives when x underflows (β ~ 1e186, α ~ 1).
  const y0drop = (y0 / y1) * (n * p) * (x === 0 ? -1 : drop / x);
  const f1 = Math.log1p(alpha / y1);
  const tail = Number.isFinite(y0 + alpha) ? alpha * Math.log1p(n / (y0 + alpha)) : n * p;
  const integral = n * f1 + y0drop + tail;
  // f′, f‴, f⁽⁵⁾ at y.
  const derivatives = (y: number): [number, number, number] => {
    const qm1 = -1 / (1 + y / alpha); // q − 1 = −α/(y + α)
    const q = 1 + qm1;
    const r = 1 / y;
    const r2 = r * r;
    const q2 = q * q;
    return [qm1 * r, 2 * qm1 * (q2 + q + 1) * r * r2, 24 * qm1 * (q2 * q2 + q2 * q + q2 + q + 1) * r * r2 * r2];
  };
  const [d1a, d3a, d5a] = derivatives(y0);
  const [d1b, d3b, d5b] = derivatives(y1);
  const em = integral - drop / 2 + (d1b - d1a) / 12 - (d3b - d3a) / 720 + (d5b - d5a) / 30240;
  // Every term has the sign of α; rounding must not make S(t) rise.
  return sum + (alpha > 0 ? Math.max(0, em) : Math.min(0, em));
}

/** ln S(t) = −Σₖ₌₀^(t−1) ln(1 + α/(β + k)), accurate for any α, β > 0 and t ≥ 0. */
export function sbgLogSurvival(alpha: number, beta: number, t: number): number {
  return t === 0 ? 0 : -sbgLogRetentionSum(alpha, beta, 0, t);
}

/** Gaps between observed renewal counts up to this length are walked term by term in the likelihood. */
const DIRECT_GAP = 64;

/**
 * Mean negative log-likelihood over the customers and its gradient, in θ = (ln α, ln β), in one
 * walk over the observed renewal counts carrying ln S(t) and its derivatives:
 *
 * ```text
 * ln L = Σₜ events[t] · ln P(T = t) + Σₜ censored[t] · ln S(t)
 * ln S(t) = ln S(t − 1) − ln(1 + α/(β + t − 1))       ln P(T = t) = ln S(t − 1) − ln(1 + (β + t − 1)/α)
 * ∂ ln S(t)/∂α = −Σₖ<ₜ 1/(α + β + k)                    ∂ ln S(t)/∂β = Σₖ<ₜ α / ((β + k)(α + β + k))
 * ∂ ln P(t)/∂α = ∂ ln S(t − 1)/∂α + 1/α − 1/(α + β + t − 1)
 * ∂ ln P(t)/∂β = ∂ ln S(t − 1)/∂β − 1/(α + β + t − 1)
 * ```
 *
 * Long gaps between observed counts (more than 64 renewals) use the closed-form tail for ln S
 * and ψ differences for the derivatives.
 */
export function sbgObjective(stats: SbgStatistics): {
  objective: (theta: readonly number[]) => number;
  gradient: (theta: readonly number[]) => number[];
} {
  const { times, events, censored, customers } = stats;
  const walk = (theta: readonly number[], withGradient: boolean): [number, number, number] => {
    const alpha = Math.exp(theta[0] as number);
    const beta = Math.exp(theta[1] as number);
    if (!(alpha > 0 && beta > 0 && Number.isFinite(alpha + beta))) return [-Infinity, 0, 0];
    let ll = 0;
    let ga = 0;
    let gb = 0;
    // ln S(position) and its derivatives.
    let position = 0;
    let logS = 0;
    let dA = 0;
    let dB = 0;
    for (let i = 0; i < times.length; i++) {
      const t = times[i] as number;
      const gap = t - 1 - position;
      if (gap > 0) {
        if (gap <= DIRECT_GAP) {
          for (let k = position; k < t - 1; k++) {
            logS -= Math.log1p(alpha / (beta + k));
            if (withGradient) {
              const w = alpha + beta + k;
              dA -= 1 / w;
              dB += alpha / ((beta + k) * w);
            }
          }
        } else {
          logS -= sbgLogRetentionSum(alpha, beta, position, gap);
          if (withGradient) {
            const ab = digamma(alpha + beta + t - 1) - digamma(alpha + beta + position);
            dA -= ab;
            dB += digamma(beta + t - 1) - digamma(beta + position) - ab;
          }
        }
      }
      // Opportunity t, k = t − 1.
      const u = beta + (t - 1);
      const w = alpha + u;
      const e = events[i] as number;
      const c = censored[i] as number;
      if (e > 0) {
        ll += e * (logS - Math.log1p(u / alpha));
        if (withGradient) {
          ga += e * (dA + 1 / alpha - 1 / w);
          gb += e * (dB - 1 / w);
        }
      }
      logS -= Math.log1p(alpha / u);
      if (withGradient) {
        dA -= 1 / w;
        dB += alpha / (u * w);
      }
      if (c > 0) {
        ll += c * logS;
        if (withGradient) {
          ga += c * dA;
          gb += c * dB;
        }
      }
      position = t;
    }
    return [ll, ga * alpha, gb * beta];
  };
  return {
    objective: (theta) => {
      const ll = walk(theta, false)[0];
      return Number.isFinite(ll) ? -ll / customers : Infinity;
    },
    gradient: (theta) => {
      const [, ga, gb] = walk(theta, true);
      return [-ga / customers, -gb / customers];
    },
  };
}

/** About a second of summing at most: beyond it the value is refused rather than waited for. */
const SERIES_LIMIT = 20_000_000;

/** Terms summed before Euler's integral is tried: d ≥ 0.01 needs at most ~4,000. */
const SHORT_SERIES = 10_000;

/**
 * The discounted survival after opportunity m, relative to it, under the sBG:
 *
 * ```text
 * Σₖ₌₀^∞ zᵏ · Πⱼ₌₀^(k−1) r(m + j + 1) = ₂F₁(1, β + m; α + β + m; z),   z = 1/(1 + d),  r(t + 1) = (β + t)/(α + β + t)
 * ```
 *
 * The sBG's DERL and the BG/BB's DERT both reduce to it (Fader & Hardie 2010; Fader, Hardie &
 * Shang 2010, eq. 14). The terms are positive with ratios below z, so the tail after a term is
 * at most term/d. Summed directly while that takes at most 10,000 terms (always for d ≥ 0.01,
 * and where θ lies away from 0); beyond, Euler's integral (1 + d)·E[1/(d + θ)] with
 * θ ~ Beta(α, β + m), by quadrature (a general ₂F₁, once used here, lost digits near z = 1 with
 * α + β + m large without declining: 3.8e-6 at α = 6e8, β + m = 13, d = 1e-6); and where a beta is
 * too narrow for the quadrature, the series again, to 2e7 terms. `OUT_OF_RANGE` for `fn` when
 * none of them reaches its accuracy.
 */
export function sbgDiscountedSurvival(fn: string, alpha: number, beta: number, m: number, d: number): number {
  const z = 1 / (1 + d);
  let term = 1;
  let sum = 0;
  let compensation = 0;
  let k = 0;
  /** Sum on up to `limit` terms; true once the rest is below 1e-16 of the sum (it is at most term/d). */
  const sumUpTo = (limit: number): boolean => {
    for (; k < limit; k++) {
      const y = term - compensation;
      const next = sum + y;
      compensation = next - sum - y;
      sum = next;
      if (term / d <= 1e-16 * sum) return true;
      term *= sbgRetention(alpha, beta, m + k) * z;
    }
    return false;
  };
  // About 40/(d + θ) terms: short for d ≥ 0.01, or θ away from 0.
  if (sumUpTo(SHORT_SERIES)) return sum;
  if (Number.isFinite(alpha + beta + m)) {
    const B = beta + m;
    // Jensen (1/(d + θ) is convex): E ≥ 1/(d + E θ), a floor for the tolerance of tiny pieces.
    const { value, error } = betaExpectation((logTheta) => -Math.log(d + Math.exp(logTheta)), alpha, B, [d], 1 / (d + alpha / (alpha + B)));
    // Within 1e-10 of the truth, kept inside 1 ≤ F ≤ 1/(1 − z) = (1 + d)/d, which it may touch.
    if (Number.isFinite(value) && value > 0 && error <= 1e-10 * value) return Math.min(Math.max((1 + d) * value, 1), (1 + d) / d);
  }
  // A beta too narrow for the quadrature: the series, to its cap.
  if (sumUpTo(SERIES_LIMIT)) return sum;
  throw fail('OUT_OF_RANGE', fn, `discountRate ${d} is too small to sum the discounted survival accurately`, { field: 'discountRate', value: d });
}
