/**
 * Distinct rows in a canonical order: rows equal in every key column merged into one row whose
 * weight is the sum of theirs (as `groupRows`), then the distinct rows sorted by their keys as
 * numbers, first column first. A likelihood summed over the result does not depend on the
 * order or the grouping of its input: the same rows reversed, shuffled, or given as a weighted
 * histogram reduce to the same arrays, bit for bit, as long as each distinct row's weights sum
 * exactly (whole-number weights below 2⁵³ always do; fractional weights may round differently
 * in another order).
 */
import { groupRows } from './group-rows';

/** Distinct key tuples in ascending order with their total weights. */
export interface CanonicalRows {
  /** One column per key, each of length `size`, sorted lexicographically (−0 written as +0). */
  readonly keys: Float64Array[];
  /** Total weight of each distinct tuple (rows of weight 0 are dropped). */
  readonly weights: Float64Array;
  /** Number of distinct tuples. */
  readonly size: number;
}

/**
 * Group rows `0..length-1` of `columns` by exact equality of all columns (+0 = −0), sum their
 * `weights`, drop rows of weight 0, and sort the distinct tuples ascending, column by column.
 * The keys must not be NaN.
 */
export function canonicalRows(columns: readonly Float64Array[], weights: Float64Array, length: number): CanonicalRows {
  const grouped = groupRows(columns, weights, length);
  const size = grouped.size;
  const width = columns.length;
  const keys = grouped.keys;
  const order = new Uint32Array(size);
  for (let i = 0; i < size; i++) order[i] = i;
  // Distinct tuples never compare equal, so the order is total and any sort gives the same result.
  const empty = new Float64Array(0);
  const k0 = keys[0] ?? empty;
  const k1 = keys[1] ?? empty;
  const k2 = keys[2] ?? empty;
  if (width === 1) {
    order.sort((i, j) => (k0[i] as number) - (k0[j] as number));
  } else if (width === 2) {
    order.sort((i, j) => {
      const a = k0[i] as number;
      const b = k0[j] as number;
      if (a !== b) return a < b ? -1 : 1;
      const c = k1[i] as number;
      const d = k1[j] as number;
      return c < d ? -1 : c > d ? 1 : 0;
    });
  } else if (width === 3) {
    order.sort((i, j) => {
      let a = k0[i] as number;
      let b = k0[j] as number;
      if (a === b) {
        a = k1[i] as number;
        b = k1[j] as number;
        if (a === b) {
          a = k2[i] as number;
          b = k2[j] as number;
        }
      }
      return a < b ? -1 : a > b ? 1 : 0;
    });
  } else {
    order.sort((i, j) => {
      for (let c = 0; c < width; c++) {
        const column = keys[c] as Float64Array;
        const a = column[i] as number;
        const b = column[j] as number;
        if (a < b) return -1;
        if (a > b) return 1;
      }
      return 0;
    });
  }
  const sortedKeys = keys.map((column) => {
    const out = new Float64Array(size);
    // `+ 0` turns −0 into +0 and leaves every other value as it is.
    for (let k = 0; k < size; k++) out[k] = (column[order[k] as number] as number) + 0;
    return out;
  });
  const sortedWeights = new Float64Array(size);
  for (let k = 0; k < size; k++) sortedWeights[k] = grouped.weights[order[k] as number] as number;
  return { keys: sortedKeys, weights: sortedWeights, size };
}
