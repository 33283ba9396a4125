import { describe, expect, it } from 'vitest';
import { mbgNbdConditionalPurchaseCountProbability, mbgNbdProbabilityAlive, mbgNbdPurchaseCountProbability } from '../../../src/clv';
import { relativeError } from '../clv-data';
import { EXTREME_RTOL, extremeError } from '../extreme-data';
import { asCustomer, asParams, CDNOW_MBG, mbgExtremeReference, mbgReference } from './mbg-nbd-reference';

describe('mbgNbdConditionalPurchaseCountProbability', () => {
  it('matches the mpmath integral over the posterior dropout probability (rtol 1e-6)', () => {
    for (const [p, h, n, t, value] of mbgReference.conditionalCount) {
      expect(relativeError(mbgNbdConditionalPurchaseCountProbability(asParams(p), asCustomer(h), n, t), value), `${p} ${h} n=${n} t=${t}`).toBeLessThan(1e-6);
    }
  });

  it('matches the whole-range mpmath references (every parameter in [e^-30, e^30], x to 10,000) at rtol 1e-6', () => {
    expect(mbgExtremeReference.conditionalCount.length).toBeGreaterThan(40);
    for (const [p, h, n, t, value] of mbgExtremeReference.conditionalCount) {
      expect(extremeError(mbgNbdConditionalPurchaseCountProbability(asParams(p), asCustomer(h), n, t), value), `${p} ${h} n=${n} t=${t}`).toBeLessThan(EXTREME_RTOL);
    }
  });

  it('for a new customer (0, 0, 0) is P(X(t) = n)', () => {
    for (const n of [0, 1, 4]) {
      const got = mbgNbdConditionalPurchaseCountProbability(CDNOW_MBG, { frequency: 0, recency: 0, T: 0 }, n, 39);
      expect(relativeError(got, mbgNbdPurchaseCountProbability(CDNOW_MBG, n, 39))).toBeLessThan(1e-13);
    }
  });

  it('P(Y = 0) is at least 1 − P(alive)', () => {
    const c = { frequency: 1, recency: 2, T: 38.86 };
    expect(mbgNbdConditionalPurchaseCountProbability(CDNOW_MBG, c, 0, 10)).toBeGreaterThanOrEqual(1 - mbgNbdProbabilityAlive(CDNOW_MBG, c));
  });

  it('bad input', () => {
    expect(() => mbgNbdConditionalPurchaseCountProbability(CDNOW_MBG, { frequency: 1, recency: 2, T: 3 }, 1.5, 1)).toThrow(expect.objectContaining({ code: 'NOT_AN_INTEGER' }));
    expect(() => mbgNbdConditionalPurchaseCountProbability(CDNOW_MBG, { frequency: 1, recency: 4, T: 3 }, 1, 1)).toThrow(expect.objectContaining({ code: 'ORDER_VIOLATION' }));
  });
});
