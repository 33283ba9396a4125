import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { discountedClv } from '../../src/clv/discounted-clv';

/** The definition, term by term: Σ_{t=start..start+T−1} m·r^t/(1+d)^t. */
function bySum(m: number, r: number, d: number, horizon: number, countAcquisitionPeriod = false): number {
  let total = 0;
  const start = countAcquisitionPeriod ? 0 : 1;
  for (let t = start; t < start + horizon; t++) total += (m * r ** t) / (1 + d) ** t;
  return total;
}

describe('discountedClv: properties', () => {
  const rate = fc.double({ min: 0, max: 1, noNaN: true });
  const discount = fc.double({ min: 0.001, max: 0.5, noNaN: true });
  const money = fc.double({ min: 0, max: 1e6, noNaN: true });

  test.prop([money, rate, discount, fc.integer({ min: 0, max: 60 }), fc.boolean()], { numRuns: 200 })(
    'the closed form equals the term-by-term sum',
    (m, r, d, horizon, now) => {
      const value = discountedClv({ margin: m, retention: r, discountRate: d, horizon, countAcquisitionPeriod: now });
      const expected = bySum(m, r, d, horizon, now);
      expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-10 * (1 + Math.abs(expected)));
    },
  );

  test.prop([money, money, rate, rate, discount, discount], { numRuns: 200 })(
    'non-decreasing in margin and retention, non-increasing in the discount rate',
    (m1, m2, r1, r2, d1, d2) => {
      const clv = (m: number, r: number, d: number) => discountedClv({ margin: m, retention: r, discountRate: d });
      const slack = 1e-12;
      const [mLo, mHi] = m1 <= m2 ? [m1, m2] : [m2, m1];
      const [rLo, rHi] = r1 <= r2 ? [r1, r2] : [r2, r1];
      const [dLo, dHi] = d1 <= d2 ? [d1, d2] : [d2, d1];
      expect(clv(mLo, r1, d1)).toBeLessThanOrEqual(clv(mHi, r1, d1) * (1 + slack));
      expect(clv(m1, rLo, d1)).toBeLessThanOrEqual(clv(m1, rHi, d1) * (1 + slack));
      expect(clv(m1, r1, dHi)).toBeLessThanOrEqual(clv(m1, r1, dLo) * (1 + slack));
    },
  );

  test.prop([money, fc.double({ min: 0, max: 0.99, noNaN: true }), discount, fc.boolean()], { numRuns: 100 })(
    'the finite sum grows with the horizon towards the infinite-horizon value',
    (m, r, d, now) => {
      const infinite = discountedClv({ margin: m, retention: r, discountRate: d, countAcquisitionPeriod: now });
      let previous = 0;
      for (const horizon of [0, 1, 2, 5, 10, 50, 200, 1000, 100_000]) {
        const finite = discountedClv({ margin: m, retention: r, discountRate: d, horizon, countAcquisitionPeriod: now });
        expect(finite).toBeGreaterThanOrEqual(previous);
        expect(finite).toBeLessThanOrEqual(infinite * (1 + 1e-12));
        previous = finite;
      }
      expect(Math.abs(previous - infinite)).toBeLessThanOrEqual(1e-9 * (1 + infinite));
      // Counting the acquisition period adds exactly the first margin, in the limit.
      if (!now) {
        const withNow = discountedClv({ margin: m, retention: r, discountRate: d, countAcquisitionPeriod: true });
        expect(withNow - infinite).toBeCloseTo(m, 6);
      }
    },
  );
});
