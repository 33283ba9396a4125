import type { Interval } from '../models/interval';
import { forEachValue, isMissing, requireValues } from '../internal/input';
import { solveSymmetric, symmetricEigen } from '../internal/linear-algebra';
import { optionKeys, readOptions, requireAccessor, requireAccessorGiven } from '../internal/options';
import { quantileSorted } from '../internal/quantile';
import { seededUniform } from '../internal/random';
import { requireScale } from './survey-scores';
import { fail, requireCount, requireCountUpTo, requireFinite, requireLevel, requireNonNegative, requireOneOf, requireScore } from '../internal/validate';
import { DEFAULT_SURVEY_SCALES, SURVEY_METRICS, type SurveyMetric, type SurveyScale } from '../models/interaction';
import type { Accessor, Values } from '../models/values';

/** How {@link keyDrivers} splits R² among correlated drivers. */
export type KeyDriversMethod = 'relative-weights' | 'shapley';

/** Where a driver sits on the importance × performance grid (split at the average importance and the average performance). */
export type KeyDriverQuadrant = 'improve' | 'maintain' | 'monitor' | 'surplus';

/** Options of {@link keyDrivers}. */
export interface KeyDriversOptions<T> {
  /** Reads the outcome: the NPS question's 0–10 score, or a CSAT or CES answer. `null`/`undefined` skips the response. */
  readonly outcome: Accessor<T, number | null | undefined>;
  /** One accessor per driver, by name, e.g. `{ 'delivery speed': (r) => r.delivery }`; at least one. A `null`/`undefined` rating skips the response (listwise). */
  readonly drivers: Readonly<Record<string, Accessor<T, number | null | undefined>>>;
  /** The outcome's metric, which fixes its scale: `'nps'` (0–10, default), `'csat'` (1–5) or `'ces'` (1–7). */
  readonly metric?: SurveyMetric;
  /** The outcome's scale for CSAT or CES, if not the usual one. */
  readonly scale?: SurveyScale;
  /** The drivers' rating scale (integers, both ends included), checked on every rating. Default: any finite number. */
  readonly driverScale?: SurveyScale;
  /** `'relative-weights'` (Johnson 2000, default) or `'shapley'` (exact R² decomposition over all 2ᵖ subsets; at most 12 drivers). */
  readonly method?: KeyDriversMethod;
  /** Reads a survey weight per response, ≥ 0 (e.g. from `rakeWeights`). Default: none. A `null`/`undefined` weight skips the response. */
  readonly weight?: Accessor<T, number | null | undefined>;
  /**
   * Bootstrap resamples for the intervals, a whole number up to 100,000; `0` skips them. Default `1000`. Each
   * resample costs one pass over the responses (n·p² operations) plus the decomposition: lower
   * it for very large samples, where the intervals are narrow anyway.
   */
  readonly resamples?: number;
  /** Seed of the bootstrap's random stream (same seed, same intervals). Default `1`. */
  readonly seed?: number;
  /** Confidence level of the bootstrap intervals, strictly between 0 and 1. Default `0.95`. */
  readonly level?: number;
}

/** One driver of a {@link keyDrivers} analysis. Frozen. */
export interface KeyDriver {
  /** The driver's name (its key in `drivers`). */
  readonly name: string;
  /** Its part of R² (relative weight or Shapley value), ≥ 0; the importances sum to `rSquared`. */
  readonly importance: number;
  /** `importance / rSquared`, the share of the explained variance, in [0, 1]; `undefined` when R² is 0. */
  readonly share: number | undefined;
  /** Percentile bootstrap interval of `importance` at `level`; `undefined` without resamples. */
  readonly interval: Interval | undefined;
  /** 1 for the most important driver. */
  readonly rank: number;
  /** Performance: the (weighted) mean rating, on the drivers' scale. */
  readonly performance: number;
  /** Pearson correlation of the rating with the outcome. */
  readonly correlation: number;
  /** Standardised regression weight in the model with every driver (its sign: whether more of it goes with a higher outcome, others held fixed). */
  readonly beta: number;
  /**
   * `'improve'` (important, below-average performance: the focus area), `'maintain'` (important,
   * above), `'monitor'` (less important, below) or `'surplus'` (less important, above).
   */
  readonly quadrant: KeyDriverQuadrant;
}

/** What {@link keyDrivers} returns. Frozen. */
export interface KeyDriversResult {
  /** One entry per driver, in the order of `drivers`; `[]` without complete responses. */
  readonly drivers: readonly KeyDriver[];
  /** R² of the outcome on all drivers (rᵀR⁻¹r of the standardised regression); the importances sum to it. `undefined` without complete responses. */
  readonly rSquared: number | undefined;
  /** Percentile bootstrap interval of R²; `undefined` without resamples. */
  readonly rSquaredInterval: Interval | undefined;
  /** The decomposition used. */
  readonly method: KeyDriversMethod;
  /** Complete responses used (outcome, every rating and the weight known). */
  readonly respondents: number;
  /** Responses skipped for a missing outcome, rating or weight. */
  readonly skipped: number;
  /** Bootstrap resamples that were used (resamples in which a rating or the outcome did not vary are left out). */
  readonly resamples: number;
  /** Confidence level of the intervals. */
  readonly level: number;
  /** Where the quadrants are split; `undefined` without complete responses. */
  readonly thresholds: KeyDriverThresholds | undefined;
}

/** Where {@link keyDrivers} splits the importance × performance quadrants. */
export interface KeyDriverThresholds {
  /** The average importance share, 1/p: drivers at or above it are the important ones. */
  readonly share: number;
  /** The average of the drivers' performances (mean ratings): drivers at or above it perform well. */
  readonly performance: number;
}

const FN = 'keyDrivers';
/** Most bootstrap resamples (as `drawParameters`' draws); more throws `OUT_OF_RANGE`. */
const MAX_RESAMPLES = 100_000;
const KEY_DRIVERS_KEYS = optionKeys<KeyDriversOptions<unknown>>({
  outcome: true,
  drivers: true,
  metric: true,
  scale: true,
  driverScale: true,
  method: true,
  weight: true,
  resamples: true,
  seed: true,
  level: true,
});
const MAX_SHAPLEY_DRIVERS = 12;

/** Weighted correlations of the drivers with each other and with the outcome, over the rows in `pick`. */
function correlations(x: Float64Array[], y: Float64Array, w: Float64Array, pick: ArrayLike<number>) {
  const p = x.length;
  const m = pick.length;
  let sw = 0;
  const mean = new Float64Array(p + 1);
  for (let r = 0; r < m; r++) {
    const i = pick[r] as number;
    const wi = w[i] as number;
    sw += wi;
    for (let j = 0; j < p; j++) mean[j] = (mean[j] as number) + wi * ((x[j] as Float64Array)[i] as number);
    mean[p] = (mean[p] as number) + wi * (y[i] as number);
  }
  for (let j = 0; j <= p; j++) mean[j] = (mean[j] as number) / sw;
  // Centred cross-products (two passes: no cancellation of large means).
  const cov: number[][] = Array.from({ length: p + 1 }, () => new Array<number>(p + 1).fill(0));
  const d = new Float64Array(p + 1);
  for (let r = 0; r < m; r++) {
    const i = pick[r] as number;
    const wi = w[i] as number;
    for (let j = 0; j < p; j++) d[j] = ((x[j] as Float64Array)[i] as number) - (mean[j] as number);
    d[p] = (y[i] as number) - (mean[p] as number);
    for (let a = 0; a <= p; a++) {
      const row = cov[a] as number[];
      const da = wi * (d[a] as number);
      for (let b = 0; b <= a; b++) row[b] = (row[b] as number) + da * (d[b] as number);
    }
  }
  // Ratings or weights near the top of a double (1e308) overflow the cross-products.
  if (!Number.isFinite(sw) || cov.some((row) => row.some((v) => !Number.isFinite(v)))) {
    throw fail('OUT_OF_RANGE', FN, 'the ratings, outcome or weights are so large that their weighted cross-products overflow a double; rescale them', { field: 'responses' });
  }
  const sd = cov.map((row, a) => Math.sqrt(row[a] as number));
  if (sd.some((s) => !(s > 0))) return { zeroVariance: sd.findIndex((s) => !(s > 0)), mean };
  const r: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const rxy = new Array<number>(p).fill(0);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b <= a; b++) {
      const v = a === b ? 1 : ((cov[a] as number[])[b] as number) / ((sd[a] as number) * (sd[b] as number));
      (r[a] as number[])[b] = v;
      (r[b] as number[])[a] = v;
    }
    rxy[a] = ((cov[p] as number[])[a] as number) / ((sd[a] as number) * (sd[p] as number));
  }
  return { r, rxy, mean, zeroVariance: -1 };
}

/** Johnson's relative weights from R and r: ε_j = Σₖ (R^½)ⱼₖ² (R^−½ r)ₖ². `undefined` when R is singular. */
function relativeWeights(r: number[][], rxy: number[]): number[] | undefined {
  const p = r.length;
  const { values, vectors } = symmetricEigen(r);
  // R is a correlation matrix: trace p, so eigenvalues below p·1e-12 mean exact collinearity.
  if (!((values[p - 1] as number) > p * 1e-12)) return undefined;
  const root = (power: number): number[][] =>
    Array.from({ length: p }, (_, i) =>
      Array.from({ length: p }, (_, j) => {
        let s = 0;
        for (let k = 0; k < p; k++) s += ((vectors[i] as number[])[k] as number) * ((vectors[j] as number[])[k] as number) * Math.pow(values[k] as number, power);
        return s;
      }),
    );
  const half = root(0.5);
  const inverseHalf = root(-0.5);
  const beta = inverseHalf.map((row) => row.reduce((s, v, k) => s + v * (rxy[k] as number), 0));
  return half.map((row) => row.reduce((s, v, k) => s + v * v * (beta[k] as number) ** 2, 0));
}

/** R² = β·r_xy of the standardised regression (β = R_xx⁻¹ r_xy), within [0, 1]. */
function regressionRSquared(beta: readonly number[], rxy: readonly number[]): number {
  return Math.min(1, Math.max(0, beta.reduce((s, b, k) => s + b * (rxy[k] as number), 0)));
}

/** R² of every subset of drivers (bit mask), then each driver's Shapley value. `undefined` when a subset matrix is singular. */
function shapleyValues(r: number[][], rxy: number[]): number[] | undefined {
  const p = r.length;
  const size = 1 << p;
  const r2 = new Float64Array(size);
  for (let mask = 1; mask < size; mask++) {
    const idx: number[] = [];
    for (let j = 0; j < p; j++) if (mask & (1 << j)) idx.push(j);
    const sub = idx.map((a) => idx.map((b) => (r[a] as number[])[b] as number));
    const rs = idx.map((a) => rxy[a] as number);
    const beta = solveSymmetric(sub, rs);
    if (beta === undefined) return undefined;
    r2[mask] = beta.reduce((s, b, k) => s + b * (rs[k] as number), 0);
  }
  // weight(|S|) = |S|! (p − |S| − 1)! / p!
  const factorial = [1];
  for (let k = 1; k <= p; k++) factorial.push((factorial[k - 1] as number) * k);
  const weight = (s: number): number => ((factorial[s] as number) * (factorial[p - s - 1] as number)) / (factorial[p] as number);
  const popcount = (m: number): number => {
    let c = 0;
    for (let v = m; v !== 0; v &= v - 1) c++;
    return c;
  };
  const out = new Array<number>(p).fill(0);
  for (let mask = 0; mask < size; mask++) {
    const s = popcount(mask);
    for (let j = 0; j < p; j++) {
      if (mask & (1 << j)) continue;
      out[j] = (out[j] as number) + weight(s) * ((r2[mask | (1 << j)] as number) - (r2[mask] as number));
    }
  }
  return out;
}

/**
 * Key-driver analysis: how much of the variance of an outcome (the NPS question's 0–10 score,
 * CSAT or CES) each attribute rating ("delivery speed 1–5", "support quality 1–5") accounts
 * for, with correlated drivers handled by Johnson's relative weights (or an exact Shapley
 * decomposition of R²), seeded bootstrap intervals, and the importance × performance quadrant.
 *
 * ```text
 * R = correlations among the p drivers = V Λ Vᵀ,   r = their correlations with the outcome
 * relative weights (Johnson 2000):  β = R^(−½) r,   εⱼ = Σₖ (R^½)ⱼₖ² βₖ²,   Σ εⱼ = rᵀR⁻¹r = R²
 * Shapley (Lipovetsky & Conklin 2001): φⱼ = Σ_{S ⊆ others} |S|!(p−|S|−1)!/p! · (R²(S ∪ j) − R²(S))
 * share = importance / R²;   performance = mean rating;   quadrant split at 1/p and the mean performance
 * interval: percentile bootstrap over responses (B resamples, seeded; type-7 quantiles)
 * ```
 *
 * Responses are used listwise: one with the outcome, any rating or its weight missing is
 * skipped and counted. Importances are descriptive: they rank drivers by how much outcome
 * variance they share, not by what changing them would do (see the guide on what not to conclude).
 *
 * Sources: J. W. Johnson (2000), "A heuristic method for estimating the relative weight of
 * predictor variables in multiple regression", *Multivariate Behavioral Research* 35(1), 1–19;
 * S. Lipovetsky & M. Conklin (2001), "Analysis of regression in game theory approach", *Applied
 * Stochastic Models in Business and Industry* 17(4); bootstrap: B. Efron & R. Tibshirani (1993),
 * *An Introduction to the Bootstrap*, ch. 13; J. W. Johnson (2004) for bootstrapping relative weights.
 *
 * @param responses - Survey responses (records read through the accessors).
 * @param options - Outcome and driver accessors; scale, method, weight and bootstrap settings.
 * @returns Each driver's importance, share, interval, performance and quadrant, and R²;
 *   `drivers: []` and `rSquared: undefined` without complete responses.
 * @throws {@link models!CxMetricsError} `INSUFFICIENT_DATA` when a driver or the outcome does not
 *   vary, the drivers are perfectly collinear, or there are no more complete responses than
 *   drivers + 1; `OUT_OF_RANGE` / `NOT_AN_INTEGER` for an outcome off its scale (or a rating off
 *   `driverScale`), a level outside (0, 1), more than 100,000 `resamples`, or ratings, outcome or weights so large that their cross-products overflow; `INVALID_NUMBER` for a non-finite rating or
 *   weight; `NEGATIVE_VALUE` for a negative weight; `INVALID_OPTION` for missing accessors, no
 *   drivers, an unknown option, method or metric, or more than 12 drivers with `'shapley'`;
 *   `INVALID_INPUT` for responses that are not a list or an iterable.
 *
 * @example
 * ```ts
 * import { keyDrivers } from 'cx-metrics/survey';
 * const rows = [
 *   { nps: 10, speed: 5, support: 4 }, { nps: 9, speed: 4, support: 5 }, { nps: 8, speed: 4, support: 3 },
 *   { nps: 6, speed: 2, support: 4 }, { nps: 3, speed: 1, support: 2 }, { nps: 7, speed: 3, support: 3 },
 *   { nps: 9, speed: 5, support: 3 }, { nps: 5, speed: 2, support: 2 }, { nps: null, speed: 3, support: 1 },
 * ];
 * const result = keyDrivers(rows, {
 *   outcome: (r) => r.nps,
 *   drivers: { speed: (r) => r.speed, support: (r) => r.support },
 *   resamples: 0,
 * });
 * result.rSquared; // => 0.987
 * result.drivers.map((d) => d.share); // => [0.734, 0.266]
 * result.drivers.map((d) => d.quadrant); // => ['maintain', 'surplus']
 * result.skipped; // => 1
 * keyDrivers(rows, { outcome: (r) => r.nps, drivers: { speed: (r) => r.speed, flat: () => 3 } }); // => throws INSUFFICIENT_DATA
 * ```
 */
export function keyDrivers<T>(responses: Values<T>, options: KeyDriversOptions<T>): KeyDriversResult {
  const data = requireValues<T>(FN, 'responses', responses);
  const o = readOptions(FN, options, KEY_DRIVERS_KEYS);
  const outcomeOf = requireAccessorGiven(FN, 'outcome', o.outcome);
  const weightOf = requireAccessor(FN, 'weight', o.weight);
  if (o.drivers === null || typeof o.drivers !== 'object') {
    throw fail('INVALID_OPTION', FN, 'drivers must be an object of accessors, e.g. { speed: (r) => r.speed }', { field: 'drivers', value: o.drivers });
  }
  const names = Object.keys(o.drivers);
  if (names.length === 0) throw fail('INVALID_OPTION', FN, 'drivers must name at least one driver', { field: 'drivers', value: o.drivers });
  const accessors = names.map((name) => {
    const a = (o.drivers as Record<string, unknown>)[name];
    if (typeof a !== 'function') throw fail('INVALID_OPTION', FN, `driver ${JSON.stringify(name)} must be a function such as (d) => d.rating`, { field: name, value: a });
    return a as Accessor<T, number | null | undefined>;
  });
  const metric = requireOneOf(FN, 'metric', o.metric ?? 'nps', SURVEY_METRICS);
  const scale = metric === 'nps' ? DEFAULT_SURVEY_SCALES.nps : requireScale(FN, o.scale, DEFAULT_SURVEY_SCALES[metric]);
  const driverScale = o.driverScale === undefined ? undefined : requireScale(FN, o.driverScale, DEFAULT_SURVEY_SCALES.csat);
  const method = requireOneOf(FN, 'method', o.method ?? 'relative-weights', ['relative-weights', 'shapley'] as const);
  if (method === 'shapley' && names.length > MAX_SHAPLEY_DRIVERS) {
    throw fail('INVALID_OPTION', FN, `method 'shapley' takes at most ${MAX_SHAPLEY_DRIVERS} drivers (2^p subsets), got ${names.length}; use 'relative-weights'`, {
      field: 'method',
      value: names.length,
    });
  }
  const resamples = requireCountUpTo(FN, 'resamples', o.resamples ?? 1000, MAX_RESAMPLES);
  const seed = requireFinite(FN, 'seed', o.seed ?? 1);
  const level = requireLevel(FN, o.level ?? 0.95);

  // Complete responses, listwise.
  const p = names.length;
  const columns: number[][] = names.map(() => []);
  const outcome: number[] = [];
  const weights: number[] = [];
  let skipped = 0;
  forEachValue(data, (d, i) => {
    if (isMissing(d)) {
      skipped++;
      return;
    }
    const y = outcomeOf(d, i);
    const w = weightOf === undefined ? 1 : weightOf(d, i);
    const ratings = accessors.map((a) => a(d, i));
    if (isMissing(y) || isMissing(w) || ratings.some(isMissing)) {
      skipped++;
      return;
    }
    outcome.push(requireScore(FN, y, scale.min, scale.max, i));
    ratings.forEach((v, j) => {
      const x = driverScale === undefined ? requireFinite(FN, `rating of ${names[j]}`, v, i) : requireScore(FN, v, driverScale.min, driverScale.max, i);
      (columns[j] as number[]).push(x);
    });
    weights.push(requireNonNegative(FN, 'weight', w, i));
  });
  const positive = weights.reduce((c, w) => c + (w > 0 ? 1 : 0), 0);
  if (positive === 0) {
    return Object.freeze({
      drivers: Object.freeze([]),
      rSquared: undefined,
      rSquaredInterval: undefined,
      method,
      respondents: outcome.length,
      skipped,
      resamples: 0,
      level,
      thresholds: undefined,
    });
  }
  if (positive <= p + 1) {
    throw fail('INSUFFICIENT_DATA', FN, `${positive} complete responses cannot separate ${p} drivers; at least ${p + 2} are needed (many more for stable importances)`, {
      field: 'responses',
      value: positive,
    });
  }
  const x = columns.map((c) => Float64Array.from(c));
  const y = Float64Array.from(outcome);
  const w = Float64Array.from(weights);
  const n = y.length;
  const all = Uint32Array.from({ length: n }, (_, i) => i);
  const regress = (pick: ArrayLike<number>) => {
    const c = correlations(x, y, w, pick);
    if (c.r === undefined || c.rxy === undefined) return { zeroVariance: c.zeroVariance, mean: c.mean };
    const importance = method === 'shapley' ? shapleyValues(c.r, c.rxy) : relativeWeights(c.r, c.rxy);
    return { r: c.r, rxy: c.rxy, mean: c.mean, importance, zeroVariance: -1 };
  };
  const full = regress(all);
  if (full.zeroVariance >= 0) {
    const what = full.zeroVariance === p ? 'the outcome' : `driver ${JSON.stringify(names[full.zeroVariance])}`;
    throw fail('INSUFFICIENT_DATA', FN, `${what} has zero variance over the ${n} complete responses; its importance cannot be estimated`, {
      field: full.zeroVariance === p ? 'outcome' : (names[full.zeroVariance] as string),
    });
  }
  if (full.importance === undefined || full.r === undefined || full.rxy === undefined) {
    throw fail('INSUFFICIENT_DATA', FN, 'the drivers are perfectly collinear (one is a linear combination of others); drop or merge the redundant ones', { field: 'drivers' });
  }
  const importance = full.importance.map((v) => Math.max(0, v));
  const beta = solveSymmetric(full.r, full.rxy) as number[];
  // R² of the regression itself (β·r_xy), not the sum of the parts: the decomposition must add up to it.
  const rSquared = regressionRSquared(beta, full.rxy);

  // Bootstrap: resample complete responses with replacement.
  const draws: number[][] = names.map(() => []);
  const r2Draws: number[] = [];
  if (resamples > 0) {
    const uniform = seededUniform(seed);
    const pick = new Uint32Array(n);
    for (let b = 0; b < resamples; b++) {
      for (let i = 0; i < n; i++) pick[i] = Math.floor(uniform() * n);
      const f = regress(pick);
      if (f.importance === undefined || f.r === undefined || f.rxy === undefined) continue;
      const b = solveSymmetric(f.r, f.rxy);
      if (b === undefined) continue;
      f.importance.forEach((v, j) => (draws[j] as number[]).push(Math.max(0, v)));
      r2Draws.push(regressionRSquared(b, f.rxy));
    }
  }
  const used = r2Draws.length;
  const alpha = (1 - level) / 2;
  const interval = (sample: number[]): Interval | undefined => {
    if (sample.length < 2) return undefined;
    const sorted = sample.slice().sort((a, b) => a - b);
    return Object.freeze({ lower: quantileSorted(sorted, alpha) as number, upper: quantileSorted(sorted, 1 - alpha) as number });
  };
  const performance = names.map((_, j) => full.mean[j] as number);
  const shareThreshold = 1 / p;
  const performanceThreshold = performance.reduce((s, v) => s + v, 0) / p;
  const order = importance.map((v, j) => [v, j] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const rank = new Array<number>(p);
  order.forEach(([, j], k) => {
    rank[j] = k + 1;
  });
  const drivers = names.map((name, j) => {
    const share = rSquared > 0 ? (importance[j] as number) / rSquared : undefined;
    const important = share !== undefined && share >= shareThreshold;
    const above = (performance[j] as number) >= performanceThreshold;
    return Object.freeze({
      name,
      importance: importance[j] as number,
      share,
      interval: interval(draws[j] as number[]),
      rank: rank[j] as number,
      performance: performance[j] as number,
      correlation: full.rxy[j] as number,
      beta: beta[j] as number,
      quadrant: (important ? (above ? 'maintain' : 'improve') : above ? 'surplus' : 'monitor') as KeyDriverQuadrant,
    });
  });
  return Object.freeze({
    drivers: Object.freeze(drivers),
    rSquared,
    rSquaredInterval: interval(r2Draws),
    method,
    respondents: n,
    skipped,
    resamples: used,
    level,
    thresholds: Object.freeze({ share: shareThreshold, performance: performanceThreshold }),
  });
}
