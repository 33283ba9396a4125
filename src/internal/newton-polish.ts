/**
 * Newton polish: the last steps of a maximum-likelihood fit on the log scale, from where the
 * optimizer stopped to the root of the analytic gradient (passed to `fitLogScale` as `polish`).
 */
import { solveSymmetric } from './linear-algebra';
import { gradientHessian, LOG_PARAMETER_LIMIT, POINT_MASS, type PointMassCheck } from './log-scale-fit';

/** Largest Newton polish steps taken after the optimizer. */
const POLISH_STEPS = 8;

/**
 * Newton steps on the analytic gradient from the optimizer's point: θ ← θ − H⁻¹g(θ), with H the
 * Hessian by differences of the gradient at the first point (a chord method: it converges
 * linearly at the rate of H's relative error, ~1e-8, so in a step or two). Each step is taken
 * while it lowers the Newton decrement gᵀH⁻¹g and does not raise the value beyond rounding;
 * the polish stops at the first step that does not, or where H is not positive definite.
 * Only an interior maximum is polished: where a mixing distribution of `pointMasses` collapses
 * to a point mass the supremum is at infinity, and there is no root of the gradient to reach.
 *
 * Why: the optimizer stops where the *value* stops changing, and on a likelihood flat along a
 * ridge that leaves the estimates ~√ε apart for inputs that differ only in rounding (the same
 * customers summed in another order, a mean spend one ulp off). The gradient keeps its
 * accuracy there, so its root pins the estimates down to rounding of the gradient divided by
 * the curvature, far below any standard error.
 */
export function newtonPolish(
  objective: (theta: readonly number[]) => number,
  gradient: (theta: readonly number[]) => number[],
  theta: number[],
  pointMasses: readonly PointMassCheck[] = [],
): number[] {
  const value = objective(theta);
  const estimates = theta.map(Math.exp);
  const collapsed = pointMasses.some(({ indices }) => indices.reduce((sum, i) => sum + (estimates[i] as number), 0) > POINT_MASS);
  if (collapsed || !Number.isFinite(value) || !theta.every((t) => Math.abs(t) < LOG_PARAMETER_LIMIT - 1)) return theta;
  const hessian = gradientHessian(gradient, theta, 1);
  const newton = (g: readonly number[]): { step: number[]; decrement: number } | undefined => {
    const step = solveSymmetric(hessian, g.map((v) => -v));
    if (step === undefined || !step.every(Number.isFinite)) return undefined;
    return { step, decrement: -step.reduce((sum, v, i) => sum + v * (g[i] as number), 0) };
  };
  let current = newton(gradient(theta));
  let x = theta;
  let f = value;
  const slack = 1e-11 * Math.max(1, Math.abs(value));
  for (let k = 0; k < POLISH_STEPS && current !== undefined && current.decrement > 0; k++) {
    const step = current.step;
    // Polish, not search: a step beyond e^±1 means the point is not near a maximum H describes.
    if (!step.every((v) => Math.abs(v) <= 1)) break;
    const next = x.map((t, i) => t + (step[i] as number));
    if (!next.every((t) => Math.abs(t) < LOG_PARAMETER_LIMIT - 1)) break;
    const fNext = objective(next);
    if (!(fNext <= f + slack)) break;
    const after = newton(gradient(next));
    if (after === undefined || !(after.decrement < current.decrement)) break;
    x = next;
    f = fNext;
    current = after;
  }
  return x;
}
