import { describe, expect, it } from 'vitest';
import { paretoNbdConditionalExpectedPurchases, paretoNbdConditionalPurchaseCountProbability, paretoNbdProbabilityAlive, paretoNbdPurchaseCountProbability } from '../../../src/clv';
import { errorCode } from '../../support/error-code';
import { BAD_CUSTOMERS } from '../clv-bad-input';
import { relativeError } from '../clv-data';
import { BAD_PARETO_NBD_PARAMS, CDNOW_PARETO_NBD as cdnow, asHistory, asParetoNbdParams, paretoNbdPredictionsReference as reference } from './pareto-nbd-data';

const customer = { frequency: 2, recency: 30.43, T: 38.86 };

describe('paretoNbdConditionalPurchaseCountProbability: known values (independent mpmath, reference/pareto_nbd_predictions_reference.py)', () => {
  it('matches P(alive)·P(X(t) = n | r+x, α+T, s, β+T) + [n = 0](1 − P(alive)) (note 028) at 1e-12 (×x/100 beyond 100 purchases), extreme parameters, x = n = 10,000 and T = 100,000 included', () => {
    expect(reference.conditionalPmf.length).toBeGreaterThan(10);
    for (const { params, customer: c, n, t, value } of reference.conditionalPmf) {
      const got = paretoNbdConditionalPurchaseCountProbability(asParetoNbdParams(params), asHistory(c), n, t);
      // P(alive) is a ratio of terms ~x·ln(α+T): its conditioning grows with x (1e-12 per 100 purchases).
      expect(relativeError(got, value), `${params} ${c} n=${n} t=${t}`).toBeLessThan(1e-12 * Math.max(1, (c[0] as number) / 100));
    }
  });

  it('of a customer just acquired (x = tₓ = T = 0) is the pmf of a new customer', () => {
    for (const n of [0, 1, 5]) {
      expect(paretoNbdConditionalPurchaseCountProbability(cdnow, { frequency: 0, recency: 0, T: 0 }, n, 39)).toBe(paretoNbdPurchaseCountProbability(cdnow, n, 39));
    }
  });

  it('sums to 1 over n with mean E[Y(t) | x, tₓ, T]; P(Y = 0) = 1 − P(Y ≥ 1) is at least 1 − P(alive)', () => {
    for (const c of [customer, { frequency: 0, recency: 0, T: 38.86 }, { frequency: 15, recency: 38, T: 38.86 }]) {
      let total = 0;
      let mean = 0;
      for (let n = 0; n < 400; n++) {
        const p = paretoNbdConditionalPurchaseCountProbability(cdnow, c, n, 52);
        total += p;
        mean += n * p;
      }
      expect(total).toBeCloseTo(1, 9);
      expect(relativeError(mean, paretoNbdConditionalExpectedPurchases(cdnow, c, 52))).toBeLessThan(1e-7);
      expect(paretoNbdConditionalPurchaseCountProbability(cdnow, c, 0, 52)).toBeGreaterThanOrEqual(1 - paretoNbdProbabilityAlive(cdnow, c));
    }
  });

  it('for t = 0 puts all the mass on n = 0; n = 10,000 underflows to 0 without NaN', () => {
    expect(paretoNbdConditionalPurchaseCountProbability(cdnow, customer, 0, 0)).toBe(1);
    expect(paretoNbdConditionalPurchaseCountProbability(cdnow, customer, 2, 0)).toBe(0);
    expect(paretoNbdConditionalPurchaseCountProbability(cdnow, customer, 10_000, 39)).toBeLessThan(1e-300);
  });
});

describe('paretoNbdConditionalPurchaseCountProbability: bad input', () => {
  it.each(BAD_PARETO_NBD_PARAMS)('parameters with %s → %s', (_what, params, code) => {
    expect(errorCode(() => paretoNbdConditionalPurchaseCountProbability(params as typeof cdnow, customer, 1, 10))).toBe(code);
  });
  it.each(BAD_CUSTOMERS)('a customer with %s → %s', (_what, c, code) => {
    expect(errorCode(() => paretoNbdConditionalPurchaseCountProbability(cdnow, c as typeof customer, 1, 10))).toBe(code);
  });
  it.each<[string, unknown, unknown, string]>([
    ['fractional n', 1.5, 10, 'NOT_AN_INTEGER'],
    ['negative n', -1, 10, 'NEGATIVE_VALUE'],
    ['n as a string', '1', 10, 'INVALID_NUMBER'],
    ['negative t', 1, -10, 'NEGATIVE_VALUE'],
    ['infinite t', 1, Number.POSITIVE_INFINITY, 'INVALID_NUMBER'],
  ])('%s → %s', (_what, n, t, code) => {
    expect(errorCode(() => paretoNbdConditionalPurchaseCountProbability(cdnow, customer, n as number, t as number))).toBe(code);
  });
  it('names the function and the value', () => {
    expect(() => paretoNbdConditionalPurchaseCountProbability(cdnow, customer, -1, 39)).toThrow(/^paretoNbdConditionalPurchaseCountProbability: n -1/);
  });
});
