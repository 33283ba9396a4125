import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { mbgNbdConditionalExpectedPurchases } from '../../../src/clv';
import { bgNbdCustomerWholeRange, bgNbdParamsWholeRange, wholeTime } from '../bg-nbd/bg-nbd-arbitraries';
import { valueOrRefusal } from './refusal';

describe('mbgNbdConditionalExpectedPurchases: properties over every parameter in [e^−30, e^30]', () => {
  test.prop([bgNbdParamsWholeRange, bgNbdCustomerWholeRange, wholeTime, fc.double({ min: 1, max: 1000, noNaN: true })], { numRuns: 80 })(
    'finite, ≥ 0, ≤ (r + x) t/(α + T), and non-decreasing in t, or a documented refusal',
    (p, c, t, k) => {
      const e1 = valueOrRefusal(() => mbgNbdConditionalExpectedPurchases(p, c, t));
      const e2 = valueOrRefusal(() => mbgNbdConditionalExpectedPurchases(p, c, t * k));
      if (e1 === undefined || e2 === undefined) return;
      expect(Number.isFinite(e1) && Number.isFinite(e2)).toBe(true);
      expect(e1).toBeGreaterThanOrEqual(0);
      expect(e1).toBeLessThanOrEqual((((p.r + c.frequency) * t) / (p.alpha + c.T)) * (1 + 1e-12));
      expect(e2).toBeGreaterThanOrEqual(e1 * (1 - 1e-10));
    },
  );
});
