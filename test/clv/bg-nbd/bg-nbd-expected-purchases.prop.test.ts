import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bgNbdExpectedPurchases } from '../../../src/clv';
import { relativeError } from '../clv-data';
import { bgNbdParams } from '../clv-arbitraries';
import { bgNbdParamsWholeRange, wholeTime } from './bg-nbd-arbitraries';

describe('bgNbdExpectedPurchases: properties', () => {
  test.prop([bgNbdParams, fc.double({ min: 0.01, max: 300, noNaN: true }), fc.double({ min: 0, max: 300, noNaN: true })], { numRuns: 150 })(
    'finite, ≥ 0, non-decreasing in t and at most the purchases of a customer who never drops out (r t/α)',
    (p, t, dt) => {
      const e1 = bgNbdExpectedPurchases(p, t);
      const e2 = bgNbdExpectedPurchases(p, t + dt);
      expect(Number.isFinite(e1) && Number.isFinite(e2)).toBe(true);
      expect(e1).toBeGreaterThanOrEqual(0);
      expect(e2).toBeGreaterThanOrEqual(e1 * (1 - 1e-12));
      expect(e1).toBeLessThanOrEqual(((p.r * t) / p.alpha) * (1 + 1e-10));
    },
  );

  test.prop([bgNbdParams, fc.double({ min: 0.01, max: 100, noNaN: true }), fc.constantFrom(7, 1 / 7, 12, 0.25)], { numRuns: 100 })(
    'scaling α and t by k leaves the expectation unchanged',
    (p, t, k) => {
      expect(relativeError(bgNbdExpectedPurchases({ ...p, alpha: p.alpha * k }, t * k), bgNbdExpectedPurchases(p, t))).toBeLessThan(1e-9);
    },
  );
});

describe('bgNbdExpectedPurchases: properties over every parameter in [e^−30, e^30]', () => {
  // Counterexample (seed 1960499026): E = 8.7565107626961e-27 (mpmath) lies 4.7e-14 relative below
  // r t/α; the library gives 8.756510762749198e-27, 6e-12 relative above the true value, within its
  // documented accuracy (1e-11 certified by the series, 1e-10 by the quadrature), so the bound
  // allows that accuracy, as the monotonicity check below does.
  const nearTheBound = { r: 9.357622968840175e-14, alpha: 10686474581524.463, a: 10686474581524.463, b: 3220.6766601142494 };
  test.prop([bgNbdParamsWholeRange, wholeTime, fc.double({ min: 1, max: 1000, noNaN: true })], { numRuns: 300, examples: [[nearTheBound, 1, 1]] })(
    'finite, ≥ 0, ≤ r t/α, and non-decreasing in t',
    (p, t, k) => {
      const e1 = bgNbdExpectedPurchases(p, t);
      const e2 = bgNbdExpectedPurchases(p, t * k);
      expect(Number.isFinite(e1) && Number.isFinite(e2)).toBe(true);
      expect(e1).toBeGreaterThanOrEqual(0);
      expect(e1).toBeLessThanOrEqual(((p.r * t) / p.alpha) * (1 + 1e-10));
      expect(e2).toBeGreaterThanOrEqual(e1 * (1 - 1e-10));
    },
  );
});
