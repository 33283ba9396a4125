import { describe, expect, it } from 'vitest';
import { paretoNbdExpectedPurchases, paretoNbdPurchaseCountProbability } from '../../../src/clv';
import { errorCode } from '../../support/error-code';
import { relativeError } from '../clv-data';
import { BAD_PARETO_NBD_PARAMS, CDNOW_PARETO_NBD as cdnow, asParetoNbdParams, paretoNbdPredictionsReference as reference } from './pareto-nbd-data';

describe('paretoNbdPurchaseCountProbability: known values (independent mpmath, reference/pareto_nbd_predictions_reference.py)', () => {
  it('matches the note’s P(X(t) = n) at CDNOW and extreme parameters (e^±30), n up to 150, at 1e-12', () => {
    expect(reference.pmf.length).toBeGreaterThan(10);
    for (const { params, n, t, value } of reference.pmf) {
      expect(relativeError(paretoNbdPurchaseCountProbability(asParetoNbdParams(params), n, t), value), `${params} n=${n} t=${t}`).toBeLessThan(1e-12);
    }
  });

  it('sums to 1 over n, with mean E[X(t)]', () => {
    for (const t of [1, 39, 78]) {
      let total = 0;
      let mean = 0;
      for (let n = 0; n < 400; n++) {
        const p = paretoNbdPurchaseCountProbability(cdnow, n, t);
        total += p;
        mean += n * p;
      }
      expect(total).toBeCloseTo(1, 9);
      expect(relativeError(mean, paretoNbdExpectedPurchases(cdnow, t))).toBeLessThan(1e-7);
    }
  });

  it('puts all the mass on n = 0 for t = 0, and stays finite (0 by underflow) for n = 100,000', () => {
    expect(paretoNbdPurchaseCountProbability(cdnow, 0, 0)).toBe(1);
    expect(paretoNbdPurchaseCountProbability(cdnow, 3, 0)).toBe(0);
    const tiny = paretoNbdPurchaseCountProbability(cdnow, 100_000, 39);
    expect(tiny).toBeGreaterThanOrEqual(0);
    expect(tiny).toBeLessThan(1e-300);
  });

  it('without dropout (s → 0) tends to the negative binomial of the NBD model', () => {
    // P(X(t) = n) = Γ(r+n)/(Γ(r) n!) (α/(α+t))^r (t/(α+t))^n, here r = 2: (n+1) q² pⁿ.
    const p = { r: 2, alpha: 3, s: 1e-12, beta: 5 };
    for (const n of [0, 1, 4]) {
      const expected = (n + 1) * (3 / 13) ** 2 * (10 / 13) ** n;
      expect(relativeError(paretoNbdPurchaseCountProbability(p, n, 10), expected)).toBeLessThan(1e-9);
    }
  });
});

describe('paretoNbdPurchaseCountProbability: bad input', () => {
  it.each(BAD_PARETO_NBD_PARAMS)('parameters with %s → %s', (_what, params, code) => {
    expect(errorCode(() => paretoNbdPurchaseCountProbability(params as typeof cdnow, 1, 10))).toBe(code);
  });
  it.each<[string, unknown, unknown, string]>([
    ['fractional n', 1.5, 10, 'NOT_AN_INTEGER'],
    ['negative n', -1, 10, 'NEGATIVE_VALUE'],
    ['NaN n', Number.NaN, 10, 'INVALID_NUMBER'],
    ['n as a string', '1', 10, 'INVALID_NUMBER'],
    ['negative t', 1, -10, 'NEGATIVE_VALUE'],
    ['NaN t', 1, Number.NaN, 'INVALID_NUMBER'],
    ['infinite t', 1, Number.POSITIVE_INFINITY, 'INVALID_NUMBER'],
  ])('%s → %s', (_what, n, t, code) => {
    expect(errorCode(() => paretoNbdPurchaseCountProbability(cdnow, n as number, t as number))).toBe(code);
  });
  it('names the function and the value', () => {
    expect(() => paretoNbdPurchaseCountProbability(cdnow, 0.5, 39)).toThrow(/^paretoNbdPurchaseCountProbability: n 0\.5/);
  });
});
