import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { paretoNbdConditionalExpectedPurchases, paretoNbdConditionalPurchaseCountProbability, paretoNbdProbabilityAlive } from '../../../src/clv';
import { wideCustomer, wideParameter, wideTime } from '../wide-arbitraries';

const wideParams = fc.record({ r: wideParameter, alpha: wideParameter, s: wideParameter, beta: wideParameter });
const count = fc.oneof(fc.constantFrom(0, 1, 3, 100, 10_000), fc.integer({ min: 0, max: 1000 }));

describe('paretoNbdConditionalPurchaseCountProbability: properties over the whole fitted range (every parameter in [e^-30, e^30])', () => {
  test.prop([wideParams, wideCustomer, count, wideTime], { numRuns: 150 })('is a probability in [0, 1], x and n up to 10,000', (p, c, n, t) => {
    const value = paretoNbdConditionalPurchaseCountProbability(p, c, n, t);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(1);
  });

  test.prop([wideParams, wideCustomer, wideTime, fc.double({ min: 1, max: 100, noNaN: true })], { numRuns: 100 })(
    'P(Y(t) = 0) is at least 1 − P(alive) and does not grow with t',
    (p, c, t, k) => {
      const none = paretoNbdConditionalPurchaseCountProbability(p, c, 0, t);
      expect(none).toBeGreaterThanOrEqual(1 - paretoNbdProbabilityAlive(p, c) - 1e-15);
      expect(paretoNbdConditionalPurchaseCountProbability(p, c, 0, t * k)).toBeLessThanOrEqual(none * (1 + 1e-12));
    },
  );

  // t ≤ (α+T)·min(1, 10/(r+x)): a live customer's negative binomial has mean ≤ 10 and odds ≤ ½, so 120 terms hold all the mass.
  test.prop([wideParams, wideCustomer, fc.double({ min: 1e-6, max: 1, noNaN: true })], { numRuns: 25 })(
    'P(Y = 0) = 1 − P(Y ≥ 1): sums to 1 over n, with mean E[Y(t) | x, tₓ, T]',
    (p, c, u) => {
      const t = (p.alpha + c.T) * u * Math.min(1, 10 / (p.r + c.frequency));
      let rest = 0;
      let mean = 0;
      for (let n = 1; n < 120; n++) {
        const value = paretoNbdConditionalPurchaseCountProbability(p, c, n, t);
        rest += value;
        mean += n * value;
      }
      expect(Math.abs(paretoNbdConditionalPurchaseCountProbability(p, c, 0, t) - (1 - rest))).toBeLessThan(1e-10);
      const expected = paretoNbdConditionalExpectedPurchases(p, c, t);
      expect(Math.abs(mean - expected)).toBeLessThanOrEqual(1e-9 * expected + 1e-300);
    },
  );
});
