import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bgNbdConditionalExpectedPurchases } from '../../../src/clv';
import { CxMetricsError } from '../../../src/internal/errors';
import { relativeError } from '../clv-data';
import { bgNbdCustomer, bgNbdParams } from '../clv-arbitraries';
import { bgNbdCustomerWholeRange, bgNbdParamsWholeRange, wholeTime } from './bg-nbd-arbitraries';

describe('bgNbdConditionalExpectedPurchases: properties', () => {
  test.prop([bgNbdParams, bgNbdCustomer, fc.double({ min: 0.01, max: 300, noNaN: true }), fc.double({ min: 0, max: 300, noNaN: true })], { numRuns: 150 })(
    'finite, ≥ 0 and non-decreasing in t',
    (p, c, t, dt) => {
      const e1 = bgNbdConditionalExpectedPurchases(p, c, t);
      const e2 = bgNbdConditionalExpectedPurchases(p, c, t + dt);
      expect(Number.isFinite(e1) && Number.isFinite(e2)).toBe(true);
      expect(e1).toBeGreaterThanOrEqual(0);
      expect(e2).toBeGreaterThanOrEqual(e1 * (1 - 1e-12));
    },
  );

  test.prop([bgNbdParams, bgNbdCustomer, fc.double({ min: 0.01, max: 100, noNaN: true }), fc.constantFrom(7, 1 / 7, 12, 0.25)], { numRuns: 100 })(
    'scaling α and every time by k leaves the prediction at the scaled t unchanged',
    (p, c, t, k) => {
      const e = bgNbdConditionalExpectedPurchases(p, c, t);
      const scaled = bgNbdConditionalExpectedPurchases({ ...p, alpha: p.alpha * k }, { frequency: c.frequency, recency: c.recency * k, T: c.T * k }, t * k);
      if (e > 1e-290) expect(relativeError(scaled, e)).toBeLessThan(1e-9);
      else expect(scaled).toBeLessThan(1e-280);
    },
  );
});

describe('bgNbdConditionalExpectedPurchases: properties over every parameter in [e^−30, e^30]', () => {
  // The unconditional counterexample of bgNbdExpectedPurchases (seed 1960499026), for a customer
  // with no purchase at T = 0: the value lies 6e-12 relative above the true one (mpmath), within
  // the documented accuracy (1e-11 series, 1e-10 quadrature), and so above (r + x) t/(α + T)·(1 + 1e-12).
  const nearTheBound = { r: 9.357622968840175e-14, alpha: 10686474581524.463, a: 10686474581524.463, b: 3220.6766601142494 };
  const newCustomer = { frequency: 0, recency: 0, T: 0 };
  test.prop([bgNbdParamsWholeRange, bgNbdCustomerWholeRange, wholeTime, fc.double({ min: 1, max: 1000, noNaN: true })], {
    numRuns: 300,
    examples: [[nearTheBound, newCustomer, 1, 1]],
  })(
    'finite, ≥ 0, ≤ (r + x) t/(α + T), and non-decreasing in t, or a documented refusal',
    (p, c, t, k) => {
      let e1: number;
      let e2: number;
      try {
        e1 = bgNbdConditionalExpectedPurchases(p, c, t);
        e2 = bgNbdConditionalExpectedPurchases(p, c, t * k);
      } catch (error) {
        // At rare corners (α = e^-30, a = e^30, thousands of purchases at T = 0) the quadrature over
        // the dropout probability cannot reach 1e-10: the library refuses, naming the cause.
        expect(error).toBeInstanceOf(CxMetricsError);
        expect((error as CxMetricsError).code).toBe('OUT_OF_RANGE');
        expect((error as CxMetricsError).message).toMatch(/cannot be computed/);
        return;
      }
      expect(Number.isFinite(e1) && Number.isFinite(e2)).toBe(true);
      expect(e1).toBeGreaterThanOrEqual(0);
      expect(e1).toBeLessThanOrEqual((((p.r + c.frequency) * t) / (p.alpha + c.T)) * (1 + 1e-10));
      expect(e2).toBeGreaterThanOrEqual(e1 * (1 - 1e-10));
    },
  );
});
