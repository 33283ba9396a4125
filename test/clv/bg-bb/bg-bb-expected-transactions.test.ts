import { describe, expect, it } from 'vitest';
import { bgBbExpectedTransactions } from '../../../src/clv';
import { errorCode } from '../../support/error-code';
import { relativeError } from '../clv-data';
import { EXTREME_RTOL, extremeError, extremeReference } from '../extreme-data';
import { BAD_BG_BB_PARAMS, bgBbReference as reference, bgBbExtremeReference, params4, PUBLISHED } from './bg-bb-data';

describe('bgBbExpectedTransactions: known values (independent mpmath, reference/bg_bb_reference.py)', () => {
  it('matches the closed form (itself checked against the sum over opportunities)', () => {
    for (const [n, expected] of reference.expected) {
      const value = bgBbExpectedTransactions(PUBLISHED, n);
      if (n === 0) expect(value).toBe(0);
      else expect(relativeError(value, expected)).toBeLessThan(1e-13);
    }
    for (const [n, expected] of reference.expectedLarge) expect(relativeError(bgBbExpectedTransactions(PUBLISHED, n), expected)).toBeLessThan(1e-12);
  });

  it('matches the sum where the closed form is 0/0 (γ = 1) or γ + δ < 1, and next to γ = 1', () => {
    for (const [p, n, expected] of reference.expectedSum) expect(relativeError(bgBbExpectedTransactions(params4(p), n), expected)).toBeLessThan(1e-13);
  });

  it('reproduces the tracking plot of the BG/BB workbook (Fader & Hardie 2011) with the maximum-likelihood estimates', () => {
    const mle = params4(reference.donations.params);
    // "Tracking Plot" B7:B17: expected cumulative repeat donations per donor, 1996–2006.
    const published = [0.4985, 0.9233, 1.2969, 1.6323, 1.9381, 2.2202, 2.4826, 2.7285, 2.9603, 3.1798, 3.3887];
    for (const [t, closed, sum] of reference.trackingAtMle) {
      const value = bgBbExpectedTransactions(mle, t);
      expect(relativeError(closed, sum)).toBeLessThan(1e-15);
      expect(relativeError(value, closed)).toBeLessThan(1e-13);
      expect(value.toFixed(4)).toBe((published[t - 1] as number).toFixed(4));
    }
  });

  it('hand computation: one opportunity is p alive after one dropout chance, α/(α+β) · δ/(γ+δ)', () => {
    expect(relativeError(bgBbExpectedTransactions(PUBLISHED, 1), (1.204 / 1.954) * (2.783 / 3.44))).toBeLessThan(1e-15);
  });

  it('is smooth through γ = 1', () => {
    const at = (gamma: number) => bgBbExpectedTransactions({ ...PUBLISHED, gamma }, 40);
    for (const e of [1e-15, 1e-12, 1e-9]) {
      expect(Math.abs(at(1 + e) - at(1))).toBeLessThan(10 * e + 1e-14);
      expect(Math.abs(at(1 - e) - at(1))).toBeLessThan(10 * e + 1e-14);
    }
  });

  it('matches the whole-range references (every parameter in [e^-30, e^30], n to 1,000,000) at rtol 1e-6', () => {
    for (const [alpha, beta, gamma, delta, n, expected] of extremeReference.bgBb.expected as number[][]) {
      const value = bgBbExpectedTransactions({ alpha: alpha!, beta: beta!, gamma: gamma!, delta: delta! }, n!);
      expect(extremeError(value, expected!), JSON.stringify([alpha, beta, gamma, delta, n])).toBeLessThan(EXTREME_RTOL);
    }
  });
});

describe('bgBbExpectedTransactions: bad input', () => {
  it.each(BAD_BG_BB_PARAMS)('parameters with %s → %s', (_what, params, code) => {
    expect(errorCode(() => bgBbExpectedTransactions(params as typeof PUBLISHED, 10))).toBe(code);
  });
  it.each<[string, unknown, string]>([
    ['negative n', -1, 'NEGATIVE_VALUE'],
    ['fractional n', 2.5, 'NOT_AN_INTEGER'],
    ['NaN n', Number.NaN, 'INVALID_NUMBER'],
    ['infinite n', Number.POSITIVE_INFINITY, 'INVALID_NUMBER'],
    ['n as a string', '10', 'INVALID_NUMBER'],
    ['more than 10⁶ opportunities', 1_000_001, 'OUT_OF_RANGE'],
  ])('%s → %s', (_what, n, code) => {
    expect(errorCode(() => bgBbExpectedTransactions(PUBLISHED, n as number))).toBe(code);
  });
  it('names the function and the value', () => {
    expect(() => bgBbExpectedTransactions(PUBLISHED, -1)).toThrow(/^bgBbExpectedTransactions: opportunities -1 is negative/);
  });
});

describe('bgBbExpectedTransactions at concentrations up to 1e13 (reference/bg_bb_extreme_reference.py: every parameter in [e^-30, e^30], concentrations α + β, γ + δ of 1e11–1e13)', () => {
  it('matches mpmath at rtol 1e-6 (a reference below 1e-290 must come out below 1e-280)', () => {
    for (const point of bgBbExtremeReference.points) {
      for (const [n, expected] of point.expected) {
        const value = bgBbExpectedTransactions(params4(point.params), n);
        expect(extremeError(value, expected), `${point.name}: n = ${n}`).toBeLessThan(EXTREME_RTOL);
      }
    }
  });
});
