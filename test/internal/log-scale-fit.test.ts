import { describe, expect, it } from 'vitest';
import { fitLogScaleLikelihood, logParameters } from '../../src/internal/log-scale-fit';
import { errorCode } from '../support/error-code';

describe('fitLogScaleLikelihood', () => {
  it('an exponential rate: λ̂ = 1/x̄, Var(ln λ̂) = 1/n, SE(λ̂) = λ̂/√n (closed forms)', () => {
    // Mean negative log-likelihood per observation at θ = ln λ: −θ + e^θ x̄.
    const n = 250;
    const mean = 3.2;
    const fit = fitLogScaleLikelihood(
      'test',
      (theta, gradient) => {
        const t = theta[0]!;
        if (gradient) gradient[0] = -1 + Math.exp(t) * mean;
        return -t + Math.exp(t) * mean;
      },
      [0],
      n,
      100,
    );
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.estimates[0]! - 1 / mean)).toBeLessThan(1e-9);
    expect(Math.abs(fit.logLikelihood - n * (Math.log(1 / mean) - 1))).toBeLessThan(1e-9);
    expect(fit.logParameterCovariance![0]![0]!).toBeCloseTo(1 / n, 9);
    expect(fit.standardErrors![0]!).toBeCloseTo(1 / mean / Math.sqrt(n), 9);
    expect(Object.isFrozen(fit.logParameterCovariance)).toBe(true);
  });

  it('no covariance (and no standard errors) where the likelihood is flat', () => {
    const fit = fitLogScaleLikelihood(
      'test',
      (theta, gradient) => {
        if (gradient) gradient.fill(0);
        return theta.length; // constant
      },
      [0, 0],
      10,
      10,
    );
    expect(fit.standardErrors).toBeUndefined();
    expect(fit.logParameterCovariance).toBeUndefined();
    expect(fit.converged).toBe(false);
  });
});

describe('logParameters', () => {
  it('takes logarithms inside e^±30 and refuses parameters beyond', () => {
    expect(logParameters('test', ['a', 'b'], [1, Math.E])).toEqual([0, 1]);
    expect(errorCode(() => logParameters('test', ['a'], [Math.exp(30.5)]))).toBe('OUT_OF_RANGE');
    expect(() => logParameters('test', ['a', 'b'], [1, 1e-14])).toThrow(/^test: b 1e-14 is outside the numeric range/);
  });
});
