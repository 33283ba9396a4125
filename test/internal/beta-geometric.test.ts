import { describe, expect, it } from 'vitest';
import {
  betaGeometricContinuation,
  betaGeometricDiscountedSurvival,
  betaGeometricLogSurvival,
  betaGeometricLogSurvivalSum,
} from '../../src/internal/beta-geometric';
import { logBeta } from '../../src/internal/special';

describe('the beta-geometric kernel', () => {
  it('continuation r(k + 1) = (β + k)/(α + β + k)', () => {
    expect(betaGeometricContinuation(1, 1, 0)).toBe(0.5);
    expect(betaGeometricContinuation(2, 3, 4)).toBeCloseTo(7 / 9, 15);
  });

  it('log survival sums equal the term-by-term sum, through the Euler–Maclaurin switch at β + k = 64', () => {
    for (const [a, b, k0, m] of [
      [0.7, 1.2, 0, 10],
      [0.7, 1.2, 3, 500],
      [5, 80, 0, 2000],
      [0.01, 0.02, 60, 100],
    ] as const) {
      let direct = 0;
      for (let k = k0; k < k0 + m; k++) direct += Math.log1p(a / (b + k));
      expect(Math.abs(betaGeometricLogSurvivalSum(a, b, k0, m) - direct)).toBeLessThan(1e-13 * Math.max(1, direct));
    }
  });

  it('ln S(t) = ln B(α, β + t) − ln B(α, β) where that difference is accurate', () => {
    expect(Math.abs(betaGeometricLogSurvival(0.704, 1.182, 12) - (logBeta(0.704, 13.182) - logBeta(0.704, 1.182)))).toBeLessThan(1e-12);
    expect(betaGeometricLogSurvival(3, 4, 0)).toBe(0);
  });

  it('discounted survival is ₂F₁(1, β + m; α + β + m; 1/(1 + d)), summed here independently', () => {
    const [a, b, m, d] = [0.704, 1.182, 4, 0.1];
    let term = 1;
    let sum = 0;
    for (let k = 0; k < 5000; k++) {
      sum += term;
      term *= ((b + m + k) / (a + b + m + k)) / (1 + d);
    }
    expect(Math.abs(betaGeometricDiscountedSurvival('test', a, b, m, d) - sum)).toBeLessThan(1e-13 * sum);
  });
});
