import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { paretoNbdExpectedPurchases } from '../../src/clv';
import { relativeError } from './clv-data';
import { paretoNbdParams } from './pareto-nbd-data';

describe('paretoNbdExpectedPurchases: properties', () => {
  test.prop([paretoNbdParams, fc.double({ min: 0.01, max: 300, noNaN: true }), fc.double({ min: 0, max: 300, noNaN: true })], { numRuns: 150 })(
    'finite, ≥ 0, non-decreasing in t and at most the purchases of a customer who never drops out (r t/α)',
    (p, t, dt) => {
      const e1 = paretoNbdExpectedPurchases(p, t);
      const e2 = paretoNbdExpectedPurchases(p, t + dt);
      expect(Number.isFinite(e1) && Number.isFinite(e2)).toBe(true);
      expect(e1).toBeGreaterThanOrEqual(0);
      expect(e2).toBeGreaterThanOrEqual(e1 * (1 - 1e-12));
      expect(e1).toBeLessThanOrEqual(((p.r * t) / p.alpha) * (1 + 1e-12));
    },
  );

  test.prop([paretoNbdParams, fc.double({ min: 0.01, max: 100, noNaN: true }), fc.constantFrom(7, 1 / 7, 12, 0.25)], { numRuns: 100 })(
    'scaling α, β and t by k leaves the expectation unchanged',
    (p, t, k) => {
      const scaled = paretoNbdExpectedPurchases({ ...p, alpha: p.alpha * k, beta: p.beta * k }, t * k);
      expect(relativeError(scaled, paretoNbdExpectedPurchases(p, t))).toBeLessThan(1e-9);
    },
  );
});
