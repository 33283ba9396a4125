import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bgBbConditionalExpectedTransactions, bgBbProbabilityAlive } from '../../../src/clv';
import { relativeError } from '../clv-data';
import { bgBbCustomer, bgBbParams } from './bg-bb-data';
import { wideBgBb, wideBgBbHistory } from '../wide-arbitraries';

describe('bgBbConditionalExpectedTransactions: properties', () => {
  test.prop([bgBbParams, bgBbCustomer, fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 500 })], { numRuns: 150 })(
    'finite, between 0 and n*, and non-decreasing in n*',
    (p, c, nStar, more) => {
      const e1 = bgBbConditionalExpectedTransactions(p, c, nStar);
      const e2 = bgBbConditionalExpectedTransactions(p, c, nStar + more);
      expect(Number.isFinite(e1) && Number.isFinite(e2)).toBe(true);
      expect(e1).toBeGreaterThanOrEqual(0);
      expect(e1).toBeLessThanOrEqual(nStar * (1 + 1e-12));
      expect(e2).toBeGreaterThanOrEqual(e1 * (1 - 1e-12));
    },
  );

  test.prop([bgBbParams, bgBbCustomer, fc.integer({ min: 1, max: 200 })], { numRuns: 100 })(
    'is concave in n* (each further opportunity adds no more than the one before: survival only falls), the first adding P(alive) · E[p | alive]',
    (p, c, nStar) => {
      const e = (k: number) => bgBbConditionalExpectedTransactions(p, c, k);
      const step = e(nStar + 1) - e(nStar);
      const before = e(nStar) - e(nStar - 1);
      expect(step).toBeLessThanOrEqual(before + 1e-12 * e(nStar + 1) + 1e-300);
      const expected = bgBbProbabilityAlive(p, c) * ((p.alpha + c.frequency) / (p.alpha + p.beta + c.periods));
      expect(relativeError(e(1) + 1e-300, expected + 1e-300)).toBeLessThan(1e-12);
    },
  );
});


describe('bgBbConditionalExpectedTransactions: properties over the whole fitted range (every parameter in [e^-30, e^30])', () => {
  test.prop([wideBgBb, wideBgBbHistory, fc.integer({ min: 0, max: 100_000 })], { numRuns: 200 })('in [0, n*] (at most one transaction per opportunity)', (p, c, nStar) => {
    const value = bgBbConditionalExpectedTransactions(p, c, nStar);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(nStar);
  });
});
