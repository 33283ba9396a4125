/**
 * The BG/NBD maximum-likelihood fit on sufficient statistics (used by fitBgNbd, and by the
 * benchmark with ungrouped statistics as its baseline).
 */
import type { BgNbdFit, BgNbdStandardErrors } from '../clv/bg-nbd-fit';
import { bgNbdNegativeLogLikelihood, type BgNbdSufficientStatistics } from './bg-nbd-likelihood';
import { fitLogScaleLikelihood, NO_REPEAT_PURCHASE, requireRepeatData } from './log-scale-fit';

const FN = 'fitBgNbd';

/** The fit on sufficient statistics (shared with the benchmark's ungrouped baseline). */
export function fitBgNbdStatistics(
  stats: BgNbdSufficientStatistics,
  rows: number,
  skipped: number,
  maxIterations = 1000,
): BgNbdFit {
  const n = stats.totalWeight;
  requireRepeatData(FN, stats, NO_REPEAT_PURCHASE);
  const start = [0, Math.log(stats.weightedAge / stats.weightedFrequency), 0, 0];
  const fit = fitLogScaleLikelihood(FN, (theta, g) => bgNbdNegativeLogLikelihood(theta, stats, g), start, n, maxIterations, [
    { indices: [0], meaning: 'r: every customer buys at the same rate' },
    { indices: [2, 3], meaning: 'a + b: every customer has the same dropout probability' },
  ]);
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
