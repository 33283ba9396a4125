import { describe, expect, it } from 'vitest';
import { paretoNbdExpectedPurchases, type ParetoNbdParams } from '../../../src/clv';
import { errorCode } from '../../support/error-code';
import { relativeError } from '../clv-data';
import { EXTREME_RTOL, extremeError, extremeReference } from '../extreme-data';
import { BAD_PARETO_NBD_PARAMS, CDNOW_PARETO_NBD as cdnow, paretoNbdReference as reference } from './pareto-nbd-data';

describe('paretoNbdExpectedPurchases: known values (independent mpmath, reference/pareto_nbd_reference.py)', () => {
  it('matches the closed form (the note’s eq. 17) and its quadrature over μ ~ Gamma(s, β), s = 1 and s = 1 + 1e-9 included', () => {
    for (const [[r, alpha, s, beta], t, closed, quad] of reference.expected) {
      expect(relativeError(quad, closed)).toBeLessThan(1e-13); // the two reference forms agree
      expect(relativeError(paretoNbdExpectedPurchases({ r: r!, alpha: alpha!, s: s!, beta: beta! }, t), closed)).toBeLessThan(1e-13);
    }
  });

  it('is smooth through s = 1, where the closed form is 0/0 (limit (rβ/α)·ln(1 + t/β))', () => {
    const at = (s: number) => paretoNbdExpectedPurchases({ r: 0.5, alpha: 3, s, beta: 2 }, 20);
    expect(relativeError(at(1), ((0.5 * 2) / 3) * Math.log1p(20 / 2))).toBeLessThan(1e-15);
    expect(Math.abs(at(1 + 1e-9) - at(1))).toBeLessThan(1e-8);
    expect(Math.abs(at(1 - 1e-9) - at(1))).toBeLessThan(1e-8);
  });

  it('is 0 for t = 0, about r·t/α for a short t, and finite for a very long one', () => {
    expect(paretoNbdExpectedPurchases(cdnow, 0)).toBe(0);
    expect(relativeError(paretoNbdExpectedPurchases(cdnow, 1e-6), (0.553 * 1e-6) / 10.578)).toBeLessThan(1e-5);
    // s < 1: grows like t^(1−s) without bound, but stays finite for any finite t.
    expect(Number.isFinite(paretoNbdExpectedPurchases({ r: 1, alpha: 1e-3, s: 0.1, beta: 1e-3 }, 1e300))).toBe(true);
  });

  it('matches the whole-range references (every parameter in [e^-30, e^30], t from 1e-6 to 1e7) at rtol 1e-6', () => {
    for (const [r, alpha, s, beta, t, value] of extremeReference.paretoNbd.expected as [number, number, number, number, number, number][]) {
      expect(extremeError(paretoNbdExpectedPurchases({ r, alpha, s, beta }, t), value), JSON.stringify([r, alpha, s, beta, t])).toBeLessThan(EXTREME_RTOL);
    }
  });
});

describe('paretoNbdExpectedPurchases: bad input', () => {
  it.each(BAD_PARETO_NBD_PARAMS)('parameters with %s → %s', (_what, params, code) => {
    expect(errorCode(() => paretoNbdExpectedPurchases(params as ParetoNbdParams, 10))).toBe(code);
  });
  it.each<[string, unknown, string]>([
    ['negative t', -1, 'NEGATIVE_VALUE'],
    ['NaN t', Number.NaN, 'INVALID_NUMBER'],
    ['infinite t', Number.POSITIVE_INFINITY, 'INVALID_NUMBER'],
    ['t as a string', '10', 'INVALID_NUMBER'],
  ])('%s → %s', (_what, t, code) => {
    expect(errorCode(() => paretoNbdExpectedPurchases(cdnow, t as number))).toBe(code);
  });
  it('names the function and the value', () => {
    expect(() => paretoNbdExpectedPurchases(cdnow, -1)).toThrow(/^paretoNbdExpectedPurchases: t -1 is negative/);
  });
});
