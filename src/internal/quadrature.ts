/**
 * Tanh-sinh (double-exponential) quadrature on a finite interval (Takahashi & Mori 1974; Bailey,
 * Jeyabalan & Li 2005, "A comparison of three high-precision quadrature schemes").
 *
 * ∫_lo^hi f(x) dx with x = lo + w·(1 + tanh(π/2·sinh τ))/2, w = hi − lo: the trapezoidal rule in τ
 * with step h, halved level by level (each level reuses the previous nodes). Endpoint
 * singularities of algebraic or logarithmic type and boundary layers cost only a few more levels.
 * The integrand receives the distances to both ends, computed without cancellation (so that
 * f may use 1 − x exactly near x = 1). Internal: the caller decides what an unconverged result
 * means.
 */
import { logBeta } from './special';

/** Result of {@link tanhSinh}. */
export interface QuadratureResult {
  /** The estimate of the integral. */
  readonly value: number;
  /** |last level − previous level|, an estimate of the error of the previous level (pessimistic for the last). */
  readonly error: number;
  /** Whether error ≤ relTol·|value| + absTol was reached within the levels allowed. */
  readonly converged: boolean;
}

const HALF_PI = Math.PI / 2;
/** Beyond |τ| = 6.2 the distance to an end, w·e^(−π sinh τ), underflows even for w = 1. */
const TAU_MAX = 6.2;

/**
 * ∫ over an interval of width `width` of f(dLo, dHi), where dLo = x − lo and dHi = hi − x.
 * Starts at step h = 1/2 and halves it up to `maxLevel` times; stops when two successive levels
 * agree to relTol·|value| + absTol. Nodes whose distance to an end underflows to 0 are skipped;
 * non-finite values of f propagate (and make `converged` false).
 */
export function tanhSinh(
  f: (dLo: number, dHi: number) => number,
  width: number,
  relTol: number,
  absTol = 0,
  maxLevel = 8,
): QuadratureResult {
  let h = 0.5;
  // Sum over the nodes of the current level of weight·f (without the factor h).
  let sum = node(f, width, 0);
  for (let k = 1; k * h <= TAU_MAX; k++) sum += node(f, width, k * h) + node(f, width, -k * h);
  let previous = sum * h;
  for (let level = 1; level <= maxLevel; level++) {
    h /= 2;
    // New nodes are the odd multiples of the new h.
    for (let k = 1; k * h <= TAU_MAX; k += 2) sum += node(f, width, k * h) + node(f, width, -k * h);
    const value = sum * h;
    const error = Math.abs(value - previous);
    if (!Number.isFinite(value)) return { value, error: Infinity, converged: false };
    if (error <= relTol * Math.abs(value) + absTol) return { value, error, converged: true };
    previous = value;
  }
  return { value: previous, error: Infinity, converged: false };
}

/** weight(τ)·f at the node τ, 0 where the node falls on an end in floating point. */
function node(f: (dLo: number, dHi: number) => number, width: number, tau: number): number {
  const u = HALF_PI * Math.sinh(tau);
  // 1 + tanh u = 2/(1 + e^(−2u)), 1 − tanh u = 2/(1 + e^(2u)): no cancellation at either end.
  const dLo = width / (1 + Math.exp(-2 * u));
  const dHi = width / (1 + Math.exp(2 * u));
  if (dLo === 0 || dHi === 0) return 0;
  const coshU = Math.cosh(u);
  const weight = (width / 2) * ((HALF_PI * Math.cosh(tau)) / (coshU * coshU));
  if (weight === 0) return 0;
  return weight * f(dLo, dHi);
}

/** ln(1 + y) − y, accurate for small y (y > −1). */
function log1pMinusX(y: number): number {
  if (Math.abs(y) > 0.01) return Math.log1p(y) - y;
  // −y²/2 + y³/3 − …, to y¹⁰ (next term < 1e-21 relative).
  let term = -y;
  let sum = 0;
  for (let k = 2; k <= 10; k++) {
    term *= -y;
    sum += term / k;
  }
  return -sum;
}

/** Stirling's series for ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π], x ≥ 10⁴ (truncation < 1e-30). */
function stirlingTail(x: number): number {
  const r2 = 1 / (x * x);
  return (1 / x) * (1 / 12 - r2 * (1 / 360 - r2 / 1260));
}

/**
 * Mode c = (a−1)/(a+B−2) of Beta(a, B), a, B ≥ 10⁴, and the log density there:
 * (a−1) ln c + (B−1) ln(1−c) − ln B(a, B), expanded with Stirling's series into O(1) terms.
 */
function betaPeak(a: number, B: number): { c: number; oneMinusC: number; logC: number; logDensityAtC: number } {
  const n = a + B;
  const logDensityAtC =
    (a - 1) * Math.log1p(-1 / a) +
    (B - 1) * Math.log1p(-1 / B) -
    (n - 2) * Math.log1p(-2 / n) +
    1.5 * Math.log(n) -
    0.5 * Math.log(a) -
    0.5 * Math.log(B) -
    0.5 * Math.log(2 * Math.PI) -
    (stirlingTail(a) + stirlingTail(B) - stirlingTail(n));
  const c = (a - 1) / (n - 2);
  return { c, oneMinusC: (B - 1) / (n - 2), logC: Math.log(a - 1) - Math.log(n - 2), logDensityAtC };
}

/** ln(1 + e^v) without overflow or loss for v of any size. */
export function log1pExp(v: number): number {
  return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
}

/**
 * E[g(p)] for p ~ Beta(a, B), g > 0 given as ln g of ln p, by tanh-sinh over pieces of [0, 1]
 * split at ½, at `extraCuts` (where g changes character) and at the beta mean ± 1, 4, 16, 64
 * standard deviations (a very peaked beta). Where the density is unbounded (a < 1 at 0, B < 1
 * at 1) the end piece is integrated in w = p^a (resp. (1 − p)^B), which removes the singularity
 * however small a or B is; with a and B both ≥ 10⁴ the density is written about its mode, so
 * that no O(1) value comes from terms of size a + B. `floor`, a lower bound of the expectation,
 * sets the absolute tolerance of tiny pieces. `error` is Infinity when a piece did not converge.
 */
export function betaExpectation(
  logG: (logP: number) => number,
  a: number,
  B: number,
  extraCuts: readonly number[],
  floor: number,
): { value: number; error: number } {
  const logBetaAB = logBeta(a, B);
  const logA = Math.log(a);
  const logB = Math.log(B);
  const mean = a / (a + B);
  const sd = Math.sqrt((mean * (B / (a + B))) / (a + B + 1));
  const points = [0.5, ...extraCuts];
  for (const k of [0, 1, 4, 16, 64]) points.push(mean - k * sd, mean + k * sd);
  if (Math.min(a, B) >= 1e4) points.push((a - 1) / (a + B - 2));
  const cuts = [0, ...points.filter((p) => p > 0 && p < 1).sort((p, q) => p - q), 1].filter((p, i, all) => i === 0 || p > (all[i - 1] as number));
  // a and B both ≥ 10⁴: (a−1) ln p + (B−1) ln(1−p) − ln B(a, B) would cancel to O(1) from terms
  // of size a + B; write the density about its mode c instead (first-order terms cancel there).
  const peak = Math.min(a, B) >= 1e4 ? betaPeak(a, B) : undefined;
  let value = 0;
  let error = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const lo = cuts[i] as number;
    const hi = cuts[i + 1] as number;
    let piece;
    if (lo === 0 && a < 1) {
      // p = w^(1/a), p^(a−1) dp = dw/a, w in [0, W = hi^a].
      const logHi = Math.log(hi);
      const W = Math.exp(a * logHi);
      piece = tanhSinh(
        (dLo, dHi) => {
          const logP = dLo < W / 2 ? Math.log(dLo) / a : logHi + Math.log1p(-dHi / W) / a;
          return Math.exp(logG(logP) + (B - 1) * Math.log1p(-Math.exp(logP)) - logA - logBetaAB);
        },
        W,
        1e-12,
        1e-14 * floor,
      );
    } else if (hi === 1 && B < 1) {
      // 1 − p = v^(1/B), (1 − p)^(B−1) dp = −dv/B, v in [0, V = (1 − lo)^B].
      const logQHi = Math.log1p(-lo);
      const V = Math.exp(B * logQHi);
      piece = tanhSinh(
        (dLo, dHi) => {
          const logQ = dLo < V / 2 ? Math.log(dLo) / B : logQHi + Math.log1p(-dHi / V) / B;
          const logP = Math.log1p(-Math.exp(logQ));
          return Math.exp(logG(logP) + (a - 1) * logP - logB - logBetaAB);
        },
        V,
        1e-12,
        1e-14 * floor,
      );
    } else if (peak !== undefined) {
      const { c, oneMinusC, logC, logDensityAtC } = peak;
      piece = tanhSinh(
        (dLo, dHi) => {
          // δ = p − c, exact up to one rounding of the distance to the nearer end.
          const delta = dLo <= dHi ? lo - c + dLo : hi - c - dHi;
          const y = delta / c;
          const yq = -delta / oneMinusC;
          // Within rounding of an end, where the density is far below the double range anyway.
          if (y <= -1 || yq <= -1) return 0;
          const logP = logC + Math.log1p(y);
          const logDensity = (a - 1) * log1pMinusX(y) + (B - 1) * log1pMinusX(yq) + logDensityAtC;
          return Math.exp(logG(logP) + logDensity);
        },
        hi - lo,
        1e-12,
        1e-14 * floor,
      );
    } else {
      const width = hi - lo;
      piece = tanhSinh(
        (dLo, dHi) => {
          // Every piece lies on one side of ½ (a cut): near 0 form p, near 1 form 1 − p, exactly.
          let logP: number;
          let logQ: number;
          if (hi <= 0.5) {
            const p = dLo <= dHi ? lo + dLo : hi - dHi;
            logP = Math.log(p);
            logQ = Math.log1p(-p);
          } else {
            const q = dHi <= dLo ? 1 - hi + dHi : 1 - lo - dLo;
            logQ = Math.log(q);
            logP = Math.log1p(-q);
          }
          return Math.exp(logG(logP) + (a - 1) * logP + (B - 1) * logQ - logBetaAB);
        },
        width,
        1e-12,
        1e-14 * floor,
      );
    }
    value += piece.value;
    error += piece.converged ? piece.error : Infinity;
  }
  return { value, error };
}
