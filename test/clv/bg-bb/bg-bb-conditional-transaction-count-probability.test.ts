import { describe, expect, it } from 'vitest';
import { bgBbConditionalExpectedTransactions, bgBbConditionalTransactionCountProbability, type DiscreteCustomerHistory } from '../../../src/clv';
import { errorCode } from '../../support/error-code';
import { relativeError } from '../clv-data';
import { EXTREME_RTOL, extremeError } from '../extreme-data';
import { BAD_BG_BB_CUSTOMERS, BAD_BG_BB_PARAMS, bgBbCountsReference as reference, bgBbExtremeReference, bgBbReference, donations, params4, PUBLISHED } from './bg-bb-data';

const customer = (x: number, tx: number, n: number): DiscreteCustomerHistory => ({ frequency: x, recency: tx, periods: n });
const f = bgBbConditionalTransactionCountProbability;

describe('bgBbConditionalTransactionCountProbability: known values (independent mpmath, reference/bg_bb_counts_reference.py)', () => {
  it('matches eq. (13) of Fader, Hardie & Shang (2010), itself checked against a 2-d quadrature, at rtol 1e-12', () => {
    for (const [x, tx, n, xs, ns, expected] of reference.conditional) {
      const value = f(PUBLISHED, customer(x, tx, n), xs, ns);
      if (expected === 0) expect(value).toBe(0);
      else expect(relativeError(value, expected), JSON.stringify([x, tx, n, xs, ns])).toBeLessThan(1e-12);
    }
  });

  it('the donors of 1995: expected number with 0…5 donations in 2002–2006, at the MLE', () => {
    const mle = params4(bgBbReference.donations.params);
    const rows = donations();
    reference.cohortHoldoutCounts.forEach((expected, xs) => {
      const value = rows.reduce((s, r) => s + r.weights * f(mle, customer(r.frequency, r.recency, r.periods), xs, 5), 0);
      expect(relativeError(value, expected)).toBeLessThan(1e-12);
    });
  });

  it('is accurate with every parameter at e^±30 (rtol 1e-6)', () => {
    for (const [p, x, tx, n, xs, ns, expected] of reference.wideConditional) {
      const value = f(params4(p), customer(x, tx, n), xs, ns);
      if (expected < 1e-300) expect(value).toBeLessThan(1e-300);
      else expect(relativeError(value, expected), JSON.stringify([p, x, tx, n, xs, ns])).toBeLessThan(1e-6);
    }
  });

  it('hand computations: n* = 0, x* > n*, and P(X = 0) = 1 − P(X ≥ 1)', () => {
    expect(f(PUBLISHED, customer(2, 4, 6), 0, 0)).toBe(1);
    expect(f(PUBLISHED, customer(2, 4, 6), 1, 0)).toBe(0);
    expect(f(PUBLISHED, customer(2, 4, 6), 4, 3)).toBe(0);
    const c = customer(3, 5, 6);
    const atLeastOne = [1, 2, 3, 4, 5].reduce((s, k) => s + f(PUBLISHED, c, k, 5), 0);
    expect(Math.abs(f(PUBLISHED, c, 0, 5) - (1 - atLeastOne))).toBeLessThan(1e-15);
    const mean = [1, 2, 3, 4, 5].reduce((s, k) => s + k * f(PUBLISHED, c, k, 5), 0);
    expect(relativeError(mean, bgBbConditionalExpectedTransactions(PUBLISHED, c, 5))).toBeLessThan(1e-13);
  });
});

describe('bgBbConditionalTransactionCountProbability: bad input', () => {
  it.each(BAD_BG_BB_CUSTOMERS)('%s → %s', (_what, c, code) => {
    expect(errorCode(() => f(PUBLISHED, c as DiscreteCustomerHistory, 0, 5))).toBe(code);
  });
  it.each(BAD_BG_BB_PARAMS)('parameters with %s → %s', (_what, params, code) => {
    expect(errorCode(() => f(params as typeof PUBLISHED, customer(2, 3, 5), 0, 5))).toBe(code);
  });
  it.each([
    ['negative transactions', -1, 5, 'NEGATIVE_VALUE'],
    ['fractional transactions', 0.5, 5, 'NOT_AN_INTEGER'],
    ['NaN transactions', Number.NaN, 5, 'INVALID_NUMBER'],
    ['negative opportunities', 0, -5, 'NEGATIVE_VALUE'],
    ['fractional opportunities', 0, 2.5, 'NOT_AN_INTEGER'],
    ['opportunities as a string', 0, '5', 'INVALID_NUMBER'],
    ['n + n* above 10⁶', 0, 999_999, 'OUT_OF_RANGE'],
  ])('%s → %s', (_what, xs, ns, code) => {
    expect(errorCode(() => f(PUBLISHED, customer(2, 3, 5), xs as number, ns as number))).toBe(code);
  });
  it('rejects a missing customer, and names the function and the value', () => {
    expect(errorCode(() => f(PUBLISHED, undefined as never, 0, 5))).toBe('INVALID_NUMBER');
    expect(() => f(PUBLISHED, customer(2, 3, 5), 0.5, 5)).toThrow(/^bgBbConditionalTransactionCountProbability: transactions 0\.5/);
  });
});

describe('bgBbConditionalTransactionCountProbability over the whole range (reference/bg_bb_extreme_reference.py: every parameter in [e^-30, e^30], concentrations α + β, γ + δ of 1e11–1e13)', () => {
  it('matches eq. (13) at rtol 1e-6 (a reference below 1e-290 must come out below 1e-280)', () => {
    for (const point of bgBbExtremeReference.points) {
      for (const [x, tx, n, xs, ns, expected] of point.conditionalPmf) {
        const value = bgBbConditionalTransactionCountProbability(params4(point.params), { frequency: x, recency: tx, periods: n }, xs, ns);
        expect(extremeError(value, expected), `${point.name}: (${x}, ${tx}, ${n}), ${xs} in ${ns}`).toBeLessThan(EXTREME_RTOL);
      }
    }
  });
});
