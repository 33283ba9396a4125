import { test, fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { addToSum, createSum, mergeSums, preciseSum, sumValue } from '../../src/internal/sum';

describe('compensated summation', () => {
  it('keeps what naive addition loses', () => {
    // 1 + 1e100 + 1 − 1e100 = 2 exactly; naive left-to-right addition gives 0.
    expect(preciseSum([1, 1e100, 1, -1e100])).toBe(2);
    const cents = Array.from({ length: 1_000_000 }, () => 0.1);
    expect(preciseSum(cents)).toBe(100_000);
  });

  test.prop([fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 200 }), fc.nat()])(
    'merging any split gives the whole sum',
    (values, cut) => {
      const k = values.length ? cut % (values.length + 1) : 0;
      const left = createSum();
      const right = createSum();
      values.slice(0, k).forEach((v) => addToSum(left, v));
      values.slice(k).forEach((v) => addToSum(right, v));
      const merged = sumValue(mergeSums(left, right));
      expect(Math.abs(merged - preciseSum(values))).toBeLessThanOrEqual(1e-9 * (1 + values.reduce((s, v) => s + Math.abs(v), 0)));
      expect(sumValue(mergeSums(left, right))).toBe(sumValue(mergeSums(left, right)));
    },
  );
});
