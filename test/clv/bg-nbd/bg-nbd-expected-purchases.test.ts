import { describe, expect, it } from 'vitest';
import { bgNbdExpectedPurchases } from '../../../src/clv';
import { errorCode } from '../../support/error-code';
import { BAD_BG_NBD_PARAMS } from '../clv-bad-input';
import { reference, relativeError } from '../clv-data';
import { asParams, extreme } from './bg-nbd-extreme-reference';

const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('bgNbdExpectedPurchases: known values (independent mpmath, reference/bg_nbd_reference.py)', () => {
  it('matches eq. 7 and its quadrature over p ~ Beta(a, b)', () => {
    for (const [t, closed, quad] of reference.bgnbdExpected) {
      expect(relativeError(closed, quad)).toBeLessThan(1e-12); // the two reference forms agree
      expect(relativeError(bgNbdExpectedPurchases(cdnow, t), closed)).toBeLessThan(1e-12);
    }
  });

  it('matches the quadrature where the closed form is 0/0 (a = 1) or its ₂F₁ has c ≤ 0 (a + b < 1)', () => {
    for (const [[r, alpha, a, b], t, quad] of reference.bgnbdExpectedQuad) {
      expect(relativeError(bgNbdExpectedPurchases({ r: r!, alpha: alpha!, a: a!, b: b! }, t), quad)).toBeLessThan(1e-11);
    }
  });

  it('is smooth through a = 1', () => {
    const at = (a: number) => bgNbdExpectedPurchases({ r: 0.5, alpha: 3, a, b: 2 }, 20);
    expect(Math.abs(at(1 + 1e-9) - at(1))).toBeLessThan(1e-8);
    expect(Math.abs(at(1 - 1e-9) - at(1))).toBeLessThan(1e-8);
  });

  it('is 0 for t = 0 and about r·t/α for a short t (almost no one has dropped out yet)', () => {
    expect(bgNbdExpectedPurchases(cdnow, 0)).toBe(0);
    // E[X(t)] = r t/α + O(t²): at t = 1e-6 the relative error of the first-order term is ~1e-6.
    expect(relativeError(bgNbdExpectedPurchases(cdnow, 1e-6), (0.243 * 1e-6) / 4.414)).toBeLessThan(1e-5);
  });
});

describe('bgNbdExpectedPurchases: bad input', () => {
  it.each(BAD_BG_NBD_PARAMS)('parameters with %s → %s', (_what, params, code) => {
    expect(errorCode(() => bgNbdExpectedPurchases(params as typeof cdnow, 10))).toBe(code);
  });
  it.each<[string, unknown, string]>([
    ['negative t', -1, 'NEGATIVE_VALUE'],
    ['NaN t', Number.NaN, 'INVALID_NUMBER'],
    ['infinite t', Number.POSITIVE_INFINITY, 'INVALID_NUMBER'],
    ['t as a string', '10', 'INVALID_NUMBER'],
  ])('%s → %s', (_what, t, code) => {
    expect(errorCode(() => bgNbdExpectedPurchases({ ...cdnow, alpha: 1e-4 }, t as number))).toBe(code);
  });

  it('names the function and the value', () => {
    expect(() => bgNbdExpectedPurchases(cdnow, -1)).toThrow(/^bgNbdExpectedPurchases: t -1 is negative/);
  });
});

describe('bgNbdExpectedPurchases: extreme parameters (60-digit mpmath, reference/bg_nbd_extreme_reference.py)', () => {
  it('matches FHL eq. 9 (or its beta integral) at every sampled point, the issue table included, at 1e-9', () => {
    expect(extreme.expected.length).toBeGreaterThan(15);
    for (const [params, t, expected] of extreme.expected) {
      expect(relativeError(bgNbdExpectedPurchases(asParams(params), t), expected), `${params} t=${t}`).toBeLessThan(1e-9);
    }
  });
});
