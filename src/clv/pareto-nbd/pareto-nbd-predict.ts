/**
 * Pareto/NBD predictions in log space, unvalidated (the public functions validate).
 *
 * P(alive) (Fader & Hardie 2005, "A note on deriving the Pareto/NBD model and related
 * expressions", eq. 21) is the share of the likelihood bracket due to a customer still alive at T:
 *
 *   P(alive | x, tₓ, T) = (α+T)^(−(r+x)) (β+T)^(−s) / [ (r+x) I(r+x+1, α, s, β; T) + s I(r+x, α, s+1, β; tₓ) ]
 *
 * (the bracket written as a sum of positive terms, see pareto-nbd-likelihood.ts), and
 *
 *   E[Y(t) | x, tₓ, T] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive)   (eq. 22)
 *
 * where (1 − ((β+T)/(β+T+t))^(s−1))/(s−1) = −expm1(−(s−1)L)/(s−1), L = ln(1 + t/(β+T)), is
 * evaluated without cancellation for s near 1 and equals L at s = 1 (the limit). With x = 0 and
 * T = 0 it is E[X(t)] of a new customer (eq. 17).
 */
import { logScaledPowerIntegral } from '../../internal/hypergeometric';
import { logConcaveIntegral, logistic } from '../../internal/log-concave-quadrature';
import { log1pExp } from '../../internal/quadrature';
import { logBeta, logSumExp } from '../../internal/special';
import { describeValue, fail, requirePositive } from '../../internal/validate';

/**
 * ln P(alive | x, tₓ, T); 0 when tₓ = T (nobody can have dropped out unseen). Both terms of the
 * bracket are divided by the numerator (α+T)^(−(r+x)) (β+T)^(−s) analytically, so that only
 * quantities of the size of the result are added (with r, s ~ 1e13 the numerator and the
 * bracket are each e^(−1e14) and their logarithms would cancel to nothing):
 *
 *   1/P = (r+x) J₁ /(α+T) + s J₂/(β+tₓ) · ((α+T)/(α+tₓ))^(r+x) ((β+T)/(β+tₓ))^s
 *   J₁ = I(r+x+1, α, s, β; T) (α+T)^(r+x+1) (β+T)^s,   J₂ = I(r+x, α, s+1, β; tₓ) (α+tₓ)^(r+x) (β+tₓ)^(s+1)
 *
 * (J from `logScaledPowerIntegral`; the powers between tₓ and T by log1p of (T − tₓ)/(·+tₓ)).
 */
export function paretoNbdLogProbabilityAlive(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number): number {
  if (tx === T) return 0;
  const rx = r + x;
  const m = rx + s;
  const gap = T - tx;
  const w1 = Math.log(rx) + logScaledPowerIntegral(rx + 1, alpha, s, beta, T, m) - Math.log(alpha + T);
  const w2 =
    Math.log(s) +
    logScaledPowerIntegral(rx, alpha, s + 1, beta, tx, m) -
    Math.log(beta + tx) +
    rx * Math.log1p(gap / (alpha + tx)) +
    s * Math.log1p(gap / (beta + tx));
  const value = -logSumExp(w1, w2);
  // Rounding can only push a probability of about 1 above it.
  return value < 0 ? value : 0;
}

/** ln[(1 − e^(−cL))/c] for L > 0, any real c (the limit ln L at c = 0), without overflow. */
function logExpm1Ratio(c: number, L: number): number {
  if (c === 0) return Math.log(L);
  if (c > 0) return Math.log(-Math.expm1(-c * L)) - Math.log(c);
  const d = -c * L; // (e^d − 1)/|c| with d > 0
  return d + Math.log(-Math.expm1(-d)) - Math.log(-c);
}

/** E[Y(t) | x, tₓ, T] (E[X(t)] for x = tₓ = T = 0), ≥ 0; 0 for t = 0. */
export function paretoNbdConditionalExpectation(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  tx: number,
  T: number,
  t: number,
): number {
  if (t === 0) return 0;
  return Math.exp(paretoNbdLogExpectedIfAlive(r, alpha, s, beta, x, T, t) + paretoNbdLogProbabilityAlive(r, alpha, s, beta, x, tx, T));
}

/** ln E[Y(t) | alive at T, x, T] = ln[(r+x)(β+T)/(α+T)] + ln[(1 − ((β+T)/(β+T+t))^(s−1))/(s−1)], t > 0. */
function paretoNbdLogExpectedIfAlive(r: number, alpha: number, s: number, beta: number, x: number, T: number, t: number): number {
  const ratio = t / (beta + T);
  // ln(1 + t/(β+T)); a subnormal β with T = 0 overflows the ratio, whose logarithm is still ln t − ln β.
  const L = ratio < Infinity ? Math.log1p(ratio) : Math.log(t) - Math.log(beta + T);
  return Math.log(r + x) - Math.log(alpha + T) + Math.log(beta + T) + logExpm1Ratio(s - 1, L);
}

/** E[Y(t) | alive at T, x, T] ≥ 0 (the factor of the conditional expectation that does not depend on tₓ); 0 for t = 0. */
export function paretoNbdExpectedIfAlive(r: number, alpha: number, s: number, beta: number, x: number, T: number, t: number): number {
  return t === 0 ? 0 : Math.exp(paretoNbdLogExpectedIfAlive(r, alpha, s, beta, x, T, t));
}

/** The parameters checked (each finite and > 0), as a tuple. */
export function requireParetoNbdParams(
  fn: string,
  params: { readonly r: number; readonly alpha: number; readonly s: number; readonly beta: number },
): [number, number, number, number] {
  if (params === null || typeof params !== 'object') {
    throw fail('INVALID_NUMBER', fn, `params ${describeValue(params)} must be an object with r, alpha, s, beta`, { field: 'params', value: params });
  }
  return [
    requirePositive(fn, 'r', params.r),
    requirePositive(fn, 'alpha', params.alpha),
    requirePositive(fn, 's', params.s),
    requirePositive(fn, 'beta', params.beta),
  ];
}

/**
 * ln P(X(t) = n) of a new customer with parameters (r, α, s, β) (with (r+x, α+T, s, β+T) the
 * customer alive at T: the conditional pmf), NaN where the quadrature fails. With τ the lifetime,
 * X(t) | λ, τ ~ Poisson(λ min(τ, t)); integrating λ ~ Gamma(r, α) and μ ~ Gamma(s, β):
 *
 *   P(X(t) = n) = NB(n; r, α/(α+t)) (β/(β+t))^s
 *               + s Γ(r+n)/(Γ(r) n!) ∫₀ᵗ (τ/(α+τ))ⁿ (α/(α+τ))^r (β/(β+τ))^s /(β+τ) dτ
 *
 * (the customers alive at t, and those who left at τ < t after n purchases). In v = ln τ the
 * integrand is exp χ(v), χ(v) = v − ln β − n·sp(ln α − v) − r·sp(v − ln α) − (s+1)·sp(v − ln β),
 * sp(y) = ln(1 + eʸ): concave (sp is convex), so it is integrated outward from its mode by
 * `logConcaveIntegral`. The powers α^r β^s are folded into the integrand (no ln α^r against
 * ln(α+τ)^(r+n) cancellation), and Γ(r+n)/(Γ(r) n!) = 1/((r+n) B(r, n+1)) by `logBeta`.
 */
export function paretoNbdLogCountProbability(r: number, alpha: number, s: number, beta: number, n: number, t: number): number {
  if (t === 0) return n === 0 ? 0 : -Infinity;
  const lnA = Math.log(alpha);
  const lnB = Math.log(beta);
  const lnT = Math.log(t);
  const coef = n === 0 ? 0 : -Math.log(r + n) - logBeta(r, n + 1);
  const survivors = coef - r * Math.log1p(t / alpha) - (n === 0 ? 0 : n * Math.log1p(alpha / t)) - s * Math.log1p(t / beta);
  const chi = (v: number): number => v - lnB - (n === 0 ? 0 : n * log1pExp(lnA - v)) - r * log1pExp(v - lnA) - (s + 1) * log1pExp(v - lnB);
  const slope = (v: number): number => n + 1 - (n + r) * logistic(v - lnA) - (s + 1) * logistic(v - lnB);
  // The slope falls from n + 1 (v → −∞) to −(r + s) (v → ∞): bisection for its root, to ~1e-9
  // (near the mode |χ″| ≲ 2(n+1), so the peak is wider than 1/√(2(n+1))). Below the lower
  // end (n+r)σ_α + (s+1)σ_β < e^(−3) < n + 1.
  let lo = Math.max(-745, Math.min(lnA, lnB) - Math.log(n + r + s + 1) - 3);
  let hi = 745;
  for (let k = 0; k < 42; k++) {
    const mid = (lo + hi) / 2;
    if (slope(mid) > 0) lo = mid;
    else hi = mid;
  }
  const leavers = Math.log(s) + coef + logConcaveIntegral(chi, slope, -Infinity, lnT, Math.min(lo, lnT));
  return logSumExp(survivors, leavers);
}

/** P(Y(t) = n | x, tₓ, T) = P(alive)·P(X(t) = n | r+x, α+T, s, β+T) + [n = 0](1 − P(alive)); NaN where it fails. */
export function paretoNbdConditionalCountProbability(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  tx: number,
  T: number,
  n: number,
  t: number,
): number {
  const logAlive = paretoNbdLogProbabilityAlive(r, alpha, s, beta, x, tx, T);
  const logIfAlive = paretoNbdLogCountProbability(r + x, alpha + T, s, beta + T, n, t);
  if (Number.isNaN(logIfAlive)) return Number.NaN;
  const p = Math.exp(logAlive + logIfAlive) + (n === 0 ? -Math.expm1(logAlive) : 0);
  return p < 1 ? p : 1;
}

/**
 * ln h(s, z), h(s, z) = E[1/(g + z)] for g ~ Gamma(s, 1) = ∫₀^∞ e^(−zy) (1+y)^(−s) dy
 * = U(1, 2−s; z) = z^(s−1) U(s, s; z) (Tricomi's function, DLMF 13.4.4 and 13.2.40), z > 0. In
 * w = ln(1+y) the integrand is exp χ(w), χ(w) = (1−s)w − z(eʷ − 1), concave, with its mode at
 * ln((1−s)/z) when 1 − s > z and at 0 otherwise. NaN where the quadrature fails.
 */
export function logDiscountIntegral(s: number, lnZ: number): number {
  const z = Math.exp(lnZ);
  const chi = (w: number): number => (1 - s) * w - (w < 1 ? z * Math.expm1(w) : Math.exp(lnZ + w) - z);
  const slope = (w: number): number => 1 - s - Math.exp(lnZ + w);
  const mode = s < 1 && Math.log1p(-s) > lnZ ? Math.log1p(-s) - lnZ : 0;
  return logConcaveIntegral(chi, slope, 0, Infinity, mode);
}

/**
 * ln DERT(δ | x, tₓ, T): the customer, alive at T with probability P(alive), buys at rate λ until
 * the lifetime ends, each purchase at τ discounted by e^(−δτ); given alive, λ ~ Gamma(r+x, α+T)
 * and μ ~ Gamma(s, β+T), so DERT = P(alive) · (r+x)/(α+T) · E[1/(μ+δ)] and
 * E[1/(μ+δ)] = (β+T) h(s, δ(β+T)). NaN where the quadrature fails.
 */
export function paretoNbdLogDert(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number, delta: number): number {
  const bT = beta + T;
  return (
    paretoNbdLogProbabilityAlive(r, alpha, s, beta, x, tx, T) +
    Math.log(r + x) -
    Math.log(alpha + T) +
    Math.log(bT) +
    logDiscountIntegral(s, Math.log(delta) + Math.log(bT))
  );
}
