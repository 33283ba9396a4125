import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bgBbConditionalExpectedTransactions, bgBbConditionalTransactionCountProbability, type DiscreteCustomerHistory } from '../../../src/clv';
import { bgBbCustomer, bgBbParams } from './bg-bb-data';
import { wideBgBb, wideBgBbHistory } from '../wide-arbitraries';

type P = { alpha: number; beta: number; gamma: number; delta: number };

/** Checks P(X* = k) in [0, 1] for k = 0…n*, Σ P = 1, P(0) = 1 − P(≥ 1) and Σ k P = E[X*]. */
function checkPmf(p: P, c: DiscreteCustomerHistory, nStar: number, tolerance: number): void {
  let atLeastOne = 0;
  let mean = 0;
  for (let k = 1; k <= nStar; k++) {
    const v = bgBbConditionalTransactionCountProbability(p, c, k, nStar);
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(1);
    atLeastOne += v;
    mean += k * v;
  }
  const none = bgBbConditionalTransactionCountProbability(p, c, 0, nStar);
  expect(none).toBeGreaterThanOrEqual(0);
  expect(none).toBeLessThanOrEqual(1);
  expect(Math.abs(none - (1 - atLeastOne))).toBeLessThan(tolerance);
  expect(Math.abs(mean - bgBbConditionalExpectedTransactions(p, c, nStar))).toBeLessThan(tolerance * Math.max(1, nStar));
}

describe('bgBbConditionalTransactionCountProbability: properties', () => {
  test.prop([bgBbParams, bgBbCustomer, fc.integer({ min: 0, max: 30 })], { numRuns: 60 })(
    'a pmf over x* = 0…n*: in [0, 1], P(0) = 1 − P(X* ≥ 1), mean the conditional expectation',
    (p, c, nStar) => checkPmf(p, c, nStar, 1e-11),
  );
  test.prop([bgBbParams, bgBbCustomer, fc.integer({ min: 1, max: 30 })], { numRuns: 60 })(
    'P(no transaction) is non-increasing in n*',
    (p, c, nStar) => {
      const shorter = bgBbConditionalTransactionCountProbability(p, c, 0, nStar - 1);
      expect(bgBbConditionalTransactionCountProbability(p, c, 0, nStar)).toBeLessThanOrEqual(shorter * (1 + 1e-14));
    },
  );
});

describe('bgBbConditionalTransactionCountProbability: properties over the whole fitted range (every parameter in [e^-30, e^30])', () => {
  test.prop([wideBgBb, wideBgBbHistory, fc.integer({ min: 0, max: 25 })], { numRuns: 20 })(
    'a pmf over x* = 0…n*: in [0, 1], P(0) = 1 − P(X* ≥ 1), mean the conditional expectation',
    (p, c, nStar) => checkPmf(p, c, nStar, 1e-9),
  );
});
