import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { mbgNbdConditionalPurchaseCountProbability } from '../../../src/clv';
import { bgNbdCustomerWholeRange, bgNbdParamsWholeRange, wholeTime } from '../bg-nbd/bg-nbd-arbitraries';

const summable = fc.record({
  r: fc.double({ min: 0.05, max: 3, noNaN: true }),
  alpha: fc.double({ min: 2.5, max: 50, noNaN: true }),
  a: fc.double({ min: 0.05, max: 20, noNaN: true }),
  b: fc.double({ min: 0.05, max: 20, noNaN: true }),
});
const customer = fc
  .record({ x: fc.integer({ min: 0, max: 10 }), T: fc.double({ min: 0, max: 60, noNaN: true }), share: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ x, T, share }) => ({ frequency: x, recency: x === 0 ? 0 : T * share, T }));

describe('mbgNbdConditionalPurchaseCountProbability: properties', () => {
  // t/(α+T+t) ≤ 0.8 and r + x ≤ 13 (mean ≤ 52): the tail beyond 300 purchases is below 1e-12.
  test.prop([summable, customer, fc.double({ min: 0.01, max: 10, noNaN: true })], { numRuns: 15 })(
    'in [0, 1]; P(Y = 0) = 1 − P(at least one) = 1 − Σₙ≥₁ P(Y = n) (to 1e-9)',
    (p, c, t) => {
      let atLeastOne = 0;
      for (let n = 1; n < 300; n++) {
        const value = mbgNbdConditionalPurchaseCountProbability(p, c, n, t);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
        atLeastOne += value;
      }
      expect(Math.abs(mbgNbdConditionalPurchaseCountProbability(p, c, 0, t) - (1 - atLeastOne))).toBeLessThan(1e-9);
    },
  );
});

describe('mbgNbdConditionalPurchaseCountProbability: properties over every parameter in [e^−30, e^30]', () => {
  test.prop([bgNbdParamsWholeRange, bgNbdCustomerWholeRange, wholeTime, fc.integer({ min: 0, max: 100_000 })], { numRuns: 40 })(
    'in [0, 1] for 30 consecutive n from any start, and their sum ≤ 1',
    (p, c, t, start) => {
      let total = 0;
      for (let n = start; n < start + 30; n++) {
        const value = mbgNbdConditionalPurchaseCountProbability(p, c, n, t);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
        total += value;
      }
      expect(total).toBeLessThanOrEqual(1 + 1e-9);
    },
  );
});
