import { describe, expect, it } from 'vitest';
import { bgBbExpectedTransactions, bgBbTransactionCountProbability } from '../../../src/clv';
import { errorCode } from '../../support/error-code';
import { relativeError } from '../clv-data';
import { EXTREME_RTOL, extremeError } from '../extreme-data';
import { BAD_BG_BB_PARAMS, bgBbCountsReference as reference, bgBbExtremeReference, bgBbReference, params4, PUBLISHED } from './bg-bb-data';

describe('bgBbTransactionCountProbability: known values (independent mpmath, reference/bg_bb_counts_reference.py)', () => {
  it('matches eq. (8) of Fader, Hardie & Shang (2010), itself checked against quadrature, at rtol 1e-12', () => {
    for (const [x, n, expected] of reference.pmf) {
      expect(relativeError(bgBbTransactionCountProbability(PUBLISHED, x, n), expected), `${x} in ${n}`).toBeLessThan(1e-12);
    }
  });

  it('reproduces the donations workbook: expected donors by number of repeat donations, 1996–2001', () => {
    const mle = params4(bgBbReference.donations.params);
    reference.donorsByCount.mle.forEach((expected, x) => {
      expect(relativeError(11104 * bgBbTransactionCountProbability(mle, x, 6), expected)).toBeLessThan(1e-12);
    });
    // The workbook's rounded column, and the observed counts it is compared with (within 6 %).
    expect(reference.donorsByCount.mle.map(Math.round)).toEqual([3455, 1889, 1349, 1113, 1018, 1027, 1253]);
    reference.donorsByCount.observed.forEach((observed, x) => {
      expect(Math.abs(11104 * bgBbTransactionCountProbability(mle, x, 6) - observed) / observed).toBeLessThan(0.06);
    });
  });

  it('is accurate with every parameter at e^±30 (rtol 1e-6)', () => {
    for (const [p, x, n, expected] of reference.widePmf) {
      const value = bgBbTransactionCountProbability(params4(p), x, n);
      if (expected < 1e-300) expect(value).toBeLessThan(1e-300);
      else expect(relativeError(value, expected), JSON.stringify([p, x, n])).toBeLessThan(1e-6);
    }
  });

  it('hand computations: no opportunity, one opportunity, x > n', () => {
    expect(bgBbTransactionCountProbability(PUBLISHED, 0, 0)).toBe(1);
    expect(bgBbTransactionCountProbability(PUBLISHED, 1, 0)).toBe(0);
    expect(bgBbTransactionCountProbability(PUBLISHED, 7, 6)).toBe(0);
    // n = 1: a transaction needs survival to opportunity 1 (δ/(γ+δ)) and p (mean α/(α+β)).
    const { alpha, beta, gamma, delta } = PUBLISHED;
    const p1 = (alpha / (alpha + beta)) * (delta / (gamma + delta));
    expect(relativeError(bgBbTransactionCountProbability(PUBLISHED, 1, 1), p1)).toBeLessThan(1e-14);
    expect(relativeError(bgBbTransactionCountProbability(PUBLISHED, 0, 1), 1 - p1)).toBeLessThan(1e-14);
  });

  it('sums to 1 with mean E[X(n)] for n = 300 (the sum over x costs n² / 2 steps)', () => {
    let total = 0;
    let mean = 0;
    for (let x = 0; x <= 300; x++) {
      const v = bgBbTransactionCountProbability(PUBLISHED, x, 300);
      total += v;
      mean += x * v;
    }
    expect(Math.abs(total - 1)).toBeLessThan(1e-12);
    expect(relativeError(mean, bgBbExpectedTransactions(PUBLISHED, 300))).toBeLessThan(1e-12);
  });
});

describe('bgBbTransactionCountProbability: bad input', () => {
  it.each(BAD_BG_BB_PARAMS)('parameters with %s → %s', (_what, params, code) => {
    expect(errorCode(() => bgBbTransactionCountProbability(params as typeof PUBLISHED, 1, 6))).toBe(code);
  });
  it.each([
    ['negative transactions', -1, 6, 'NEGATIVE_VALUE'],
    ['fractional transactions', 1.5, 6, 'NOT_AN_INTEGER'],
    ['NaN transactions', Number.NaN, 6, 'INVALID_NUMBER'],
    ['transactions as a string', '1', 6, 'INVALID_NUMBER'],
    ['negative opportunities', 0, -1, 'NEGATIVE_VALUE'],
    ['fractional opportunities', 0, 2.5, 'NOT_AN_INTEGER'],
    ['infinite opportunities', 0, Number.POSITIVE_INFINITY, 'INVALID_NUMBER'],
    ['more than 10⁶ opportunities', 0, 1_000_001, 'OUT_OF_RANGE'],
  ])('%s → %s', (_what, x, n, code) => {
    expect(errorCode(() => bgBbTransactionCountProbability(PUBLISHED, x as number, n))).toBe(code);
  });
  it('names the function and the value', () => {
    expect(() => bgBbTransactionCountProbability(PUBLISHED, 1.5, 6)).toThrow(/^bgBbTransactionCountProbability: transactions 1\.5/);
  });
});

describe('bgBbTransactionCountProbability over the whole range (reference/bg_bb_extreme_reference.py: every parameter in [e^-30, e^30], concentrations α + β, γ + δ of 1e11–1e13)', () => {
  it('matches eq. (8) at rtol 1e-6 (a reference below 1e-290 must come out below 1e-280)', () => {
    for (const point of bgBbExtremeReference.points) {
      for (const [x, n, expected] of point.pmf) {
        const value = bgBbTransactionCountProbability(params4(point.params), x, n);
        expect(extremeError(value, expected), `${point.name}: ${x} in ${n}`).toBeLessThan(EXTREME_RTOL);
      }
    }
  });
});
