/**
 * Maximum likelihood for models whose parameters are all positive, estimated on the log
 * scale: the optimizer run, the guard against non-finite results, the covariance of the
 * log-parameters, the standard errors and the honest `converged` flag, in one place.
 *
 * Standard errors: the Hessian of the negative log-likelihood by central differences of its
 * analytic gradient (error O(h²), far smaller than differencing values twice), inverted by
 * Cholesky, then the delta method SE(θ) = θ · SE(ln θ) (Casella & Berger 2002, §5.5.4).
 */
import { invertSymmetric } from './linear-algebra';
import { minimizeWithGradient } from './optimize';
import { fail } from './validate';

/** Log-parameters beyond this magnitude are outside the models' numeric range (e^30 ≈ 1e13). */
export const LOG_PARAMETER_LIMIT = 30;

/** Largest SE(ln θ) for which a parameter counts as identified by the data. */
export const MAX_LOG_SCALE_ERROR = 20;

/** A gamma shape or a beta concentration (α + β) beyond this: a spread below 0.1 %, a point mass. */
export const POINT_MASS = 1e6;

/**
 * A mixing distribution of the model that can collapse to a point mass: the estimates at
 * `indices` (a gamma's shape, or a beta's two shapes) summed, and what it means when they run off.
 */
export interface PointMassCheck {
  /** Positions of the parameters whose sum is the shape or concentration. */
  readonly indices: readonly number[];
  /** What a point mass means, e.g. `'r: every customer buys at the same rate'`. */
  readonly meaning: string;
}

/**
 * The likelihoods' guard: outside |θᵢ| ≤ {@link LOG_PARAMETER_LIMIT} they return +Infinity with
 * a zero gradient, so the optimizer backs off. True when θ is outside (and `gradient` zeroed).
 */
export function outsideLogRange(theta: readonly number[], gradient: number[] | undefined): boolean {
  for (const t of theta) {
    if (!(Math.abs(t) <= LOG_PARAMETER_LIMIT)) {
      if (gradient) gradient.fill(0);
      return true;
    }
  }
  return false;
}

/** What a log-scale fit returns before it is dressed as a model result. */
export interface LogScaleFit {
  /** Estimates on the natural scale. */
  readonly estimates: number[];
  /** Σ w ln L at the estimates. */
  readonly logLikelihood: number;
  /** SE(θᵢ) = θᵢ · SE(ln θᵢ); `undefined` when the Hessian is not positive definite. */
  readonly standardErrors: number[] | undefined;
  /** Covariance of the log-parameters (the inverse Hessian, frozen), `undefined` exactly when `standardErrors` is. */
  readonly logParameterCovariance: readonly (readonly number[])[] | undefined;
  readonly iterations: number;
  readonly converged: boolean;
  readonly method: 'bfgs' | 'nelder-mead';
  readonly message: string;
}

/**
 * The Hessian of `n` times the mean objective: central differences of its analytic gradient,
 * column j from the gradients at θ ± hⱼeⱼ. Not symmetrised here: the Cholesky factorisation
 * every caller hands it to reads the average of the two triangles.
 */
export function gradientHessian(meanGradient: (theta: readonly number[]) => number[], theta: readonly number[], n: number): number[][] {
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
  return hessian;
}

/**
 * A last step from the optimizer's point θ to the root of the gradient, taken only at an
 * interior maximum (no mixing distribution of `pointMasses` collapsed).
 */
export type Polish = (
  objective: (theta: readonly number[]) => number,
  gradient: (theta: readonly number[]) => number[],
  theta: number[],
  pointMasses: readonly PointMassCheck[],
) => number[];

/**
 * Minimise the mean negative log-likelihood `objective` (with analytic `gradient`, both in
 * log-parameters) from `start`. `converged` is true only at a strict interior maximum the
 * data identify: optimizer test passed, |ln θ| < 29, Hessian positive definite, every
 * SE(ln θ) ≤ 20, and no mixing distribution of `pointMasses` collapsed (shape or
 * concentration above 1e6). That last boundary, shapes → ∞ at a fixed ratio, is one the other
 * tests cannot see: the likelihood creeps towards its supremum, the optimizer stalls on
 * rounding, and the Hessian there can still look positive definite. With `polish` (the
 * kernel's `newtonPolish`, passed by fits whose likelihood is flat along a ridge), a point that
 * is inside the range with no collapsed mixing distribution is finished by Newton steps on the
 * gradient, so the estimates are the root of the gradient to rounding, not wherever the
 * optimizer's value stalled. (Passed in, not imported, so that a fit without it does not ship it.)
 */
export function fitLogScale(
  fn: string,
  objective: (theta: readonly number[]) => number,
  gradient: (theta: readonly number[]) => number[],
  start: readonly number[],
  n: number,
  maxIterations: number,
  pointMasses: readonly PointMassCheck[] = [],
  polish?: Polish,
): LogScaleFit {
  // The starting values come from moments of the data: values near the largest double overflow them.
  if (!start.every(Number.isFinite)) throw fail('OUT_OF_RANGE', fn, 'values near the double limit overflow the fit; rescale the time unit', { field: 'rows' });
  const result = minimizeWithGradient(objective, gradient, start, { maxIterations, gradientTolerance: 1e-9 });
  const polished = polish ? polish(objective, gradient, result.x, pointMasses) : result.x;
  // The estimates first, then their logarithms: a log-likelihood evaluated later at the reported
  // estimates (ln of each) sees exactly the θ the fit reports its log-likelihood at.
  const estimates = polished.map(Math.exp);
  const theta = estimates.map(Math.log);
  const meanNll = objective(theta);
  if (!Number.isFinite(meanNll) || !theta.every(Number.isFinite)) {
    // Cannot happen from a finite start with a guarded objective; never return NaN silently.
    throw fail('INSUFFICIENT_DATA', fn, `the likelihood could not be evaluated near the data (${result.message})`, { field: 'rows' });
  }
  const inRange = theta.every((t) => Math.abs(t) < LOG_PARAMETER_LIMIT - 1);
  // The asymptotic covariance of θ̂ = ln(estimates), the inverse Hessian of the total negative
  // log-likelihood, and SE(θᵢ) = θᵢ · SE(ln θᵢ); none unless every one is finite and positive.
  const covariance = invertSymmetric(gradientHessian(gradient, theta, n));
  const errors = covariance?.map((row, i) => Math.exp(theta[i] as number) * Math.sqrt(row[i] as number));
  const se = errors?.every((v) => Number.isFinite(v) && v > 0) ? errors : undefined;
  const identified = se !== undefined && se.every((v, i) => v / Math.exp(theta[i] as number) <= MAX_LOG_SCALE_ERROR);
  let message = result.message;
  if (!inRange) message += `; a parameter reached the range limit e^±${LOG_PARAMETER_LIMIT - 1}: the maximum is on a boundary`;
  else if (se === undefined) {
    message += '; the Hessian is not positive definite: the data cannot identify every parameter';
  } else if (!identified) {
    message += `; a standard error exceeds ${MAX_LOG_SCALE_ERROR}× its estimate on the log scale: the data cannot identify every parameter`;
  }
  let collapsed = false;
  for (const { indices, meaning } of pointMasses) {
    if (indices.reduce((sum, i) => sum + (estimates[i] as number), 0) > POINT_MASS) {
      collapsed = true;
      message += `; ${meaning} (a point mass: the maximum is on a boundary)`;
    }
  }
  return {
    estimates,
    logLikelihood: -meanNll * n,
    standardErrors: se,
    logParameterCovariance: se === undefined ? undefined : Object.freeze((covariance as number[][]).map((row) => Object.freeze(row))),
    iterations: result.iterations,
    converged: result.converged && inRange && identified && !collapsed,
    method: result.method,
    message,
  };
}

/**
 * {@link fitLogScale} for a negative log-likelihood in the kernel's convention: the mean over
 * the customers, which fills `gradient` (in log-parameters) in place when it is given one.
 */
export function fitLogScaleLikelihood(
  fn: string,
  negativeLogLikelihood: (theta: readonly number[], gradient?: number[]) => number,
  start: readonly number[],
  n: number,
  maxIterations: number,
  pointMasses: readonly PointMassCheck[] = [],
  polish?: Polish,
): LogScaleFit {
  const gradient = (theta: readonly number[]): number[] => {
    const g = new Array<number>(theta.length).fill(0);
    negativeLogLikelihood(theta, g);
    return g;
  };
  // Called with θ alone, the likelihood is the objective.
  return fitLogScale(fn, negativeLogLikelihood, gradient, start, n, maxIterations, pointMasses, polish);
}

/**
 * Positive parameters (already checked finite and > 0) as log-parameters θ = ln(values), for
 * evaluating a log-likelihood at given parameters: `OUT_OF_RANGE` when some |θᵢ| exceeds
 * {@link LOG_PARAMETER_LIMIT}, where the likelihoods are not evaluated (they would return +Infinity).
 */
export function logParameters(fn: string, names: readonly string[], values: readonly number[]): number[] {
  return values.map((v, i) => {
    const t = Math.log(v);
    if (!(Math.abs(t) <= LOG_PARAMETER_LIMIT)) {
      throw fail('OUT_OF_RANGE', fn, `${names[i]} ${v} is outside the numeric range e^±${LOG_PARAMETER_LIMIT} of the likelihood`, { field: names[i] ?? 'params', value: v });
    }
    return t;
  });
}
