import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bgNbdProbabilityAlive } from '../../../src/clv';
import { relativeError } from '../clv-data';
import { bgNbdCustomer, bgNbdParams } from '../clv-arbitraries';
import { bgNbdCustomerWholeRange, bgNbdParamsWholeRange, wholeTime } from './bg-nbd-arbitraries';
import { CxMetricsError } from '../../../src/models';

describe('bgNbdProbabilityAlive: properties', () => {
  test.prop([bgNbdParams, bgNbdCustomer], { numRuns: 200 })('is in [0, 1], and exactly 1 with no repeat purchase', (p, c) => {
    const value = bgNbdProbabilityAlive(p, c);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(1);
    if (c.frequency === 0) expect(value).toBe(1);
  });

  test.prop([bgNbdParams, bgNbdCustomer, fc.double({ min: 0, max: 1, noNaN: true })], {
    numRuns: 150,
    // tₓ + (T − tₓ)·1 rounded one ulp above T here (CI counterexample, seed -415048431): capped at T.
    examples: [[{ r: 0.05, alpha: 0.05, a: 0.05, b: 0.05 }, { frequency: 1, recency: 0.0020528257366603233, T: 0.010000000000000014 }, 1]],
  })(
    'a more recent last purchase (larger tₓ, same x and T) never lowers it',
    (p, c, share) => {
      const later = { ...c, recency: c.frequency === 0 ? 0 : Math.min(c.T, c.recency + (c.T - c.recency) * share) };
      expect(bgNbdProbabilityAlive(p, later)).toBeGreaterThanOrEqual(bgNbdProbabilityAlive(p, c) * (1 - 1e-12));
    },
  );

  test.prop([bgNbdParams, bgNbdCustomer, fc.constantFrom(7, 1 / 7, 12, 0.25)], { numRuns: 100 })('scaling α and every time by k leaves it unchanged', (p, c, k) => {
    const scaled = bgNbdProbabilityAlive({ ...p, alpha: p.alpha * k }, { frequency: c.frequency, recency: c.recency * k, T: c.T * k });
    expect(relativeError(scaled + 1e-300, bgNbdProbabilityAlive(p, c) + 1e-300)).toBeLessThan(1e-9);
  });
});

describe('bgNbdProbabilityAlive: properties over every parameter in [e^−30, e^30]', () => {
  test.prop([bgNbdParamsWholeRange, bgNbdCustomerWholeRange], { numRuns: 300 })(
    'in [0, 1], 1 with no repeat purchase, and non-increasing as the last purchase moves back from T',
    (p, c) => {
      const value = bgNbdProbabilityAlive(p, c);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
      if (c.frequency === 0) expect(value).toBe(1);
      else expect(bgNbdProbabilityAlive(p, { ...c, recency: c.recency / 2 })).toBeLessThanOrEqual(value);
    },
  );
});

describe('bgNbdProbabilityAlive at T + t: properties over every parameter in [e^−30, e^30]', () => {
  test.prop([bgNbdParamsWholeRange, bgNbdCustomerWholeRange, wholeTime], { numRuns: 150 })(
    'in [0, P(alive at T)] and non-increasing in t (to the 1e-10 of its quadrature), or a documented refusal',
    (p, c, t) => {
      const now = bgNbdProbabilityAlive(p, c);
      let later: number;
      let muchLater: number;
      try {
        later = bgNbdProbabilityAlive(p, c, t);
        muchLater = bgNbdProbabilityAlive(p, c, 3 * t);
      } catch (e) {
        if (e instanceof CxMetricsError && e.code === 'OUT_OF_RANGE') return;
        throw e;
      }
      expect(later).toBeGreaterThanOrEqual(0);
      expect(later).toBeLessThanOrEqual(now);
      expect(muchLater).toBeLessThanOrEqual(later * (1 + 1e-9));
    },
  );
});
