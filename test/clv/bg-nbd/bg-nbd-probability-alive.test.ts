import { describe, expect, it } from 'vitest';
import { bgNbdProbabilityAlive, type CustomerHistory } from '../../../src/clv';
import { errorCode } from '../../support/error-code';
import { BAD_BG_NBD_PARAMS, BAD_CUSTOMERS } from '../clv-bad-input';
import { reference, relativeError } from '../clv-data';

const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('bgNbdProbabilityAlive: known values (independent mpmath, reference/bg_nbd_reference.py)', () => {
  it('matches eq. 11 (FHL 2008 note, eq. 1), including x = 10,000', () => {
    for (const [x, tx, T, expected] of reference.bgnbdAlive) {
      const value = bgNbdProbabilityAlive(cdnow, { frequency: x, recency: tx, T });
      if (expected === 0) expect(value).toBeLessThan(1e-300);
      else expect(relativeError(value, expected)).toBeLessThan(1e-12);
    }
  });

  it('is exactly 1 without a repeat purchase, and at tₓ = T is 1 / (1 + a/(b+x−1))', () => {
    expect(bgNbdProbabilityAlive(cdnow, { frequency: 0, recency: 0, T: 500 })).toBe(1);
    // Hand computation: x = 1, tₓ = T: 1 / (1 + 0.793/2.426) = 2.426/3.219.
    expect(relativeError(bgNbdProbabilityAlive(cdnow, { frequency: 1, recency: 20, T: 20 }), 2.426 / 3.219)).toBeLessThan(1e-15);
  });
});

describe('bgNbdProbabilityAlive: bad input', () => {
  it.each(BAD_CUSTOMERS)('%s → %s', (_what, customer, code) => {
    expect(errorCode(() => bgNbdProbabilityAlive(cdnow, customer as CustomerHistory))).toBe(code);
  });
  it.each(BAD_BG_NBD_PARAMS)('parameters with %s → %s', (_what, params, code) => {
    expect(errorCode(() => bgNbdProbabilityAlive(params as typeof cdnow, { frequency: 2, recency: 3, T: 5 }))).toBe(code);
  });
  it('rejects a missing customer, naming the function', () => {
    expect(errorCode(() => bgNbdProbabilityAlive(cdnow, undefined as never))).toBe('INVALID_NUMBER');
    expect(() => bgNbdProbabilityAlive(cdnow, { frequency: 1.5, recency: 2, T: 5 })).toThrow(/^bgNbdProbabilityAlive: frequency 1\.5 is not a whole number/);
  });
});
