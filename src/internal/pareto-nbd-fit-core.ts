/**
 * The Pareto/NBD maximum-likelihood fit on sufficient statistics (used by fitParetoNbd, and by
 * the benchmark with ungrouped statistics as its baseline).
 */
import type { ParetoNbdFit, ParetoNbdStandardErrors } from '../clv/pareto-nbd-fit';
import { fitLogScaleLikelihood, NO_REPEAT_PURCHASE, requireRepeatData } from './log-scale-fit';
import { paretoNbdNegativeLogLikelihood, type ParetoNbdSufficientStatistics } from './pareto-nbd-likelihood';

const FN = 'fitParetoNbd';

/** The fit on sufficient statistics (shared with the benchmark's ungrouped baseline). */
export function fitParetoNbdStatistics(
  stats: ParetoNbdSufficientStatistics,
  rows: number,
  skipped: number,
  maxIterations = 1000,
): ParetoNbdFit {
  const n = stats.totalWeight;
  requireRepeatData(FN, stats, NO_REPEAT_PURCHASE);
  // r = s = 1, mean purchase rate r/α = the observed repeat rate, mean lifetime scale β = mean T.
  const start = [0, Math.log(stats.weightedAge / stats.weightedFrequency), 0, Math.log(stats.weightedAge / n)];
  const fit = fitLogScaleLikelihood(FN, (theta, g) => paretoNbdNegativeLogLikelihood(theta, stats, g), start, n, maxIterations, [
    { indices: [0], meaning: 'r: every customer buys at the same rate' },
    { indices: [2], meaning: 's: every customer has the same dropout rate' },
  ]);
  const [r, alpha, s, beta] = fit.estimates as [number, number, number, number];
  const se = fit.standardErrors;
  const standardErrors: ParetoNbdStandardErrors | undefined =
    se === undefined ? undefined : Object.freeze({ r: se[0] as number, alpha: se[1] as number, s: se[2] as number, beta: se[3] as number });
  return Object.freeze({
    r,
    alpha,
    s,
    beta,
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
