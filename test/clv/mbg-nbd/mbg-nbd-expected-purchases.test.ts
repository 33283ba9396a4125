import { describe, expect, it } from 'vitest';
import { mbgNbdExpectedPurchases, bgNbdExpectedPurchases } from '../../../src/clv';
import { relativeError } from '../clv-data';
import { EXTREME_RTOL, extremeError } from '../extreme-data';
import { asParams, CDNOW_MBG, mbgExtremeReference, mbgReference } from './mbg-nbd-reference';

describe('mbgNbdExpectedPurchases', () => {
  it('matches the mpmath values (eq. 9, or the beta integral), extreme parameters included (rtol 1e-6)', () => {
    expect(mbgReference.expected.length).toBeGreaterThan(8);
    for (const [p, t, value] of mbgReference.expected) {
      expect(relativeError(mbgNbdExpectedPurchases(asParams(p), t), value), `${p} t=${t}`).toBeLessThan(1e-6);
    }
  });

  it('matches the whole-range mpmath references (every parameter in [e^-30, e^30], t from 1e-6 to 1e9) at rtol 1e-6', () => {
    expect(mbgExtremeReference.expected.length).toBeGreaterThan(40);
    for (const [p, t, value] of mbgExtremeReference.expected) {
      expect(extremeError(mbgNbdExpectedPurchases(asParams(p), t), value), `${p} t=${t}`).toBeLessThan(EXTREME_RTOL);
    }
  });

  it('is b/(a+b) times the BG/NBD expectation with b + 1', () => {
    const { a, b } = CDNOW_MBG;
    const bg = bgNbdExpectedPurchases({ ...CDNOW_MBG, b: b + 1 }, 52);
    expect(relativeError(mbgNbdExpectedPurchases(CDNOW_MBG, 52), (b / (a + b)) * bg)).toBeLessThan(1e-12);
  });

  it('is continuous through a = 1 and 0 at t = 0', () => {
    const at = (a: number) => mbgNbdExpectedPurchases({ ...CDNOW_MBG, a }, 39);
    expect(relativeError(at(1), at(1 + 1e-9))).toBeLessThan(1e-8);
    expect(mbgNbdExpectedPurchases(CDNOW_MBG, 0)).toBe(0);
  });

  it('bad input', () => {
    expect(() => mbgNbdExpectedPurchases(CDNOW_MBG, -1)).toThrow(expect.objectContaining({ code: 'NEGATIVE_VALUE' }));
    expect(() => mbgNbdExpectedPurchases({ ...CDNOW_MBG, r: Number.NaN }, 1)).toThrow(expect.objectContaining({ code: 'INVALID_NUMBER' }));
  });
});
