/**
 * Grouping identical rows into weighted rows (sufficient statistics for the customer-base
 * models): rows with the same key columns get one entry whose weight is the sum of theirs.
 * Open addressing over the keys' bit patterns, so a million rows group in tens of
 * milliseconds; groups keep the order of their first row, so the result is deterministic and
 * a grouped input fits bit-for-bit like its expansion in the same order.
 */

/** Columns of equal length, one weight per row. */
export interface GroupedRows {
  /** The distinct key tuples, one column per key. */
  readonly keys: Float64Array[];
  /** Total weight of each distinct tuple. */
  readonly weights: Float64Array;
  /** Number of distinct tuples (the used prefix of `keys` and `weights`). */
  readonly size: number;
  /** The group of each input row (−1 for a row of weight 0). */
  readonly groupOf: Int32Array;
}

const scratch = new Float64Array(1);
const scratchBits = new Uint32Array(scratch.buffer);

function mix(h: number, value: number): number {
  // +0 and −0 are the same duration: normalise before hashing the bits.
  scratch[0] = value === 0 ? 0 : value;
  h = Math.imul(h ^ (scratchBits[0] as number), 0x9e3779b1);
  h = Math.imul(h ^ (scratchBits[1] as number), 0x85ebca77);
  return h ^ (h >>> 15);
}

/** MurmurHash3's 32-bit finaliser, so that every input bit reaches the low (slot) bits. */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** One to three key columns (every caller's case, held in locals in the hot loop). */
export type KeyColumns = readonly [Float64Array] | readonly [Float64Array, Float64Array] | readonly [Float64Array, Float64Array, Float64Array];

/**
 * Group rows `0..length-1` of `columns` by exact equality of all
 * columns, summing `weights`. Rows of weight 0 are dropped.
 */
export function groupRows(columns: KeyColumns, weights: Float64Array, length: number): GroupedRows {
  // The table grows with the number of groups (not rows), so it stays cache-resident when
  // a million rows fall into a hundred thousand groups.
  let capacity = 1024;
  let mask = capacity - 1;
  let slots = new Int32Array(capacity).fill(-1);
  const width = columns.length;
  const keys = columns.map(() => new Float64Array(length));
  const hashes = new Int32Array(length);
  const sums = new Float64Array(length);
  const groupOf = new Int32Array(length);
  let size = 0;
  // The key columns in locals; a missing one is an empty array, never read (width says so).
  const empty = new Float64Array(0);
  const [c0, c1 = empty, c2 = empty] = columns;
  const [k0, k1 = empty, k2 = empty] = keys as [Float64Array, ...Float64Array[]];
  for (let i = 0; i < length; i++) {
    const w = weights[i] as number;
    if (w === 0) {
      groupOf[i] = -1;
      continue;
    }
    const v0 = c0[i] as number;
    const v1 = width > 1 ? (c1[i] as number) : 0;
    const v2 = width > 2 ? (c2[i] as number) : 0;
    let h = mix(0x811c9dc5, v0);
    if (width > 1) h = mix(h, v1);
    if (width > 2) h = mix(h, v2);
    h = finish(h);
    let slot = h & mask;
    for (;;) {
      const g = slots[slot] as number;
      if (g < 0) {
        slots[slot] = size;
        k0[size] = v0;
        if (width > 1) k1[size] = v1;
        if (width > 2) k2[size] = v2;
        hashes[size] = h;
        sums[size] = w;
        groupOf[i] = size;
        size++;
        if (2 * size > capacity) {
          capacity *= 2;
          mask = capacity - 1;
          slots = new Int32Array(capacity).fill(-1);
          for (let k = 0; k < size; k++) {
            let s = (hashes[k] as number) & mask;
            while ((slots[s] as number) >= 0) s = (s + 1) & mask;
            slots[s] = k;
          }
        }
        break;
      }
      if ((hashes[g] as number) === h && k0[g] === v0 && (width < 2 || k1[g] === v1) && (width < 3 || k2[g] === v2)) {
        sums[g] = (sums[g] as number) + w;
        groupOf[i] = g;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { keys: keys.map((k) => k.slice(0, size)), weights: sums.slice(0, size), size, groupOf };
}
