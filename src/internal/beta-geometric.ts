/**
 * The beta-geometric distribution (a geometric waiting time whose per-trial stopping
 * probability θ varies as Beta(α, β)): its continuation probabilities, log survival sums and
 * discounted survival series. A textbook discrete distribution (the domain models built on it
 * live in their domains).
 *
 * ```text
 * r(t)     = (β + t − 1) / (α + β + t − 1) = 1 / (1 + α / (β + t − 1))     continuation at trial t
 * S(t)     = B(α, β + t) / B(α, β) = Πₖ₌₀^(t−1) 1 / (1 + α / (β + k))     no stop in the first t trials
 * P(T = t) = S(t − 1) − S(t) = S(t − 1) · α / (α + β + t − 1)              first stop at trial t = 1, 2, …
 * ```
 *
 * Everything is computed from the product form, never as a difference of ln B or ln Γ values:
 * those are of order (α + β)·ln(α + β) and cancel catastrophically when α and β are large (a
 * nearly homogeneous population), e.g. ln B(4e12, 4e12 + 1) − ln B(4e12, 4e12) is 4e-4 away
 * from ln ½ in double precision.
 *
 * Source: Weinberg & Gladen (1986), "The beta-geometric distribution applied to comparative
 * fecundability studies", *Biometrics* 42(3), 547–560.
 */
import { betaExpectation } from './quadrature';
import { fail, requirePositive } from './validate';

/** r(k + 1) = 1 / (1 + α / (β + k)): no NaN for tiny β (β + k − 1 would round to 0) nor overflow for huge α + β. */
export function betaGeometricContinuation(alpha: number, beta: number, k: number): number {
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
export function betaGeometricLogSurvivalSum(alpha: number, beta: number, k0: number, m: number): number {
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
export function betaGeometricLogSurvival(alpha: number, beta: number, t: number): number {
  return t === 0 ? 0 : -betaGeometricLogSurvivalSum(alpha, beta, 0, t);
}

/** About a second of summing at most: beyond it the value is refused rather than waited for. */
const SERIES_LIMIT = 20_000_000;

/** Terms summed before Euler's integral is tried: d ≥ 0.01 needs at most ~4,000. */
const SHORT_SERIES = 10_000;

/**
 * The discounted survival after trial m, relative to it:
 *
 * ```text
 * Σₖ₌₀^∞ zᵏ · Πⱼ₌₀^(k−1) r(m + j + 1) = ₂F₁(1, β + m; α + β + m; z),   z = 1/(1 + d),  r(t + 1) = (β + t)/(α + β + t)
 * ```
 *
 * (Abramowitz & Stegun 15.1.1 for the series; 15.3.1, Euler's integral, for the quadrature.) The terms are positive with ratios below z, so the tail after a term is
 * at most term/d. Summed directly while that takes at most 10,000 terms (always for d ≥ 0.01,
 * and where θ lies away from 0); beyond, Euler's integral (1 + d)·E[1/(d + θ)] with
 * θ ~ Beta(α, β + m), by quadrature (a general ₂F₁, once used here, lost digits near z = 1 with
 * α + β + m large without declining: 3.8e-6 at α = 6e8, β + m = 13, d = 1e-6); and where a beta is
 * too narrow for the quadrature, the series again, to 2e7 terms. `OUT_OF_RANGE` for `fn` when
 * none of them reaches its accuracy.
 */
export function betaGeometricDiscountedSurvival(fn: string, alpha: number, beta: number, m: number, d: number): number {
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
      term *= betaGeometricContinuation(alpha, beta, m + k) * z;
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
