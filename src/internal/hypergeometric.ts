/**
 * The Gaussian hypergeometric values of the Pareto/NBD model, in log space, with their partial
 * derivatives (for the analytic gradient of the likelihood).
 *
 * Everything the model needs is one integral (Fader & Hardie 2005, "A note on deriving the
 * Pareto/NBD model and related expressions", eqs. 17–20):
 *
 *   I(p, α, q, β; t) = ∫ₜ^∞ (α+τ)^(−p) (β+τ)^(−q) dτ,   p, q > 0, m = p + q − 1 > 0.
 *
 * Name the larger of α, β `a` with exponent f, the smaller `b` with exponent e (the note's
 * "α ≥ β" and "α < β" cases; the choice keeps the argument z in [0, 1)), and
 * z = (a − b)/(a + t), ρ = 1 − z = (b + t)/(a + t). Then
 *
 *   I = (a+t)^(−m) ₂F₁(m, e; m+1; z) / m                               (the note's form)
 *     = (a+t)^(−f) (b+t)^(1−e) S / m,   S = ₂F₁(1, f; m+1; z) = Σₙ cₙ zⁿ,
 *   c₀ = 1,   cₙ₊₁ = cₙ (f+n)/(e+f+n)
 *
 * by Euler's transformation ₂F₁(A, B; C; z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z) (Abramowitz &
 * Stegun 15.3.3). Unlike the note's series, S has positive terms whose ratios (f+n)/(e+f+n)·z
 * stay below z: no cancellation, a rigorous tail bound, any e and f (x = 10,000 included).
 *
 * Near z = 1 the series converges too slowly (its terms fall like n^(−e) zⁿ). There the integral
 * is split where z = ½, at t½ = a − 2b:
 *
 *   I(t) = ∫ₜ^t½ (a+τ)^(−f) (b+τ)^(−e) dτ + I(t½)      (I(t½) by the series at z = ½)
 *   ∫ₜ₀^ₜ₁ … dτ = (a+t₀)^(−f) (b+t₀)^(1−e) ∫₀^V exp ψ(v) dv,   b + τ = (b+t₀)eᵛ,
 *   ψ(v) = (1−e)v − f ln(1 + ρ₀(eᵛ−1)),   ρ₀ = (b+t₀)/(a+t₀),   V = ln((b+t₁)/(b+t₀))
 *
 * ψ is concave and its singularities lie π off the real axis: 20-point Gauss–Legendre panels of
 * length ≤ 4 across which ψ changes by at most 20, stopped when the rest is provably below
 * 1e-17 of the sum. In a fit, the integrals of one x at many t (sorted) are accumulated from the
 * largest t down, each the next one plus the piece in between: sums of positive terms, one
 * short piece per distinct t.
 *
 * Offsets. The likelihood multiplies I by α^r β^s, and with s, β → ∞ (no visible dropout)
 * s ln β and ln I are both ~1e5 while their sum is ~1: adding them would leave ~1e-10 of
 * noise. So the functions return K = ln I + (f − dF) ln a + (e − dE) ln b for given dE, dF
 * (the exponents beyond the offsets, x + 0 or 1 in the model), with the powers combined
 * analytically: (a+t)^(−f) a^(f−dF) = (1 + t/a)^(−(f−dF)) (a+t)^(−dF), evaluated by log1p.
 *
 * Gradients, with dE and dF held fixed: ∂ ln S/∂z = Σ n cₙ zⁿ⁻¹ / S,
 * ∂ ln cₙ/∂f = Σⱼ₍ₙ (1/(f+j) − 1/(e+f+j)), ∂ ln cₙ/∂e = −Σⱼ₍ₙ 1/(e+f+j), summed alongside S; for
 * a piece, the same quadrature of −ln(a+τ), −ln(b+τ), −f/(a+τ), −e/(b+τ) (differentiation under
 * the integral sign), combined with the offsets as (f/a)⟨τ/(a+τ)⟩ − dF/a and the like.
 * Values do not depend on whether a gradient is requested (the sums stop at the same term).
 *
 * Internal: arguments are trusted; an impossible state throws a plain Error.
 */

import { logSumExp } from './special';

/** Gauss–Legendre, 20 points on [−1, 1]: the positive nodes and their weights (mpmath, 30 digits). */
const GL_NODES = [
  0.076526521133497334, 0.22778585114164508, 0.37370608871541956, 0.5108670019508271, 0.63605368072651503,
  0.74633190646015079, 0.83911697182221882, 0.91223442825132591, 0.96397192727791379, 0.99312859918509492,
];
const GL_WEIGHTS = [
  0.15275338713072585, 0.14917298647260375, 0.14209610931838205, 0.13168863844917663, 0.11819453196151842,
  0.10193011981724044, 0.083276741576704749, 0.062672048334109064, 0.040601429800386941, 0.017614007139152118,
];

/** The series is used up to this z; beyond it, a single integral tries SERIES_TRY terms first. */
const SERIES_Z_LIMIT = 0.9;
const SERIES_TRY = 400;
/** At z ≤ 0.9 the terms fall at least like 0.9ⁿ: 2,000 terms are far more than needed. */
const SERIES_MAX = 2000;
const MAX_PANELS = 10_000;

/** Scratch gradients (the fit calls these in tight loops; no allocation). */
const seriesGradient = new Float64Array(3);
const partA = new Float64Array(4);
const partB = new Float64Array(4);
const oriented = new Float64Array(4);

/**
 * ln S, S = ₂F₁(1, f; e+f; z) = Σ cₙ zⁿ (0 ≤ z < 1, ρ = 1 − z), or NaN if it has not converged
 * within `maxTerms`. With `grad`: [∂ ln S/∂e, ∂ ln S/∂f, ∂ ln S/∂z].
 */
function logSeries(e: number, f: number, z: number, rho: number, grad: Float64Array | undefined, maxTerms: number): number {
  if (z === 0) {
    if (grad) {
      grad[0] = 0;
      grad[1] = 0;
      grad[2] = f / (e + f);
    }
    return 0;
  }
  const c = e + f;
  const zr = z / rho; // the tail after a term t is at most t·z/(1−z)
  let term = 1;
  let sum = 1;
  let value = Number.NaN; // the sum where the value's own test passed
  let sumK = 0; // Σ n cₙ zⁿ
  let sumA = 0; // Σ Aₙ cₙ zⁿ,  Aₙ = Σⱼ₍ₙ 1/(f+j) − 1/(c+j)
  let sumB = 0; // Σ Bₙ cₙ zⁿ,  Bₙ = Σⱼ₍ₙ 1/(c+j)
  let A = 0;
  let B = 0;
  for (let n = 0; n < maxTerms; n++) {
    const inv = 1 / (c + n);
    term *= (f + n) * inv * z;
    sum += term;
    if (Number.isNaN(value) && term * zr <= 1e-17 * sum) {
      value = sum;
      if (grad === undefined) return Math.log(value);
    }
    if (grad === undefined) continue;
    const k = n + 1;
    A += 1 / (f + n) - inv;
    B += inv;
    sumK += k * term;
    sumA += A * term;
    sumB += B * term;
    // Tail bounds: B and A grow by at most 1/(c+k) and e/((f+k)(c+k)) per term.
    if (
      !Number.isNaN(value) &&
      term * (k * zr + zr / rho) <= 1e-16 * sumK &&
      term * (B * zr + zr / (rho * (c + k))) <= 1e-16 * sumB &&
      term * (A * zr + (e * zr) / (rho * (f + k) * (c + k))) <= 1e-16 * sumA
    ) {
      grad[0] = -sumB / sum;
      grad[1] = sumA / sum;
      grad[2] = sumK / (z * sum);
      return Math.log(value);
    }
  }
  return Number.NaN;
}

/**
 * The offset powers at t: ln[(a+t)^(−f) (b+t)^(1−e) a^(f−dF) b^(e−dE)]
 * = −(f−dF) log1p(t/a) − dF ln(a+t) − (e−dE) log1p(t/b) + (1−dE) ln(b+t).
 */
function offsetPowers(e: number, f: number, dE: number, dF: number, a: number, b: number, t: number): number {
  const lnAt = dF === 0 ? 0 : dF * Math.log(a + t);
  const lnBt = dE === 1 ? 0 : (1 - dE) * Math.log(b + t);
  return -(f - dF) * Math.log1p(t / a) - lnAt - (e - dE) * Math.log1p(t / b) + lnBt;
}

/**
 * K at t by the series, or NaN if it needs more than `maxTerms` terms. With `grad`:
 * [∂/∂e, ∂/∂f, ∂/∂a, ∂/∂b] (dE, dF fixed).
 */
function seriesK(
  e: number,
  f: number,
  m: number,
  dE: number,
  dF: number,
  a: number,
  b: number,
  t: number,
  grad: Float64Array | undefined,
  maxTerms: number,
): number {
  const at = a + t;
  const bt = b + t;
  const z = (a - b) / at;
  const rho = bt / at;
  const lnS = logSeries(e, f, z, rho, grad ? seriesGradient : undefined, maxTerms);
  if (Number.isNaN(lnS)) return lnS;
  if (grad !== undefined) {
    const dz = seriesGradient[2] as number;
    grad[0] = -Math.log1p(t / b) + (seriesGradient[0] as number) - 1 / m;
    grad[1] = -Math.log1p(t / a) + (seriesGradient[1] as number) - 1 / m;
    // ∂z/∂a = ρ/(a+t), ∂z/∂b = −1/(a+t)
    grad[2] = ((f - dF) * t) / (a * at) - dF / at + (dz * rho) / at;
    grad[3] = ((e - dE) * t) / (b * bt) + (1 - dE) / bt - dz / at;
  }
  return offsetPowers(e, f, dE, dF, a, b, t) + lnS - Math.log(m);
}

/**
 * K of the piece ∫ₜ₀^ₜ₁ (t₀ < t₁) by Gauss–Legendre in v = ln((b+τ)/(b+t₀)). With `grad`:
 * [∂/∂e, ∂/∂f, ∂/∂a, ∂/∂b] (dE, dF fixed).
 */
function pieceK(
  e: number,
  f: number,
  dE: number,
  dF: number,
  a: number,
  b: number,
  t0: number,
  t1: number,
  grad: Float64Array | undefined,
  scaled = false,
): number {
  const bt0 = b + t0;
  const at0 = a + t0;
  const rho = bt0 / at0;
  const lnRho = Math.log(bt0) - Math.log(at0);
  const z = (a - b) / at0;
  const ratio = (t1 - t0) / bt0;
  const V = ratio < Infinity ? Math.log1p(ratio) : Math.log(b + t1) - Math.log(bt0);
  // ρ(eᵛ − 1) without 0·∞ when ρ underflows (b/a beyond 1e−250: only for extreme parameters).
  const tiny = rho < 1e-250;
  const rhoExpm1 = (u: number, em1: number): number => (tiny && u > 1 ? Math.exp(lnRho + u) * -Math.expm1(-u) : rho * em1);
  // ψ(v) = (1−e)v − f log1p(ρ(eᵛ−1)); ψ′ = (1−e) − fσ, σ = ρeᵛ/(1 + ρ(eᵛ−1)) rising from ρ: concave.
  let mode = 0;
  if (e < 1 && z > 0) {
    const sigma = (1 - e) / f; // ψ′ = 0 (< 1 since m = e + f − 1 > 0)
    if (sigma > rho) mode = Math.min(V, Math.log(sigma) - Math.log1p(-sigma) + Math.log(z) - lnRho);
  }
  const ref = (1 - e) * mode - f * Math.log1p(rhoExpm1(mode, Math.expm1(mode)));
  let acc = 0;
  let value = Number.NaN; // acc where the value's own test passed
  let accV = 0; // Σ w·v
  let accL = 0; // Σ w·ln(1 + ρ(eᵛ−1)) = Σ w·ln((a+τ)/(a+t₀))
  let accA = 0; // Σ w·τ/(a+τ)
  let accB = 0; // Σ w·τ/(b+τ)
  let v = 0;
  let panels = 0;
  for (; v < V && panels < MAX_PANELS; panels++) {
    const ex = Math.expm1(v);
    const rex = rhoExpm1(v, ex);
    const sigma = (rex + rho) / (1 + rex);
    const d1 = 1 - e - f * sigma;
    if (d1 < 0 && v > mode && acc > 0) {
      // Past the mode ψ falls at least at rate |ψ′(v)|: the rest of ∫ exp ψ is at most exp ψ(v)/|ψ′(v)|.
      const L = Math.log1p(rex);
      const excess = Math.exp((1 - e) * v - f * L - ref);
      if (Number.isNaN(value) && excess <= 1e-17 * -d1 * acc) {
        value = acc;
        if (grad === undefined) break;
      }
      // The weights grow at most like e^(v′−v): the rest of each weighted sum is ≤ excess·w(v)/(|ψ′|−1).
      if (!Number.isNaN(value) && d1 < -1 && excess * (1 + v + L) <= 1e-18 * (-d1 - 1) * acc) break;
    }
    let h = Math.min(4, V - v);
    // Over [v, v+h] ψ changes by at most |ψ′(v)|h + f·min(1−σ, σ(eʰ−1))·h; keep that ≤ 20.
    for (let k = 0; k < 200 && (Math.abs(d1) + f * Math.min(1 - sigma, sigma * Math.expm1(h))) * h > 20; k++) h /= 2;
    const half = h / 2;
    const mid = v + half;
    for (let i = 0; i < 10; i++) {
      const dx = half * (GL_NODES[i] as number);
      const w = half * (GL_WEIGHTS[i] as number);
      for (let side = -1; side <= 1; side += 2) {
        const node = mid + side * dx;
        const exn = Math.expm1(node);
        const rexn = rhoExpm1(node, exn);
        const L = Math.log1p(rexn);
        const term = w * Math.exp((1 - e) * node - f * L - ref);
        acc += term;
        if (grad !== undefined) {
          const tau = t0 + bt0 * exn;
          accV += term * node;
          accL += term * L;
          accA += (term * tau) / (at0 * (1 + rexn));
          accB += (term * tau) / (bt0 * (1 + exn));
        }
      }
    }
    v += h;
  }
  if (panels >= MAX_PANELS || !(acc > 0)) throw new Error(`internal pieceK: quadrature failed for e=${e}, f=${f}, a=${a}, b=${b}, t=${t0}..${t1}`);
  if (Number.isNaN(value)) value = acc; // integrated to V
  if (grad !== undefined) {
    grad[0] = -Math.log1p(t0 / b) - accV / acc;
    grad[1] = -Math.log1p(t0 / a) - accL / acc;
    grad[2] = ((f / a) * accA) / acc - dF / a;
    grad[3] = ((e / b) * accB) / acc - dE / b;
  }
  // scaled: ln[piece · (a+t₀)^f (b+t₀)^e] = ln(b+t₀) + ref + ln(value), no offset powers to cancel.
  return (scaled ? Math.log(bt0) : offsetPowers(e, f, dE, dF, a, b, t0)) + ref + Math.log(value);
}

/** ln(e^x + e^y), and out = (e^x gx + e^y gy)/(e^x + e^y) when `out` is given. */
function logAdd(x: number, gx: Float64Array, y: number, gy: Float64Array, out: Float64Array | undefined): number {
  const top = Math.max(x, y);
  const px = Math.exp(x - top);
  const py = Math.exp(y - top);
  const total = px + py;
  if (out !== undefined) {
    for (let i = 0; i < 4; i++) out[i] = (px * (gx[i] as number) + py * (gy[i] as number)) / total;
  }
  return top + Math.log(total);
}

/** K at t with z(t) > ½: the piece from t to t½ = a − 2b plus the series at t½ (z = ½). */
function splitK(e: number, f: number, m: number, dE: number, dF: number, a: number, b: number, t: number, grad: Float64Array | undefined): number {
  const half = a - 2 * b;
  const tail = seriesK(e, f, m, dE, dF, a, b, half, grad ? partB : undefined, SERIES_MAX);
  const head = pieceK(e, f, dE, dF, a, b, t, half, grad ? partA : undefined);
  return logAdd(head, partA, tail, partB, grad);
}

/** Orientation of (p, α, q, β) as (e, f, a, b): a the larger of α and β. */
function orient(
  p: number,
  alpha: number,
  q: number,
  beta: number,
  dP: number,
  dQ: number,
): [alphaIsLarger: boolean, e: number, f: number, dE: number, dF: number, a: number, b: number] {
  return alpha >= beta ? [true, q, p, dQ, dP, alpha, beta] : [false, p, q, dP, dQ, beta, alpha];
}

/** Map a gradient in (e, f, a, b) to (p, α, q, β), written at out[at…at+3]. */
function unorient(alphaIsLarger: boolean, g: Float64Array, out: Float64Array, at: number): void {
  const dE = g[0] as number;
  const dF = g[1] as number;
  const dA = g[2] as number;
  const dB = g[3] as number;
  out[at] = alphaIsLarger ? dF : dE;
  out[at + 1] = alphaIsLarger ? dA : dB;
  out[at + 2] = alphaIsLarger ? dE : dF;
  out[at + 3] = alphaIsLarger ? dB : dA;
}

/**
 * K = ln[I(p, α, q, β; t) · α^(p−dP) β^(q−dQ)] for p, q, α, β > 0, t ≥ 0 and m = p + q − 1 > 0,
 * passed as the caller computes it accurately (r + s + x in the model: p + q − 1 would lose the
 * digits of a small m). dP = p, dQ = q give ln I itself. With `grad`: [∂/∂p, ∂/∂α, ∂/∂q, ∂/∂β]
 * with dP and dQ held fixed.
 */
export function logPowerIntegral(
  p: number,
  alpha: number,
  q: number,
  beta: number,
  t: number,
  m: number,
  dP: number,
  dQ: number,
  grad?: Float64Array,
): number {
  const [alphaIsLarger, e, f, dE, dF, a, b] = orient(p, alpha, q, beta, dP, dQ);
  const g = grad ? oriented : undefined;
  const z = (a - b) / (a + t);
  let value = seriesK(e, f, m, dE, dF, a, b, t, g, z <= SERIES_Z_LIMIT ? SERIES_MAX : SERIES_TRY);
  if (Number.isNaN(value)) {
    if (z <= SERIES_Z_LIMIT) throw new Error(`internal logPowerIntegral: series did not converge for e=${e}, f=${f}, z=${z}`);
    value = splitK(e, f, m, dE, dF, a, b, t, g);
  }
  if (grad !== undefined) unorient(alphaIsLarger, oriented, grad, 0);
  return value;
}

/**
 * J = ln[I(p, α, q, β; t) · (α+t)^p (β+t)^q] for p, q, α, β > 0, t ≥ 0, m = p + q − 1 > 0 (passed
 * as the caller computes it accurately): the integral relative to the integrand's powers at t,
 * a quantity of order ln((b+t)/m) however large p and q are. The predictions need it: ln I and
 * p ln(α+t) are each ~1e14 when p ~ 1e13 (homogeneous customers), and their sum computed from
 * them separately would keep no digit. By the series, J = ln(b+t) + ln S − ln m (b = min(α, β));
 * near z = 1, the piece from t to t½ relative to its powers at t plus the series at t½ shifted by
 * the powers between t and t½, −f log1p((t½−t)/(a+t)) − e log1p((t½−t)/(b+t)): all sums of
 * logarithms of the same sign, nothing cancels.
 */
export function logScaledPowerIntegral(p: number, alpha: number, q: number, beta: number, t: number, m: number): number {
  const [, e, f, , , a, b] = orient(p, alpha, q, beta, p, q);
  const at = a + t;
  const bt = b + t;
  const z = (a - b) / at;
  const lnS = logSeries(e, f, z, bt / at, undefined, z <= SERIES_Z_LIMIT ? SERIES_MAX : SERIES_TRY);
  if (!Number.isNaN(lnS)) return Math.log(bt) + lnS - Math.log(m);
  if (z <= SERIES_Z_LIMIT) throw new Error(`internal logScaledPowerIntegral: series did not converge for e=${e}, f=${f}, z=${z}`);
  const half = a - 2 * b;
  const lnTailS = logSeries(e, f, (a - b) / (a + half), (b + half) / (a + half), undefined, SERIES_MAX);
  if (Number.isNaN(lnTailS)) throw new Error(`internal logScaledPowerIntegral: series did not converge at z = 1/2 for e=${e}, f=${f}`);
  const gap = half - t;
  const tail = Math.log(b + half) + lnTailS - Math.log(m) - f * Math.log1p(gap / at) - e * Math.log1p(gap / bt);
  const head = pieceK(e, f, e, f, a, b, t, half, undefined, true);
  return logSumExp(head, tail);
}

/**
 * K at tₖ (see {@link logPowerIntegral}) for k in [from, to), ts ascending on that range:
 * results in `out[k]` and, with `grads`, the gradient at 4k…4k+3. Each tₖ with z ≤ 0.9 by the
 * series; below those, the next larger t's integral plus the piece in between.
 */
export function logPowerIntegrals(
  p: number,
  alpha: number,
  q: number,
  beta: number,
  m: number,
  dP: number,
  dQ: number,
  ts: Float64Array,
  from: number,
  to: number,
  out: Float64Array,
  grads?: Float64Array,
): void {
  const [alphaIsLarger, e, f, dE, dF, a, b] = orient(p, alpha, q, beta, dP, dQ);
  const g = grads ? oriented : undefined;
  let previous = Number.NaN; // K at ts[k + 1]
  for (let k = to - 1; k >= from; k--) {
    const t = ts[k] as number;
    let value: number;
    if ((a - b) / (a + t) <= SERIES_Z_LIMIT) {
      value = seriesK(e, f, m, dE, dF, a, b, t, g, SERIES_MAX);
      if (Number.isNaN(value)) throw new Error(`internal logPowerIntegrals: series did not converge for e=${e}, f=${f}, t=${t}`);
    } else if (Number.isNaN(previous)) {
      value = splitK(e, f, m, dE, dF, a, b, t, g);
    } else {
      const next = ts[k + 1] as number;
      if (next === t) {
        value = previous;
        if (g !== undefined) g.set(partB);
      } else {
        const piece = pieceK(e, f, dE, dF, a, b, t, next, g ? partA : undefined);
        value = logAdd(piece, partA, previous, partB, g);
      }
    }
    out[k] = value;
    if (grads !== undefined && g !== undefined) {
      unorient(alphaIsLarger, g, grads, 4 * k);
      partB.set(g); // the gradient at tₖ, in (e, f, a, b), for the next (smaller) t
    }
    previous = value;
  }
}
