import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bgBbConditionalExpectedTransactions, bgBbDert, bgBbProbabilityAlive } from '../../../src/clv';
import { bgBbCustomer, bgBbParams } from './bg-bb-data';
import { wideBgBb, wideBgBbHistory } from '../wide-arbitraries';

const rate = fc.double({ min: 0.01, max: 2, noNaN: true });

describe('bgBbDert: properties', () => {
  test.prop([bgBbParams, bgBbCustomer, rate, fc.double({ min: 0, max: 1, noNaN: true })], { numRuns: 150 })(
    'finite, ≥ 0, at most 1/d (one transaction per opportunity), non-increasing in d',
    (p, c, d, dd) => {
      const value = bgBbDert(p, c, { discountRate: d });
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual((1 / d) * (1 + 1e-12));
      expect(bgBbDert(p, c, { discountRate: d + dd })).toBeLessThanOrEqual(value * (1 + 1e-12) + 1e-300);
    },
  );

  test.prop([bgBbParams, bgBbCustomer, rate, fc.integer({ min: 1, max: 60 })], { numRuns: 100 })(
    'is at least the transactions of the next K opportunities, each discounted as the last: E[X(n, n+K)] / (1+d)^K',
    (p, c, d, K) => {
      const lower = bgBbConditionalExpectedTransactions(p, c, K) / (1 + d) ** K;
      expect(bgBbDert(p, c, { discountRate: d })).toBeGreaterThanOrEqual(lower * (1 - 1e-12));
    },
  );
});


describe('bgBbDert: properties over the whole fitted range (every parameter in [e^-30, e^30])', () => {
  // Discount rates from 1e-6: where the series is long (θ near 0, z near 1)
  // Euler's integral takes over.
  test.prop([wideBgBb, wideBgBbHistory, fc.double({ min: -6, max: 1, noNaN: true }), fc.double({ min: -6, max: 1, noNaN: true })], { numRuns: 150 })(
    'finite, in [0, 1/d], > 0 unless P(alive) underflows, and non-increasing in the discount rate',
    (p, c, e1, e2) => {
      const [low, high] = e1 <= e2 ? [10 ** e1, 10 ** e2] : [10 ** e2, 10 ** e1];
      const a = bgBbDert(p, c, { discountRate: low });
      const b = bgBbDert(p, c, { discountRate: high });
      expect(a).toBeLessThanOrEqual((1 / low) * (1 + 1e-12));
      expect(b).toBeGreaterThanOrEqual(0);
      expect(a).toBeGreaterThanOrEqual(b * (1 - 1e-12));
      const share = ((p.alpha + c.frequency) / (p.alpha + p.beta + c.periods)) * bgBbProbabilityAlive(p, c);
      if (share > 1e-250) expect(b).toBeGreaterThan(0);
    },
  );
});
