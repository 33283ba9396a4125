/** The BG/BB maximum-likelihood fit on sufficient statistics (fitBgBb's last step). */
import type { BgBbFit } from './bg-bb-params';
import { bgBbNegativeLogLikelihood, type BgBbSufficientStatistics } from './likelihood';
import { fitLogScaleLikelihood } from '../../internal/log-scale-fit';
import { newtonPolish } from '../../internal/newton-polish';
import { requireRepeatData } from '../repeat-data';

const FN = 'fitBgBb';

/** The fit on sufficient statistics. Deterministic start α = β = γ = δ = 1. */
export function fitBgBbStatistics(stats: BgBbSufficientStatistics, rows: number, skipped: number, maxIterations: number): BgBbFit {
  const n = stats.totalWeight;
  requireRepeatData(
    FN,
    stats,
    'no customer made a repeat transaction (every frequency is 0), so transaction and dropout probabilities cannot be estimated',
  );
  const objective = (theta: readonly number[], g?: number[]): number => bgBbNegativeLogLikelihood(theta, stats, g);
  const fit = fitLogScaleLikelihood(FN, objective, [0, 0, 0, 0], n, maxIterations, [
    { indices: [0, 1], meaning: 'α + β: the transaction probability p is the same for every customer' },
    { indices: [2, 3], meaning: 'γ + δ: the dropout probability θ is the same for every customer' },
  ], newtonPolish);
  const [alpha, beta, gamma, delta] = fit.estimates as [number, number, number, number];
  const se = fit.standardErrors;
  return Object.freeze({
    model: 'bg-bb' as const,
    alpha,
    beta,
    gamma,
    delta,
    logLikelihood: fit.logLikelihood,
    iterations: fit.iterations,
    converged: fit.converged,
    method: fit.method,
    message: fit.message,
    standardErrors:
      se === undefined ? undefined : Object.freeze({ alpha: se[0] as number, beta: se[1] as number, gamma: se[2] as number, delta: se[3] as number }),
    logParameterCovariance: fit.logParameterCovariance,
    n,
    rows,
    skipped,
  });
}
