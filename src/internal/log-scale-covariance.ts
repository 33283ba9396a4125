/**
 * The covariance matrix of log-scale maximum-likelihood estimates: the inverse of the Hessian
 * of the negative log-likelihood in log-parameters, by central differences of its analytic
 * gradient (the same Hessian as the standard errors of log-scale-fit.ts).
 *
 * ```text
 * H_ij = n · ∂/∂θ_j (∂ m/∂θ_i)  ≈ n · (g_i(θ + h e_j) − g_i(θ − h e_j)) / 2h     m the mean negative log-likelihood
 * Cov(ln θ̂) = H⁻¹ (symmetrised, Cholesky)
 * ```
 *
 * Source: Casella & Berger (2002), *Statistical Inference*, §10.1.3 (asymptotic covariance of
 * the MLE as the inverse observed information).
 */
import { invertSymmetric } from './linear-algebra';

/**
 * Cov(ln θ̂) at log-parameters `theta`, `meanGradient` the gradient of the mean negative
 * log-likelihood over `n` observations; `undefined` when the Hessian is not positive definite
 * or an entry is not finite. Rows and columns are frozen.
 */
export function logScaleCovariance(
  meanGradient: (theta: readonly number[]) => number[],
  theta: readonly number[],
  n: number,
): readonly (readonly number[])[] | undefined {
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
  for (let i = 0; i < k; i++) {
    const row = covariance[i] as number[];
    if (!row.every(Number.isFinite) || !((row[i] as number) > 0)) return undefined;
  }
  return Object.freeze(covariance.map((row) => Object.freeze(row)));
}

/**
 * The standard errors (natural scale) and the log-parameter covariance of a log-scale fit,
 * consistent with each other: both `undefined`, or both present. `estimates` are the fit's
 * natural-scale estimates, `standardErrors` the ones it reported.
 */
export function logScaleUncertainty(
  meanGradient: (theta: readonly number[]) => number[],
  estimates: readonly number[],
  standardErrors: readonly number[] | undefined,
  n: number,
): { standardErrors: readonly number[]; covariance: readonly (readonly number[])[] } | undefined {
  if (standardErrors === undefined) return undefined;
  const covariance = logScaleCovariance(meanGradient, estimates.map(Math.log), n);
  return covariance === undefined ? undefined : { standardErrors, covariance };
}
