/**
 * MBG/NBD predictions, unvalidated (the public functions validate; predictClv calls these in its
 * hot loop). Batislam, Denizel & Filiztekin (2007), "Empirical validation and comparison of models
 * for customer base analysis", IJRM 24(3), 201–209; BTYDplus `mbgcnbd` with k = 1.
 *
 * The model is BG/NBD with one more dropout opportunity, right after the first purchase (time 0).
 * Given λ and p, a customer alive at T behaves from T on exactly like a BG/NBD customer (the next
 * opportunity to drop out is after the next purchase), and the posterior of a customer with x
 * repeat purchases who is alive at T is λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x+1): x + 1 survived
 * opportunities instead of BG/NBD's x. So every conditional prediction is a BG/NBD prediction with
 * (R, u, a, B) = (r+x, α+T, a, b+x+1), times P(alive), and
 *
 *   P(alive | x, tₓ, T) = 1 / (1 + a/(b+x) · ((α+T)/(α+tₓ))^(r+x))                (x = 0 included)
 *   E[Y(t) | alive]     = (a+B−1)/(a−1) · [1 − (u/(u+t))^R ₂F₁(R, B; a+B−1; t/(u+t))]
 *
 * (Batislam et al. 2007, eqs. 9–11). The expectation given alive is the BG/NBD one, evaluated the
 * same way (Euler's transformation, a certified series, quadrature fallback: see
 * `bg-nbd-predict.ts`) but with C = a+b+x and A′ = a+b−r formed from the MBG/NBD parameters
 * directly, so that no digit of a tiny a or b is lost in b + 1.
 */
import { betaExpectation, log1pExp, tanhSinh } from '../../internal/quadrature';
import { describeValue, fail, requirePositive } from '../../internal/validate';
import { bgNbdExpectedIfAliveByQuadrature, bgNbdPurchaseCountProbability, logisticComplement } from '../bg-nbd/bg-nbd-predict';

/** ln of the odds that a customer has dropped out: ln(a/(b+x)) + (r+x) ln((α+T)/(α+tₓ)). */
export function mbgNbdLogOddsDead(r: number, alpha: number, a: number, b: number, x: number, tx: number, T: number): number {
  // ln((α+T)/(α+tₓ)) = log1p((T−tₓ)/(α+tₓ)): exact to a rounding even when α ≫ T.
  return Math.log(a) - Math.log(b + x) + (r + x) * Math.log1p((T - tx) / (alpha + tx));
}

/** P(alive at T | x, tₓ, T). */
export function mbgNbdAlive(r: number, alpha: number, a: number, b: number, x: number, tx: number, T: number): number {
  return logisticComplement(mbgNbdLogOddsDead(r, alpha, a, b, x, tx, T));
}

const MAX_SERIES_TERMS = 20_000;
const SERIES_TOLERANCE = 1e-11;
const QUADRATURE_TOLERANCE = 1e-10;
const EPSILON = 2 ** -52;

/**
 * Expected purchases in (T, T+t] of a customer with x repeat purchases in T who is alive at T.
 * The Euler series of `bgNbdExpectedIfAlive` with ε = a−1, C = a+b+x, A′ = a+b−r and
 * z = t/(α+T+t):
 *
 *   C · (−expm1(ε ln(1−z))/ε) − (1−z)^ε · Σₖ≥₁ hₖ,   h₁ = A′z,   hₖ₊₁ = hₖ z (A′+k)(ε+k)/((C+k)(k+1))
 *
 * with a running bound on its rounding error; where it cannot certify 1e-11 the quadrature over
 * p ~ Beta(a, b+x+1) takes over (OUT_OF_RANGE for `fn` if that cannot reach 1e-10).
 */
export function mbgNbdExpectedIfAlive(fn: string, r: number, alpha: number, a: number, b: number, x: number, T: number, t: number): number {
  if (t === 0) return 0;
  const u = alpha + T;
  const z = t / (u + t);
  const L = -Math.log1p(t / u);
  const eps = a - 1;
  const C = a + b + x;
  const A = a + b - r;
  const first = eps === 0 ? -L : -Math.expm1(eps * L) / eps;
  let h = A * z;
  let sum = h;
  let compensation = 0;
  let roundoff = 2 * Math.abs(h);
  let converged = A === 0 || z === 0;
  for (let k = 1; k < MAX_SERIES_TERMS && !converged; k++) {
    const ratio = (z * (A + k) * (eps + k)) / ((C + k) * (k + 1));
    h *= ratio;
    const s = sum + h;
    compensation += Math.abs(sum) >= Math.abs(h) ? sum - s + h : h - s + sum;
    sum = s;
    roundoff += (k + 2) * Math.abs(h);
    const rho = Math.max(Math.abs(ratio), z);
    converged = h === 0 || (rho < 1 && Math.abs(h) * (rho / (1 - rho)) <= 1e-17 * Math.abs(sum + compensation));
  }
  if (converged) {
    const power = Math.exp(eps * L);
    const head = C * first;
    const value = head - power * (sum + compensation);
    const bound = 4 * EPSILON * (Math.abs(head) + power * (roundoff + Math.abs(sum)));
    if (Number.isFinite(value) && Number.isFinite(bound) && value > 0 && bound <= SERIES_TOLERANCE * value) return value;
  }
  return bgNbdExpectedIfAliveByQuadrature(fn, r + x, u, a, b + x + 1, t);
}

/** E[Y(t) | x, tₓ, T] = P(alive) · E[Y(t) | alive]; E[X(t)] at x = tₓ = T = 0. */
export function mbgNbdConditionalExpectation(fn: string, r: number, alpha: number, a: number, b: number, x: number, tx: number, T: number, t: number): number {
  return mbgNbdExpectedIfAlive(fn, r, alpha, a, b, x, T, t) * mbgNbdAlive(r, alpha, a, b, x, tx, T);
}

/**
 * P(X(t) = n) of a new customer (Batislam et al. 2007, eq. 8):
 *
 *   δ(n=0) · a/(a+b) + B(a, b+n+1)/B(a, b) · NB(n; r, α/(α+t)) + δ(n>0) B(a+1, b+n)/B(a, b) · P(NB ≥ n)
 *   = δ(n=0) · a/(a+b) + b/(a+b) · P_BG/NBD(n; r, α, a, b+1)
 *
 * (B(a, b+1)/B(a, b) = b/(a+b)): with probability a/(a+b) a new customer drops out at once;
 * otherwise they are a BG/NBD customer whose dropout probability has the posterior Beta(a, b+1).
 */
export function mbgNbdCountProbability(fn: string, r: number, alpha: number, a: number, b: number, n: number, t: number): number {
  const stay = b / (a + b);
  const bg = bgNbdPurchaseCountProbability(fn, r, alpha, a, b + 1, n, t);
  const p = n === 0 ? a / (a + b) + stay * bg : stay * bg;
  return p > 1 ? 1 : p;
}

/**
 * P(Y(t) = n | x, tₓ, T) = δ(n=0)(1 − P(alive)) + P(alive) · P_BG/NBD(n; r+x, α+T, a, b+x+1):
 * given alive at T, the next t is a BG/NBD count of a new customer with the posterior
 * parameters (a closed form; the BG/NBD pmf of FHL 2005, eq. 8, with the updated parameters).
 */
export function mbgNbdConditionalCountProbability(
  fn: string,
  r: number,
  alpha: number,
  a: number,
  b: number,
  x: number,
  tx: number,
  T: number,
  n: number,
  t: number,
): number {
  const logOdds = mbgNbdLogOddsDead(r, alpha, a, b, x, tx, T);
  const alive = logisticComplement(logOdds);
  const bg = bgNbdPurchaseCountProbability(fn, r + x, alpha + T, a, b + x + 1, n, t);
  const p = n === 0 ? logisticComplement(-logOdds) + alive * bg : alive * bg;
  return p > 1 ? 1 : p;
}

/**
 * P(still alive at T + t | alive at T, history) = E[e^(−λpt)] over the posterior
 * λ ~ Gamma(R, u), p ~ Beta(a, B) = E_p[(1 + p·t/u)^(−R)] (= ₂F₁(R, a; a+B; −t/u)), by the
 * kernel's beta expectation: dropout is the thinning of the purchase process, so the time to
 * dropout is exponential with rate λp.
 */
export function mbgNbdSurvival(fn: string, R: number, u: number, a: number, B: number, t: number): number {
  if (t === 0) return 1;
  const logS = Math.log(t) - Math.log(u);
  const logG = (logP: number): number => -R * log1pExp(logP + logS);
  const floor = Math.exp(logG(Math.log(a / (a + B)))); // Jensen: (1 + ps)^(−R) is convex in p
  const { value, error } = betaExpectation(logG, a, B, [Math.exp(-logS), Math.exp(-logS) / R], floor);
  if (floor === 0 && value === 0 && error === 0) return 0;
  if (!(Number.isFinite(value) && value >= 0 && error <= QUADRATURE_TOLERANCE * value)) {
    throw fail(
      'OUT_OF_RANGE',
      fn,
      `the probability of staying alive for r + x = ${describeValue(R)}, alpha + T = ${describeValue(u)}, a = ${describeValue(a)}, b + x + 1 = ${describeValue(B)}, t = ${describeValue(t)} cannot be computed to 1e-10 (the quadrature over the dropout probability did not converge)`,
      { field: 't', value: t },
    );
  }
  return value > 1 ? 1 : value;
}

/**
 * P(alive at T + t | x, tₓ, T) = P(alive at T) · P(still alive at T + t | alive at T).
 */
export function mbgNbdAliveAt(fn: string, r: number, alpha: number, a: number, b: number, x: number, tx: number, T: number, t: number): number {
  const alive = mbgNbdAlive(r, alpha, a, b, x, tx, T);
  if (t === 0 || alive === 0) return alive;
  return alive * mbgNbdSurvival(fn, r + x, alpha + T, a, b + x + 1, t);
}

/**
 * Discounted expected residual purchases given alive at T, continuous discounting at δ:
 *
 *   ∫₀^∞ e^(−δt) dE[Y(t) | alive] = E[λ/(δ + λp)]        (λ ~ Gamma(R, u), p ~ Beta(a, B))
 *                                 = R/(δu) · E_p[k(p/(δu))],   k(c) = ∫₀^∞ e^(−v) (1 + c·v)^(−R−1) dv
 *
 * (the rate of purchases at T + t given alive at T is λ e^(−λpt); integrating over λ first gives
 * R/u · (1 + pt/u)^(−R−1), and v = δt). k(c) = y e^y E_{R+1}(y) with y = 1/c (E the generalized
 * exponential integral) comes from its continued fraction for c ≤ 10 where it settles, else
 * from (1/c) ∫₀^W exp(−R·w − (e^w − 1)/c) dw (w = ln(1 + c·v)) by tanh-sinh quadrature, and the expectation over p by the kernel's beta expectation: a nested
 * numerical integration, milliseconds. OUT_OF_RANGE for `fn` if either cannot reach 1e-10.
 */
export function mbgNbdDiscountedIfAlive(fn: string, R: number, u: number, a: number, B: number, delta: number): number {
  const logScale = Math.log(delta) + Math.log(u); // ln(δu)
  const nu = R + 1;
  let failed = false;
  const logK = (logC: number): number => {
    const c = Math.exp(logC);
    if (nu * c < 1e-8) return Math.log1p(-nu * c + nu * (nu + 1) * c * c); // k = 1 − νc + ν(ν+1)c² − …
    if (c <= 10) {
      const cf = exponentialIntegralFraction(nu, 1 / c);
      if (cf > 0) return Math.log(cf) - logC;
    }
    // w = ln(1 + c·v): k = (1/c) ∫₀^W exp(−R·w − (e^w − 1)/c) dw, smooth, W where v = 50
    // (the rest is below e^−49 of k).
    const W = Math.log1p(50 * c);
    const result = tanhSinh(
      (dLo, dHi) => {
        const w = dLo <= dHi ? dLo : W - dHi;
        return Math.exp(-R * w - Math.expm1(w) / c);
      },
      W,
      1e-12,
      0,
      10,
    );
    if (!result.converged || !(result.value > 0)) failed = true;
    return Math.log(result.value) - logC;
  };
  const mean = a / (a + B);
  const floor = Math.exp(logK(Math.log(mean) - logScale)); // Jensen: k is convex in c
  const { value, error } = betaExpectation((logP) => logK(logP - logScale), a, B, [Math.exp(logScale), Math.exp(logScale) / nu], floor);
  if (failed || !(Number.isFinite(value) && value > 0 && error <= QUADRATURE_TOLERANCE * value)) {
    throw fail(
      'OUT_OF_RANGE',
      fn,
      `the discounted expected purchases for r + x = ${describeValue(R)}, alpha + T = ${describeValue(u)}, a = ${describeValue(a)}, b + x + 1 = ${describeValue(B)}, discountRate = ${describeValue(delta)} cannot be computed to 1e-10 (the quadrature did not converge)`,
      { field: 'discountRate', value: delta },
    );
  }
  return Math.exp(Math.log(R) - logScale + Math.log(value));
}

/**
 * e^y E_ν(y) for y ≥ 0.1 by the modified Lentz continued fraction (Press et al., *Numerical
 * Recipes*, 3rd ed., §6.3, eq. 6.3.5): 1/(y+ν− 1·ν/(y+ν+2− 2(ν+1)/(y+ν+4− …))). 0 if it does not
 * settle to a rounding within 500 steps (the caller then integrates).
 */
function exponentialIntegralFraction(nu: number, y: number): number {
  const tiny = 1e-300;
  let b = y + nu;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= 500; i++) {
    const an = -i * (nu - 1 + i);
    b += 2;
    d = 1 / (an * d + b);
    c = b + an / c;
    const del = c * d;
    h *= del;
    if (Math.abs(del - 1) <= 1e-16) return h;
  }
  return 0;
}

/** The parameters checked (each finite and > 0), as a tuple. */
export function requireMbgNbdParams(
  fn: string,
  params: { readonly r: number; readonly alpha: number; readonly a: number; readonly b: number },
): [number, number, number, number] {
  if (params === null || typeof params !== 'object') {
    throw fail('INVALID_NUMBER', fn, `params ${describeValue(params)} must be an object with r, alpha, a, b`, { field: 'params', value: params });
  }
  return [
    requirePositive(fn, 'r', params.r),
    requirePositive(fn, 'alpha', params.alpha),
    requirePositive(fn, 'a', params.a),
    requirePositive(fn, 'b', params.b),
  ];
}
