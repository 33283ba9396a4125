/**
 * The BG/NBD log-likelihood and its analytic gradient over grouped rows (sufficient
 * statistics), in log-parameters θ = (ln r, ln α, ln a, ln b).
 *
 * Per customer (Fader, Hardie & Lee 2005, eq. 6; the log form of Fader, Hardie & Lee,
 * "Implementing the BG/NBD Model for Customer Base Analysis in Excel", 2005):
 *
 *   ℓ  = A₁ + A₂ + ln(e^A₃ + δ(x>0) e^A₄)
 *   A₁ = lnΓ(r+x) − lnΓ(r) + r ln α
 *   A₂ = lnΓ(a+b) + lnΓ(b+x) − lnΓ(b) − lnΓ(a+b+x)
 *   A₃ = −(r+x) ln(α+T)
 *   A₄ = ln a − ln(b+x−1) − (r+x) ln(α+tₓ)
 *
 * Gradient (derived by hand; π₃ = e^A₃/(e^A₃ + δe^A₄), π₄ = 1 − π₃, ψ the digamma function):
 *
 *   ∂ℓ/∂r = ψ(r+x) − ψ(r) + ln α − π₃ ln(α+T) − π₄ ln(α+tₓ)
 *   ∂ℓ/∂α = r/α − (r+x) [π₃/(α+T) + π₄/(α+tₓ)]
 *   ∂ℓ/∂a = ψ(a+b) − ψ(a+b+x) + π₄/a
 *   ∂ℓ/∂b = ψ(a+b) + ψ(b+x) − ψ(b) − ψ(a+b+x) − π₄/(b+x−1)
 *
 * and ∂ℓ/∂(ln θ) = θ ∂ℓ/∂θ. The terms that depend on x alone are summed once per distinct x;
 * customers with x = 0 contribute r ln α − r ln(α+T) and are grouped by T; customers with
 * x > 0 are grouped by (x, tₓ, T).
 */
import { canonicalRows } from '../../internal/canonical-rows';
import { outsideLogRange } from '../../internal/log-scale-fit';
import { digamma, logGamma } from '../../internal/special';


/** Rows reduced to what the likelihood needs. */
export interface BgNbdSufficientStatistics {
  /** Distinct frequencies and the total weight of customers with each. */
  readonly frequencies: Float64Array;
  readonly frequencyWeights: Float64Array;
  /** Customers with x = 0, grouped by T. */
  readonly zeroT: Float64Array;
  readonly zeroWeights: Float64Array;
  /** Customers with x > 0, grouped by (x, tₓ, T); `repeatFrequencyIndex` points into `frequencies`. */
  readonly repeatFrequencyIndex: Int32Array;
  readonly repeatX: Float64Array;
  readonly repeatTx: Float64Array;
  readonly repeatT: Float64Array;
  readonly repeatWeights: Float64Array;
  /** Distinct values of T and tₓ; the groups index into it, so ln(α + t) is computed once per value. */
  readonly times: Float64Array;
  readonly zeroTIndex: Int32Array;
  readonly repeatTIndex: Int32Array;
  readonly repeatTxIndex: Int32Array;
  /** Σ weights: the number of customers. */
  readonly totalWeight: number;
  /** Σ weights of customers with x > 0. */
  readonly repeatWeight: number;
  /** Σ w·x and Σ w·T, for the starting point. */
  readonly weightedFrequency: number;
  readonly weightedAge: number;
}

/**
 * Reduce rows to sufficient statistics: the distinct (x, tₓ, T) with summed weights, in
 * canonical order (sorted by x, tₓ, T), so that the statistics, the objective and a fit are the
 * same bit for bit for any order or grouping of the same customers. Customers with x = 0 come
 * first (their tₓ is 0, so they are grouped by T alone); the distinct frequencies are the runs
 * of equal x.
 */
export function bgNbdSufficientStatistics(
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  w: Float64Array,
  length: number,
): BgNbdSufficientStatistics {
  const rows = canonicalRows([x.subarray(0, length), tx.subarray(0, length), T.subarray(0, length)], w, length);
  [x, tx, T] = rows.keys as [Float64Array, Float64Array, Float64Array];
  w = rows.weights;
  const n = rows.size;
  let nz = 0;
  while (nz < n && x[nz] === 0) nz++;
  let totalWeight = 0;
  let repeatWeight = 0;
  let weightedFrequency = 0;
  let weightedAge = 0;
  const frequencies: number[] = [];
  const frequencyWeights: number[] = [];
  const repeatFrequencyIndex = new Int32Array(n - nz);
  for (let i = 0; i < n; i++) {
    const wi = w[i] as number;
    const xi = x[i] as number;
    if (i === 0 || xi !== x[i - 1]) {
      frequencies.push(xi);
      frequencyWeights.push(0);
    }
    const f = frequencies.length - 1;
    frequencyWeights[f] = (frequencyWeights[f] as number) + wi;
    if (i >= nz) {
      repeatFrequencyIndex[i - nz] = f;
      repeatWeight += wi;
    }
    totalWeight += wi;
    weightedFrequency += wi * xi;
    weightedAge += wi * (T[i] as number);
  }
  // The distinct times, in order of first appearance over T of the zeros, T and tₓ of the others.
  const timeIndex = new Map<number, number>();
  const indexOf = (t: number): number => {
    let k = timeIndex.get(t);
    if (k === undefined) timeIndex.set(t, (k = timeIndex.size));
    return k;
  };
  const zeroT = T.slice(0, nz);
  const repeatT = T.slice(nz);
  const repeatTx = tx.slice(nz);
  const zeroTIndex = Int32Array.from(zeroT, indexOf);
  const repeatTIndex = Int32Array.from(repeatT, indexOf);
  const repeatTxIndex = Int32Array.from(repeatTx, indexOf);
  return {
    frequencies: Float64Array.from(frequencies),
    frequencyWeights: Float64Array.from(frequencyWeights),
    zeroT,
    zeroWeights: w.slice(0, nz),
    repeatFrequencyIndex,
    repeatX: x.slice(nz),
    repeatTx,
    repeatT,
    repeatWeights: w.slice(nz),
    totalWeight,
    repeatWeight,
    times: Float64Array.from(timeIndex.keys()),
    zeroTIndex,
    repeatTIndex,
    repeatTxIndex,
    weightedFrequency,
    weightedAge,
  };
}

/**
 * Mean negative log-likelihood per customer at log-parameters θ, −Σwℓ / Σw; fills `gradient`
 * (with respect to θ) when given. Returns +Infinity outside |θᵢ| ≤ 30 or if anything is not finite.
 */
export function bgNbdNegativeLogLikelihood(
  theta: readonly number[],
  s: BgNbdSufficientStatistics,
  gradient?: number[],
): number {
  if (outsideLogRange(theta, gradient)) return Infinity;
  const r = Math.exp(theta[0] as number);
  const alpha = Math.exp(theta[1] as number);
  const a = Math.exp(theta[2] as number);
  const b = Math.exp(theta[3] as number);
  const lnAlpha = theta[1] as number;
  const lnA = theta[2] as number;
  const nFreq = s.frequencies.length;
  const logShift = new Float64Array(nFreq); // ln a − ln(b+x−1), for x > 0
  const invShift = new Float64Array(nFreq); // 1/(b+x−1)
  const lgR = logGamma(r);
  const lgB = logGamma(b);
  const lgAB = logGamma(a + b);
  const psiR = digamma(r);
  const psiB = digamma(b);
  const psiAB = digamma(a + b);
  let ll = 0;
  let gr = 0;
  let gAlpha = 0;
  let gA = 0;
  let gB = 0;
  for (let j = 0; j < nFreq; j++) {
    const x = s.frequencies[j] as number;
    const wx = s.frequencyWeights[j] as number;
    ll += wx * r * lnAlpha;
    gr += wx * lnAlpha;
    gAlpha += (wx * r) / alpha;
    if (x === 0) continue;
    ll += wx * (logGamma(r + x) - lgR + lgAB + logGamma(b + x) - lgB - logGamma(a + b + x));
    const psiABX = digamma(a + b + x);
    gr += wx * (digamma(r + x) - psiR);
    gA += wx * (psiAB - psiABX);
    gB += wx * (psiAB + digamma(b + x) - psiB - psiABX);
    logShift[j] = lnA - Math.log(b + x - 1);
    invShift[j] = 1 / (b + x - 1);
  }
  const times = s.times;
  const logTime = new Float64Array(times.length); // ln(α + t)
  const invTime = new Float64Array(times.length); // 1/(α + t)
  for (let k = 0; k < times.length; k++) {
    const u = alpha + (times[k] as number);
    logTime[k] = Math.log(u);
    invTime[k] = 1 / u;
  }
  const zW = s.zeroWeights;
  const zI = s.zeroTIndex;
  for (let j = 0, n = zW.length; j < n; j++) {
    const wj = zW[j] as number;
    const k = zI[j] as number;
    const lu = logTime[k] as number;
    ll -= wj * r * lu;
    gr -= wj * lu;
    gAlpha -= wj * r * (invTime[k] as number);
  }
  const rx = s.repeatX;
  const rTi = s.repeatTIndex;
  const rTxi = s.repeatTxIndex;
  const rW = s.repeatWeights;
  const rk = s.repeatFrequencyIndex;
  let sumP4 = 0;
  let gBShift = 0;
  for (let j = 0, n = rx.length; j < n; j++) {
    const wj = rW[j] as number;
    const rpx = r + (rx[j] as number);
    const k = rk[j] as number;
    const iT = rTi[j] as number;
    const iTx = rTxi[j] as number;
    const l3 = logTime[iT] as number;
    const l4 = logTime[iTx] as number;
    const a3 = -rpx * l3;
    const a4 = (logShift[k] as number) - rpx * l4;
    // ln(e^A₃ + e^A₄) and the weights π₃, π₄ from one exponential: the smaller term's weight
    // is e/(1 + e), the larger's its complement.
    const e = Math.exp(-Math.abs(a3 - a4));
    ll += wj * (Math.max(a3, a4) + Math.log1p(e));
    const smaller = e / (1 + e);
    const p3 = a3 >= a4 ? 1 - smaller : smaller;
    const p4 = a3 >= a4 ? smaller : 1 - smaller;
    gr -= wj * (p3 * l3 + p4 * l4);
    gAlpha -= wj * rpx * (p3 * (invTime[iT] as number) + p4 * (invTime[iTx] as number));
    sumP4 += wj * p4;
    gBShift += wj * p4 * (invShift[k] as number);
  }
  gA += sumP4 / a;
  gB -= gBShift;
  const total = s.totalWeight;
  const value = -ll / total;
  if (!Number.isFinite(value)) {
    if (gradient) gradient.fill(0);
    return Infinity;
  }
  if (gradient) {
    gradient[0] = (-r * gr) / total;
    gradient[1] = (-alpha * gAlpha) / total;
    gradient[2] = (-a * gA) / total;
    gradient[3] = (-b * gB) / total;
  }
  return value;
}
