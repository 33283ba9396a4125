import { describe, expect, it } from 'vitest';
import { sbgExpectedLifetime } from '../../../src/retention/sbg/sbg-expected-lifetime';
import { errorCode, expectCxMetricsError } from '../../support/error-code';
import { reference, relativeError } from '../retention-data';

describe('sbgExpectedLifetime: known values', () => {
  it('E[T] = (α + β − 1)/(α − 1), undefined when α ≤ 1', () => {
    expect(sbgExpectedLifetime({ alpha: 3, beta: 2 })).toBeCloseTo(2, 15);
    expect(sbgExpectedLifetime({ alpha: 1.5, beta: 0.3 })).toBeCloseTo(1.6, 15);
    expect(sbgExpectedLifetime({ alpha: 1e308, beta: 1e308 })).toBe(2);
    expect(sbgExpectedLifetime({ alpha: 1, beta: 2 })).toBeUndefined();
    expect(sbgExpectedLifetime({ alpha: 0.704, beta: 1.182 })).toBeUndefined();
  });
  it('with a horizon: Σₜ₌₀^(H−1) S(t); at α = β = 1 the harmonic number H_H', () => {
    // S(t) = 1/(t + 1): H_10 = 7381/2520.
    expect(sbgExpectedLifetime({ alpha: 1, beta: 1 }, { horizon: 10 })).toBeCloseTo(7381 / 2520, 14);
    expect(sbgExpectedLifetime({ alpha: 0.704, beta: 1.182 }, { horizon: 1 })).toBe(1);
  });
  it('equals the 400-digit closed form for any horizon, α near 1 and extreme parameters included', () => {
    for (const [alpha, beta, horizon, value] of reference.sbgRestrictedLifetime) {
      const v = sbgExpectedLifetime({ alpha, beta }, { horizon }) as number;
      expect(relativeError(v, value)).toBeLessThan(1e-12);
    }
  });
  it('a long horizon costs no more than a short one (it used to loop H times near α = 1)', () => {
    const started = performance.now();
    expect(sbgExpectedLifetime({ alpha: 1.0005, beta: 1 }, { horizon: 1e15 })).toBeGreaterThan(28);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('sbgExpectedLifetime: bad input', () => {
  it('rejects bad parameters and horizons with codes', () => {
    expectCxMetricsError(() => sbgExpectedLifetime({ alpha: 1, beta: 1 }, { horizon: 0 }), 'OUT_OF_RANGE', 'sbgExpectedLifetime');
    expect(errorCode(() => sbgExpectedLifetime({ alpha: 1, beta: 1 }, { horizon: Number.NaN }))).toBe('INVALID_NUMBER');
    expect(errorCode(() => sbgExpectedLifetime({ alpha: 1, beta: 1 }, { horizon: 2.5 }))).toBe('NOT_AN_INTEGER');
    expect(errorCode(() => sbgExpectedLifetime({ alpha: 1, beta: 1 }, { horizon: -3 }))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => sbgExpectedLifetime({ alpha: Number.NaN, beta: 1 }))).toBe('INVALID_NUMBER');
    expect(errorCode(() => sbgExpectedLifetime({ alpha: 2, beta: 0 }))).toBe('OUT_OF_RANGE');
  });
});
