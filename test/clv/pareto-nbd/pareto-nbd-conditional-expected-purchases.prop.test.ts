import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { paretoNbdConditionalExpectedPurchases, paretoNbdProbabilityAlive } from '../../../src/clv';
import { bgNbdCustomer } from '../clv-arbitraries';
import { relativeError } from '../clv-data';
import { paretoNbdParams } from './pareto-nbd-data';
import { wideCustomer, wideParameter, wideTime } from '../wide-arbitraries';

describe('paretoNbdConditionalExpectedPurchases: properties', () => {
  test.prop([paretoNbdParams, bgNbdCustomer, fc.double({ min: 0.01, max: 300, noNaN: true }), fc.double({ min: 0, max: 300, noNaN: true })], { numRuns: 150 })(
    'finite (x up to 10,000, tₓ = T, x = 0), ≥ 0, non-decreasing in t, at most (r+x)t/(α+T)',
    (p, c, t, dt) => {
      const e1 = paretoNbdConditionalExpectedPurchases(p, c, t);
      const e2 = paretoNbdConditionalExpectedPurchases(p, c, t + dt);
      expect(Number.isFinite(e1) && Number.isFinite(e2)).toBe(true);
      expect(e1).toBeGreaterThanOrEqual(0);
      expect(e2).toBeGreaterThanOrEqual(e1 * (1 - 1e-12));
      // No dropout at all: the posterior mean rate (r+x)/(α+T) times t.
      expect(e1).toBeLessThanOrEqual((((p.r + c.frequency) * t) / (p.alpha + c.T)) * (1 + 1e-12));
    },
  );

  test.prop([paretoNbdParams, bgNbdCustomer, fc.double({ min: 0.01, max: 100, noNaN: true }), fc.constantFrom(7, 1 / 7, 12, 0.25)], { numRuns: 100 })(
    'scaling α, β and every time by k leaves the prediction at the scaled t unchanged',
    (p, c, t, k) => {
      const e = paretoNbdConditionalExpectedPurchases(p, c, t);
      const scaled = paretoNbdConditionalExpectedPurchases({ ...p, alpha: p.alpha * k, beta: p.beta * k }, { frequency: c.frequency, recency: c.recency * k, T: c.T * k }, t * k);
      if (e > 1e-250) expect(relativeError(scaled, e)).toBeLessThan(1e-9);
      else expect(scaled).toBeLessThan(1e-240);
    },
  );

  const extreme = fc.constantFrom(
    { frequency: 10_000, recency: 38.86, T: 38.86 }, // 10,000 purchases, the last just now
    { frequency: 10_000, recency: 1, T: 38.86 }, // 10,000 purchases, then silence
    { frequency: 1, recency: 500, T: 500 }, // tₓ = T
    { frequency: 0, recency: 0, T: 500 }, // x = 0, long silence
    { frequency: 0, recency: 0, T: 0 }, // just acquired
  );
  test.prop([paretoNbdParams, extreme, fc.double({ min: 0, max: 1000, noNaN: true })], { numRuns: 150 })(
    'finite for extreme customers (x = 10,000; tₓ = T; x = 0), with P(alive) in [0, 1]',
    (p, c, t) => {
      const value = paretoNbdConditionalExpectedPurchases(p, c, t);
      const alive = paretoNbdProbabilityAlive(p, c);
      expect(Number.isFinite(value) && value >= 0).toBe(true);
      expect(alive >= 0 && alive <= 1).toBe(true);
      if (c.recency === c.T) expect(alive).toBe(1);
    },
  );
});

const wideParams = fc.record({ r: wideParameter, alpha: wideParameter, s: wideParameter, beta: wideParameter });

describe('paretoNbdConditionalExpectedPurchases: properties over the whole fitted range (every parameter in [e^-30, e^30])', () => {
  test.prop([wideParams, wideCustomer, wideTime, wideTime], { numRuns: 300 })(
    'finite, at most (r+x)·t/(α+T) and non-decreasing in t (tₓ = 0 with x ≥ 1 included)',
    (p, c, t1, t2) => {
      const [short, long] = t1 <= t2 ? [t1, t2] : [t2, t1];
      const a = paretoNbdConditionalExpectedPurchases(p, c, short);
      const b = paretoNbdConditionalExpectedPurchases(p, c, long);
      expect(Number.isFinite(b)).toBe(true);
      expect(a).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThanOrEqual((((p.r + c.frequency) * long) / (p.alpha + c.T)) * (1 + 1e-12));
      expect(b).toBeGreaterThanOrEqual(a * (1 - 1e-12));
    },
  );
});
