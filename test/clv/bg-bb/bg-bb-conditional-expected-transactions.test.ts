import { describe, expect, it } from 'vitest';
import { bgBbConditionalExpectedTransactions, type DiscreteCustomerHistory } from '../../../src/clv';
import { errorCode } from '../../support/error-code';
import { relativeError } from '../clv-data';
import { EXTREME_RTOL, extremeError, extremeReference } from '../extreme-data';
import { BAD_BG_BB_CUSTOMERS, BAD_BG_BB_PARAMS, bgBbReference as reference, donations, bgBbExtremeReference, params4, PUBLISHED } from './bg-bb-data';

const customer = (x: number, tx: number, n: number): DiscreteCustomerHistory => ({ frequency: x, recency: tx, periods: n });

describe('bgBbConditionalExpectedTransactions: known values (independent mpmath, reference/bg_bb_reference.py)', () => {
  it('matches the closed form (itself checked against the sum over the n* opportunities)', () => {
    for (const [x, tx, n, nStar, expected] of reference.conditional) {
      expect(relativeError(bgBbConditionalExpectedTransactions(PUBLISHED, customer(x, tx, n), nStar), expected)).toBeLessThan(1e-13);
    }
  });

  it('matches the sum at γ = 1 (closed form 0/0) and γ + δ < 1', () => {
    for (const [p, x, tx, n, nStar, expected] of reference.conditionalSum) {
      expect(relativeError(bgBbConditionalExpectedTransactions(params4(p), customer(x, tx, n), nStar), expected)).toBeLessThan(1e-13);
    }
  });

  it('reproduces the 2002–2006 total of the BG/BB workbook (Fader & Hardie 2011): 12,884.2 repeat donations', () => {
    const mle = params4(reference.donations.params);
    let total = 0;
    for (const d of donations()) total += d.weights * bgBbConditionalExpectedTransactions(mle, customer(d.frequency, d.recency, d.periods), 5);
    expect(relativeError(total, reference.cohortHoldoutAtMle)).toBeLessThan(1e-13);
    expect(total.toFixed(1)).toBe('12884.2');
  });

  it('is accurate for extreme customers: x = 10,000, tₓ = n, x = 0 with n = 10,000', () => {
    for (const e of reference.extreme) {
      const value = bgBbConditionalExpectedTransactions(PUBLISHED, customer(...e.customer), 10);
      if (e.conditional10 < 1e-300) expect(value).toBeLessThan(1e-300);
      else expect(relativeError(value, e.conditional10)).toBeLessThan(1e-12);
    }
  });

  it('hand computation: one future opportunity is P(alive at n+1) · (α+x)/(α+β+n); none is 0', () => {
    // tₓ = n = 6: P(alive at 7) = (δ+6)/(γ+δ+6) (see bgBbProbabilityAlive), E[p | alive] = (α+6)/(α+β+6).
    const expected = (8.783 / 9.44) * (7.204 / 7.954);
    expect(relativeError(bgBbConditionalExpectedTransactions(PUBLISHED, customer(6, 6, 6), 1), expected)).toBeLessThan(1e-14);
    expect(bgBbConditionalExpectedTransactions(PUBLISHED, customer(6, 6, 6), 0)).toBe(0);
  });

  it('matches the whole-range references (every parameter in [e^-30, e^30], n to 1,000,000) at rtol 1e-6', () => {
    for (const [alpha, beta, gamma, delta, x, tx, n, nStar, , , , expected] of extremeReference.bgBb.customers as number[][]) {
      const call = () => bgBbConditionalExpectedTransactions({ alpha: alpha!, beta: beta!, gamma: gamma!, delta: delta! }, customer(x!, tx!, n!), nStar!);
      if (n! + nStar! > 1_000_000) {
        expect(errorCode(call)).toBe('OUT_OF_RANGE'); // the documented limit on n + n*
        continue;
      }
      const value = call();
      expect(extremeError(value, expected!), JSON.stringify([alpha, beta, gamma, delta, x, tx, n, nStar])).toBeLessThan(EXTREME_RTOL);
    }
  });
});

describe('bgBbConditionalExpectedTransactions: bad input', () => {
  it.each(BAD_BG_BB_CUSTOMERS)('%s → %s', (_what, c, code) => {
    expect(errorCode(() => bgBbConditionalExpectedTransactions(PUBLISHED, c as DiscreteCustomerHistory, 5))).toBe(code);
  });
  it.each(BAD_BG_BB_PARAMS)('parameters with %s → %s', (_what, params, code) => {
    expect(errorCode(() => bgBbConditionalExpectedTransactions(params as typeof PUBLISHED, customer(2, 3, 5), 5))).toBe(code);
  });
  it.each<[string, unknown, string]>([
    ['negative n*', -1, 'NEGATIVE_VALUE'],
    ['fractional n*', 0.5, 'NOT_AN_INTEGER'],
    ['NaN n*', Number.NaN, 'INVALID_NUMBER'],
    ['n* as a string', '5', 'INVALID_NUMBER'],
    ['n + n* beyond 10⁶', 999_999, 'OUT_OF_RANGE'],
  ])('%s → %s', (_what, nStar, code) => {
    expect(errorCode(() => bgBbConditionalExpectedTransactions(PUBLISHED, customer(2, 3, 5), nStar as number))).toBe(code);
  });
  it('names the function and the value', () => {
    expect(() => bgBbConditionalExpectedTransactions(PUBLISHED, customer(2, 6, 5), 5)).toThrow(
      /^bgBbConditionalExpectedTransactions: recency 6 is greater than periods 5/,
    );
  });
});

describe('bgBbConditionalExpectedTransactions at concentrations up to 1e13 (reference/bg_bb_extreme_reference.py: every parameter in [e^-30, e^30], concentrations α + β, γ + δ of 1e11–1e13)', () => {
  it('matches mpmath at rtol 1e-6 (a reference below 1e-290 must come out below 1e-280)', () => {
    for (const point of bgBbExtremeReference.points) {
      for (const [x, tx, n, ns, expected] of point.conditionalExpected) {
        const value = bgBbConditionalExpectedTransactions(params4(point.params), { frequency: x, recency: tx, periods: n }, ns);
        expect(extremeError(value, expected), `${point.name}: (${x}, ${tx}, ${n}), n* = ${ns}`).toBeLessThan(EXTREME_RTOL);
      }
    }
  });
});
