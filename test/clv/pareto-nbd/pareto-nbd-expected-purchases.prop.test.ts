import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { paretoNbdExpectedPurchases } from '../../../src/clv';
import { relativeError } from '../clv-data';
import { paretoNbdParams } from './pareto-nbd-data';
import { wideParameter, wideTime } from '../wide-arbitraries';

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

const wideParams = fc.record({ r: wideParameter, alpha: wideParameter, s: wideParameter, beta: wideParameter });

describe('paretoNbdExpectedPurchases: properties over the whole fitted range (every parameter in [e^-30, e^30])', () => {
  test.prop([wideParams, wideTime, wideTime], { numRuns: 300 })('finite, at most r·t/α (no dropout) and non-decreasing in t', (p, t1, t2) => {
    const [short, long] = t1 <= t2 ? [t1, t2] : [t2, t1];
    const a = paretoNbdExpectedPurchases(p, short);
    const b = paretoNbdExpectedPurchases(p, long);
    expect(Number.isFinite(b)).toBe(true);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(b).toBeLessThanOrEqual(((p.r * long) / p.alpha) * (1 + 1e-12));
    expect(b).toBeGreaterThanOrEqual(a * (1 - 1e-12));
  });
});
