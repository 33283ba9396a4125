import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { CxMetricsError } from '../../../src/models';
import { bgNbdConditionalExpectedPurchases, bgNbdConditionalPurchaseCountProbability } from '../../../src/clv';
import { relativeError } from '../clv-data';
import { bgNbdCustomer, bgNbdParams } from '../clv-arbitraries';
import { bgNbdCustomerWholeRange, bgNbdParamsWholeRange, wholeTime } from './bg-nbd-arbitraries';

/** The documented refusal of the conditional expectation (quadrature short of 1e-10), or rethrow. */
function refused(e: unknown): true {
  if (e instanceof CxMetricsError && e.code === 'OUT_OF_RANGE') return true;
  throw e;
}

describe('bgNbdConditionalPurchaseCountProbability: properties', () => {
  test.prop([bgNbdParams, bgNbdCustomer, fc.double({ min: 0.1, max: 100, noNaN: true })], { numRuns: 60 })(
    'sums to 1 over n, P(Y = 0) = 1 − Σₙ≥₁ P(Y = n), and Σ n·P(Y = n) is the conditional expectation',
    (p, c, t) => {
      const mean = bgNbdConditionalExpectedPurchases(p, c, t);
      fc.pre(mean < 100); // keeps the sum over n short
      let total = 0;
      let moment = 0;
      let last = 1;
      let n = 1;
      for (; n < 5_000 && (n < 4 * mean + 50 || last > 1e-18); n++) {
        last = bgNbdConditionalPurchaseCountProbability(p, c, n, t);
        expect(last).toBeGreaterThanOrEqual(0);
        expect(last).toBeLessThanOrEqual(1);
        total += last;
        moment += n * last;
      }
      const zero = bgNbdConditionalPurchaseCountProbability(p, c, 0, t);
      if (last > 1e-18) {
        // A heavy tail (r = α = a = b = 0.05, x = 0, T = 0.01, t = 75: P(Y = 5,000) ≈ 1e-13) is cut
        // at n = 5,000: what is summed can only fall short of 1 and of the mean.
        expect(zero + total).toBeLessThanOrEqual(1 + 1e-9);
        expect(moment).toBeLessThanOrEqual(mean * (1 + 1e-9));
        return;
      }
      expect(Math.abs(zero - (1 - total))).toBeLessThan(1e-9);
      expect(Math.abs(moment - mean)).toBeLessThan(1e-7 * Math.max(1, mean));
    },
  );
});

describe('bgNbdConditionalPurchaseCountProbability: properties over every parameter in [e^−30, e^30]', () => {
  test.prop([bgNbdParamsWholeRange, bgNbdCustomerWholeRange, wholeTime, fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5_000 }))], { numRuns: 100 })(
    'finite, in [0, 1], and P(Y = 0) + P(Y = n) ≤ 1',
    (p, c, t, n) => {
      const value = bgNbdConditionalPurchaseCountProbability(p, c, n, t);
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
      if (n > 0) expect(bgNbdConditionalPurchaseCountProbability(p, c, 0, t) + value).toBeLessThanOrEqual(1 + 1e-12);
    },
  );

  test.prop([bgNbdParamsWholeRange, bgNbdCustomerWholeRange, wholeTime], { numRuns: 40 })(
    'P(Y = 0) = 1 − Σₙ≥₁ P(Y = n) over the first 60 n when the mass sits there, else at least the sum leaves room',
    (p, c, t) => {
      let total = 0;
      for (let n = 1; n <= 60; n++) total += bgNbdConditionalPurchaseCountProbability(p, c, n, t);
      const zero = bgNbdConditionalPurchaseCountProbability(p, c, 0, t);
      expect(zero + total).toBeLessThanOrEqual(1 + 1e-9);
      let mean: number;
      try {
        mean = bgNbdConditionalExpectedPurchases(p, c, t);
      } catch (e) {
        refused(e);
        return;
      }
      // Markov: P(Y > 60) ≤ E[Y]/61, so the first 61 probabilities carry all but that.
      expect(zero + total).toBeGreaterThanOrEqual(1 - mean / 61 - 1e-9);
      if (mean < 1e-6) expect(relativeError(zero, 1 - total) < 1e-9 || Math.abs(zero - (1 - total)) < 1e-9).toBe(true);
    },
  );
});
