/**
 * A growable buffer of durations (milliseconds) and its summary — count, mean, median,
 * chosen percentiles (type 7, see quantile.ts), extremes and the share within a target —
 * shared by the journey timing and service-level functions.
 */
import { addToSum, createSum, sumValue, type CompensatedSum } from './sum';
import { quantilesInPlace } from './quantile';
import { requireProportion } from './validate';

/** A growable array of doubles, handed on as a typed-array view. */
export class Float64Buffer {
  data: Float64Array;
  length = 0;
  constructor(capacity = 16) {
    this.data = new Float64Array(Math.max(4, capacity));
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = x;
  }
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

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
