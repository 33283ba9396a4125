/**
 * The BG/NBD maximum-likelihood fit on sufficient statistics (used by fitBgNbd, and by the
 * benchmark with ungrouped statistics as its baseline).
 */
import type { BgNbdFit, BgNbdStandardErrors } from '../clv/bg-nbd-fit';
import { bgNbdNegativeLogLikelihood, type BgNbdSufficientStatistics } from './bg-nbd-likelihood';
import { fitLogScaleLikelihood } from './log-scale-fit';
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
  const fit = fitLogScaleLikelihood(FN, (theta, g) => bgNbdNegativeLogLikelihood(theta, stats, g), start, n, maxIterations);
  const [r, alpha, a, b] = fit.estimates as [number, number, number, number];
  const se = fit.standardErrors;
  const standardErrors: BgNbdStandardErrors | undefined =
    se === undefined ? undefined : Object.freeze({ r: se[0] as number, alpha: se[1] as number, a: se[2] as number, b: se[3] as number });
  return Object.freeze({
    r,
    alpha,
    a,
    b,
    logLikelihood: fit.logLikelihood,
    iterations: fit.iterations,
    converged: fit.converged,
    method: fit.method,
    message: fit.message,
    standardErrors,
    n,
    rows,
    skipped,
  });
}
