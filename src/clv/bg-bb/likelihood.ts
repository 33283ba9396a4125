/**
 * The BG/BB log-likelihood and its analytic gradient over grouped rows (sufficient
 * statistics), in log-parameters θ = (ln α, ln β, ln γ, ln δ).
 *
 * Per customer (Fader, Hardie & Shang 2010), every term relative to the normaliser
 * B(α,β) B(γ,δ):
 *
 *   ℓ   = ln(e^{A₀} + Σ_{k=tₓ}^{n−1} e^{A_k})
 *   A₀  = ln[B(α+x, β+n−x)/B(α,β)] + ln[B(γ, δ+n)/B(γ,δ)]        alive through opportunity n
 *   A_k = ln[B(α+x, β+k−x)/B(α,β)] + ln[B(γ+1, δ+k)/B(γ,δ)]      alive through k, dead at k+1
 *
 * each a sum of logarithms of ratios near 1 (see {@link bgBbNegativeLogLikelihood}), never a
 * difference of log-betas, which are ~(α+β)·ln(α+β) and cancel.
 *
 * Gradient (ψ the digamma function, Δψ(a, k) = ψ(a+k) − ψ(a)): with π₀ = e^{A₀−ℓ},
 * π_k = e^{A_k−ℓ}, ∂ℓ/∂θ = Σ π ∂A/∂θ, and (the normaliser's derivatives folded in, Σπ = 1)
 *
 *   ∂A₀/∂α = Δψ(α, x) − Δψ(α+β, n)      ∂A₀/∂β = Δψ(β, n−x) − Δψ(α+β, n)
 *   ∂A₀/∂γ = −Δψ(γ+δ, n)                ∂A₀/∂δ = Δψ(δ, n) − Δψ(γ+δ, n)
 *   ∂A_k/∂α = Δψ(α, x) − Δψ(α+β, k)     ∂A_k/∂β = Δψ(β, k−x) − Δψ(α+β, k)
 *   ∂A_k/∂γ = 1/γ − Δψ(γ+δ, k+1)        ∂A_k/∂δ = Δψ(δ, k) − Δψ(γ+δ, k+1)
 *
 * Sufficient statistics: identical (x, tₓ, n) are grouped, and groups with the same (x, n)
 * form a run. The terms A_k depend on (x, k) only, so one pass over k = n−1, n−2, … per run
 * accumulates the log-sum-exp of the terms from k upward (and the π-weighted mean of their
 * gradients) and hands each group its suffix at k = tₓ: O(n) terms per run instead of O(n) per
 * group. The digamma differences and log-ratios are tabulated once per evaluation (or run) by
 * their integer offset: the kernel's function every 64 entries, and between them the exact
 * recurrences Δψ(a, k+1) = Δψ(a, k) + 1/(a+k) and B(a, b+1) = B(a, b)·b/(a+b), so a customer with
 * n = 10,000 costs a few hundred kernel calls, not tens of thousands, and the rounding never
 * builds up over more than 64 steps.
 */
import { LOG_BETA_ANCHOR } from './predict';
import { groupRows } from '../../internal/group-rows';
import { outsideLogRange } from '../../internal/log-scale-fit';
import { betaGeometricLogSurvivalSum as logSurvivalSum } from '../../internal/beta-geometric';
import { digammaDifference, logDiffExp } from '../../internal/special';

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

/** ψ(a + k) − ψ(a) for k = 0..count−1: the kernel every 64 entries, ψ(s+1) = ψ(s) + 1/s between. */
function digammaDifferenceTable(a: number, count: number): Float64Array {
  const table = new Float64Array(count);
  for (let k = 1; k < count; k++) {
    table[k] = k % ANCHOR === 0 ? digammaDifference(a, k) : (table[k - 1] as number) + 1 / (a + (k - 1)); // not (a + k) − 1: a tiny a would be lost
  }
  return table;
}

/**
 * Σ_{j<m} ln(1 + a/(b+j)) = −ln[B(a, b+m)/B(a, b)] for many m at fixed (a, b): the kernel sums
 * its first 64 terms one by one while b + j < 64, so that prefix is summed once (when first
 * needed) and each later call adds the Euler–Maclaurin rest, O(1).
 */
function logSurvivalSums(a: number, b: number): (m: number) => number {
  let prefix = Number.NaN;
  return (m) => {
    if (m <= ANCHOR) return logSurvivalSum(a, b, 0, m);
    if (Number.isNaN(prefix)) prefix = logSurvivalSum(a, b, 0, ANCHOR);
    return prefix + logSurvivalSum(a, b, ANCHOR, m - ANCHOR);
  };
}

/**
 * ln L(x = 0, tₓ = 0, n) where L > ½, else undefined. L = P(no purchase in n opportunities) is
 * then 1 − Q with Q = P(a first purchase at some t ≤ n) small, and its log-sum-exp over the
 * terms of L (which sum to nearly 1) keeps only ε in absolute terms: ln L = −5e-13 at α = 1,
 * β = 1e12 came out 1e-4 off. Q is a sum of positive terms, accurate in relative terms:
 *
 *   Q = Σ_{t=1}^{n} B(γ, δ+t)/B(γ,δ) · B(α+1, β+t−1)/B(α,β)      alive at t, no purchase before, one at t
 *   ln L = ln(1 − Q) = log1mexp(ln Q)
 *
 * `survival[t]` = ln[B(γ, δ+t)/B(γ,δ)].
 */
function logProbabilityNoPurchase(n: number, alpha: number, beta: number, survival: Float64Array): number | undefined {
  const afterOne = logSurvivalSums(alpha + 1, beta);
  const one = -Math.log1p(beta / alpha); // ln[B(α+1, β)/B(α,β)] = ln(α/(α+β))
  let first = 0; // ln[B(α+1, β+j)/B(α,β)], j = t − 1
  let top = -Infinity;
  let sum = 0; // Σ exp(term − top)
  for (let t = 1; t <= n; t++) {
    const j = t - 1;
    first = j % ANCHOR === 0 ? one - afterOne(j) : first - Math.log1p((alpha + 1) / (beta + (j - 1)));
    const term = first + (survival[t] as number);
    if (term > top) {
      sum = sum * Math.exp(top - term) + 1;
      top = term;
    } else {
      sum += Math.exp(term - top);
    }
  }
  const logQ = top + Math.log(sum);
  return logQ < -Math.LN2 ? logDiffExp(0, logQ) : undefined;
}

/**
 * Mean negative log-likelihood per customer at log-parameters θ, −Σwℓ / Σw; fills `gradient`
 * (with respect to θ) when given, and `perGroup` with ℓ of each group (in the order of
 * `groupTx`). Returns +Infinity outside |θᵢ| ≤ 30 or if anything is not finite.
 *
 * Every term is taken relative to the normaliser B(α,β) B(γ,δ) as a sum of logarithms of ratios
 * near 1, never as a difference of log-betas (of order (α+β)·ln(α+β), ~3e14 at 1e13, whose
 * difference would be off by about 500·ε·(α+β) relative):
 *
 *   ln[B(α+x, β+j)/B(α,β)] = −Σ_{l<x} ln(1 + β/(α+l)) − Σ_{l<j} ln(1 + (α+x)/(β+l))
 *   ln[B(γ, δ+k)/B(γ,δ)]   = −Σ_{l<k} ln(1 + γ/(δ+l)),   B(γ+1, δ+k) = B(γ, δ+k)·γ/(γ+δ+k)
 *
 * each sum by the kernel's Euler–Maclaurin `betaGeometricLogSurvivalSum` every 64 entries, and
 * one log1p step between. The gradient likewise uses differences ψ(a+k) − ψ(a) from the kernel:
 * with Σπ = 1 the normaliser's ψ(α) − ψ(α+β) joins each term, e.g.
 * ∂ℓ/∂α = [ψ(α+x) − ψ(α)] − Σ π_k [ψ(α+β+k) − ψ(α+β)], so no two digammas of ~30 are subtracted
 * to leave a difference of 1e-12 (multiplied by α = 1e13 for the log-parameter).
 */
export function bgBbNegativeLogLikelihood(theta: readonly number[], s: BgBbSufficientStatistics, gradient?: number[], perGroup?: Float64Array): number {
  if (outsideLogRange(theta, gradient)) return Infinity;
  const alpha = Math.exp(theta[0] as number);
  const beta = Math.exp(theta[1] as number);
  const gamma = Math.exp(theta[2] as number);
  const delta = Math.exp(theta[3] as number);
  const N = s.maxPeriods;
  const wantGradient = gradient !== undefined;
  // ψ(a + k) − ψ(a) tables (only for the gradient).
  const dB = wantGradient ? digammaDifferenceTable(beta, N + 1) : undefined;
  const dAB = wantGradient ? digammaDifferenceTable(alpha + beta, N + 1) : undefined;
  const dD = wantGradient ? digammaDifferenceTable(delta, N + 1) : undefined;
  const dGD = wantGradient ? digammaDifferenceTable(gamma + delta, N + 2) : undefined;
  const invGamma = 1 / gamma; // ψ(γ+1) − ψ(γ)
  const dAX = wantGradient ? Float64Array.from(s.frequencies, (x) => digammaDifference(alpha, x)) : undefined; // ψ(α+x) − ψ(α)
  // ln[B(γ, δ+k)/B(γ,δ)], k ≤ N, and the death terms ln[B(γ+1, δ+k)/B(γ,δ)], k < N.
  const dropout = logSurvivalSums(gamma, delta);
  const survival = new Float64Array(N + 1);
  for (let k = 1; k <= N; k++) {
    survival[k] = k % ANCHOR === 0 ? -dropout(k) : (survival[k - 1] as number) - Math.log1p(gamma / (delta + (k - 1)));
  }
  const deathTerm = new Float64Array(N);
  for (let k = 0; k < N; k++) deathTerm[k] = (survival[k] as number) - Math.log1p((delta + k) / gamma);
  const lifeTerm = new Float64Array(N + 1); // ln[B(α+x, β+j)/B(α,β)] of the current run, j = k − x

  let ll = 0;
  let gA = 0;
  let gB = 0;
  let gG = 0;
  let gD = 0;
  const runs = s.runX.length;
  for (let r = 0; r < runs; r++) {
    const x = s.runX[r] as number;
    const n = s.runN[r] as number;
    const ax = alpha + x;
    const afterX = logSurvivalSums(ax, beta); // Σ_{l<j} ln(1 + (α+x)/(β+l))
    const toX = -logSurvivalSum(beta, alpha, 0, x); // ln[B(α+x, β)/B(α,β)]
    // The run needs j = k − x from (smallest tₓ) − x up to n − x; tₓ ≥ x, so from 0.
    const lowest = (s.groupTx[(s.runStart[r + 1] as number) - 1] as number) - x;
    for (let i = 0, count = n - x - lowest + 1; i < count; i++) {
      const j = lowest + i;
      lifeTerm[i] =
        i % ANCHOR === 0
          ? toX - afterX(j)
          : (lifeTerm[i - 1] as number) - Math.log1p(ax / (beta + (j - 1)));
    }
    const a0 = (lifeTerm[n - x - lowest] as number) + (survival[n] as number);
    const pa = wantGradient ? (dAX as Float64Array)[s.runFrequencyIndex[r] as number] as number : 0;
    const d0a = wantGradient ? pa - ((dAB as Float64Array)[n] as number) : 0;
    const d0b = wantGradient ? ((dB as Float64Array)[n - x] as number) - ((dAB as Float64Array)[n] as number) : 0;
    const d0g = wantGradient ? -((dGD as Float64Array)[n] as number) : 0;
    const d0d = wantGradient ? ((dD as Float64Array)[n] as number) - ((dGD as Float64Array)[n] as number) : 0;
    // x = 0 (one group, tₓ = 0): ln L from its complement where L > ½ (below).
    const logNoPurchase = x === 0 && n > 0 ? logProbabilityNoPurchase(n, alpha, beta, survival) : undefined;
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
        let da = 0;
        let db = 0;
        let dg = 0;
        let dd = 0;
        if (wantGradient) {
          const abk = (dAB as Float64Array)[k] as number;
          const gdk = (dGD as Float64Array)[k + 1] as number;
          da = pa - abk;
          db = ((dB as Float64Array)[k - x] as number) - abk;
          dg = invGamma - gdk;
          dd = ((dD as Float64Array)[k] as number) - gdk;
        }
        if (L === -Infinity) {
          L = ak;
          ma = da;
          mb = db;
          mg = dg;
          md = dd;
        } else {
          // L' = ln(e^{A_k} + e^L), the new term's weight e^{A_k − L'} and the rest's, from one
          // exponential; each weight from its own formula, not as 1 − the other (which keeps
          // only ε absolute: a weight of 1e-12 came out 1e-4 off, and its gradient term is 1/δ).
          let wk: number;
          let rest: number;
          if (ak >= L) {
            const e = Math.exp(L - ak);
            wk = 1 / (1 + e);
            rest = e / (1 + e);
            L = ak + Math.log1p(e);
          } else {
            const e = Math.exp(ak - L);
            wk = e / (1 + e);
            rest = 1 / (1 + e);
            L += Math.log1p(e);
          }
          ma = wk * da + rest * ma;
          mb = wk * db + rest * mb;
          mg = wk * dg + rest * mg;
          md = wk * dd + rest * md;
        }
      }
      const wj = s.groupWeights[j] as number;
      let lj: number;
      let p0: number;
      let pk: number;
      if (L === -Infinity) {
        lj = a0;
        p0 = 1;
        pk = 0;
      } else if (a0 >= L) {
        const e = Math.exp(L - a0);
        lj = a0 + Math.log1p(e);
        p0 = 1 / (1 + e);
        pk = e / (1 + e);
      } else {
        const e = Math.exp(a0 - L);
        lj = L + Math.log1p(e);
        p0 = e / (1 + e);
        pk = 1 / (1 + e);
      }
      if (logNoPurchase !== undefined) lj = logNoPurchase;
      if (perGroup !== undefined) perGroup[j] = lj;
      ll += wj * lj;
      gA += wj * (p0 * d0a + pk * ma);
      gB += wj * (p0 * d0b + pk * mb);
      gG += wj * (p0 * d0g + pk * mg);
      gD += wj * (p0 * d0d + pk * md);
    }
  }
  const total = s.totalWeight;
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
