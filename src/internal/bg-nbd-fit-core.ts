/**
 * The BG/NBD maximum-likelihood fit on sufficient statistics (used by fitBgNbd, and by the
 * benchmark with ungrouped statistics as its baseline).
 */
import type { BgNbdFit, BgNbdStandardErrors } from '../clv/bg-nbd-fit';
import { bgNbdNegativeLogLikelihood, BG_NBD_LOG_PARAMETER_LIMIT, type BgNbdSufficientStatistics } from './bg-nbd-likelihood';
import { logScaleStandardErrors } from './log-scale-errors';
import { minimize } from './optimize';
import { fail } from './validate';

const FN = 'fitBgNbd';

/** The fit on sufficient statistics (shared with the benchmark's ungrouped baseline). */
export function fitBgNbdStatistics(
  stats: BgNbdSufficientStatistics,
  rows: number,
  skipped: number,
  maxIterations = 1000,
): BgNbdFit {
  const n = stats.totalWeight;
  if (!(n >= 4)) {
    throw fail('INSUFFICIENT_DATA', FN, `needs at least 4 customers to estimate 4 parameters, got ${n}`, { field: 'rows', value: n });
  }
  if (!(stats.repeatWeight > 0)) {
    throw fail(
      'INSUFFICIENT_DATA',
      FN,
      'no customer made a repeat purchase (every frequency is 0), so purchase rates and dropout cannot be estimated',
      { field: 'frequency' },
    );
  }
  if (!(stats.weightedAge > 0)) {
    throw fail('INSUFFICIENT_DATA', FN, 'every T is 0: there is no observation time to estimate purchase rates from', { field: 'T' });
  }
  const start = [0, Math.log(stats.weightedAge / stats.weightedFrequency), 0, 0];
  const objective = (theta: readonly number[]): number => bgNbdNegativeLogLikelihood(theta, stats);
  const gradient = (theta: readonly number[]): number[] => {
    const g = [0, 0, 0, 0];
    bgNbdNegativeLogLikelihood(theta, stats, g);
    return g;
  };
  const result = minimize(objective, start, { gradient, maxIterations, gradientTolerance: 1e-9 });
  const theta = result.x;
  const inRange = theta.every((t) => Math.abs(t) < BG_NBD_LOG_PARAMETER_LIMIT - 1);
  const meanNll = objective(theta);
  const finite = Number.isFinite(meanNll) && theta.every(Number.isFinite);
  if (!finite) {
    // Cannot happen from a finite start with a guarded objective; never return NaN silently.
    throw fail('INSUFFICIENT_DATA', FN, `the likelihood could not be evaluated near the data (${result.message})`, { field: 'rows' });
  }
  const [r, alpha, a, b] = theta.map(Math.exp) as [number, number, number, number];
  const converged = result.converged && inRange;
  const se = logScaleStandardErrors(gradient, theta, n);
  const standardErrors: BgNbdStandardErrors | undefined =
    se === undefined ? undefined : Object.freeze({ r: se[0] as number, alpha: se[1] as number, a: se[2] as number, b: se[3] as number });
  return Object.freeze({
    r,
    alpha,
    a,
    b,
    logLikelihood: -meanNll * n,
    iterations: result.iterations,
    converged,
    method: result.method,
    message: inRange ? result.message : `${result.message}; a parameter reached the numeric range limit e^±${BG_NBD_LOG_PARAMETER_LIMIT - 1} (the maximum is on a boundary)`,
    standardErrors,
    n,
    rows,
    skipped,
  });
}
