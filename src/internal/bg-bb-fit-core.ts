/**
 * The BG/BB maximum-likelihood fit on sufficient statistics (used by fitBgBb, and by the
 * benchmark with ungrouped statistics as its baseline).
 */
import type { BgBbFit, BgBbStandardErrors } from '../clv/bg-bb-fit';
import { bgBbNegativeLogLikelihood, type BgBbSufficientStatistics } from './bg-bb-likelihood';
import { fitLogScaleLikelihood } from './log-scale-fit';
import { requireRepeatData } from '../clv/repeat-data';

const FN = 'fitBgBb';

/** The fit on sufficient statistics. Deterministic start α = β = γ = δ = 1. */
export function fitBgBbStatistics(stats: BgBbSufficientStatistics, rows: number, skipped: number, maxIterations = 1000): BgBbFit {
  const n = stats.totalWeight;
  requireRepeatData(
    FN,
    stats,
    'no customer made a repeat transaction (every frequency is 0), so transaction and dropout probabilities cannot be estimated',
  );
  const fit = fitLogScaleLikelihood(FN, (theta, g) => bgBbNegativeLogLikelihood(theta, stats, g), [0, 0, 0, 0], n, maxIterations, [
    { indices: [0, 1], meaning: 'α + β: the transaction probability p is the same for every customer' },
    { indices: [2, 3], meaning: 'γ + δ: the dropout probability θ is the same for every customer' },
  ]);
  const [alpha, beta, gamma, delta] = fit.estimates as [number, number, number, number];
  const se = fit.standardErrors;
  const standardErrors: BgBbStandardErrors | undefined =
    se === undefined
      ? undefined
      : Object.freeze({ alpha: se[0] as number, beta: se[1] as number, gamma: se[2] as number, delta: se[3] as number });
  return Object.freeze({
    alpha,
    beta,
    gamma,
    delta,
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
