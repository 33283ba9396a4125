import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bgBbProbabilityAlive } from '../../src/clv';
import { bgBbCustomer, bgBbParams } from './bg-bb-data';
import { wideParameter } from './wide-arbitraries';

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

const wideBgBb = fc.record({ alpha: wideParameter, beta: wideParameter, gamma: wideParameter, delta: wideParameter });
/** (x, tₓ, n) with x ≤ tₓ ≤ n, x = 0 exactly when tₓ = 0, n up to 100,000. */
const wideHistory = fc
  .tuple(fc.oneof(fc.constantFrom(1, 6, 100_000), fc.integer({ min: 1, max: 100_000 })), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([n, u, v]) => {
    const tx = Math.round(u * n);
    const x = tx === 0 ? 0 : Math.max(1, Math.round(v * tx));
    return { frequency: x, recency: tx, periods: n };
  });

describe('bgBbProbabilityAlive: properties over the whole fitted range (every parameter in [e^-30, e^30])', () => {
  test.prop([wideBgBb, wideHistory], { numRuns: 200 })('in [0, 1]', (p, c) => {
    const value = bgBbProbabilityAlive(p, c);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(1);
  });
});
