import { describe, expect, it } from 'vitest';
import { mbgNbdProbabilityAlive } from '../../../src/clv';
import { relativeError } from '../clv-data';
import { EXTREME_RTOL, extremeError } from '../extreme-data';
import { asCustomer, asParams, CDNOW_MBG, mbgExtremeReference, mbgReference } from './mbg-nbd-reference';

describe('mbgNbdProbabilityAlive', () => {
  it('matches the mpmath P(alive) (eq. 10), one-time buyers included (rtol 1e-12)', () => {
    for (const [p, h, value] of mbgReference.alive) {
      expect(relativeError(mbgNbdProbabilityAlive(asParams(p), asCustomer(h)), value), `${p} ${h}`).toBeLessThan(1e-12);
    }
  });

  it('matches the whole-range mpmath references of P(alive) and P(alive at T + t) (every parameter in [e^-30, e^30]) at rtol 1e-6', () => {
    expect(mbgExtremeReference.alive.length).toBeGreaterThan(60);
    for (const [p, h, value] of mbgExtremeReference.alive) {
      expect(extremeError(mbgNbdProbabilityAlive(asParams(p), asCustomer(h)), value), `${p} ${h}`).toBeLessThan(EXTREME_RTOL);
    }
    expect(mbgExtremeReference.aliveAt.length).toBeGreaterThan(60);
    for (const [p, h, t, value] of mbgExtremeReference.aliveAt) {
      expect(extremeError(mbgNbdProbabilityAlive(asParams(p), asCustomer(h), t), value), `${p} ${h} t=${t}`).toBeLessThan(EXTREME_RTOL);
    }
  });

  it('matches the mpmath P(alive at T + t) = P(alive) ₂F₁(r+x, a; a+b+x+1; −t/(α+T)) (rtol 1e-6)', () => {
    expect(mbgReference.aliveAt.length).toBeGreaterThan(12);
    for (const [p, h, t, value] of mbgReference.aliveAt) {
      expect(relativeError(mbgNbdProbabilityAlive(asParams(p), asCustomer(h), t), value), `${p} ${h} t=${t}`).toBeLessThan(1e-6);
    }
  });

  it('gives a one-time buyer P(alive) < 1, falling as they stay silent; a new customer b/(a+b)', () => {
    const at = (T: number) => mbgNbdProbabilityAlive(CDNOW_MBG, { frequency: 0, recency: 0, T });
    expect(relativeError(at(0), CDNOW_MBG.b / (CDNOW_MBG.a + CDNOW_MBG.b))).toBeLessThan(1e-14);
    expect(at(10)).toBeLessThan(at(0));
    expect(at(50)).toBeLessThan(at(10));
  });

  it('bad input', () => {
    expect(() => mbgNbdProbabilityAlive(CDNOW_MBG, { frequency: 1.5, recency: 2, T: 3 })).toThrow(expect.objectContaining({ code: 'NOT_AN_INTEGER' }));
    expect(() => mbgNbdProbabilityAlive(CDNOW_MBG, { frequency: 1, recency: 2, T: 3 }, -1)).toThrow(expect.objectContaining({ code: 'NEGATIVE_VALUE' }));
  });
});
