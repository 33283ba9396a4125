/**
 * The Gamma-Gamma spend log-likelihood and its analytic gradient over grouped repeat
 * customers, in log-parameters θ = (ln p, ln q, ln γ).
 *
 * A customer with x repeat purchases of average value z̄ (Fader, Hardie & Lee 2013, *The
 * Gamma-Gamma model of monetary value*, eq. 3; z̄·x ~ Gamma(px, ν), ν ~ Gamma(q, γ)):
 *
 *   ℓ = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄)
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
import { digamma, logGamma } from '../../internal/special';

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
  const lgQ = logGamma(q);
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
    const lnX = Math.log(x);
    const psiPxQ = digamma(px + q);
    ll += wx * (logGamma(px + q) - logGamma(px) - lgQ + q * lnG + px * lnX) + (px - 1) * sumLogZ;
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
    const u = g + x * (zs[j] as number);
    const lu = Math.log(u);
    const pxq = p * x + q;
    ll -= wj * pxq * lu;
    gp -= wj * x * lu;
    gq -= wj * lu;
    gg -= (wj * pxq) / u;
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
  return logGamma(px + q) - logGamma(px) - logGamma(q) + q * Math.log(g) + (px - 1) * Math.log(z) + px * Math.log(x) - (px + q) * Math.log(g + x * z);
}
