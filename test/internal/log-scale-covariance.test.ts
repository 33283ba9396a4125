import { describe, expect, it } from 'vitest';
import { logScaleCovariance, logScaleUncertainty } from '../../src/internal/log-scale-covariance';

/** Mean negative log-likelihood ½ (θ − μ)ᵀ A (θ − μ) / n: its Hessian is A, the covariance A⁻¹. */
function quadratic(a: number[][], mu: number[], n: number) {
  return (theta: readonly number[]): number[] => a.map((row) => row.reduce((s, v, j) => s + (v * ((theta[j] as number) - (mu[j] as number))) / n, 0));
}

describe('logScaleCovariance', () => {
  it('inverts the Hessian of a quadratic exactly (to the differencing rounding)', () => {
    const a = [
      [4, 1],
      [1, 3],
    ];
    const cov = logScaleCovariance(quadratic(a, [0.5, -1], 100), [0.3, 0.2], 100)!;
    const det = 4 * 3 - 1;
    const expected = [
      [3 / det, -1 / det],
      [-1 / det, 4 / det],
    ];
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(Math.abs(cov[i]![j]! - expected[i]![j]!)).toBeLessThan(1e-9);
    expect(cov[0]![1]).toBe(cov[1]![0]);
    expect(Object.isFrozen(cov) && Object.isFrozen(cov[0])).toBe(true);
  });

  it('is undefined for a Hessian that is not positive definite', () => {
    expect(logScaleCovariance(quadratic([[1, 2], [2, 1]], [0, 0], 1), [0, 0], 1)).toBeUndefined();
    expect(logScaleCovariance(quadratic([[0, 0], [0, 1]], [0, 0], 1), [0, 0], 1)).toBeUndefined();
  });

  it('logScaleUncertainty: both present, or both undefined', () => {
    const g = quadratic([[2]], [0], 10);
    expect(logScaleUncertainty(g, [1], undefined, 10)).toBeUndefined();
    const u = logScaleUncertainty(g, [1], [0.7], 10)!;
    expect(u.standardErrors).toEqual([0.7]);
    expect(Math.abs(u.covariance[0]![0]! - 0.5)).toBeLessThan(1e-9);
    expect(logScaleUncertainty(quadratic([[-1]], [0], 1), [1], [0.7], 1)).toBeUndefined();
  });
});
