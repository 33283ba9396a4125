import { describe, expect, it } from 'vitest';
import { newtonPolish } from '../../src/internal/newton-polish';

// A quadratic with a ridge: curvatures 1e4 and 1e-4 along the rotated axes (condition 1e8),
// minimum at (0.3, -0.2). Where the value stalls, the point can still be ~1e-6 off along the ridge.
const root = [0.3, -0.2];
const c = Math.SQRT1_2;
const curvatures = [1e4, 1e-4];
const along = (theta: readonly number[]) => {
  const d0 = (theta[0] as number) - (root[0] as number);
  const d1 = (theta[1] as number) - (root[1] as number);
  return [c * d0 + c * d1, c * d0 - c * d1];
};
const objective = (theta: readonly number[]) => {
  const [u, v] = along(theta) as [number, number];
  return 0.5 * ((curvatures[0] as number) * u * u + (curvatures[1] as number) * v * v);
};
const gradient = (theta: readonly number[]) => {
  const [u, v] = along(theta) as [number, number];
  const gu = (curvatures[0] as number) * u;
  const gv = (curvatures[1] as number) * v;
  return [c * gu + c * gv, c * gu - c * gv];
};

describe('newtonPolish', () => {
  it('moves a point stalled on the ridge to the root of the gradient', () => {
    // 1e-3 along the flat direction: the value there is 5e-11, rounding level for a value of 1.
    const start = [0.3 + 1e-3 * c, -0.2 - 1e-3 * c];
    const polished = newtonPolish(objective, gradient, start);
    expect(Math.abs((polished[0] as number) - 0.3)).toBeLessThan(1e-12);
    expect(Math.abs((polished[1] as number) + 0.2)).toBeLessThan(1e-12);
    expect(Math.hypot(...gradient(polished))).toBeLessThan(Math.hypot(...gradient(start)) * 1e-6);
  });

  it('leaves the point where it is at the root already', () => {
    expect(newtonPolish(objective, gradient, [...root])).toEqual(root);
  });

  it('does not move a point outside the log-parameter range, or where the Hessian is not positive definite', () => {
    const far = [29.5, -0.2];
    expect(newtonPolish(objective, gradient, far)).toBe(far);
    const concave = (theta: readonly number[]) => -objective(theta);
    const concaveGradient = (theta: readonly number[]) => gradient(theta).map((g) => -g);
    const start = [0.31, -0.19];
    expect(newtonPolish(concave, concaveGradient, start)).toBe(start);
  });

  it('does not move a point where a mixing distribution has collapsed (shape above 1e6)', () => {
    const start = [0.3 + 1e-3 * c, -0.2 - 1e-3 * c];
    expect(newtonPolish(objective, gradient, start, [{ indices: [0, 1], meaning: 'test' }])).not.toBe(start);
    const shifted = (theta: readonly number[]) => objective([(theta[0] as number) - 14, theta[1] as number]);
    const shiftedGradient = (theta: readonly number[]) => gradient([(theta[0] as number) - 14, theta[1] as number]);
    const collapsed = [14.3 + 1e-3 * c, -0.2 - 1e-3 * c];
    expect(newtonPolish(shifted, shiftedGradient, collapsed, [{ indices: [0], meaning: 'test' }])).toBe(collapsed);
    expect(newtonPolish(shifted, shiftedGradient, collapsed)).not.toBe(collapsed);
  });

  it('stops before a step that would raise the value (a point far from any maximum the Hessian describes)', () => {
    // A step longer than e^±1 in any log-parameter is refused: the point stays.
    const start = [0.3 + 5, -0.2 + 5];
    expect(newtonPolish(objective, gradient, start)).toBe(start);
  });
});
