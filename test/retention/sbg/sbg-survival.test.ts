import { describe, expect, it } from 'vitest';
import { sbgSurvival } from '../../../src/retention/sbg/sbg-survival';
import { errorCode, expectCxMetricsError } from '../../support/error-code';
import { reference, relativeError } from '../retention-data';

describe('sbgSurvival: known values', () => {
  it('α = β = 1 (θ uniform): S(t) = 1/(t + 1)', () => {
    for (let t = 0; t < 20; t++) expect(sbgSurvival({ alpha: 1, beta: 1 }, t)).toBeCloseTo(1 / (t + 1), 14);
    expect(relativeError(sbgSurvival({ alpha: 1, beta: 1 }, 1e12), 1 / (1e12 + 1))).toBeLessThan(1e-13);
  });
  it('the paper\'s regular segment: S(1) = β/(α + β) = 0.6267, S(12) = 0.1701', () => {
    expect(sbgSurvival({ alpha: 0.704, beta: 1.182 }, 1)).toBeCloseTo(1.182 / 1.886, 15);
    expect(sbgSurvival({ alpha: 0.704, beta: 1.182 }, 12)).toBeCloseTo(0.1700625768060506, 14);
  });
  it('equals B(α, β + t)/B(α, β) in 400-digit arithmetic, extreme parameters and horizons included', () => {
    // Nearly homogeneous bases (α, β ~ 4e12: where a fit on falling retention ends) and any t.
    for (const [alpha, beta, t, s] of reference.sbgSurvival) {
      const v = sbgSurvival({ alpha, beta }, t);
      if (s < 1e-300) expect(v).toBeLessThan(1e-290);
      else expect(relativeError(v, s)).toBeLessThan(1e-13);
    }
    expect(sbgSurvival({ alpha: 4e12, beta: 4e12 }, 1)).toBeCloseTo(0.5, 14);
  });
  it('S(0) = 1', () => {
    expect(sbgSurvival({ alpha: 0.3, beta: 7 }, 0)).toBe(1);
  });
});

describe('sbgSurvival: bad input', () => {
  it('rejects bad parameters and times with codes', () => {
    expectCxMetricsError(() => sbgSurvival({ alpha: 0, beta: 1 }, 1), 'OUT_OF_RANGE', 'sbgSurvival');
    expect(errorCode(() => sbgSurvival({ alpha: Number.NaN, beta: 1 }, 1))).toBe('INVALID_NUMBER');
    expect(errorCode(() => sbgSurvival({ alpha: 1, beta: Number.POSITIVE_INFINITY }, 1))).toBe('INVALID_NUMBER');
    expect(errorCode(() => sbgSurvival({ alpha: 1, beta: -1 }, 1))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => sbgSurvival(null as never, 1))).toBe('INVALID_NUMBER');
    expect(errorCode(() => sbgSurvival({ alpha: 1, beta: 1 }, Number.NaN))).toBe('INVALID_NUMBER');
    expect(errorCode(() => sbgSurvival({ alpha: 1, beta: 1 }, -1))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => sbgSurvival({ alpha: 1, beta: 1 }, 1.5))).toBe('NOT_AN_INTEGER');
  });
});
