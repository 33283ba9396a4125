import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bgBbExpectedTransactions, bgBbTransactionCountProbability } from '../../../src/clv';
import { bgBbParams } from './bg-bb-data';
import { wideBgBb } from '../wide-arbitraries';

/** P(X(n) = x) for x = 0…n, checked in [0, 1]; returns [Σ P, Σ x P]. */
function moments(p: { alpha: number; beta: number; gamma: number; delta: number }, n: number): [number, number] {
  let total = 0;
  let mean = 0;
  for (let x = 0; x <= n; x++) {
    const v = bgBbTransactionCountProbability(p, x, n);
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(1);
    total += v;
    mean += x * v;
  }
  return [total, mean];
}

describe('bgBbTransactionCountProbability: properties', () => {
  test.prop([bgBbParams, fc.integer({ min: 0, max: 40 })], { numRuns: 60 })('a pmf: in [0, 1], sums to 1, mean E[X(n)]', (p, n) => {
    const [total, mean] = moments(p, n);
    expect(Math.abs(total - 1)).toBeLessThan(1e-12);
    expect(Math.abs(mean - bgBbExpectedTransactions(p, n))).toBeLessThan(1e-11 * Math.max(1, n));
  });
});

describe('bgBbTransactionCountProbability: properties over the whole fitted range (every parameter in [e^-30, e^30])', () => {
  test.prop([wideBgBb, fc.oneof(fc.constantFrom(0, 1, 6), fc.integer({ min: 0, max: 40 }))], { numRuns: 60 })(
    'a pmf: in [0, 1], sums to 1, mean E[X(n)]',
    (p, n) => {
      const [total, mean] = moments(p, n);
      expect(Math.abs(total - 1)).toBeLessThan(1e-10);
      expect(Math.abs(mean - bgBbExpectedTransactions(p, n))).toBeLessThan(1e-10 * Math.max(1, n));
    },
  );
  test.prop([wideBgBb, fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true })], { numRuns: 8 })(
    'a probability for any x and n up to 10⁶',
    (p, n, u) => {
      const v = bgBbTransactionCountProbability(p, Math.round(u * n), n);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    },
  );
});
