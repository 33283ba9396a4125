/**
 * The Pareto/NBD log-likelihood and its analytic gradient over grouped rows (sufficient
 * statistics), in log-parameters θ = (ln r, ln α, ln s, ln β).
 *
 * Per customer (Fader & Hardie 2005, "A note on deriving the Pareto/NBD model and related
 * expressions", eq. 19; Schmittlein, Morrison & Colombo 1987):
 *
 *   L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^(−(r+x)) (β+T)^(−s) + s ∫ₜₓ^T (α+τ)^(−(r+x)) (β+τ)^(−(s+1)) dτ ]
 *
 * The note writes the integral as A₀, a difference of two ₂F₁ terms (one form for α ≥ β, one
 * for α < β), which cancel when tₓ is close to T. Integrating the first term by parts,
 * (α+T)^(−(r+x))(β+T)^(−s) = (r+x) I(r+x+1, α, s, β; T) + s I(r+x, α, s+1, β; T) with
 * I(p, α, q, β; t) = ∫ₜ^∞ (α+τ)^(−p)(β+τ)^(−q) dτ, the bracket becomes a sum of two positive terms:
 *
 *   ℓ = lnΓ(r+x) − lnΓ(r) + ln(W₁ + W₂)
 *   W₁ = (r+x) α^r β^s I(r+x+1, α, s, β; T)          (depends on x and T only)
 *   W₂ = s α^r β^s I(r+x, α, s+1, β; tₓ)             (depends on x and tₓ only)
 *
 * with no subtraction anywhere; ln(α^r β^s I) and its gradient come from `hypergeometric.ts`, which
 * folds the powers α^r β^s into the integral (s ln β alone can be ~1e5 when s, β → ∞). Sufficient
 * statistics: rows grouped by (x, tₓ, T); W₁ computed once per distinct (x, T), W₂ once per
 * distinct (x, tₓ) (the expensive part: a few hundred pairs where there are thousands of
 * rows), the pairs sorted by (x, t) so that the integrals of one x are computed in one sweep;
 * lnΓ terms once per distinct x. Gradient: with π₁ = W₁/(W₁+W₂), π₂ = 1 − π₁,
 * ∂ℓ/∂θ = ∂(first terms)/∂θ + π₁ ∂ln W₁/∂θ + π₂ ∂ln W₂/∂θ, and the per-pair gradients are
 * weighted by Σ w·π over the rows that share the pair.
 */
import { canonicalRows } from '../../internal/canonical-rows';
import { groupRows } from '../../internal/group-rows';
import { logPowerIntegrals } from '../../internal/hypergeometric';
import { outsideLogRange } from '../../internal/log-scale-fit';
import { digamma, logGamma } from '../../internal/special';

/** Rows reduced to what the likelihood needs. */
export interface ParetoNbdSufficientStatistics {
  /** Distinct frequencies and the total weight of customers with each. */
  readonly frequencies: Float64Array;
  readonly frequencyWeights: Float64Array;
  /** Distinct (x, T), sorted by x then T: the W₁ terms; `ageRuns` the start of each x (and the end). */
  readonly ageX: Float64Array;
  readonly ageT: Float64Array;
  readonly ageRuns: Int32Array;
  /** Distinct (x, tₓ), sorted by x then tₓ: the W₂ terms, and the start of each x (and the end). */
  readonly recencyX: Float64Array;
  readonly recencyTx: Float64Array;
  readonly recencyRuns: Int32Array;
  /** Rows grouped by (x, tₓ, T): their (x, T) and (x, tₓ) pair and their weight. */
  readonly rowAge: Int32Array;
  readonly rowRecency: Int32Array;
  readonly rowWeights: Float64Array;
  /** Σ weights: the number of customers. */
  readonly totalWeight: number;
  /** Σ weights of customers with x > 0. */
  readonly repeatWeight: number;
  /** Σ w·x and Σ w·T, for the starting point. */
  readonly weightedFrequency: number;
  readonly weightedAge: number;
}

/** Pairs (x, t) sorted by x then t; `rank[i]` the sorted position of pair i; runs of equal x. */
function sortPairs(x: Float64Array, t: Float64Array): { x: Float64Array; t: Float64Array; rank: Int32Array; runs: Int32Array } {
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => (x[i] as number) - (x[j] as number) || (t[i] as number) - (t[j] as number) || i - j);
  const sx = new Float64Array(n);
  const st = new Float64Array(n);
  const rank = new Int32Array(n);
  const runs: number[] = [];
  order.forEach((i, k) => {
    sx[k] = x[i] as number;
    st[k] = t[i] as number;
    rank[i] = k;
    if (k === 0 || sx[k] !== sx[k - 1]) runs.push(k);
  });
  runs.push(n);
  return { x: sx, t: st, rank, runs: Int32Array.from(runs) };
}

/**
 * Reduce rows to sufficient statistics: distinct (x, tₓ, T) with summed weights, in canonical
 * order (sorted by x, tₓ, T), so that the statistics, the objective and a fit are the same bit
 * for bit for any order or grouping of the same customers. With `group` false every row keeps
 * its own (x, T) and (x, tₓ) terms, in input order (the naive baseline the benchmark compares
 * against, and the per-customer terms).
 */
export function paretoNbdSufficientStatistics(
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  w: Float64Array,
  length: number,
  group = true,
): ParetoNbdSufficientStatistics {
  if (group) {
    // Distinct (x, tₓ, T) in canonical order first: every sum below then runs over the same
    // arrays in the same order for any order or grouping of the same customers.
    const rows = canonicalRows([x.subarray(0, length), tx.subarray(0, length), T.subarray(0, length)], w, length);
    [x, tx, T] = rows.keys as [Float64Array, Float64Array, Float64Array];
    w = rows.weights;
    length = rows.size;
  }
  let totalWeight = 0;
  let repeatWeight = 0;
  let weightedFrequency = 0;
  let weightedAge = 0;
  for (let i = 0; i < length; i++) {
    const wi = w[i] as number;
    const xi = x[i] as number;
    if (xi > 0) repeatWeight += wi;
    totalWeight += wi;
    weightedFrequency += wi * xi;
    weightedAge += wi * (T[i] as number);
  }
  const byFrequency = groupRows([x.subarray(0, length)], w, length);
  const rx = x.subarray(0, length);
  const rtx = tx.subarray(0, length);
  const rT = T.subarray(0, length);
  const rowWeights = w.slice(0, length);
  let ageOf: Int32Array;
  let recencyOf: Int32Array;
  let ageX: Float64Array;
  let ageT: Float64Array;
  let recencyX: Float64Array;
  let recencyTx: Float64Array;
  if (group) {
    const ones = new Float64Array(length).fill(1);
    const ages = groupRows([rx, rT], ones, length);
    const recencies = groupRows([rx, rtx], ones, length);
    [ageX, ageT] = ages.keys as [Float64Array, Float64Array];
    [recencyX, recencyTx] = recencies.keys as [Float64Array, Float64Array];
    ageOf = ages.groupOf;
    recencyOf = recencies.groupOf;
  } else {
    ageOf = Int32Array.from({ length }, (_, i) => i);
    recencyOf = ageOf;
    [ageX, ageT, recencyX, recencyTx] = [rx.slice(), rT.slice(), rx.slice(), rtx.slice()];
  }
  const ages = sortPairs(ageX, ageT);
  const recencies = sortPairs(recencyX, recencyTx);
  return {
    frequencies: byFrequency.keys[0] as Float64Array,
    frequencyWeights: byFrequency.weights,
    ageX: ages.x,
    ageT: ages.t,
    ageRuns: ages.runs,
    recencyX: recencies.x,
    recencyTx: recencies.t,
    recencyRuns: recencies.runs,
    rowAge: ageOf.map((g) => ages.rank[g] as number),
    rowRecency: recencyOf.map((g) => recencies.rank[g] as number),
    rowWeights,
    totalWeight,
    repeatWeight,
    weightedFrequency,
    weightedAge,
  };
}

/**
 * ln Wₖ for each pair (and, with `grads`, its gradient with respect to (r, α, s, β) at
 * 4k…4k+3). `age` true: W₁ = (r+x) I(r+x+1, α, s, β; T); false: W₂ = s I(r+x, α, s+1, β; tₓ).
 * One sweep per run of equal x over its ascending times.
 */
function pairTerms(
  age: boolean,
  xs: Float64Array,
  ts: Float64Array,
  runs: Int32Array,
  r: number,
  alpha: number,
  s: number,
  beta: number,
  out: Float64Array,
  grads: Float64Array | undefined,
): void {
  const lnS = Math.log(s);
  for (let j = 0; j + 1 < runs.length; j++) {
    const from = runs[j] as number;
    const to = runs[j + 1] as number;
    const rx = r + (xs[from] as number);
    const m = rx + s;
    const x = xs[from] as number;
    // α^r β^s folded into the integral (offsets: the exponents beyond r and s are x+1, 0 or x, 1).
    if (age) logPowerIntegrals(rx + 1, alpha, s, beta, m, x + 1, 0, ts, from, to, out, grads);
    else logPowerIntegrals(rx, alpha, s + 1, beta, m, x, 1, ts, from, to, out, grads);
    const shift = age ? Math.log(rx) : lnS;
    for (let k = from; k < to; k++) {
      out[k] = (out[k] as number) + shift;
      if (grads !== undefined) {
        if (age) grads[4 * k] = (grads[4 * k] as number) + 1 / rx;
        else grads[4 * k + 2] = (grads[4 * k + 2] as number) + 1 / s;
      }
    }
  }
}

/**
 * Mean negative log-likelihood per customer at log-parameters θ, −Σwℓ / Σw; fills `gradient`
 * (with respect to θ) when given, and `perRow` with the unweighted ℓ of each (grouped) row.
 * Returns +Infinity outside |θᵢ| ≤ 30 or if anything is not finite.
 */
export function paretoNbdNegativeLogLikelihood(
  theta: readonly number[],
  st: ParetoNbdSufficientStatistics,
  gradient?: number[],
  perRow?: Float64Array,
): number {
  if (outsideLogRange(theta, gradient)) return Infinity;
  const r = Math.exp(theta[0] as number);
  const alpha = Math.exp(theta[1] as number);
  const s = Math.exp(theta[2] as number);
  const beta = Math.exp(theta[3] as number);
  const want = gradient !== undefined;
  let ll = 0;
  let gr = 0;
  let gAlpha = 0;
  let gS = 0;
  let gBeta = 0;
  // Terms in x alone.
  const lgR = logGamma(r);
  const psiR = want ? digamma(r) : 0;
  for (let j = 0, n = st.frequencies.length; j < n; j++) {
    const x = st.frequencies[j] as number;
    const wx = st.frequencyWeights[j] as number;
    if (x === 0) continue;
    ll += wx * (logGamma(r + x) - lgR);
    if (want) gr += wx * (digamma(r + x) - psiR);
  }
  const nAge = st.ageX.length;
  const nRec = st.recencyX.length;
  const lnW1 = new Float64Array(nAge);
  const lnW2 = new Float64Array(nRec);
  const g1 = want ? new Float64Array(4 * nAge) : undefined;
  const g2 = want ? new Float64Array(4 * nRec) : undefined;
  pairTerms(true, st.ageX, st.ageT, st.ageRuns, r, alpha, s, beta, lnW1, g1);
  pairTerms(false, st.recencyX, st.recencyTx, st.recencyRuns, r, alpha, s, beta, lnW2, g2);
  const c1 = want ? new Float64Array(nAge) : undefined;
  const c2 = want ? new Float64Array(nRec) : undefined;
  const rowAge = st.rowAge;
  const rowRecency = st.rowRecency;
  const rowWeights = st.rowWeights;
  for (let i = 0, n = rowWeights.length; i < n; i++) {
    const wi = rowWeights[i] as number;
    const ja = rowAge[i] as number;
    const jr = rowRecency[i] as number;
    const a = lnW1[ja] as number;
    const b = lnW2[jr] as number;
    // ln(e^a + e^b) and the weights π₁, π₂ from one exponential.
    let p1: number;
    let p2: number;
    if (perRow !== undefined) {
      const x = st.ageX[ja] as number;
      perRow[i] = (x === 0 ? 0 : logGamma(r + x) - lgR) + (a >= b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b)));
    }
    if (a >= b) {
      const e = Math.exp(b - a);
      ll += wi * (a + Math.log1p(e));
      p2 = e / (1 + e);
      p1 = 1 - p2;
    } else {
      const e = Math.exp(a - b);
      ll += wi * (b + Math.log1p(e));
      p1 = e / (1 + e);
      p2 = 1 - p1;
    }
    if (c1 !== undefined && c2 !== undefined) {
      c1[ja] = (c1[ja] as number) + wi * p1;
      c2[jr] = (c2[jr] as number) + wi * p2;
    }
  }
  const total = st.totalWeight;
  const value = -ll / total;
  if (!Number.isFinite(value)) {
    if (gradient) gradient.fill(0);
    return Infinity;
  }
  if (gradient !== undefined && g1 !== undefined && g2 !== undefined && c1 !== undefined && c2 !== undefined) {
    for (let k = 0; k < nAge; k++) {
      const c = c1[k] as number;
      gr += c * (g1[4 * k] as number);
      gAlpha += c * (g1[4 * k + 1] as number);
      gS += c * (g1[4 * k + 2] as number);
      gBeta += c * (g1[4 * k + 3] as number);
    }
    for (let k = 0; k < nRec; k++) {
      const c = c2[k] as number;
      gr += c * (g2[4 * k] as number);
      gAlpha += c * (g2[4 * k + 1] as number);
      gS += c * (g2[4 * k + 2] as number);
      gBeta += c * (g2[4 * k + 3] as number);
    }
    gradient[0] = (-r * gr) / total;
    gradient[1] = (-alpha * gAlpha) / total;
    gradient[2] = (-s * gS) / total;
    gradient[3] = (-beta * gBeta) / total;
    // Never a zero gradient that would pass for convergence: NaN sends the optimizer to its fallback.
    if (!gradient.every(Number.isFinite)) gradient.fill(Number.NaN);
  }
  return value;
}
