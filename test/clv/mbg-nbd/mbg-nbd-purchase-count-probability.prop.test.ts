import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { mbgNbdPurchaseCountProbability } from '../../../src/clv';
import { bgNbdParamsWholeRange, wholeTime } from '../bg-nbd/bg-nbd-arbitraries';

const summable = fc.record({
  r: fc.double({ min: 0.05, max: 3, noNaN: true }),
  alpha: fc.double({ min: 2.5, max: 50, noNaN: true }),
  a: fc.double({ min: 0.05, max: 20, noNaN: true }),
  b: fc.double({ min: 0.05, max: 20, noNaN: true }),
});

describe('mbgNbdPurchaseCountProbability: properties', () => {
  test.prop([summable, fc.double({ min: 0.01, max: 10, noNaN: true })], { numRuns: 15 })(
    'in [0, 1] and summing to 1 (to 1e-9) where the tail is summable',
    (p, t) => {
      // t/(α+t) ≤ 0.8: the negative-binomial tail beyond 300 is below 1e-25.
      let total = 0;
      for (let n = 0; n < 300; n++) {
        const value = mbgNbdPurchaseCountProbability(p, n, t);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
        total += value;
      }
      expect(Math.abs(total - 1)).toBeLessThan(1e-9);
    },
  );
});

describe('mbgNbdPurchaseCountProbability: properties over every parameter in [e^−30, e^30]', () => {
  test.prop([bgNbdParamsWholeRange, wholeTime, fc.integer({ min: 0, max: 1_000_000 })], { numRuns: 30 })(
    'P(X(t) = n) in [0, 1] for 40 consecutive n from any start, and their sum ≤ 1; P(X = 0) ≥ a/(a+b)',
    (p, t, start) => {
      let total = 0;
      for (let n = start; n < start + 40; n++) {
        const value = mbgNbdPurchaseCountProbability(p, n, t);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
        total += value;
      }
      expect(total).toBeLessThanOrEqual(1 + 1e-9);
      expect(mbgNbdPurchaseCountProbability(p, 0, t)).toBeGreaterThanOrEqual((p.a / (p.a + p.b)) * (1 - 1e-12));
    },
  );
});
