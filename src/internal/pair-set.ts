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

/**
 * Distinct pairs, cheap when they mostly arrive in order. While every pair's caller can tell
 * that it is new (a purchase period after the customer's last one), pairs are only appended to
 * a log: sequential writes, no hashing. The first time a caller cannot tell (a period between
 * the customer's first and last), the log is turned into a {@link PairSet} once and every later
 * pair goes there.
 */
export interface DistinctPairs {
  /** Interleaved pairs `[a, b]` recorded while no set was needed. */
  log: Int32Array;
  /** Numbers used in `log` (twice the pairs). */
  length: number;
  /** The set, once a membership question had to be answered. */
  set: PairSet | null;
}

export function createDistinctPairs(): DistinctPairs {
  return { log: new Int32Array(2048), length: 0, set: null };
}

/** Record a pair the caller knows is new. */
export function recordNewPair(pairs: DistinctPairs, a: number, b: number): void {
  if (pairs.set !== null) {
    addPair(pairs.set, a, b);
    return;
  }
  if (pairs.length + 2 > pairs.log.length) {
    const log = new Int32Array(pairs.log.length * 2);
    log.set(pairs.log);
    pairs.log = log;
  }
  pairs.log[pairs.length++] = a;
  pairs.log[pairs.length++] = b;
}

/** Record a pair that may have been seen; true when it is new. */
export function recordPair(pairs: DistinctPairs, a: number, b: number): boolean {
  if (pairs.set === null) {
    const set = createPairSet(pairs.length);
    const { log, length } = pairs;
    for (let j = 0; j < length; j += 2) addPair(set, log[j] as number, log[j + 1] as number);
    pairs.set = set;
    pairs.log = new Int32Array(0);
    pairs.length = 0;
  }
  return addPair(pairs.set, a, b);
}
