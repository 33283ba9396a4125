import { describe, expect, it } from 'vitest';
import { bgNbdConditionalExpectedPurchases, bgNbdConditionalPurchaseCountProbability, bgNbdProbabilityAlive, bgNbdPurchaseCountProbability } from '../../../src/clv';
import { errorCode } from '../../support/error-code';
import { BAD_BG_NBD_PARAMS, BAD_CUSTOMERS } from '../clv-bad-input';
import { relativeError } from '../clv-data';
import { asParams } from './bg-nbd-extreme-reference';
import { asCustomer, residual } from './bg-nbd-residual-reference';

const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const customer = { frequency: 2, recency: 30.43, T: 38.86 };

describe('bgNbdConditionalPurchaseCountProbability: known values (independent mpmath, reference/bg_nbd_residual_reference.py)', () => {
  it('matches P(alive)·eq. 8 at the posterior + δ(n=0)(1 − P(alive)), normal and extreme parameters, to 1e-6', () => {
    expect(residual.conditionalCount.length).toBeGreaterThan(50);
    for (const [p, c, n, t, expected] of residual.conditionalCount) {
      const value = bgNbdConditionalPurchaseCountProbability(asParams(p), asCustomer(c), n, t);
      if (expected < 1e-300) expect(value).toBeLessThan(1e-290);
      else expect(relativeError(value, expected), `${JSON.stringify([p, c, n, t])}`).toBeLessThan(1e-6);
    }
  });

  it('is the new-customer pmf for a customer just acquired (x = 0, T = 0)', () => {
    for (const n of [0, 1, 2, 7]) {
      expect(relativeError(bgNbdConditionalPurchaseCountProbability(cdnow, { frequency: 0, recency: 0, T: 0 }, n, 39), bgNbdPurchaseCountProbability(cdnow, n, 39))).toBeLessThan(1e-14);
    }
  });

  it('sums to 1 over n with mean E[Y(t) | x, tₓ, T], and P(Y = 0) = 1 − Σₙ≥₁', () => {
    for (const c of [customer, { frequency: 0, recency: 0, T: 38.86 }, { frequency: 14, recency: 37, T: 38.86 }]) {
      let total = 0;
      let mean = 0;
      for (let n = 1; n < 3000; n++) {
        const p = bgNbdConditionalPurchaseCountProbability(cdnow, c, n, 52);
        total += p;
        mean += n * p;
      }
      expect(Math.abs(bgNbdConditionalPurchaseCountProbability(cdnow, c, 0, 52) - (1 - total))).toBeLessThan(1e-12);
      expect(relativeError(mean, bgNbdConditionalExpectedPurchases(cdnow, c, 52))).toBeLessThan(1e-9);
    }
  });

  it('with t = 0: 1 for n = 0, else 0; a dead-looking customer churns with at least 1 − P(alive)', () => {
    expect(bgNbdConditionalPurchaseCountProbability(cdnow, customer, 0, 0)).toBe(1);
    expect(bgNbdConditionalPurchaseCountProbability(cdnow, customer, 3, 0)).toBe(0);
    const silent = { frequency: 5, recency: 2, T: 38.86 };
    expect(bgNbdConditionalPurchaseCountProbability(cdnow, silent, 0, 39)).toBeGreaterThanOrEqual(1 - bgNbdProbabilityAlive(cdnow, silent));
  });

  it('is finite for a large n and a heavy buyer', () => {
    const heavy = { frequency: 5000, recency: 38, T: 38.86 };
    const p = bgNbdConditionalPurchaseCountProbability(cdnow, heavy, 5000, 39);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(0.01);
  });
});

describe('bgNbdConditionalPurchaseCountProbability: bad input', () => {
  it.each(BAD_BG_NBD_PARAMS)('rejects %s', (_what, params, code) => {
    expect(errorCode(() => bgNbdConditionalPurchaseCountProbability(params as never, customer, 0, 4))).toBe(code);
  });
  it.each(BAD_CUSTOMERS)('rejects %s', (_what, c, code) => {
    expect(errorCode(() => bgNbdConditionalPurchaseCountProbability(cdnow, c as never, 0, 4))).toBe(code);
  });
  it.each([
    ['a negative n', -1, 4, 'NEGATIVE_VALUE'],
    ['a fractional n', 0.5, 4, 'NOT_AN_INTEGER'],
    ['a NaN t', 1, Number.NaN, 'INVALID_NUMBER'],
    ['a negative t', 1, -4, 'NEGATIVE_VALUE'],
    ['an infinite t', 1, Number.POSITIVE_INFINITY, 'INVALID_NUMBER'],
  ])('rejects %s', (_what, n, t, code) => {
    expect(errorCode(() => bgNbdConditionalPurchaseCountProbability(cdnow, customer, n, t))).toBe(code);
  });
});
