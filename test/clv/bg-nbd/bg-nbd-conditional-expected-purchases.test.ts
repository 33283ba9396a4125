import { describe, expect, it } from 'vitest';
import { bgNbdConditionalExpectedPurchases, bgNbdExpectedPurchases, bgNbdProbabilityAlive, type CustomerHistory } from '../../../src/clv';
import { CxMetricsError } from '../../../src/internal/errors';
import { errorCode } from '../../support/error-code';
import { BAD_BG_NBD_PARAMS, BAD_CUSTOMERS } from '../clv-bad-input';
import { reference, relativeError } from '../clv-data';
import { asParams, extreme } from './bg-nbd-extreme-reference';

const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('bgNbdConditionalExpectedPurchases: known values (independent mpmath, reference/bg_nbd_reference.py)', () => {
  it('matches eq. 10 and its quadrature over p ~ Beta(a, b + x)', () => {
    for (const [x, tx, T, t, closed, quad] of reference.bgnbdConditional) {
      expect(relativeError(closed, quad)).toBeLessThan(1e-12); // the two reference forms agree
      expect(relativeError(bgNbdConditionalExpectedPurchases(cdnow, { frequency: x, recency: tx, T }, t), closed)).toBeLessThan(1e-11);
    }
  });

  it('stays finite and accurate for x = 10,000 and tₓ = T (60-digit reference)', () => {
    for (const [x, tx, T, t, expected] of reference.bgnbdConditionalLarge) {
      const value = bgNbdConditionalExpectedPurchases(cdnow, { frequency: x, recency: tx, T }, t);
      expect(Number.isFinite(value)).toBe(true);
      expect(relativeError(value, expected)).toBeLessThan(1e-9);
    }
  });

  it('is the new-customer expectation for x = tₓ = T = 0, and 0 for t = 0', () => {
    expect(bgNbdConditionalExpectedPurchases(cdnow, { frequency: 0, recency: 0, T: 0 }, 52)).toBe(bgNbdExpectedPurchases(cdnow, 52));
    expect(bgNbdConditionalExpectedPurchases(cdnow, { frequency: 3, recency: 20, T: 30 }, 0)).toBe(0);
  });

  it('is P(alive) times the expectation of a customer known to be alive', () => {
    // A customer with tₓ = T (bought just now) and one who stopped long ago share x and T, so
    // the ratio of their expectations is the ratio of their P(alive) (eq. 10 = numerator × P(alive)).
    const recent = { frequency: 4, recency: 30, T: 30 };
    const lapsed = { frequency: 4, recency: 3, T: 30 };
    const ratio = bgNbdConditionalExpectedPurchases(cdnow, lapsed, 26) / bgNbdConditionalExpectedPurchases(cdnow, recent, 26);
    expect(relativeError(ratio, bgNbdProbabilityAlive(cdnow, lapsed) / bgNbdProbabilityAlive(cdnow, recent))).toBeLessThan(1e-13);
  });
});

describe('bgNbdConditionalExpectedPurchases: bad input', () => {
  const ok = { frequency: 2, recency: 30, T: 38 };
  it.each(BAD_CUSTOMERS)('%s → %s', (_what, customer, code) => {
    expect(errorCode(() => bgNbdConditionalExpectedPurchases(cdnow, customer as CustomerHistory, 10))).toBe(code);
  });
  it.each(BAD_BG_NBD_PARAMS)('parameters with %s → %s', (_what, params, code) => {
    expect(errorCode(() => bgNbdConditionalExpectedPurchases(params as typeof cdnow, ok, 10))).toBe(code);
  });
  it.each<[string, unknown, string]>([
    ['negative t', -1, 'NEGATIVE_VALUE'],
    ['NaN t', Number.NaN, 'INVALID_NUMBER'],
    ['infinite t', Number.POSITIVE_INFINITY, 'INVALID_NUMBER'],
    ['t as a string', '10', 'INVALID_NUMBER'],
  ])('%s → %s', (_what, t, code) => {
    expect(errorCode(() => bgNbdConditionalExpectedPurchases(cdnow, ok, t as number))).toBe(code);
  });

  it('rejects a missing customer, naming the function', () => {
    expect(errorCode(() => bgNbdConditionalExpectedPurchases(cdnow, null as never, 1))).toBe('INVALID_NUMBER');
    expect(() => bgNbdConditionalExpectedPurchases(cdnow, { ...ok, recency: 40 }, 1)).toThrow(CxMetricsError);
    expect(() => bgNbdConditionalExpectedPurchases(cdnow, { ...ok, recency: 40 }, 1)).toThrow(/^bgNbdConditionalExpectedPurchases: recency 40 is greater than T 38/);
  });
});

describe('bgNbdConditionalExpectedPurchases: extreme parameters and recency 0 (60-digit mpmath, reference/bg_nbd_extreme_reference.py)', () => {
  it('matches FHL eq. 10 (or its beta integral) at every sampled point at 1e-9', () => {
    expect(extreme.conditional.length).toBeGreaterThan(10);
    for (const [params, [frequency, recency, T], t, expected] of extreme.conditional) {
      const value = bgNbdConditionalExpectedPurchases(asParams(params), { frequency, recency, T }, t);
      expect(relativeError(value, expected), `${params} ${frequency},${recency},${T} t=${t}`).toBeLessThan(1e-9);
    }
  });
});
