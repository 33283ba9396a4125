import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { paretoNbdExpectedPurchases, paretoNbdPurchaseCountProbability } from '../../../src/clv';
import { wideParameter, wideTime } from '../wide-arbitraries';

const wideParams = fc.record({ r: wideParameter, alpha: wideParameter, s: wideParameter, beta: wideParameter });
const count = fc.oneof(fc.constantFrom(0, 1, 3, 100, 10_000), fc.integer({ min: 0, max: 1000 }));

describe('paretoNbdPurchaseCountProbability: properties over the whole fitted range (every parameter in [e^-30, e^30])', () => {
  test.prop([wideParams, count, wideTime], { numRuns: 150 })('is a probability in [0, 1], n up to 10,000, t from 1e-3 to 1e5', (p, n, t) => {
    const value = paretoNbdPurchaseCountProbability(p, n, t);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(1);
  });

  // t ≤ α·min(1, 10/r): the negative binomial of a live customer has mean ≤ 10 and odds ≤ ½, so 120 terms hold all the mass.
  test.prop([wideParams, fc.double({ min: 1e-6, max: 1, noNaN: true })], { numRuns: 25 })('sums to 1 over n, with mean E[X(t)]', (p, u) => {
    const t = p.alpha * u * Math.min(1, 10 / p.r);
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 120; n++) {
      const value = paretoNbdPurchaseCountProbability(p, n, t);
      total += value;
      mean += n * value;
    }
    expect(Math.abs(total - 1)).toBeLessThan(1e-10);
    const expected = paretoNbdExpectedPurchases(p, t);
    expect(Math.abs(mean - expected)).toBeLessThanOrEqual(1e-9 * expected + 1e-300);
  });
});
