import { describe, expect, it } from 'vitest';
import { sbgRetentionRate } from '../../../src/retention/sbg/sbg-retention-rate';
import { errorCode, expectCxMetricsError } from '../../support/error-code';
import { reference, relativeError } from '../retention-data';

describe('sbgRetentionRate: known values', () => {
  it('r(t) = (β + t − 1)/(α + β + t − 1) by hand', () => {
    expect(sbgRetentionRate({ alpha: 0.704, beta: 1.182 }, 1)).toBeCloseTo(1.182 / 1.886, 15);
    expect(sbgRetentionRate({ alpha: 0.704, beta: 1.182 }, 8)).toBeCloseTo(8.182 / 8.886, 15);
    expect(sbgRetentionRate({ alpha: 1, beta: 1 }, 3)).toBeCloseTo(0.75, 15);
  });
  it('equals the 400-digit value for extreme parameters (no 0/0 for a tiny β, no overflow for a huge α + β)', () => {
    for (const [alpha, beta, t, r] of reference.sbgRetentionRate) {
      expect(relativeError(sbgRetentionRate({ alpha, beta }, t), r)).toBeLessThan(1e-15);
    }
    expect(sbgRetentionRate({ alpha: 1e-300, beta: 1e-300 }, 1)).toBe(0.5);
    expect(sbgRetentionRate({ alpha: 1e308, beta: 1e308 }, 1)).toBe(0.5);
  });
});

describe('sbgRetentionRate: bad input', () => {
  it('rejects bad parameters and opportunities with codes', () => {
    expectCxMetricsError(() => sbgRetentionRate({ alpha: 1, beta: 1 }, 0), 'OUT_OF_RANGE', 'sbgRetentionRate');
    expect(errorCode(() => sbgRetentionRate({ alpha: 1, beta: -2 }, 1))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => sbgRetentionRate({ alpha: Number.NaN, beta: 1 }, 1))).toBe('INVALID_NUMBER');
    expect(errorCode(() => sbgRetentionRate({ alpha: 1, beta: 1 }, Number.NaN))).toBe('INVALID_NUMBER');
    expect(errorCode(() => sbgRetentionRate({ alpha: 1, beta: 1 }, -1))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => sbgRetentionRate({ alpha: 1, beta: 1 }, 2.5))).toBe('NOT_AN_INTEGER');
  });
});
