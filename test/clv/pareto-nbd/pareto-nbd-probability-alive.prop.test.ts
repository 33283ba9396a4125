import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { paretoNbdProbabilityAlive } from '../../../src/clv';
import { bgNbdCustomer } from '../clv-arbitraries';
import { relativeError } from '../clv-data';
import { paretoNbdParams } from './pareto-nbd-data';
import { wideCustomer, wideParameter, wideTime } from '../wide-arbitraries';

describe('paretoNbdProbabilityAlive: properties', () => {
  test.prop([paretoNbdParams, bgNbdCustomer], { numRuns: 200 })('is in [0, 1] (x up to 10,000, tₓ = T, x = 0), and exactly 1 when tₓ = T', (p, c) => {
    const value = paretoNbdProbabilityAlive(p, c);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(1);
    expect(paretoNbdProbabilityAlive(p, { ...c, recency: c.frequency === 0 ? 0 : c.T })).toBe(c.frequency === 0 ? value : 1);
  });

  test.prop([paretoNbdParams, bgNbdCustomer, fc.double({ min: 0, max: 1, noNaN: true })], {
    numRuns: 150,
    // tₓ + (T − tₓ)·1 can round one ulp above T (the BG/NBD twin's CI counterexample): capped at T.
    examples: [[{ r: 0.05, alpha: 0.05, s: 0.05, beta: 0.05 }, { frequency: 1, recency: 0.0020528257366603233, T: 0.010000000000000014 }, 1]],
  })(
    'a more recent last purchase (larger tₓ, same x and T) never lowers it',
    (p, c, share) => {
      const later = { ...c, recency: c.frequency === 0 ? 0 : Math.min(c.T, c.recency + (c.T - c.recency) * share) };
      expect(paretoNbdProbabilityAlive(p, later)).toBeGreaterThanOrEqual(paretoNbdProbabilityAlive(p, c) * (1 - 1e-12));
    },
  );

  test.prop([paretoNbdParams, bgNbdCustomer, fc.double({ min: 0, max: 100, noNaN: true })], { numRuns: 150 })(
    'a longer silence (larger T, same x and tₓ) never raises it — also without a repeat purchase',
    (p, c, extra) => {
      const older = { ...c, T: c.T + extra };
      expect(paretoNbdProbabilityAlive(p, older)).toBeLessThanOrEqual(paretoNbdProbabilityAlive(p, c) * (1 + 1e-12) + 1e-300);
    },
  );

  test.prop([paretoNbdParams, bgNbdCustomer, fc.constantFrom(7, 1 / 7, 12, 0.25)], { numRuns: 100 })(
    'scaling α, β and every time by k leaves it unchanged',
    (p, c, k) => {
      const scaled = paretoNbdProbabilityAlive({ ...p, alpha: p.alpha * k, beta: p.beta * k }, { frequency: c.frequency, recency: c.recency * k, T: c.T * k });
      const value = paretoNbdProbabilityAlive(p, c);
      if (value > 1e-250) expect(relativeError(scaled, value)).toBeLessThan(1e-9);
      else expect(scaled).toBeLessThan(1e-240);
    },
  );
});

const wideParams = fc.record({ r: wideParameter, alpha: wideParameter, s: wideParameter, beta: wideParameter });

describe('paretoNbdProbabilityAlive: properties over the whole fitted range (every parameter in [e^-30, e^30])', () => {
  test.prop([wideParams, wideCustomer], { numRuns: 300 })('in [0, 1], x up to 10,000 and tₓ = 0 with x ≥ 1 included', (p, c) => {
    const value = paretoNbdProbabilityAlive(p, c);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(1);
  });
});

describe('paretoNbdProbabilityAlive t later: properties over the whole fitted range (every parameter in [e^-30, e^30])', () => {
  test.prop([wideParams, wideCustomer, wideTime, fc.double({ min: 1, max: 1000, noNaN: true })], { numRuns: 200 })(
    'in [0, 1], at most the value at T, and non-increasing in t',
    (p, c, t, k) => {
      const now = paretoNbdProbabilityAlive(p, c);
      const later = paretoNbdProbabilityAlive(p, c, t);
      expect(later).toBeGreaterThanOrEqual(0);
      expect(later).toBeLessThanOrEqual(now);
      expect(paretoNbdProbabilityAlive(p, c, t * k)).toBeLessThanOrEqual(later);
    },
  );
});
