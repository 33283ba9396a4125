import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { addPair, createDistinctPairs, createPairSet, recordNewPair, recordPair } from '../../src/internal/pair-set';

describe('pair set', () => {
  it('answers membership through growth', () => {
    const set = createPairSet(4);
    for (let a = 0; a < 2000; a++) for (const b of [-5, 0, 7, 1e8]) expect(addPair(set, a, b)).toBe(true);
    for (let a = 0; a < 2000; a++) for (const b of [-5, 0, 7, 1e8]) expect(addPair(set, a, b)).toBe(false);
    expect(addPair(set, 0, 8)).toBe(true);
    expect(set.size).toBe(8001);
  });

  test.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: -40, max: 40 })), { maxLength: 300 })], { numRuns: 100 })(
    'the log-then-set tracker agrees with a Set of strings',
    (pairs) => {
      const tracker = createDistinctPairs();
      const reference = new Set<string>();
      const max = new Map<number, number>();
      for (const [a, b] of pairs) {
        const key = `${a}|${b}`;
        // Pairs above the largest b seen for `a` are new: the caller may say so (the fast path).
        if (b > (max.get(a) ?? Number.NEGATIVE_INFINITY)) {
          recordNewPair(tracker, a, b);
          max.set(a, b);
          reference.add(key);
        } else {
          expect(recordPair(tracker, a, b)).toBe(!reference.has(key));
          reference.add(key);
        }
      }
    },
  );
});
