import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { mbgNbdExpectedPurchases } from '../../../src/clv';
import { bgNbdParams } from '../clv-arbitraries';
import { bgNbdParamsWholeRange, wholeTime } from '../bg-nbd/bg-nbd-arbitraries';
import { valueOrRefusal } from './refusal';

describe('mbgNbdExpectedPurchases: properties over every parameter in [e^−30, e^30]', () => {
  test.prop([bgNbdParamsWholeRange, wholeTime, fc.double({ min: 1, max: 1000, noNaN: true })], { numRuns: 80 })(
    'finite, ≥ 0, ≤ r t/α · b/(a+b) and non-decreasing in t, or a documented refusal',
    (p, t, k) => {
      const e1 = valueOrRefusal(() => mbgNbdExpectedPurchases(p, t));
      const e2 = valueOrRefusal(() => mbgNbdExpectedPurchases(p, t * k));
      if (e1 === undefined || e2 === undefined) return;
      expect(Number.isFinite(e1) && Number.isFinite(e2)).toBe(true);
      expect(e1).toBeGreaterThanOrEqual(0);
      expect(e1).toBeLessThanOrEqual(((p.r * t) / p.alpha) * (1 + 1e-12));
      expect(e1).toBeLessThanOrEqual(((p.r * t) / p.alpha) * (p.b / (p.a + p.b)) * (1 + 1e-9));
      expect(e2).toBeGreaterThanOrEqual(e1 * (1 - 1e-10));
    },
  );

  test.prop([bgNbdParams, fc.double({ min: 0.01, max: 100, noNaN: true }), fc.constantFrom(7, 1 / 7, 12)], { numRuns: 30 })(
    'scaling α and t by k leaves it unchanged',
    (p, t, k) => {
      const e = mbgNbdExpectedPurchases(p, t);
      expect(Math.abs(mbgNbdExpectedPurchases({ ...p, alpha: p.alpha * k }, t * k) - e)).toBeLessThanOrEqual(1e-9 * e + 1e-300);
    },
  );
});
