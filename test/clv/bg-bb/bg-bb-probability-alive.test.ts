import { describe, expect, it } from 'vitest';
import { bgBbProbabilityAlive, type DiscreteCustomerHistory } from '../../../src/clv';
import { errorCode } from '../../support/error-code';
import { relativeError } from '../clv-data';
import { EXTREME_RTOL, extremeError, extremeReference } from '../extreme-data';
import { BAD_BG_BB_CUSTOMERS, BAD_BG_BB_PARAMS, bgBbCountsReference, bgBbReference as reference, bgBbExtremeReference, params4, PUBLISHED } from './bg-bb-data';

const customer = (x: number, tx: number, n: number): DiscreteCustomerHistory => ({ frequency: x, recency: tx, periods: n });

describe('bgBbProbabilityAlive: known values (independent mpmath, reference/bg_bb_reference.py)', () => {
  it('matches the closed form (itself checked against quadrature over p and θ) at the published estimates', () => {
    for (const [x, tx, n, expected] of reference.alive) {
      expect(relativeError(bgBbProbabilityAlive(PUBLISHED, customer(x, tx, n)), expected)).toBeLessThan(1e-13);
    }
  });

  it('reproduces Table 6 of Fader, Hardie & Shang (2010) with the maximum-likelihood estimates', () => {
    const mle = params4(reference.donations.params);
    for (const [x, tx, n, expected] of reference.aliveTableAtMle) {
      expect(relativeError(bgBbProbabilityAlive(mle, customer(x, tx, n)), expected)).toBeLessThan(1e-13);
    }
    // The values printed in the paper (two decimals).
    expect(bgBbProbabilityAlive(mle, customer(0, 0, 6)).toFixed(2)).toBe('0.11');
    expect(bgBbProbabilityAlive(mle, customer(2, 4, 6)).toFixed(2)).toBe('0.59');
    expect(bgBbProbabilityAlive(mle, customer(6, 6, 6)).toFixed(2)).toBe('0.93');
  });

  it('is accurate for extreme customers: x = 10,000, tₓ = n, x = 0 with n = 10,000', () => {
    for (const e of reference.extreme) {
      const value = bgBbProbabilityAlive(PUBLISHED, customer(...e.customer));
      if (e.alive < 1e-300) expect(value).toBeLessThan(1e-300);
      else expect(relativeError(value, e.alive)).toBeLessThan(1e-12);
    }
  });

  it('hand computations: a new customer, and tₓ = n', () => {
    // n = 0: nothing observed, P(alive at 1) = P(survive one opportunity) = δ/(γ+δ).
    expect(relativeError(bgBbProbabilityAlive(PUBLISHED, customer(0, 0, 0)), 2.783 / (0.657 + 2.783))).toBeLessThan(1e-15);
    // tₓ = n: the history says "alive at n", so P = B(γ, δ+n+1)/B(γ, δ+n) = (δ+n)/(γ+δ+n), whatever x.
    for (const x of [1, 3, 6]) expect(relativeError(bgBbProbabilityAlive(PUBLISHED, customer(x, 6, 6)), 8.783 / 9.44)).toBeLessThan(1e-14);
  });

  it('matches the whole-range references (every parameter in [e^-30, e^30], n to 1,000,000) at rtol 1e-6', () => {
    for (const [alpha, beta, gamma, delta, x, tx, n, , , alive] of extremeReference.bgBb.customers as number[][]) {
      const value = bgBbProbabilityAlive({ alpha: alpha!, beta: beta!, gamma: gamma!, delta: delta! }, customer(x!, tx!, n!));
      expect(extremeError(value, alive!), JSON.stringify([alpha, beta, gamma, delta, x, tx, n])).toBeLessThan(EXTREME_RTOL);
    }
  });
});

describe('bgBbProbabilityAlive n* opportunities ahead: P(alive at n + 1 + n*)', () => {
  it('matches the mpmath closed form (itself checked against quadrature) at rtol 1e-13', () => {
    for (const [x, tx, n, ns, expected] of bgBbCountsReference.alive) {
      expect(relativeError(bgBbProbabilityAlive(PUBLISHED, customer(x, tx, n), ns), expected), JSON.stringify([x, tx, n, ns])).toBeLessThan(1e-13);
    }
  });

  it('is the default, bit for bit, at n* = 0, and multiplies by E[(1−θ)^n* | alive at n+1] beyond', () => {
    for (const [x, tx, n] of [[0, 0, 6], [2, 4, 6], [6, 6, 6], [4, 10, 20]] as const) {
      const c = customer(x, tx, n);
      expect(bgBbProbabilityAlive(PUBLISHED, c, 0)).toBe(bgBbProbabilityAlive(PUBLISHED, c));
      // n* = 1: one more factor (δ+n+1)/(γ+δ+n+1).
      const { gamma, delta } = PUBLISHED;
      const next = bgBbProbabilityAlive(PUBLISHED, c) * ((delta + n + 1) / (gamma + delta + n + 1));
      expect(relativeError(bgBbProbabilityAlive(PUBLISHED, c, 1), next)).toBeLessThan(1e-15);
    }
  });

  it('rejects a bad n*', () => {
    expect(errorCode(() => bgBbProbabilityAlive(PUBLISHED, customer(2, 4, 6), -1))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => bgBbProbabilityAlive(PUBLISHED, customer(2, 4, 6), 1.5))).toBe('NOT_AN_INTEGER');
    expect(errorCode(() => bgBbProbabilityAlive(PUBLISHED, customer(2, 4, 6), Number.NaN))).toBe('INVALID_NUMBER');
    expect(errorCode(() => bgBbProbabilityAlive(PUBLISHED, customer(2, 4, 6), 999_995))).toBe('OUT_OF_RANGE');
    expect(() => bgBbProbabilityAlive(PUBLISHED, customer(2, 4, 6), -1)).toThrow(/^bgBbProbabilityAlive: opportunities -1/);
  });
});

describe('bgBbProbabilityAlive: bad input', () => {
  it.each(BAD_BG_BB_CUSTOMERS)('%s → %s', (_what, c, code) => {
    expect(errorCode(() => bgBbProbabilityAlive(PUBLISHED, c as DiscreteCustomerHistory))).toBe(code);
  });
  it.each(BAD_BG_BB_PARAMS)('parameters with %s → %s', (_what, params, code) => {
    expect(errorCode(() => bgBbProbabilityAlive(params as typeof PUBLISHED, customer(2, 3, 5)))).toBe(code);
  });
  it('rejects a missing customer, and names the function and the value', () => {
    expect(errorCode(() => bgBbProbabilityAlive(PUBLISHED, undefined as never))).toBe('INVALID_NUMBER');
    expect(() => bgBbProbabilityAlive(PUBLISHED, customer(1.5, 2, 5))).toThrow(/^bgBbProbabilityAlive: frequency 1\.5 is not a whole number/);
    expect(() => bgBbProbabilityAlive(PUBLISHED, customer(3, 2, 5))).toThrow(/^bgBbProbabilityAlive: frequency 3 is greater than recency 2/);
  });
});

describe('bgBbProbabilityAlive at concentrations up to 1e13 (reference/bg_bb_extreme_reference.py: every parameter in [e^-30, e^30], concentrations α + β, γ + δ of 1e11–1e13)', () => {
  it('matches mpmath at rtol 1e-6 (a reference below 1e-290 must come out below 1e-280)', () => {
    for (const point of bgBbExtremeReference.points) {
      for (const [x, tx, n, expected] of point.alive) {
        const value = bgBbProbabilityAlive(params4(point.params), customer(x, tx, n));
        expect(extremeError(value, expected), `${point.name}: (${x}, ${tx}, ${n})`).toBeLessThan(EXTREME_RTOL);
      }
    }
  });
});
