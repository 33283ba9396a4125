/**
 * BG/NBD predictions in log space, unvalidated (the public functions validate; predictClv
 * calls these in its hot loop).
 *
 * Conditional expectation (Fader, Hardie & Lee 2005, eq. 10):
 *
 *   E[Y(t) | x, tₓ, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)]
 *                        / [1 + δ(x>0) a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)],   z = t/(α+T+t)
 *
 * With Euler's transformation ₂F₁(A, B; C; z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z) (A&S 15.3.3)
 * the huge factor ((α+T)/(α+T+t))^(r+x) cancels: the bracket becomes
 * 1 − (1−z)^ε ₂F₁(A′, ε; C; z) with ε = a−1, A′ = a+b−1−r, C = a+b+x−1. Writing
 * ₂F₁(A′, ε; C; z) = 1 + ε·G and C·G = H = Σₖ≥₁ hₖ, h₁ = A′z,
 * hₖ₊₁ = hₖ · z (A′+k)(ε+k) / ((C+k)(k+1)),
 *
 *   numerator = C · (−expm1(ε ln(1−z)) / ε) − (1−z)^ε · H
 *
 * which is finite and smooth through a = 1 (where −expm1(εL)/ε → −L) and for any a+b (C+k > 0
 * for k ≥ 1), and needs no huge intermediate for x = 10,000. With x = 0 and T = 0 it is
 * E[X(t)] of a new customer (eq. 7). The series converges geometrically with ratio → z.
 */
import { betaExpectation, log1pExp } from '../../internal/quadrature';
import { logBeta, logGamma } from '../../internal/special';
import { describeValue, fail, requireCount, requireNonNegative, requirePositive } from '../../internal/validate';

/** ln of the odds that a customer has dropped out: ln(a/(b+x−1)) + (r+x) ln((α+T)/(α+tₓ)); −∞ for x = 0. */
export function bgNbdLogOddsDead(r: number, alpha: number, a: number, b: number, x: number, tx: number, T: number): number {
  if (x === 0) return -Infinity;
  // ln((α+T)/(α+tₓ)) = log1p((T−tₓ)/(α+tₓ)): exact to a rounding even when α ≫ T (r + x huge).
  // b + (x − 1), not b + x − 1: exact for x = 1 however small b is.
  return Math.log(a / (b + (x - 1))) + (r + x) * Math.log1p((T - tx) / (alpha + tx));
}

/** 1/(1 + e^u) without overflow. */
export function logisticComplement(u: number): number {
  if (u === -Infinity) return 1;
  if (u > 0) {
    const e = Math.exp(-u);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(u));
}

const MAX_TERMS = 10_000_000;
/** Most terms of the head sum Σ_{j<n} summed when the mean exceeds n (a tiny r puts nearly all the mass at 0). */
const HEAD_TERMS = 100_000;
/** Terms of the Euler series before the quadrature is cheaper (t ≳ 2,000·(α + T)). */
const MAX_SERIES_TERMS = 20_000;
/** Relative error bound the Euler series must certify, else the quadrature takes over. */
const SERIES_TOLERANCE = 1e-11;
/** Relative error the quadrature must reach; beyond it the value is refused. */
const QUADRATURE_TOLERANCE = 1e-10;
const EPSILON = 2 ** -52;

/**
 * Expected purchases in (T, T+t] of a customer alive at T (the numerator above, before
 * P(alive)). Fast path: the Euler series, with a running bound on its rounding error
 * (Σ (k+2)|hₖ|·ε, the recurrence loses about one ulp per step, plus the cancellation between
 * the two parts). When that bound exceeds 1e-11 of the value (large r + x − a − b with t not
 * small against α + T, large a, or a series that would need more than 2·10⁴ terms) the value
 * comes from {@link bgNbdExpectedIfAliveByQuadrature}, which throws OUT_OF_RANGE for `fn` if it
 * cannot reach 1e-10.
 */
export function bgNbdExpectedIfAlive(fn: string, r: number, alpha: number, a: number, b: number, x: number, T: number, t: number): number {
  if (t === 0) return 0;
  const u = alpha + T;
  const z = t / (u + t);
  const L = -Math.log1p(t / u); // ln(1 − z), accurate for small t
  const eps = a - 1;
  const C = a + b + x - 1;
  const A = a + b - 1 - r;
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
  return bgNbdExpectedIfAliveByQuadrature(fn, r + x, u, a, b + x, t);
}

/**
 * The same expectation from its definition, by quadrature: alive at T, λ ~ Gamma(R, u) and
 * p ~ Beta(a, B) independently (R = r + x, u = α + T, B = b + x), so
 *
 *   E[Y(t) | alive] = E_p[g(p)],   g(p) = (1 − (1 + p·t/u)^(−R))/p   (0 < g ≤ R·t/u)
 *
 * by the kernel's beta expectation, cut where g turns over (p = u/t and p = u/t·(e^(1/R) − 1)).
 * Accurate for every parameter in [e^−30, e^30] and any t; throws OUT_OF_RANGE for `fn` if the pieces do not
 * agree to 1e-10 (never seen in the property tests).
 */
export function bgNbdExpectedIfAliveByQuadrature(fn: string, R: number, u: number, a: number, B: number, t: number): number {
  const logS = Math.log(t) - Math.log(u);
  const logR = Math.log(R);
  /**
   * ln g(p) from ln p, as ln R + ln s + ln(ln(1 + v)/v) + ln((1 − e^(−m))/m), v = p·s,
   * m = R ln(1 + v): no difference of two huge logs when p underflows (p = w^(1/a), tiny a).
   */
  const logG = (logP: number): number => {
    const lv = logP + logS;
    const logRatio = lv < -37 ? 0 : Math.log(log1pExp(lv)) - lv; // ln(ln(1 + v)/v)
    const m = R * log1pExp(lv);
    const oneMinusOverM = m < 1e-9 ? 1 - m / 2 : -Math.expm1(-m) / m;
    return logR + logS + logRatio + Math.log(oneMinusOverM);
  };
  const mean = a / (a + B);
  // Jensen (g is convex): E[g(p)] ≥ g(E p), a floor for the absolute tolerance of tiny pieces.
  const { value, error } = betaExpectation(logG, a, B, [Math.exp(-logS), Math.exp(-logS) * Math.expm1(1 / R)], Math.exp(logG(Math.log(mean))));
  if (!(Number.isFinite(value) && value > 0 && error <= QUADRATURE_TOLERANCE * value)) {
    throw fail(
      'OUT_OF_RANGE',
      fn,
      `the expected purchases for r + x = ${describeValue(R)}, alpha + T = ${describeValue(u)}, a = ${describeValue(a)}, b + x = ${describeValue(B)}, t = ${describeValue(t)} cannot be computed to 1e-10 (the quadrature over the dropout probability did not converge)`,
      { field: 't', value: t },
    );
  }
  return value;
}

/** E[Y(t) | x, tₓ, T]. */
export function bgNbdConditionalExpectation(
  fn: string,
  r: number,
  alpha: number,
  a: number,
  b: number,
  x: number,
  tx: number,
  T: number,
  t: number,
): number {
  return bgNbdExpectedIfAlive(fn, r, alpha, a, b, x, T, t) * logisticComplement(bgNbdLogOddsDead(r, alpha, a, b, x, tx, T));
}

/**
 * P(X(t) = n) for a new customer (Fader, Hardie & Lee 2005, eq. 8):
 *
 *   B(a, b+n)/B(a, b) · NB(n; r, α/(α+t)) + δ(n>0) B(a+1, b+n−1)/B(a, b) · P(NB(r, α/(α+t)) ≥ n)
 *
 * with NB(j; r, q) = Γ(r+j)/(Γ(r) j!) q^r (1−q)^j. Ratios of gamma and beta functions are formed
 * as ln Γ(j) − ln B(v, j), never as a difference of two huge ln Γ. The tail P(NB ≥ n) is
 * 1 − Σ_{j<n} (summed from n − 1 down) when n is at most the NB mean; above the mean it is summed
 * from n upward, or, when few purchases are expected over a t ≫ α (slow upward sum), formed as
 * −expm1(r ln q + ln Σ_{j<n} …) where that does not cancel.
 */
export function bgNbdPurchaseCountProbability(fn: string, r: number, alpha: number, a: number, b: number, n: number, t: number): number {
  if (t === 0) return n === 0 ? 1 : 0;
  const lnQ = -Math.log1p(t / alpha); // ln(α/(α+t))
  const lnZ = -Math.log1p(alpha / t); // ln(t/(α+t))
  const logPmf = (j: number): number => logRising(r, j) - logGamma(j + 1) + r * lnQ + (j === 0 ? 0 : j * lnZ);
  // ln B(a, b+n) − ln B(a, b) = ln (b)ₙ − ln (a+b)ₙ, without the cancellation of two huge ln B.
  const lbRatio = logRising(b, n) - logRising(a + b, n);
  const first = Math.exp(lbRatio + logPmf(n));
  if (n === 0) return first;
  let tail: number;
  const mean = r * (t / alpha);
  const upper = (): number => {
    // Σ_{j≥n} pmf(j): ratios (r+j)/(j+1)·z decrease towards z < 1 beyond the mode.
    const z = Math.exp(lnZ);
    const logStart = logPmf(n);
    let term = 1;
    let sum = 1;
    for (let j = n; j < n + MAX_TERMS; j++) {
      const ratio = ((r + j) / (j + 1)) * z;
      term *= ratio;
      sum += term;
      if (term <= 1e-17 * sum * (1 - ratio) || term === 0) return Math.exp(logStart + Math.log(sum));
    }
    throw fail('OUT_OF_RANGE', fn, `n ${n} and t ${describeValue(t)} need more than ${MAX_TERMS} terms of the negative binomial tail`, { field: 't', value: t });
  };
  // P(N = 0) = q^r ≥ 1/e: with a tiny r, N < n is nearly certain even when the mean exceeds n
  // (most of the mass sits at 0), and 1 − Σ_{j<n} pmf(j) would cancel.
  const headHeavy = -r * lnQ <= 1 && ((n > mean && lnZ > Math.log(0.9)) || (n <= mean && n <= HEAD_TERMS));
  if (headHeavy) {
    // Few purchases expected and t ≫ α (the upper sum would converge slowly), or a tiny r: P(N ≥ n) =
    // 1 − q^r Σ_{j<n} (r)ⱼ/j! zʲ = −expm1(r ln q + log1p(Σ_{1≤j<n} …)), with q^r ≥ 1/e so no
    // term overflows. Kept when the result is not much smaller than the two logs it cancels.
    const z = Math.exp(lnZ);
    let term = 1;
    let sum = 0;
    for (let j = 1; j < n; j++) {
      term *= ((r + (j - 1)) / j) * z;
      sum += term;
    }
    const logS = Math.log1p(sum);
    const value = -Math.expm1(r * lnQ + logS);
    tail = value >= 1e-4 * (-r * lnQ + logS) ? value : n <= mean ? lowerComplement() : upper();
  } else if (n <= mean) {
    tail = lowerComplement();
  } else {
    tail = upper();
  }
  const second = Math.exp(Math.log(a) - Math.log(b + (n - 1)) + lbRatio) * tail;
  const p = first + second;
  return p > 1 ? 1 : p;

  function lowerComplement(): number {
    // Here P(N < n) is at most about ½ (or the head-heavy form above cancelled), so 1 − Σ keeps its digits.
    // Σ_{j<n} pmf(j) from j = n − 1 down: below the mode the ratios pmf(j−1)/pmf(j) = j/((r+j−1)z)
    // are < 1, so the sum stops after a few standard deviations.
    const z = Math.exp(lnZ);
    let term = 1;
    let sum = 1;
    for (let j = n - 1; j > 0; j--) {
      term *= j / ((r + (j - 1)) * z);
      sum += term;
      if (term <= 1e-17 * sum || term === 0) break;
    }
    return Math.max(0, 1 - Math.exp(logPmf(n - 1) + Math.log(sum)));
  }
}

/** ln Γ(v + j) − ln Γ(v) = ln Γ(j) − ln B(v, j) (j ≥ 1), accurate however large v is. */
function logRising(v: number, j: number): number {
  return j === 0 ? 0 : logGamma(j) - logBeta(v, j);
}

/** The parameters checked (each finite and > 0), as a tuple. */
export function requireBgNbdParams(
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

/**
 * P(alive at T + t | alive at T) = E_p[(1 + p·t/u)^(−R)] for p ~ Beta(a, B), with R = r + x,
 * u = α + T, B = b + x (the posterior of λ and p given alive at T with x purchases in T):
 * given λ and p, the purchases a customer alive at T would make in (T, T + t] are Poisson(λt),
 * and they survive each with probability 1 − p, so P(alive at T + t) = E[(1 − p)^N] = e^(−λpt);
 * λ ~ Gamma(R, u) gives (1 + p·t/u)^(−R). Equal to ₂F₁(R, a; a+B; −t/u) (Euler's integral).
 * By the kernel's beta expectation, the integrand scaled by its value at the beta mean (a lower
 * bound, the integrand being convex), cut where it turns over (p = u/t, u/(R·t)). Throws
 * OUT_OF_RANGE for `fn` when the pieces do not agree to 1e-10.
 */
export function bgNbdSurvivalIfAlive(fn: string, R: number, u: number, a: number, B: number, t: number): number {
  if (t === 0) return 1;
  const logS = Math.log(t) - Math.log(u);
  const logG = (logP: number): number => -R * log1pExp(logP + logS);
  const atMean = logG(Math.log(a / (a + B)));
  const shift = Math.max(atMean, -700);
  const cuts = [Math.exp(-logS), Math.exp(-logS - Math.log(R))];
  const { value, error } = betaExpectation((logP) => logG(logP) - shift, a, B, cuts, Math.exp(atMean - shift));
  if (!(Number.isFinite(value) && value > 0 && error <= QUADRATURE_TOLERANCE * value)) {
    throw fail(
      'OUT_OF_RANGE',
      fn,
      `the probability of staying alive for r + x = ${describeValue(R)}, alpha + T = ${describeValue(u)}, a = ${describeValue(a)}, b + x = ${describeValue(B)}, t = ${describeValue(t)} cannot be computed to 1e-10 (the quadrature over the dropout probability did not converge)`,
      { field: 't', value: t },
    );
  }
  const survival = Math.exp(shift + Math.log(value));
  return survival > 1 ? 1 : survival;
}

/** Taylor coefficients c₀ … c₂₄ of 1/Γ(1 + s) at s = 0 (A&S 6.1.34, shifted), for |s| ≤ ½ to 1e-17. */
const RECIPROCAL_GAMMA_SERIES = [
  1.0, 0.57721566490153286, -0.65587807152025388, -0.042002635034095236, 0.16653861138229149, -0.042197734555544337, -0.0096219715278769736,
  0.0072189432466630995, -0.0011651675918590651, -0.00021524167411495097, 0.00012805028238811619, -0.000020134854780788239,
  -0.0000012504934821426707, 0.0000011330272319816959, -0.00000020563384169776071, 0.0000000061160951044814158, 0.0000000050020076444692229,
  -0.0000000011812745704870201, 0.00000000010434267116911005, 0.0000000000077822634399050713, -0.0000000000036968056186422057,
  0.0000000000005100370287454476, -0.000000000000020583260535665068, -0.000000000000005348122539423018, 0.0000000000000012267786282382608,
];

/** lnΓ(1 + s)/s for |s| ≤ ½ (−γ at s = 0), without the cancellation of lnΓ near 1. */
function logGammaOnePlusOverS(s: number): number {
  let q = 0; // (1/Γ(1 + s) − 1)/s
  for (let k = RECIPROCAL_GAMMA_SERIES.length - 1; k >= 1; k--) q = q * s + (RECIPROCAL_GAMMA_SERIES[k] as number);
  const d = s * q;
  return d === 0 ? -q : -(Math.log1p(d) / d) * q;
}

/**
 * w·e^w·E_m(w) = ∫₀^∞ e^(−v) (1 + v/w)^(−m) dv for m > 1, w > 0 (E_m the generalized exponential
 * integral, A&S 5.1.4), in (0, 1), increasing in w. For w > 10¹²·m: 1 − m/w (A&S 5.1.51). For w ≥ 2 or m ≥ 20: the continued fraction
 * of E_m (A&S 5.1.22; modified Lentz, under 100 steps there). Otherwise the series
 * E_μ(w) = (w^(−s)Γ(1+s) − 1)/s − Σ_{j≥1} (−w)^j/(j!(s+j)), s = 1 − μ, at μ = m − k in [½, 3/2)
 * (A&S 5.1.12 with 6.5.29; the first term through expm1, exact as s → 0), then k steps of
 * E_{μ+1} = (e^(−w) − w·E_μ)/μ (A&S 5.1.14), whose error grows by at most w/μ ≤ 4 a step. NaN if the fraction does not converge.
 */
function scaledExponentialIntegral(m: number, w: number): number {
  if (w === Infinity) return 1;
  // Far beyond m the asymptotic series (A&S 5.1.51): the next term m(m+1)/w² is below 2e-24. Near
  // the top of the double range the fraction's 1/(w + m) is subnormal and would never converge.
  if (m < 1e-12 * w) return 1 - m / w;
  if (w >= 2 || m >= 20) {
    let b = w + m;
    let c = Number.MAX_VALUE;
    let d = 1 / b;
    let h = d;
    for (let i = 1; i <= 1000; i++) {
      const an = -i * (m - 1 + i);
      b += 2;
      d = 1 / (an * d + b);
      c = b + an / c;
      const del = c * d;
      h *= del;
      if (Math.abs(del - 1) <= 3e-16) return w * h;
    }
    return Number.NaN;
  }
  const k = Math.floor(m - 0.5);
  const mu = m - k;
  const s = 1 - mu;
  const inner = -Math.log(w) + logGammaOnePlusOverS(s); // (−s ln w + lnΓ(1+s))/s
  const y = s * inner;
  let e = (y === 0 ? 1 : Math.expm1(y) / y) * inner;
  let term = 1;
  let sum = 0;
  for (let j = 1; j < 100; j++) {
    term *= -w / j;
    const add = term / (s + j);
    sum += add;
    if (Math.abs(add) <= 1e-17 * Math.abs(sum)) break;
  }
  e -= sum;
  const decay = Math.exp(-w);
  for (let i = 0; i < k; i++) e = (decay - w * e) / (mu + i);
  return w * Math.exp(w) * e;
}

/**
 * Discounted expected residual transactions of a customer alive at T (before P(alive)), with
 * R = r + x, u = α + T, B = b + x and continuous discounting at δ:
 *
 *   DERT | alive = ∫₀^∞ e^(−δt) dE[Y(t) | alive] = E_{λ,p}[λ/(δ + λp)]
 *                = R/(δu) · E_p[G(R + 1, δu/p)],   G(m, w) = w e^w E_m(w)
 *
 * Given λ and p the purchase rate at T + t is λ·e^(−λpt), whose discounted integral is
 * λ/(δ + λp); E_λ[λ f(λ)] = (R/u)·E[f] under Gamma(R + 1, u), and E[1/(1 + λp/δ)] under
 * Gamma(m, u) is G(m, uδ/p) (A&S 5.1.4 after v = λp/δ). The outer expectation over p ~ Beta(a, B)
 * by the kernel's beta expectation, cut at p = δu/2 (where G changes method) and δu/(R+1), where G turns over; G ≤ 1 gives the
 * bound R/(δu), G at p = 1 the floor. Throws OUT_OF_RANGE for `fn` when the pieces do not agree to 1e-10.
 */
export function bgNbdDertIfAlive(fn: string, R: number, u: number, a: number, B: number, delta: number): number {
  const kappa = delta * u;
  const m = R + 1;
  const logKappa = Math.log(kappa);
  const logG = (logP: number): number => Math.log(scaledExponentialIntegral(m, Math.exp(logKappa - logP)));
  const floor = scaledExponentialIntegral(m, kappa);
  const result = kappa > 0 && floor > 0 ? betaExpectation(logG, a, B, [kappa / 2, kappa / m], floor) : { value: Number.NaN, error: Infinity };
  const value = (R / kappa) * result.value;
  if (!(Number.isFinite(value) && value > 0 && result.error <= QUADRATURE_TOLERANCE * result.value)) {
    throw fail(
      'OUT_OF_RANGE',
      fn,
      `the discounted expected purchases for r + x = ${describeValue(R)}, alpha + T = ${describeValue(u)}, a = ${describeValue(a)}, b + x = ${describeValue(B)}, discountRate = ${describeValue(delta)} cannot be computed to 1e-10 (the quadrature over the dropout probability did not converge, or the value leaves the double range)`,
      { field: 'discountRate', value: delta },
    );
  }
  return value;
}
