/**
 * The BG/BB log-likelihood and its analytic gradient over grouped rows (sufficient
 * statistics), in log-parameters θ = (ln α, ln β, ln γ, ln δ).
 *
 * Per customer (Fader, Hardie & Shang 2010), with every term a log-beta:
 *
 *   ℓ   = −ln B(α,β) − ln B(γ,δ) + ln(e^{A₀} + Σ_{k=tₓ}^{n−1} e^{A_k})
 *   A₀  = ln B(α+x, β+n−x) + ln B(γ, δ+n)            alive through opportunity n
 *   A_k = ln B(α+x, β+k−x) + ln B(γ+1, δ+k)          alive through k, dead at k+1  (k = tₓ+i)
 *
 * Gradient (ψ the digamma function; ∂ ln B(a, b)/∂a = ψ(a) − ψ(a+b)): with π₀ = e^{A₀−ℓ'},
 * π_k = e^{A_k−ℓ'} (ℓ' the log-sum-exp), ∂ℓ/∂θ = Σ π ∂A/∂θ − ∂[ln B(α,β) + ln B(γ,δ)]/∂θ, and
 *
 *   ∂A₀/∂α = ψ(α+x) − ψ(α+β+n)    ∂A₀/∂β = ψ(β+n−x) − ψ(α+β+n)
 *   ∂A₀/∂γ = ψ(γ) − ψ(γ+δ+n)      ∂A₀/∂δ = ψ(δ+n) − ψ(γ+δ+n)
 *   ∂A_k/∂α = ψ(α+x) − ψ(α+β+k)   ∂A_k/∂β = ψ(β+k−x) − ψ(α+β+k)
 *   ∂A_k/∂γ = ψ(γ+1) − ψ(γ+δ+k+1) ∂A_k/∂δ = ψ(δ+k) − ψ(γ+δ+k+1)
 *
 * Sufficient statistics: identical (x, tₓ, n) are grouped, and groups with the same (x, n)
 * form a run. The terms A_k depend on (x, k) only, so one pass over k = n−1, n−2, … per run
 * accumulates the log-sum-exp of the terms from k upward (and the π-weighted mean of their
 * gradients) and hands each group its suffix at k = tₓ: O(n) log-betas per run instead of
 * O(n) per group. The digammas and log-betas are tabulated once per evaluation (or run) by
 * their integer offset: the kernel's function every 64 entries, and between them the exact
 * recurrences ψ(s+1) = ψ(s) + 1/s and B(a, b+1) = B(a, b)·b/(a+b), so a customer with n = 10,000
 * costs a few hundred kernel calls, not tens of thousands, and the rounding never builds up
 * over more than 64 steps.
 */
import { LOG_BETA_ANCHOR } from './predict';
import { groupRows } from '../../internal/group-rows';
import { outsideLogRange } from '../../internal/log-scale-fit';
import { digamma, logBeta } from '../../internal/special';

/** Rows reduced to what the likelihood needs. */
export interface BgBbSufficientStatistics {
  /** Runs of groups with the same (x, n); `runStart[r]..runStart[r+1]` index the groups. */
  readonly runX: Float64Array;
  readonly runN: Float64Array;
  readonly runStart: Int32Array;
  /** Index of each run's x in `frequencies`. */
  readonly runFrequencyIndex: Int32Array;
  /** Groups, sorted by (n, x) and, within a run, by decreasing tₓ. */
  readonly groupTx: Float64Array;
  readonly groupWeights: Float64Array;
  /** Distinct frequencies (ψ(α+x) is computed once for each). */
  readonly frequencies: Float64Array;
  /** Largest n. */
  readonly maxPeriods: number;
  /** Σ weights: the number of customers. */
  readonly totalWeight: number;
  /** Σ weights of customers with x > 0. */
  readonly repeatWeight: number;
  /** The group (its position in `groupTx`) of each input row; −1 for a row of weight 0. */
  readonly rowGroup: Int32Array;
}

/**
 * Reduce rows to sufficient statistics. With `group` false each row stays its own group (the
 * baseline the benchmark compares against); runs and their order are the same either way, so
 * the result does not depend on the order of the rows.
 */
export function bgBbSufficientStatistics(
  x: Float64Array,
  tx: Float64Array,
  n: Float64Array,
  w: Float64Array,
  length: number,
  group = true,
): BgBbSufficientStatistics {
  let totalWeight = 0;
  let repeatWeight = 0;
  for (let i = 0; i < length; i++) {
    const wi = w[i] as number;
    totalWeight += wi;
    if ((x[i] as number) > 0) repeatWeight += wi;
  }
  let gx: Float64Array;
  let gtx: Float64Array;
  let gn: Float64Array;
  let gw: Float64Array;
  let groupOf: Int32Array;
  if (group) {
    const grouped = groupRows([x.subarray(0, length), tx.subarray(0, length), n.subarray(0, length)], w, length);
    [gx, gtx, gn] = grouped.keys as [Float64Array, Float64Array, Float64Array];
    gw = grouped.weights;
    groupOf = grouped.groupOf;
  } else {
    // Rows of weight 0 carry nothing, as in groupRows.
    const keep: number[] = [];
    groupOf = new Int32Array(length).fill(-1);
    for (let i = 0; i < length; i++) if ((w[i] as number) !== 0) groupOf[i] = keep.push(i) - 1;
    gx = Float64Array.from(keep, (i) => x[i] as number);
    gtx = Float64Array.from(keep, (i) => tx[i] as number);
    gn = Float64Array.from(keep, (i) => n[i] as number);
    gw = Float64Array.from(keep, (i) => w[i] as number);
  }
  const size = gx.length;
  const order = Int32Array.from({ length: size }, (_, i) => i).sort(
    (a, b) => (gn[a] as number) - (gn[b] as number) || (gx[a] as number) - (gx[b] as number) || (gtx[b] as number) - (gtx[a] as number) || a - b,
  );
  const groupTx = new Float64Array(size);
  const groupWeights = new Float64Array(size);
  const position = new Int32Array(size); // group → its position in the sorted order
  const runX: number[] = [];
  const runN: number[] = [];
  const runStart: number[] = [];
  let maxPeriods = 0;
  for (let j = 0; j < size; j++) {
    const i = order[j] as number;
    const xi = gx[i] as number;
    const ni = gn[i] as number;
    if (j === 0 || xi !== runX[runX.length - 1] || ni !== runN[runN.length - 1]) {
      runX.push(xi);
      runN.push(ni);
      runStart.push(j);
    }
    groupTx[j] = gtx[i] as number;
    groupWeights[j] = gw[i] as number;
    position[i] = j;
    if (ni > maxPeriods) maxPeriods = ni;
  }
  runStart.push(size);
  const frequencies = Float64Array.from(new Set(runX)).sort();
  const frequencyIndex = new Map<number, number>();
  frequencies.forEach((v, i) => frequencyIndex.set(v, i));
  const rowGroup = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    const g = groupOf[i] as number;
    rowGroup[i] = g < 0 ? -1 : (position[g] as number);
  }
  return {
    runX: Float64Array.from(runX),
    runN: Float64Array.from(runN),
    runStart: Int32Array.from(runStart),
    runFrequencyIndex: Int32Array.from(runX, (v) => frequencyIndex.get(v) as number),
    groupTx,
    groupWeights,
    frequencies,
    maxPeriods,
    totalWeight,
    repeatWeight,
    rowGroup,
  };
}

/** Entries between two evaluations of a kernel function in the tables below. */
const ANCHOR = LOG_BETA_ANCHOR;

/** ψ(start + k) for k = 0..count−1. */
function digammaTable(start: number, count: number): Float64Array {
  const table = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    table[k] = k % ANCHOR === 0 ? digamma(start + k) : (table[k - 1] as number) + 1 / (start + k - 1);
  }
  return table;
}

/** ln B(a, b + k) for k = 0..count−1, into `out` (reused across runs). */
function logBetaTable(a: number, b: number, count: number, out: Float64Array): void {
  for (let k = 0; k < count; k++) {
    const bk = b + k - 1;
    out[k] = k % ANCHOR === 0 ? logBeta(a, b + k) : (out[k - 1] as number) + Math.log(bk / (a + bk));
  }
}

/**
 * Mean negative log-likelihood per customer at log-parameters θ, −Σwℓ / Σw; fills `gradient`
 * (with respect to θ) when given, and `perGroup` with ℓ of each group (in the order of
 * `groupTx`). Returns +Infinity outside |θᵢ| ≤ 30 or if anything is not finite.
 */
export function bgBbNegativeLogLikelihood(theta: readonly number[], s: BgBbSufficientStatistics, gradient?: number[], perGroup?: Float64Array): number {
  if (outsideLogRange(theta, gradient)) return Infinity;
  const alpha = Math.exp(theta[0] as number);
  const beta = Math.exp(theta[1] as number);
  const gamma = Math.exp(theta[2] as number);
  const delta = Math.exp(theta[3] as number);
  const N = s.maxPeriods;
  const psiB = digammaTable(beta, N + 1); // ψ(β + k)
  const psiAB = digammaTable(alpha + beta, N + 1); // ψ(α + β + k)
  const psiD = digammaTable(delta, N + 1); // ψ(δ + k)
  const psiGD = digammaTable(gamma + delta, N + 2); // ψ(γ + δ + k)
  const psiG = digamma(gamma);
  const psiG1 = psiG + 1 / gamma; // ψ(γ + 1)
  const psiAX = Float64Array.from(s.frequencies, (x) => digamma(alpha + x)); // ψ(α + x)
  const deathTerm = new Float64Array(N); // ln B(γ+1, δ+k), k < N
  logBetaTable(gamma + 1, delta, N, deathTerm);
  const lifeTerm = new Float64Array(N + 1); // ln B(α+x, β+j) of the current run, j = k − x

  let ll = 0;
  let gA = 0;
  let gB = 0;
  let gG = 0;
  let gD = 0;
  const runs = s.runX.length;
  for (let r = 0; r < runs; r++) {
    const x = s.runX[r] as number;
    const n = s.runN[r] as number;
    const pa = psiAX[s.runFrequencyIndex[r] as number] as number;
    // The run needs j = k − x from (smallest tₓ) − x up to n − x; tₓ ≥ x, so from 0.
    const lowest = (s.groupTx[(s.runStart[r + 1] as number) - 1] as number) - x;
    logBetaTable(alpha + x, beta + lowest, n - x - lowest + 1, lifeTerm);
    const a0 = (lifeTerm[n - x - lowest] as number) + logBeta(gamma, delta + n);
    const d0a = pa - (psiAB[n] as number);
    const d0b = (psiB[n - x] as number) - (psiAB[n] as number);
    const d0g = psiG - (psiGD[n] as number);
    const d0d = (psiD[n] as number) - (psiGD[n] as number);
    // Suffix over k ≥ current position: log-sum-exp L and π-weighted mean gradient M.
    let L = -Infinity;
    let ma = 0;
    let mb = 0;
    let mg = 0;
    let md = 0;
    let k = n - 1;
    for (let j = s.runStart[r] as number, end = s.runStart[r + 1] as number; j < end; j++) {
      const tx = s.groupTx[j] as number;
      for (; k >= tx; k--) {
        const ak = (lifeTerm[k - x - lowest] as number) + (deathTerm[k] as number);
        const da = pa - (psiAB[k] as number);
        const db = (psiB[k - x] as number) - (psiAB[k] as number);
        const dg = psiG1 - (psiGD[k + 1] as number);
        const dd = (psiD[k] as number) - (psiGD[k + 1] as number);
        if (L === -Infinity) {
          L = ak;
          ma = da;
          mb = db;
          mg = dg;
          md = dd;
        } else {
          // L' = ln(e^{A_k} + e^L) and the new term's weight e^{A_k − L'}, from one exponential.
          let wk: number;
          if (ak >= L) {
            const e = Math.exp(L - ak);
            wk = 1 / (1 + e);
            L = ak + Math.log1p(e);
          } else {
            const e = Math.exp(ak - L);
            wk = e / (1 + e);
            L += Math.log1p(e);
          }
          const rest = 1 - wk;
          ma = wk * da + rest * ma;
          mb = wk * db + rest * mb;
          mg = wk * dg + rest * mg;
          md = wk * dd + rest * md;
        }
      }
      const wj = s.groupWeights[j] as number;
      let lj: number;
      let p0: number;
      if (L === -Infinity) {
        lj = a0;
        p0 = 1;
      } else if (a0 >= L) {
        const e = Math.exp(L - a0);
        lj = a0 + Math.log1p(e);
        p0 = 1 / (1 + e);
      } else {
        const e = Math.exp(a0 - L);
        lj = L + Math.log1p(e);
        p0 = e / (1 + e);
      }
      const pk = 1 - p0;
      if (perGroup !== undefined) perGroup[j] = lj;
      ll += wj * lj;
      gA += wj * (p0 * d0a + pk * ma);
      gB += wj * (p0 * d0b + pk * mb);
      gG += wj * (p0 * d0g + pk * mg);
      gD += wj * (p0 * d0d + pk * md);
    }
  }
  const total = s.totalWeight;
  const normaliser = logBeta(alpha, beta) + logBeta(gamma, delta);
  ll -= total * normaliser;
  if (perGroup !== undefined) for (let j = 0; j < perGroup.length; j++) perGroup[j] = (perGroup[j] as number) - normaliser;
  gA -= total * (digamma(alpha) - (psiAB[0] as number));
  gB -= total * ((psiB[0] as number) - (psiAB[0] as number));
  gG -= total * (psiG - (psiGD[0] as number));
  gD -= total * ((psiD[0] as number) - (psiGD[0] as number));
  const value = -ll / total;
  if (!Number.isFinite(value)) {
    if (gradient) gradient.fill(0);
    return Infinity;
  }
  if (gradient) {
    gradient[0] = (-alpha * gA) / total;
    gradient[1] = (-beta * gB) / total;
    gradient[2] = (-gamma * gG) / total;
    gradient[3] = (-delta * gD) / total;
  }
  return value;
}
