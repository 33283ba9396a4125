import { describe, expect, it } from 'vitest';
import { bgNbdExpectedPurchases, bgNbdPurchaseCountProbability } from '../../../src/clv';
import { errorCode } from '../../support/error-code';
import { BAD_BG_NBD_PARAMS } from '../clv-bad-input';
import { reference, relativeError } from '../clv-data';
import { asParams, extreme } from './bg-nbd-extreme-reference';

const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('bgNbdPurchaseCountProbability: known values (independent mpmath, reference/bg_nbd_reference.py)', () => {
  it('matches eq. 8', () => {
    for (const [n, t, expected] of reference.bgnbdCount) {
      expect(relativeError(bgNbdPurchaseCountProbability(cdnow, n, t), expected)).toBeLessThan(1e-11);
    }
  });

  it('sums to 1 over n, with mean E[X(t)]', () => {
    for (const t of [1, 39, 78]) {
      let total = 0;
      let mean = 0;
      for (let n = 0; n < 3000; n++) {
        const p = bgNbdPurchaseCountProbability(cdnow, n, t);
        total += p;
        mean += n * p;
      }
      expect(total).toBeCloseTo(1, 10);
      expect(relativeError(mean, bgNbdExpectedPurchases(cdnow, t))).toBeLessThan(1e-8);
    }
  });

  it('puts all the mass on n = 0 for t = 0, and stays finite (0 by underflow) for n = 10,000', () => {
    expect(bgNbdPurchaseCountProbability(cdnow, 0, 0)).toBe(1);
    expect(bgNbdPurchaseCountProbability(cdnow, 3, 0)).toBe(0);
    const tiny = bgNbdPurchaseCountProbability(cdnow, 10_000, 39);
    expect(tiny).toBeGreaterThanOrEqual(0);
    expect(tiny).toBeLessThan(1e-300);
  });
});

describe('bgNbdPurchaseCountProbability: bad input', () => {
  it.each(BAD_BG_NBD_PARAMS)('parameters with %s → %s', (_what, params, code) => {
    expect(errorCode(() => bgNbdPurchaseCountProbability(params as typeof cdnow, 1, 10))).toBe(code);
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
    expect(errorCode(() => bgNbdPurchaseCountProbability(cdnow, n as number, t as number))).toBe(code);
  });
  it('names the function and the value', () => {
    expect(() => bgNbdPurchaseCountProbability(cdnow, 0.5, 39)).toThrow(/^bgNbdPurchaseCountProbability: n 0\.5 is not a whole number/);
  });
});

describe('bgNbdPurchaseCountProbability: extreme parameters (60-digit mpmath, reference/bg_nbd_extreme_reference.py)', () => {
  it('matches FHL eq. 8 at every sampled point at 1e-9 (absolute below 1e-300)', () => {
    for (const [params, n, t, expected] of extreme.count) {
      const value = bgNbdPurchaseCountProbability(asParams(params), n, t);
      if (expected < 1e-300) expect(value).toBeLessThan(1e-290);
      else expect(relativeError(value, expected), `${params} n=${n} t=${t}`).toBeLessThan(1e-9);
    }
  });
});
