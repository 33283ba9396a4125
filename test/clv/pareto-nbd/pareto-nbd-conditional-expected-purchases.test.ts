import { describe, expect, it } from 'vitest';
import {
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityAlive,
  type CustomerHistory,
  type ParetoNbdParams,
} from '../../../src/clv';
import { CxMetricsError } from '../../../src/internal/errors';
import { errorCode } from '../../support/error-code';
import { BAD_CUSTOMERS } from '../clv-bad-input';
import { relativeError } from '../clv-data';
import { EXTREME_RTOL, extremeError, extremeReference } from '../extreme-data';
import { BAD_PARETO_NBD_PARAMS, CDNOW_PARETO_NBD as cdnow, paretoNbdReference as reference } from './pareto-nbd-data';

const sets = reference.loglikParams.map(([r, alpha, s, beta]) => ({ r: r!, alpha: alpha!, s: s!, beta: beta! }));

describe('paretoNbdConditionalExpectedPurchases: known values (independent mpmath, reference/pareto_nbd_reference.py)', () => {
  it('matches the note’s eq. 22 and its quadrature over μ ~ Gamma(s, β+T) (A₀ by quadrature)', () => {
    for (const [set, x, tx, T, t, closed, quad] of reference.conditional) {
      expect(relativeError(quad, closed)).toBeLessThan(1e-11); // the two reference forms agree
      expect(relativeError(paretoNbdConditionalExpectedPurchases(sets[set]!, { frequency: x, recency: tx, T }, t), closed)).toBeLessThan(1e-12);
    }
  });

  it('stays finite and accurate for x = 10,000 and tₓ = T (60-digit reference)', () => {
    for (const [set, x, tx, T, t, expected] of reference.conditionalLarge) {
      const value = paretoNbdConditionalExpectedPurchases(sets[set]!, { frequency: x, recency: tx, T }, t);
      expect(Number.isFinite(value)).toBe(true);
      expect(relativeError(value, expected)).toBeLessThan(1e-12 * Math.max(1, x / 100));
    }
  });

  it('is the new-customer expectation for x = tₓ = T = 0, and 0 for t = 0', () => {
    expect(paretoNbdConditionalExpectedPurchases(cdnow, { frequency: 0, recency: 0, T: 0 }, 52)).toBe(paretoNbdExpectedPurchases(cdnow, 52));
    expect(paretoNbdConditionalExpectedPurchases(cdnow, { frequency: 3, recency: 20, T: 30 }, 0)).toBe(0);
  });

  it('is P(alive) times the expectation of a customer known to be alive', () => {
    // tₓ = T (alive for sure) and a lapsed customer with the same x and T: their ratio is the ratio of P(alive).
    const recent = { frequency: 4, recency: 30, T: 30 };
    const lapsed = { frequency: 4, recency: 3, T: 30 };
    const ratio = paretoNbdConditionalExpectedPurchases(cdnow, lapsed, 26) / paretoNbdConditionalExpectedPurchases(cdnow, recent, 26);
    expect(relativeError(ratio, paretoNbdProbabilityAlive(cdnow, lapsed))).toBeLessThan(1e-13);
    expect(paretoNbdProbabilityAlive(cdnow, recent)).toBe(1);
  });

  it('matches the whole-range references (every parameter in [e^-30, e^30], x to 10,000, tₓ = 0 with x ≥ 1) at rtol 1e-6', () => {
    for (const [r, alpha, s, beta, x, tx, T, t, , , expected] of extremeReference.paretoNbd.customers as number[][]) {
      const value = paretoNbdConditionalExpectedPurchases({ r: r!, alpha: alpha!, s: s!, beta: beta! }, { frequency: x!, recency: tx!, T: T! }, t!);
      expect(extremeError(value, expected!), JSON.stringify([r, alpha, s, beta, x, tx, T, t])).toBeLessThan(EXTREME_RTOL);
    }
  });
});

describe('paretoNbdConditionalExpectedPurchases: bad input', () => {
  const ok = { frequency: 2, recency: 30, T: 38 };
  it.each(BAD_CUSTOMERS)('%s → %s', (_what, customer, code) => {
    expect(errorCode(() => paretoNbdConditionalExpectedPurchases(cdnow, customer as CustomerHistory, 10))).toBe(code);
  });
  it.each(BAD_PARETO_NBD_PARAMS)('parameters with %s → %s', (_what, params, code) => {
    expect(errorCode(() => paretoNbdConditionalExpectedPurchases(params as ParetoNbdParams, ok, 10))).toBe(code);
  });
  it.each<[string, unknown, string]>([
    ['negative t', -1, 'NEGATIVE_VALUE'],
    ['NaN t', Number.NaN, 'INVALID_NUMBER'],
    ['infinite t', Number.POSITIVE_INFINITY, 'INVALID_NUMBER'],
    ['t as a string', '10', 'INVALID_NUMBER'],
  ])('%s → %s', (_what, t, code) => {
    expect(errorCode(() => paretoNbdConditionalExpectedPurchases(cdnow, ok, t as number))).toBe(code);
  });
  it('rejects a missing customer, naming the function', () => {
    expect(errorCode(() => paretoNbdConditionalExpectedPurchases(cdnow, null as never, 1))).toBe('INVALID_NUMBER');
    expect(() => paretoNbdConditionalExpectedPurchases(cdnow, { ...ok, recency: 40 }, 1)).toThrow(CxMetricsError);
    expect(() => paretoNbdConditionalExpectedPurchases(cdnow, { ...ok, recency: 40 }, 1)).toThrow(/^paretoNbdConditionalExpectedPurchases: recency 40 is greater than T 38/);
  });
});
