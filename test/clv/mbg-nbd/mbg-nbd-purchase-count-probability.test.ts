import { describe, expect, it } from 'vitest';
import { mbgNbdPurchaseCountProbability } from '../../../src/clv';
import { relativeError } from '../clv-data';
import { EXTREME_RTOL, extremeError } from '../extreme-data';
import { asParams, CDNOW_MBG, mbgExtremeReference, mbgReference } from './mbg-nbd-reference';

describe('mbgNbdPurchaseCountProbability', () => {
  it('matches the mpmath P(X(t) = n) (eq. 8), extreme parameters included (rtol 1e-6)', () => {
    for (const [p, n, t, value] of mbgReference.count) {
      const got = mbgNbdPurchaseCountProbability(asParams(p), n, t);
      if (value < 1e-300) expect(got).toBeLessThan(1e-290);
      else expect(relativeError(got, value), `${p} n=${n} t=${t}`).toBeLessThan(1e-6);
    }
  });

  it('matches the whole-range mpmath references (every parameter in [e^-30, e^30], n to 200, t from 1e-6 to 1e9) at rtol 1e-6', () => {
    expect(mbgExtremeReference.count.length).toBeGreaterThan(40);
    for (const [p, n, t, value] of mbgExtremeReference.count) {
      expect(extremeError(mbgNbdPurchaseCountProbability(asParams(p), n, t), value), `${p} n=${n} t=${t}`).toBeLessThan(EXTREME_RTOL);
    }
  });

  it('at t = 0: 1 for n = 0, else 0', () => {
    expect(mbgNbdPurchaseCountProbability(CDNOW_MBG, 0, 0)).toBe(1);
    expect(mbgNbdPurchaseCountProbability(CDNOW_MBG, 3, 0)).toBe(0);
  });

  it('bad input', () => {
    expect(() => mbgNbdPurchaseCountProbability(CDNOW_MBG, 0.5, 1)).toThrow(expect.objectContaining({ code: 'NOT_AN_INTEGER' }));
    expect(() => mbgNbdPurchaseCountProbability(CDNOW_MBG, 1, -1)).toThrow(expect.objectContaining({ code: 'NEGATIVE_VALUE' }));
  });
});
