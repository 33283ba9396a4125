/**
 * Reading survey scores into sufficient statistics: answers per score ("bins"), weight sums
 * per score and Σw², plus the count of skipped (missing) answers. Every NPS, CSAT and CES
 * figure — batch, streaming or grouped — is computed from these, so they all agree.
 */
import type { Accessor, Values } from '../internal/values';
import { forEachValue, isMissing, isNumericTypedArray, requireValues } from '../internal/input';
import { requireAccessor } from '../internal/options';
import { describeValue, fail, rejectValue, requireCount, requireFinite, requireNonNegative, requireScore } from '../internal/validate';

/** Answers per score on an integer scale `[min, max]`; index = score − min. Plain, mergeable. */
export interface ScoreBins {
  /** Lowest score of the scale. */
  min: number;
  /** Highest score of the scale. */
  max: number;
  /** Number of answers per score. */
  counts: number[];
  /** Sum of weights per score (equal to `counts` when no weights were given). */
  weightSums: number[];
  /** Σw² over all answers (the number of answers when unweighted). */
  weightSquares: number;
  /** Missing answers (null/undefined score or weight). */
  skipped: number;
  /** Whether any `{ score, weight }` pair was added (even a skipped one), as `weight` makes the batch functions weighted. */
  weighted: boolean;
}

/**
 * Largest weight accepted: (Σw)² and Σw² then stay finite for any realistic number of answers
 * (below 10⁵⁰), so shares and Kish's effective n are never NaN. Weights are relative; rescale
 * astronomically large ones.
 */
export const MAX_WEIGHT = 1e100;

/**
 * Smallest positive weight accepted: w² ≥ 1e-200 never underflows, so Σw² > 0 whenever Σw > 0
 * and Kish's (Σw)²/Σw² is never 0/0. A weight of exactly 0 is fine (the answer counts for nothing).
 */
export const MIN_POSITIVE_WEIGHT = 1e-100;

/** A finite weight: 0 or in [MIN_POSITIVE_WEIGHT, MAX_WEIGHT]. */
export function requireWeight(fn: string, value: unknown, index: number | undefined): number {
  const w = requireNonNegative(fn, 'weight', value, index);
  if (w > MAX_WEIGHT || (w > 0 && w < MIN_POSITIVE_WEIGHT)) {
    throw rejectValue('OUT_OF_RANGE', fn, 'weight', value, index, 'must be 0 or in [1e-100, 1e100]; rescale the weights');
  }
  return w;
}

/** A score with its own weight, as the streaming tallies accept it. */
export interface WeightedScoreValue {
  readonly score: number | null | undefined;
  readonly weight: number | null | undefined;
}

export function createBins(min: number, max: number): ScoreBins {
  const width = max - min + 1;
  return {
    min,
    max,
    counts: new Array<number>(width).fill(0),
    weightSums: new Array<number>(width).fill(0),
    weightSquares: 0,
    skipped: 0,
    weighted: false,
  };
}

/** Validate a scale option: integers with min < max. */
export function requireScale(fn: string, scale: unknown, fallback: { readonly min: number; readonly max: number }): { min: number; max: number } {
  if (scale === undefined) return { min: fallback.min, max: fallback.max };
  if (scale === null || typeof scale !== 'object') {
    throw fail('INVALID_OPTION', fn, `scale ${describeValue(scale)} must be an object { min, max }`, { field: 'scale', value: scale });
  }
  const { min, max } = scale as { min?: unknown; max?: unknown };
  const lo = requireFinite(fn, 'scale.min', min);
  const hi = requireFinite(fn, 'scale.max', max);
  if (!Number.isInteger(lo) || !Number.isInteger(hi)) {
    throw fail('NOT_AN_INTEGER', fn, `scale ${describeValue(lo)}–${describeValue(hi)} must have whole-number ends`, { field: 'scale', value: scale });
  }
  if (!(lo < hi) || hi - lo > 1000) {
    throw fail('OUT_OF_RANGE', fn, `scale ${lo}–${hi} must have min < max and at most 1001 points`, { field: 'scale', value: scale });
  }
  return { min: lo, max: hi };
}

/** A whole-number option that must lie on the scale (a threshold, a range end). */
export function requireScalePoint(fn: string, what: string, value: unknown, min: number, max: number): number {
  const x = requireFinite(fn, what, value);
  if (!Number.isInteger(x)) {
    throw fail('NOT_AN_INTEGER', fn, `${what} ${describeValue(x)} is not a whole number`, { field: what, value });
  }
  if (x < min || x > max) {
    throw fail('OUT_OF_RANGE', fn, `${what} ${describeValue(x)} is outside the scale ${min}–${max}`, { field: what, value });
  }
  return x;
}

/** Throw the error a bad score deserves (or return normally if it is fine, which callers never expect). */
function rejectScore(fn: string, value: unknown, min: number, max: number, index: number | undefined): never {
  requireScore(fn, value, min, max, index);
  throw new Error(`internal: score ${String(value)} was rejected but passed validation`);
}

/** Add one unweighted or weighted answer to `bins` in place (the tallies' `add`). */
export function addAnswer(fn: string, bins: ScoreBins, value: unknown, index: number | undefined): void {
  let score = value;
  let weight: unknown = 1;
  let explicit = false;
  if (value !== null && typeof value === 'object') {
    // Only a { score, weight } pair is unpacked: an array or any other object is not a score.
    if (Array.isArray(value) || !('score' in value)) rejectScore(fn, value, bins.min, bins.max, index);
    score = (value as Partial<WeightedScoreValue>).score;
    weight = (value as Partial<WeightedScoreValue>).weight;
    explicit = true;
  }
  // A { score, weight } pair marks the tally weighted even when skipped, as the batch
  // functions are weighted whenever a weight accessor is given.
  if (explicit) bins.weighted = true;
  if (isMissing(score) || isMissing(weight)) {
    bins.skipped++;
    return;
  }
  if (typeof score !== 'number') rejectScore(fn, score, bins.min, bins.max, index);
  const k = score - bins.min;
  if (!(k >= 0 && k <= bins.max - bins.min && Math.floor(k) === k)) rejectScore(fn, score, bins.min, bins.max, index);
  const w = explicit ? requireWeight(fn, weight, index) : 1;
  bins.counts[k] = (bins.counts[k] as number) + 1;
  bins.weightSums[k] = (bins.weightSums[k] as number) + w;
  bins.weightSquares += w * w;
}

/** A new state holding both; `INCONSISTENT_INPUT` when the scales differ. */
export function mergeBins(fn: string, a: ScoreBins, b: ScoreBins): ScoreBins {
  if (a.min !== b.min || a.max !== b.max) {
    throw fail('INCONSISTENT_INPUT', fn, `cannot merge tallies on different scales (${a.min}–${a.max} and ${b.min}–${b.max})`);
  }
  return {
    min: a.min,
    max: a.max,
    counts: a.counts.map((c, i) => c + (b.counts[i] as number)),
    weightSums: a.weightSums.map((w, i) => w + (b.weightSums[i] as number)),
    weightSquares: a.weightSquares + b.weightSquares,
    skipped: a.skipped + b.skipped,
    weighted: a.weighted || b.weighted,
  };
}

/**
 * Count a batch of scores on `[min, max]` in one pass. Typed arrays without accessor or weight
 * take a counting loop with validation deferred to the bins (a Uint8Array is counted into 256
 * bins, then any answer off the scale is located and reported).
 */
export function binScores<T>(
  fn: string,
  values: Values<T>,
  min: number,
  max: number,
  accessor: Accessor<T, unknown> | undefined,
  weight: Accessor<T, unknown> | undefined,
): ScoreBins {
  requireAccessor(fn, 'accessor', accessor);
  requireAccessor(fn, 'weight', weight);
  // A plain object without `length` would otherwise read as an empty list: a silent wrong answer.
  requireValues(fn, 'values', values);
  const bins = createBins(min, max);
  if (accessor === undefined && weight === undefined && isNumericTypedArray(values)) {
    const counts = countTypedArray(fn, values, min, max);
    for (let k = 0; k < counts.length; k++) {
      bins.counts[k] = counts[k] as number;
      bins.weightSums[k] = counts[k] as number;
    }
    bins.weightSquares = values.length;
    return bins;
  }
  const width = max - min;
  const counts = bins.counts;
  const sums = bins.weightSums;
  forEachValue(values, (d, i) => {
    // A null record is skipped before any accessor sees it.
    const score = accessor === undefined || isMissing(d) ? d : accessor(d, i);
    if (isMissing(score)) {
      bins.skipped++;
      return;
    }
    if (typeof score !== 'number') rejectScore(fn, score, min, max, i);
    const k = score - min;
    if (!(k >= 0 && k <= width && Math.floor(k) === k)) rejectScore(fn, score, min, max, i);
    if (weight === undefined) {
      counts[k] = (counts[k] as number) + 1;
      sums[k] = (sums[k] as number) + 1;
      bins.weightSquares += 1;
      return;
    }
    const raw = weight(d, i);
    if (isMissing(raw)) {
      bins.skipped++;
      return;
    }
    const w = requireWeight(fn, raw, i);
    counts[k] = (counts[k] as number) + 1;
    sums[k] = (sums[k] as number) + w;
    bins.weightSquares += w * w;
  });
  if (weight !== undefined) bins.weighted = true;
  return bins;
}

type NumericArray = ArrayLike<number> & ArrayBufferView;


/**
 * Occurrences of each byte value. Four banks of 256 Int32 bins take consecutive elements in
 * turn, so runs of equal scores do not serialise on one counter; banks are flushed to
 * Float64 totals every 2³⁰ elements.
 */
function countBytes(values: Uint8Array | Uint8ClampedArray): Float64Array {
  const all = new Float64Array(256);
  const banks = new Int32Array(1024);
  const n = values.length;
  // Elements per pass, so no Int32 bin can overflow (a bank sees at most a quarter of them).
  const BYTE_CHUNK = 2 ** 30;
  for (let start = 0; start < n; start += BYTE_CHUNK) {
    const end = Math.min(n, start + BYTE_CHUNK);
    let i = start;
    for (; i + 3 < end; i += 4) {
      const a = values[i] as number;
      const b = 256 + (values[i + 1] as number);
      const c = 512 + (values[i + 2] as number);
      const d = 768 + (values[i + 3] as number);
      banks[a] = (banks[a] as number) + 1;
      banks[b] = (banks[b] as number) + 1;
      banks[c] = (banks[c] as number) + 1;
      banks[d] = (banks[d] as number) + 1;
    }
    for (; i < end; i++) {
      const a = values[i] as number;
      banks[a] = (banks[a] as number) + 1;
    }
    for (let v = 0; v < 256; v++) {
      all[v] = (all[v] as number) + (banks[v] as number) + (banks[256 + v] as number) + (banks[512 + v] as number) + (banks[768 + v] as number);
    }
    banks.fill(0);
  }
  return all;
}

function countTypedArray(fn: string, values: NumericArray, min: number, max: number): Float64Array {
  const width = max - min;
  const n = values.length;
  if (values instanceof Uint8Array || values instanceof Uint8ClampedArray) {
    // Count every byte value, then look at the bins off the scale: no test in the hot loop.
    const all = countBytes(values);
    let offScale = 0;
    for (let v = 0; v < 256; v++) if (v < min || v > max) offScale += all[v] as number;
    if (offScale > 0) {
      // Report the first offending answer in input order, as the other paths do.
      for (let i = 0; i < n; i++) {
        const v = values[i] as number;
        if (v < min || v > max) rejectScore(fn, v, min, max, i);
      }
    }
    const counts = new Float64Array(width + 1);
    for (let v = Math.max(0, min); v <= Math.min(255, max); v++) counts[v - min] = all[v] as number;
    return counts;
  }
  const counts = new Float64Array(width + 1);
  for (let i = 0; i < n; i++) {
    const k = (values[i] as number) - min;
    // (k | 0) === k rejects NaN, ±Infinity and fractions in one comparison.
    if (k >= 0 && k <= width && (k | 0) === k) counts[k] = (counts[k] as number) + 1;
    else rejectScore(fn, values[i], min, max, i);
  }
  return counts;
}

/** Σ of `values[from..to]`, both ends included (a range of bins). */
export function sumRange(values: readonly number[], from: number, to: number): number {
  let s = 0;
  for (let k = from; k <= to; k++) s += values[k] as number;
  return s;
}

/** Σ of a bins array. */
export function total(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** Kish's effective sample size (Σw)²/Σw²; the answer count when unweighted; 0 when Σw = 0. */
export function effectiveSampleSize(weighted: boolean, answers: number, weightTotal: number, weightSquares: number): number {
  if (!weighted) return answers;
  return weightTotal > 0 ? (weightTotal * weightTotal) / weightSquares : 0;
}

/**
 * A pre-aggregated count (e.g. from SQL): a whole number ≥ 0 and at most 2⁵³ − 1, so that sums of
 * counts stay exact and finite (a count of 1e308 would make the total Infinity).
 */
export function readCount(fn: string, what: string, value: unknown): number {
  const x = requireCount(fn, what, value);
  if (x > Number.MAX_SAFE_INTEGER) {
    throw rejectValue('OUT_OF_RANGE', fn, what, value, undefined, 'is above 2^53 − 1, the largest exact count');
  }
  return x;
}

/** True for a plain object (not an array, typed array or iterable) that has `key`. */
export function isSummaryObject(value: unknown, key: string): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !ArrayBuffer.isView(value) &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function' &&
    key in value
  );
}
