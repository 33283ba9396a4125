/**
 * The Gamma-Gamma spend log-likelihood and its analytic gradient over grouped repeat
 * customers, in log-parameters θ = (ln p, ln q, ln γ).
 *
 * A customer with x repeat purchases of average value z̄ (Fader, Hardie & Lee 2013, *The
 * Gamma-Gamma model of monetary value*, eq. 3; z̄·x ~ Gamma(px, ν), ν ~ Gamma(q, γ)):
 *
 *   ℓ = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄)
 *     = −ln B(px, q) + q ln γ − ln z̄ − px ln(1 + γ/(x z̄)) − q ln(γ + x z̄)
 *
 * evaluated in the second form: the first subtracts terms of size px·ln(px) that cancel, so
 * it loses every digit once px passes ~1e12 (ℓ = 0 at x = 1e15 where it is −11.31).
 *
 *   ∂ℓ/∂p = x [ψ(px+q) − ψ(px) + ln z̄ + ln x − ln(γ + x z̄)]
 *   ∂ℓ/∂q = ψ(px+q) − ψ(q) + ln γ − ln(γ + x z̄)
 *   ∂ℓ/∂γ = q/γ − (px+q)/(γ + x z̄)
 *
 * Terms in x alone are summed once per distinct x (with Σw and Σw ln z̄ per x); only
 * ln(γ + x z̄) needs every (x, z̄) group.
 */
import { canonicalRows } from '../../internal/canonical-rows';
import { groupRows } from '../../internal/group-rows';
import { outsideLogRange } from '../../internal/log-scale-fit';
import { digamma, logBeta } from '../../internal/special';

/** Repeat customers reduced to what the likelihood needs. */
export interface GammaGammaSufficientStatistics {
  /** Distinct x, with Σw and Σw·ln z̄ of the customers with that x. */
  readonly frequencies: Float64Array;
  readonly frequencyWeights: Float64Array;
  readonly frequencyLogSpend: Float64Array;
  /** (x, z̄) groups with their weights (sorted by x then z̄ when grouped). */
  readonly x: Float64Array;
  readonly z: Float64Array;
  readonly w: Float64Array;
  /** Σ weights. */
  readonly totalWeight: number;
  /** Weighted mean of z̄ (for the starting point). */
  readonly meanSpend: number;
}

/**
 * Sufficient statistics of rows `0..length-1` (all with x > 0, z̄ > 0): distinct (x, z̄) with
 * summed weights, sorted by x then z̄, so that they, the objective and a fit are the same bit
 * for bit for any order or grouping of the same customers. With `group` false the rows stay
 * as given (the baseline the benchmark compares against).
 */
export function gammaGammaSufficientStatistics(
  x: Float64Array,
  z: Float64Array,
  w: Float64Array,
  length: number,
  group = true,
): GammaGammaSufficientStatistics {
  if (group) {
    // Distinct (x, z̄) in canonical order first: every sum below then runs over the same arrays
    // in the same order for any order or grouping of the same customers.
    const rows = canonicalRows([x.subarray(0, length), z.subarray(0, length)], w, length);
    [x, z] = rows.keys as [Float64Array, Float64Array];
    w = rows.weights;
    length = rows.size;
  }
  const byX = groupRows([x.subarray(0, length)], w, length);
  const frequencies = byX.keys[0] as Float64Array;
  const position = new Map<number, number>();
  for (let j = 0; j < byX.size; j++) position.set(frequencies[j] as number, j);
  const frequencyLogSpend = new Float64Array(byX.size);
  let total = 0;
  let spend = 0;
  for (let i = 0; i < length; i++) {
    const wi = w[i] as number;
    if (wi === 0) continue;
    const j = position.get(x[i] as number) as number;
    frequencyLogSpend[j] = (frequencyLogSpend[j] as number) + wi * Math.log(z[i] as number);
    total += wi;
    spend += wi * (z[i] as number);
  }
  return {
    frequencies,
    frequencyWeights: byX.weights,
    frequencyLogSpend,
    x: x.slice(0, length),
    z: z.slice(0, length),
    w: w.slice(0, length),
    totalWeight: total,
    meanSpend: total > 0 ? spend / total : 0,
  };
}

/**
 * Mean negative log-likelihood per customer at θ = (ln p, ln q, ln γ); fills `gradient` when
 * given. +Infinity outside |θᵢ| ≤ 30 or if anything is not finite.
 */
export function gammaGammaNegativeLogLikelihood(
  theta: readonly number[],
  s: GammaGammaSufficientStatistics,
  gradient?: number[],
): number {
  if (outsideLogRange(theta, gradient)) return Infinity;
  const p = Math.exp(theta[0] as number);
  const q = Math.exp(theta[1] as number);
  const g = Math.exp(theta[2] as number);
  const lnG = theta[2] as number;
  const psiQ = digamma(q);
  let ll = 0;
  let gp = 0;
  let gq = 0;
  let gg = 0;
  for (let j = 0, n = s.frequencies.length; j < n; j++) {
    const x = s.frequencies[j] as number;
    const wx = s.frequencyWeights[j] as number;
    const sumLogZ = s.frequencyLogSpend[j] as number;
    const px = p * x;
    if (!(px + q < Infinity)) return outside(gradient); // p·x beyond a double: no digit of ℓ is left
    const lnX = Math.log(x);
    const psiPxQ = digamma(px + q);
    ll += wx * (q * lnG - logBeta(px, q)) - sumLogZ;
    gp += x * (wx * (psiPxQ - digamma(px) + lnX) + sumLogZ);
    gq += wx * (psiPxQ - psiQ + lnG);
    gg += (wx * q) / g;
  }
  const xs = s.x;
  const zs = s.z;
  const ws = s.w;
  for (let j = 0, n = xs.length; j < n; j++) {
    const wj = ws[j] as number;
    const x = xs[j] as number;
    const z = zs[j] as number;
    const xz = x * z;
    // ln(γ + x z̄) and ln(1 + γ/(x z̄)) as in logSpendRatio, inline: this loop runs per (x, z̄) group.
    const lnRatio = xz > g ? Math.log1p(g / xz) : Math.log(g) + Math.log1p(xz / g) - Math.log(x) - Math.log(z);
    const lu = lnRatio + Math.log(x) + Math.log(z);
    const px = p * x;
    const pxq = px + q;
    ll -= wj * (px * lnRatio + q * lu);
    gp -= wj * x * lu;
    gq -= wj * lu;
    gg -= (wj * pxq) / (g + x * z);
  }
  const total = s.totalWeight;
  const value = -ll / total;
  if (!Number.isFinite(value)) {
    if (gradient) gradient.fill(0);
    return Infinity;
  }
  if (gradient) {
    gradient[0] = (-p * gp) / total;
    gradient[1] = (-q * gq) / total;
    gradient[2] = (-g * gg) / total;
  }
  return value;
}

/**
 * ln f(z̄ | x) of one repeat customer (x > 0, z̄ > 0), term by term as in the module comment:
 * the per-customer value behind the grouped sum above.
 */
export function gammaGammaLogDensity(p: number, q: number, g: number, x: number, z: number): number {
  const px = p * x;
  if (!(px + q < Infinity)) return Number.NaN; // p·x beyond a double: the caller reports it
  const lnRatio = logSpendRatio(g, x, z);
  return q * Math.log(g) - logBeta(px, q) - Math.log(z) - px * lnRatio - q * (lnRatio + Math.log(x) + Math.log(z));
}

/**
 * ln(1 + γ/(x z̄)) without overflow of x z̄: the log1p form when x z̄ > γ, else the difference
 * ln(γ + x z̄) − ln x − ln z̄ (at least ln 2, so nothing cancels). ln(γ + x z̄) is this plus ln x + ln z̄.
 */
function logSpendRatio(g: number, x: number, z: number): number {
  const xz = x * z;
  return xz > g ? Math.log1p(g / xz) : Math.log(g) + Math.log1p(xz / g) - Math.log(x) - Math.log(z);
}

/** The objective's value outside its domain: +Infinity, with a zero gradient. */
function outside(gradient: number[] | undefined): number {
  if (gradient) gradient.fill(0);
  return Infinity;
}
