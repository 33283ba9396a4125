/**
 * The MBG/NBD log-likelihood and its analytic gradient over grouped rows (the BG/NBD sufficient
 * statistics), in log-parameters θ = (ln r, ln α, ln a, ln b).
 *
 * Per customer (Batislam, Denizel & Filiztekin 2007, eq. 6; BTYDplus `mbgcnbd.LL` with k = 1):
 *
 *   L  = B(a, b+x+1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
 *      + B(a+1, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+tₓ)^(r+x))        (x = 0 included, tₓ = 0)
 *   ℓ  = A₁ + A₂ + ln(e^A₃ + e^A₄)
 *   A₁ = lnΓ(r+x) − lnΓ(r) + r ln α
 *   A₂ = lnΓ(a+b) + lnΓ(b+x+1) − lnΓ(b) − lnΓ(a+b+x+1)   (formed as ln (b)ₓ₊₁ − ln (a+b)ₓ₊₁, and A₁ as ln (r)ₓ)
 *   A₃ = −(r+x) ln(α+T)
 *   A₄ = ln a − ln(b+x) − (r+x) ln(α+tₓ)
 *
 * Gradient (derived by hand; π₃ = e^A₃/(e^A₃ + e^A₄), π₄ = 1 − π₃, ψ the digamma function):
 *
 *   ∂ℓ/∂r = ψ(r+x) − ψ(r) + ln α − π₃ ln(α+T) − π₄ ln(α+tₓ)
 *   ∂ℓ/∂α = r/α − (r+x) [π₃/(α+T) + π₄/(α+tₓ)]
 *   ∂ℓ/∂a = ψ(a+b) − ψ(a+b+x+1) + π₄/a
 *   ∂ℓ/∂b = ψ(a+b) + ψ(b+x+1) − ψ(b) − ψ(a+b+x+1) − π₄/(b+x)
 *
 * and ∂ℓ/∂(ln θ) = θ ∂ℓ/∂θ. For x = 0 (tₓ = 0): A₂ = ln b − ln(a+b) (formed so), and
 * e^A₃ + e^A₄ = (α+T)^(−r) + (a/b) α^(−r). Terms that depend on x alone are summed once per
 * distinct x, the rest once per distinct (x, tₓ, T).
 */
import { outsideLogRange } from '../../internal/log-scale-fit';
import { digamma, logBeta, logGamma } from '../../internal/special';
import type { BgNbdSufficientStatistics } from '../bg-nbd/bg-nbd-likelihood';

/** ln(e^A₃ + e^A₄) and π₄ from one exponential. */
function logPair(a3: number, a4: number): [number, number] {
  if (a3 >= a4) {
    const e = Math.exp(a4 - a3);
    return [a3 + Math.log1p(e), e / (1 + e)];
  }
  const e = Math.exp(a3 - a4);
  return [a4 + Math.log1p(e), 1 - e / (1 + e)];
}

/** ln Γ(v + j) − ln Γ(v) = ln Γ(j) − ln B(v, j) (j ≥ 1): no difference of two huge ln Γ when v is large. */
function logRising(v: number, j: number): number {
  return j === 0 ? 0 : logGamma(j) - logBeta(v, j);
}

/** A₂ = ln B(a, b+x+1) − ln B(a, b) = ln (b)ₓ₊₁ − ln (a+b)ₓ₊₁. */
function logBetaRatio(a: number, b: number, x: number): number {
  if (x === 0) return Math.log(b) - Math.log(a + b);
  return logRising(b, x + 1) - logRising(a + b, x + 1);
}

/** ln Lᵢ of one customer (unweighted), for the per-customer log-likelihoods. */
export function mbgNbdRowLogLikelihood(r: number, alpha: number, a: number, b: number, x: number, tx: number, T: number): number {
  const a1 = logRising(r, x);
  const a2 = logBetaRatio(a, b, x);
  // r ln α − (r+x) ln(α+t) = −r ln(1 + t/α) − x ln(α+t): no cancellation of two large logs.
  const a3 = -r * Math.log1p(T / alpha) - (x === 0 ? 0 : x * Math.log(alpha + T));
  const a4 = Math.log(a) - Math.log(b + x) - r * Math.log1p(tx / alpha) - (x === 0 ? 0 : x * Math.log(alpha + tx));
  return a1 + a2 + logPair(a3, a4)[0];
}

/**
 * Mean negative log-likelihood per customer at log-parameters θ, −Σwℓ / Σw; fills `gradient`
 * (with respect to θ) when given. Returns +Infinity outside |θᵢ| ≤ 30 or if anything is not finite.
 */
export function mbgNbdNegativeLogLikelihood(theta: readonly number[], s: BgNbdSufficientStatistics, gradient?: number[]): number {
  if (outsideLogRange(theta, gradient)) return Infinity;
  const r = Math.exp(theta[0] as number);
  const alpha = Math.exp(theta[1] as number);
  const a = Math.exp(theta[2] as number);
  const b = Math.exp(theta[3] as number);
  const lnAlpha = theta[1] as number;
  const lnA = theta[2] as number;
  const nFreq = s.frequencies.length;
  const logShift = new Float64Array(nFreq); // ln a − ln(b+x)
  const invShift = new Float64Array(nFreq); // 1/(b+x)
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
    ll += wx * (logRising(r, x) + logBetaRatio(a, b, x));
    const psiABX = digamma(a + b + x + 1);
    if (x > 0) gr += wx * (digamma(r + x) - psiR);
    gA += wx * (psiAB - psiABX);
    gB += wx * (psiAB + digamma(b + x + 1) - psiB - psiABX);
    logShift[j] = lnA - Math.log(b + x);
    invShift[j] = 1 / (b + x);
  }
  const times = s.times;
  const logTime = new Float64Array(times.length); // ln(α + t)
  const invTime = new Float64Array(times.length); // 1/(α + t)
  for (let k = 0; k < times.length; k++) {
    const u = alpha + (times[k] as number);
    logTime[k] = Math.log(u);
    invTime[k] = 1 / u;
  }
  let sumP4 = 0;
  let gBShift = 0;
  // x = 0: A₃ = −r ln(α+T), A₄ = ln(a/b) − r ln α.
  const zeroIndex = zeroFrequencyIndex(s);
  if (zeroIndex >= 0) {
    const shift0 = logShift[zeroIndex] as number;
    const inv0 = invShift[zeroIndex] as number;
    const zW = s.zeroWeights;
    const zI = s.zeroTIndex;
    for (let j = 0, n = zW.length; j < n; j++) {
      const wj = zW[j] as number;
      const k = zI[j] as number;
      const l3 = logTime[k] as number;
      const [lp, p4] = logPair(-r * l3, shift0 - r * lnAlpha);
      const p3 = 1 - p4;
      ll += wj * lp;
      gr -= wj * (p3 * l3 + p4 * lnAlpha);
      gAlpha -= wj * r * (p3 * (invTime[k] as number) + p4 / alpha);
      sumP4 += wj * p4;
      gBShift += wj * p4 * inv0;
    }
  }
  const rx = s.repeatX;
  const rTi = s.repeatTIndex;
  const rTxi = s.repeatTxIndex;
  const rW = s.repeatWeights;
  const rk = s.repeatFrequencyIndex;
  for (let j = 0, n = rx.length; j < n; j++) {
    const wj = rW[j] as number;
    const rpx = r + (rx[j] as number);
    const k = rk[j] as number;
    const iT = rTi[j] as number;
    const iTx = rTxi[j] as number;
    const l3 = logTime[iT] as number;
    const l4 = logTime[iTx] as number;
    const [lp, p4] = logPair(-rpx * l3, (logShift[k] as number) - rpx * l4);
    const p3 = 1 - p4;
    ll += wj * lp;
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

/** Position of x = 0 in the distinct frequencies, −1 if no customer has x = 0. */
function zeroFrequencyIndex(s: BgNbdSufficientStatistics): number {
  for (let j = 0; j < s.frequencies.length; j++) if (s.frequencies[j] === 0) return j;
  return -1;
}
