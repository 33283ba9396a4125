/**
 * Distinct rows in a canonical order: rows equal in every key column merged into one row whose
 * weight is the sum of theirs, the distinct rows sorted by their keys as numbers, first column
 * first. A likelihood summed over the result does not depend on the order or the grouping of
 * its input: the same rows reversed, shuffled, or given as a weighted histogram reduce to the
 * same arrays, bit for bit, as long as each distinct row's weights sum exactly (whole-number
 * weights below 2⁵³ always do; fractional weights may round differently in another order).
 */
import { groupRows, type KeyColumns } from './group-rows';

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
export function canonicalRows(columns: KeyColumns, weights: Float64Array, length: number): CanonicalRows {
  // Group by hashing first (a million rows fall into far fewer groups), then sort the groups.
  const { keys, weights: sums, size } = groupRows(columns, weights, length);
  const order = Array.from({ length: size }, (_, i) => i);
  // Distinct tuples never compare equal, so the order is total and any sort gives the same result.
  const [k0, k1 = k0, k2 = k1] = keys as [Float64Array, ...Float64Array[]];
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
    return a < b ? -1 : 1;
  });
  return {
    // `+ 0` writes −0 as +0 and leaves every other value as it is.
    keys: keys.map((column) => Float64Array.from(order, (i) => (column[i] as number) + 0)),
    weights: Float64Array.from(order, (i) => sums[i] as number),
    size,
  };
}
