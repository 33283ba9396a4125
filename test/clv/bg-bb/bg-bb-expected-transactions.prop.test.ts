import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bgBbConditionalExpectedTransactions, bgBbExpectedTransactions } from '../../../src/clv';
import { relativeError } from '../clv-data';
import { bgBbParams } from './bg-bb-data';
import { wideBgBb } from '../wide-arbitraries';

const opportunities = fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 100_000 }));

describe('bgBbExpectedTransactions: properties', () => {
  test.prop([bgBbParams, opportunities, fc.integer({ min: 0, max: 1000 })], { numRuns: 150 })(
    'finite, ≥ 0, non-decreasing in n, and at most α/(α+β) · n',
    (p, n, more) => {
      const e1 = bgBbExpectedTransactions(p, n);
      const e2 = bgBbExpectedTransactions(p, n + more);
      expect(Number.isFinite(e1) && Number.isFinite(e2)).toBe(true);
      expect(e1).toBeGreaterThanOrEqual(0);
      expect(e2).toBeGreaterThanOrEqual(e1 * (1 - 1e-12));
      expect(e1).toBeLessThanOrEqual((p.alpha / (p.alpha + p.beta)) * n * (1 + 1e-12));
    },
  );

  test.prop([bgBbParams, fc.integer({ min: 1, max: 200 })], { numRuns: 100 })(
    'equals the conditional expectation of a customer with nothing observed yet (x = tₓ = n = 0)',
    (p, n) => {
      const fresh = bgBbConditionalExpectedTransactions(p, { frequency: 0, recency: 0, periods: 0 }, n);
      expect(relativeError(fresh, bgBbExpectedTransactions(p, n))).toBeLessThan(1e-12);
    },
  );

  test.prop([bgBbParams, fc.integer({ min: 1, max: 500 }), fc.double({ min: -1e-7, max: 1e-7, noNaN: true })], { numRuns: 100 })(
    'is continuous through γ = 1 (where the closed form is 0/0)',
    (p, n, e) => {
      const at1 = bgBbExpectedTransactions({ ...p, gamma: 1 }, n);
      const near = bgBbExpectedTransactions({ ...p, gamma: 1 + e }, n);
      // dE/dγ is bounded by E · Σ 1/(γ+δ+j) ≤ E · n/δ.
      expect(Math.abs(near - at1)).toBeLessThanOrEqual(at1 * (Math.abs(e) * (n / p.delta + 1) * 2 + 1e-13));
    },
  );
});


describe('bgBbExpectedTransactions: properties over the whole fitted range (every parameter in [e^-30, e^30])', () => {
  test.prop([wideBgBb, fc.integer({ min: 0, max: 1_000_000 })], { numRuns: 100 })('in [0, n]', (p, n) => {
    const value = bgBbExpectedTransactions(p, n);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(n);
  });
});
