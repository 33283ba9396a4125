/**
 * Sample quantiles, the one definition the whole library uses (medians, percentiles of
 * durations, service times).
 *
 * Definition — Hyndman & Fan (1996) type 7, the default of R's `quantile()`, of numpy's
 * `quantile(method='linear')`, of Excel's `PERCENTILE.INC` and of d3-array's `quantile`:
 *
 * ```text
 * x(1) ≤ … ≤ x(n) the sorted sample, 0 ≤ p ≤ 1
 * h = (n − 1) · p,   j = ⌊h⌋ (0-based)
 * Q(p) = x(j) + (h − j) · (x(j+1) − x(j))        (Q(p) = x(n−1) when j = n − 1)
 * ```
 *
 * Source: R. J. Hyndman & Y. Fan (1996), "Sample quantiles in statistical packages",
 * The American Statistician 50(4), 361–365.
 *
 * Two entry points: {@link quantileSorted} for data already sorted, and
 * {@link quantilesInPlace}, which finds several quantiles of an unsorted scratch buffer (a
 * `Float64Array`, or a plain array of doubles when the caller wants to stay on the JS heap) by
 * selection (Hoare's FIND with median-of-three pivots, falling back to a sort when a
 * partition goes badly) in expected O(n) per quantile instead of an O(n log n) sort. The
 * result does not depend on the order of the data: selection returns order statistics.
 */

/** Type-7 quantile of a sorted (ascending) sample; `undefined` when it is empty. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number | undefined {
  const n = sorted.length;
  if (n === 0) return undefined;
  const h = (n - 1) * p;
  const j = Math.floor(h);
  const lo = sorted[j] as number;
  if (j >= n - 1) return sorted[n - 1] as number;
  const hi = sorted[j + 1] as number;
  return interpolate(lo, hi, h - j);
}

// Written so that equal neighbours give exactly that value and the result stays in [lo, hi].
function interpolate(lo: number, hi: number, t: number): number {
  if (t === 0 || lo === hi) return lo;
  const q = lo + t * (hi - lo);
  return q < lo ? lo : q > hi ? hi : q;
}

/** A mutable list of numbers: a `Float64Array` or a plain array of doubles (kept on the JS heap). */
export type MutableNumbers = Float64Array | number[];

// Sort a[lo..hi] ascending, numerically (Array#sort without a comparator would sort as strings).
function sortRange(a: MutableNumbers, lo: number, hi: number): void {
  if (hi - lo < 24) {
    for (let i = lo + 1; i <= hi; i++) {
      const x = a[i] as number;
      let j = i - 1;
      while (j >= lo && (a[j] as number) > x) {
        a[j + 1] = a[j] as number;
        j--;
      }
      a[j + 1] = x;
    }
    return;
  }
  if (a instanceof Float64Array) {
    a.subarray(lo, hi + 1).sort();
    return;
  }
  const part = Float64Array.from(a.slice(lo, hi + 1)).sort();
  for (let i = 0; i < part.length; i++) a[lo + i] = part[i] as number;
}

function swap(a: MutableNumbers, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}

/**
 * Rearrange `a[left..right]` so that `a[k]` holds the value it would have if that range were
 * sorted, everything before it is ≤ and everything after it is ≥.
 */
export function selectInPlace(a: MutableNumbers, k: number, left = 0, right = a.length - 1): void {
  let lo = left;
  let hi = right;
  // A bad run of pivots costs at most this many partitions before we sort the rest.
  let budget = 2 * Math.ceil(Math.log2(hi - lo + 2)) + 8;
  while (hi > lo) {
    if (hi - lo < 16 || budget-- <= 0) {
      sortRange(a, lo, hi);
      return;
    }
    // Median of three as the pivot, moved to a[lo].
    const mid = lo + ((hi - lo) >> 1);
    if ((a[mid] as number) < (a[lo] as number)) swap(a, mid, lo);
    if ((a[hi] as number) < (a[lo] as number)) swap(a, hi, lo);
    if ((a[hi] as number) < (a[mid] as number)) swap(a, hi, mid);
    swap(a, lo, mid);
    const pivot = a[lo] as number;
    // Hoare partition: equal keys split evenly, so heavy ties stay fast.
    let i = lo;
    let j = hi + 1;
    for (;;) {
      do i++;
      while (i <= hi && (a[i] as number) < pivot);
      do j--;
      while ((a[j] as number) > pivot);
      if (i >= j) break;
      swap(a, i, j);
    }
    swap(a, lo, j);
    if (j === k) return;
    if (j < k) lo = j + 1;
    else hi = j - 1;
  }
}

/**
 * Type-7 quantiles of the first `n` values of `scratch` (which it reorders), one per
 * probability in `ps` (each in [0, 1], any order). Values must be finite. Returns
 * `undefined` for each when `n` is 0.
 */
export function quantilesInPlace(scratch: MutableNumbers, n: number, ps: readonly number[]): (number | undefined)[] {
  if (n === 0) return ps.map(() => undefined);
  const a = n === scratch.length ? scratch : scratch instanceof Float64Array ? scratch.subarray(0, n) : scratch.slice(0, n);
  // Many quantiles of a large sample: one sort is cheaper than many selections.
  if (ps.length > 8) {
    sortRange(a, 0, n - 1);
    return ps.map((p) => quantileSorted(a, p));
  }
  const order = ps.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p);
  const out: (number | undefined)[] = new Array<number | undefined>(ps.length);
  // Ascending probabilities: each selection only needs the part right of the previous one.
  let from = 0;
  for (const { p, i } of order) {
    const h = (n - 1) * p;
    const j = Math.floor(h);
    if (j >= from) {
      selectInPlace(a, j, from, n - 1);
      from = j;
    }
    const lo = a[j] as number;
    if (j >= n - 1 || h === j) {
      out[i] = lo;
      continue;
    }
    // x(j+1) is the smallest value right of position j once j is in place.
    let hi = a[j + 1] as number;
    for (let m = j + 2; m < n; m++) if ((a[m] as number) < hi) hi = a[m] as number;
    out[i] = interpolate(lo, hi, h - j);
  }
  return out;
}

/** Type-7 quantile of any finite numbers, without changing them; `undefined` when empty. */
export function quantile(values: ArrayLike<number>, p: number): number | undefined {
  const copy = Float64Array.from(values as ArrayLike<number>);
  return quantilesInPlace(copy, copy.length, [p])[0];
}
