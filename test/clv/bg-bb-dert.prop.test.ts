import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bgBbConditionalExpectedTransactions, bgBbDert } from '../../src/clv';
import { bgBbCustomer, bgBbParams } from './bg-bb-data';

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
