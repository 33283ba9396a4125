/**
 * A buffer of durations (milliseconds) and its summary — count, mean, median,
 * chosen percentiles (type 7, see quantile.ts), extremes and the share within a target —
 * shared by the journey timing and service-level functions.
 */
import { addToSum, createSum, sumValue, type CompensatedSum } from '../internal/sum';
import { quantilesInPlace } from '../internal/quantile';
import { requireProportion } from '../internal/validate';

/**
 * Durations in ms with their running sum and extremes. Kept in a plain array of doubles, not
 * a typed array: with millions of journeys already in memory, fresh ArrayBuffers (external
 * memory) make V8 run a full mark-compact of the whole heap on every call.
 */
export class DurationBuffer {
  readonly data: number[] = [];
  readonly sum: CompensatedSum = createSum();
  min = Infinity;
  max = -Infinity;
  get length(): number {
    return this.data.length;
  }
  push(ms: number): void {
    this.data.push(ms);
    addToSum(this.sum, ms);
    if (ms < this.min) this.min = ms;
    if (ms > this.max) this.max = ms;
  }
  /** How many durations are ≤ `limit` ms. */
  countWithin(limit: number): number {
    let c = 0;
    const d = this.data;
    for (let i = 0; i < d.length; i++) if ((d[i] as number) <= limit) c++;
    return c;
  }
}

/** Validate a list of percentiles (proportions in [0, 1]). */
export function readPercentiles(fn: string, ps: unknown, fallback: readonly number[]): readonly number[] {
  if (ps === undefined) return fallback;
  if (!Array.isArray(ps)) return [requireProportion(fn, 'percentiles', ps)];
  return ps.map((p: unknown, i) => requireProportion(fn, 'percentiles', p, i));
}

/** A percentile of a distribution. */
export interface PercentileValue {
  readonly p: number;
  readonly value: number | undefined;
}

/** Summary statistics of a buffer, in `unitMs`-millisecond units. The buffer is reordered. */
export function summarizeDurations(
  buffer: DurationBuffer,
  unitMs: number,
  percentiles: readonly number[],
): { count: number; mean: number | undefined; median: number | undefined; percentiles: readonly PercentileValue[]; min: number | undefined; max: number | undefined } {
  const n = buffer.length;
  const qs = quantilesInPlace(buffer.data, n, [0.5, ...percentiles]);
  const scale = (ms: number | undefined): number | undefined => (ms === undefined ? undefined : ms / unitMs);
  return {
    count: n,
    mean: n === 0 ? undefined : sumValue(buffer.sum) / n / unitMs,
    median: scale(qs[0]),
    percentiles: Object.freeze(percentiles.map((p, i) => Object.freeze({ p, value: scale(qs[i + 1]) }))),
    min: n === 0 ? undefined : buffer.min / unitMs,
    max: n === 0 ? undefined : buffer.max / unitMs,
  };
}

/**
 * Kaplan–Meier median of right-censored durations: the first event time at which the
 * product-limit survival Ŝ(t) = Π (1 − dᵢ/nᵢ) falls to 0.5 or below; when it equals 0.5
 * exactly (to 1e−12), the midpoint to the next event time. Censored values are still at risk
 * at their own time. `undefined` without data or when Ŝ stays above 0.5. The same convention
 * as R's `survival` and the retention domain's `kaplanMeier` (which a test checks it
 * against); written here in O(n log n) without building the whole curve.
 *
 * Source: E. L. Kaplan & P. Meier (1958), JASA 53(282).
 */
export function kaplanMeierMedian(events: ArrayLike<number>, censored: ArrayLike<number>): number | undefined {
  const e = Float64Array.from(events).sort();
  const c = Float64Array.from(censored).sort();
  let atRisk = e.length + c.length;
  let survival = 1;
  let i = 0;
  let j = 0;
  while (i < e.length) {
    const t = e[i] as number;
    while (j < c.length && (c[j] as number) < t) {
      atRisk--;
      j++;
    }
    let d = 0;
    while (i < e.length && e[i] === t) {
      d++;
      i++;
    }
    survival = d === atRisk ? 0 : survival * (1 - d / atRisk);
    if (survival <= 0.5 + 1e-12) {
      if (Math.abs(survival - 0.5) <= 1e-12 && i < e.length) return (t + (e[i] as number)) / 2;
      return t;
    }
    atRisk -= d;
  }
  return undefined;
}
