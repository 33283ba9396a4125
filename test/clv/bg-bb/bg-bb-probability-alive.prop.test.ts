import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bgBbProbabilityAlive } from '../../../src/clv';
import { bgBbCustomer, bgBbParams } from './bg-bb-data';
import { wideBgBb, wideBgBbHistory } from '../wide-arbitraries';

describe('bgBbProbabilityAlive: properties', () => {
  test.prop([bgBbParams, bgBbCustomer], { numRuns: 200 })('is a probability in [0, 1], finite for any history', (p, c) => {
    const value = bgBbProbabilityAlive(p, c);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(1);
  });

  test.prop([bgBbParams, bgBbCustomer, fc.double({ min: 0, max: 1, noNaN: true })], { numRuns: 150 })(
    'a later last transaction (larger tₓ, same x and n) never lowers it',
    (p, c, share) => {
      if (c.frequency === 0) return;
      const later = { ...c, recency: c.recency + Math.round((c.periods - c.recency) * share) };
      expect(bgBbProbabilityAlive(p, later)).toBeGreaterThanOrEqual(bgBbProbabilityAlive(p, c) * (1 - 1e-12));
    },
  );

  test.prop([bgBbParams, fc.integer({ min: 1, max: 10_000 })], { numRuns: 100 })(
    'with tₓ = n it does not depend on x: (δ+n)/(γ+δ+n)',
    (p, n) => {
      const expected = (p.delta + n) / (p.gamma + p.delta + n);
      for (const x of [1, Math.ceil(n / 2), n]) {
        expect(Math.abs(bgBbProbabilityAlive(p, { frequency: x, recency: n, periods: n }) - expected)).toBeLessThan(1e-12);
      }
    },
  );
});


describe('bgBbProbabilityAlive: properties over the whole fitted range (every parameter in [e^-30, e^30])', () => {
  test.prop([wideBgBb, wideBgBbHistory], { numRuns: 200 })('in [0, 1]', (p, c) => {
    const value = bgBbProbabilityAlive(p, c);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(1);
  });
});

describe('bgBbProbabilityAlive n* ahead: properties', () => {
  test.prop([wideBgBb, wideBgBbHistory, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 })], { numRuns: 100 })(
    'in [0, 1] over the whole fitted range, and non-increasing in n*',
    (p, c, nStar, more) => {
      const now = bgBbProbabilityAlive(p, c, nStar);
      const later = bgBbProbabilityAlive(p, c, nStar + more);
      expect(now).toBeGreaterThanOrEqual(0);
      expect(now).toBeLessThanOrEqual(1);
      expect(later).toBeGreaterThanOrEqual(0);
      // Exact in real arithmetic; the Euler–Maclaurin sum may differ from the term-by-term one in the last bit.
      expect(later).toBeLessThanOrEqual(now * (1 + 1e-14));
    },
  );
  test.prop([bgBbParams, bgBbCustomer, fc.integer({ min: 0, max: 50 })], { numRuns: 100 })(
    'never above P(alive at n+1): alive at n+1+n* implies alive at n+1',
    (p, c, nStar) => {
      expect(bgBbProbabilityAlive(p, c, nStar)).toBeLessThanOrEqual(bgBbProbabilityAlive(p, c) * (1 + 1e-14));
    },
  );
});
