/**
 * Standard errors of positive parameters estimated on the log scale: the Hessian of the
 * negative log-likelihood by central differences of its analytic gradient (error O(h²), far
 * smaller than differencing values twice), inverted by Cholesky, then the delta method
 * SE(θ) = θ · SE(ln θ) (Casella & Berger 2002, §5.5.4).
 */
import { invertSymmetric } from './linear-algebra';

/**
 * `meanGradient(θ)` is the gradient of the *mean* negative log-likelihood in log-parameters;
 * `n` the number of observations it averages over. `undefined` when the Hessian is not
 * positive definite or a standard error is not finite.
 */
export function logScaleStandardErrors(
  meanGradient: (theta: readonly number[]) => number[],
  theta: readonly number[],
  n: number,
): number[] | undefined {
  const k = theta.length;
  const hessian: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const point = theta.slice();
  for (let j = 0; j < k; j++) {
    const tj = theta[j] as number;
    const h = tj + 1e-5 * Math.max(1, Math.abs(tj)) - tj;
    point[j] = tj + h;
    const up = meanGradient(point);
    point[j] = tj - h;
    const down = meanGradient(point);
    point[j] = tj;
    for (let i = 0; i < k; i++) (hessian[i] as number[])[j] = (((up[i] as number) - (down[i] as number)) / (2 * h)) * n;
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < i; j++) {
      const m = ((hessian[i] as number[])[j] as number) / 2 + ((hessian[j] as number[])[i] as number) / 2;
      (hessian[i] as number[])[j] = m;
      (hessian[j] as number[])[i] = m;
    }
  }
  const covariance = invertSymmetric(hessian);
  if (covariance === undefined) return undefined;
  const se = theta.map((t, i) => Math.exp(t) * Math.sqrt((covariance[i] as number[])[i] as number));
  return se.every((v) => Number.isFinite(v) && v > 0) ? se : undefined;
}
