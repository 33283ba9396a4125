/**
 * A set of pairs of 32-bit integers (customer slot, period) in one typed array with open
 * addressing: distinct purchase periods per customer are counted without an object or an
 * array per customer, so a million purchases leave nothing for the garbage collector.
 */
export interface PairSet {
  /** Interleaved pairs `[a + 1, b]`; `a + 1 = 0` marks an empty cell. */
  table: Int32Array;
  /** Cells − 1 (cells is a power of two). */
  mask: number;
  /** Pairs held. */
  size: number;
}

export function createPairSet(capacity = 1024): PairSet {
  let cells = 16;
  while (cells < capacity * 2) cells *= 2;
  return { table: new Int32Array(cells * 2), mask: cells - 1, size: 0 };
}

function hash(a: number, b: number): number {
  // Murmur3-style finaliser over both halves: consecutive periods of one customer spread out.
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h;
}

/** Add the pair `(a, b)` (a ≥ 0); true when it was not there before. */
export function addPair(set: PairSet, a: number, b: number): boolean {
  const key = a + 1;
  const { table, mask } = set;
  let i = hash(a, b) & mask;
  for (;;) {
    const k = table[2 * i];
    if (k === 0) break;
    if (k === key && table[2 * i + 1] === b) return false;
    i = (i + 1) & mask;
  }
  table[2 * i] = key;
  table[2 * i + 1] = b;
  set.size++;
  if (set.size * 2 > mask + 1) grow(set);
  return true;
}

function grow(set: PairSet): void {
  const old = set.table;
  const cells = (set.mask + 1) * 2;
  const table = new Int32Array(cells * 2);
  const mask = cells - 1;
  for (let j = 0; j < old.length; j += 2) {
    const key = old[j] as number;
    if (key === 0) continue;
    const b = old[j + 1] as number;
    let i = hash(key - 1, b) & mask;
    while (table[2 * i] !== 0) i = (i + 1) & mask;
    table[2 * i] = key;
    table[2 * i + 1] = b;
  }
  set.table = table;
  set.mask = mask;
}
