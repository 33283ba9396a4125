import { describe, expect, it } from 'vitest';
import { mbgNbdConditionalExpectedPurchases, mbgNbdExpectedPurchases } from '../../../src/clv';
import { relativeError } from '../clv-data';
import { EXTREME_RTOL, extremeError } from '../extreme-data';
import { asCustomer, asParams, CDNOW_MBG, mbgExtremeReference, mbgReference } from './mbg-nbd-reference';

describe('mbgNbdConditionalExpectedPurchases', () => {
  it('matches the mpmath values (eq. 11, or the beta integral), extreme parameters included (rtol 1e-6)', () => {
    expect(mbgReference.conditional.length).toBeGreaterThan(12);
    for (const [p, h, t, value] of mbgReference.conditional) {
      expect(relativeError(mbgNbdConditionalExpectedPurchases(asParams(p), asCustomer(h), t), value), `${p} ${h} t=${t}`).toBeLessThan(1e-6);
    }
  });

  it('matches the whole-range mpmath references (every parameter in [e^-30, e^30], x to 10,000, t from 1e-6 to 1e9) at rtol 1e-6', () => {
    expect(mbgExtremeReference.conditional.length).toBeGreaterThan(60);
    for (const [p, h, t, value] of mbgExtremeReference.conditional) {
      expect(extremeError(mbgNbdConditionalExpectedPurchases(asParams(p), asCustomer(h), t), value), `${p} ${h} t=${t}`).toBeLessThan(EXTREME_RTOL);
    }
  });

  it('for a new customer (0, 0, 0) is E[X(t)]', () => {
    const e = mbgNbdConditionalExpectedPurchases(CDNOW_MBG, { frequency: 0, recency: 0, T: 0 }, 39);
    expect(relativeError(e, mbgNbdExpectedPurchases(CDNOW_MBG, 39))).toBeLessThan(1e-14);
  });

  it('bad input', () => {
    expect(() => mbgNbdConditionalExpectedPurchases(CDNOW_MBG, { frequency: 2, recency: 40, T: 38 }, 1)).toThrow(expect.objectContaining({ code: 'ORDER_VIOLATION' }));
    expect(() => mbgNbdConditionalExpectedPurchases(CDNOW_MBG, { frequency: 0, recency: 4, T: 38 }, 1)).toThrow(expect.objectContaining({ code: 'INCONSISTENT_INPUT' }));
    expect(() => mbgNbdConditionalExpectedPurchases(CDNOW_MBG, { frequency: 2, recency: 4, T: 38 }, -1)).toThrow(/mbgNbdConditionalExpectedPurchases: /);
  });
});
