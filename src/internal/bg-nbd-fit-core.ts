/**
 * The BG/NBD maximum-likelihood fit on sufficient statistics (used by fitBgNbd, and by the
 * benchmark with ungrouped statistics as its baseline).
 */
import type { BgNbdFit, BgNbdStandardErrors } from '../clv/bg-nbd-fit';
import { bgNbdNegativeLogLikelihood, type BgNbdSufficientStatistics } from './bg-nbd-likelihood';
import { fitLogScaleLikelihood, NO_REPEAT_PURCHASE, requireRepeatData } from './log-scale-fit';

const FN = 'fitBgNbd';
/** Below this α (with recency-0 repeat rows present) the fit is on the unbounded boundary. */
const BOUNDARY_ALPHA = 1e-8;

/** The fit on sufficient statistics (shared with the benchmark's ungrouped baseline). */
export function fitBgNbdStatistics(
  stats: BgNbdSufficientStatistics,
  rows: number,
  skipped: number,
  maxIterations = 1000,
  zeroRecencyRepeats = 0,
): BgNbdFit {
  const n = stats.totalWeight;
  requireRepeatData(FN, stats, NO_REPEAT_PURCHASE);
  const start = [0, Math.log(stats.weightedAge / stats.weightedFrequency), 0, 0];
  const fit = fitLogScaleLikelihood(FN, (theta, g) => bgNbdNegativeLogLikelihood(theta, stats, g), start, n, maxIterations, [
    { indices: [0], meaning: 'r: every customer buys at the same rate' },
    { indices: [2, 3], meaning: 'a + b: every customer has the same dropout probability' },
  ]);
  const [r, alpha, a, b] = fit.estimates as [number, number, number, number];
  let converged = fit.converged;
  let message = fit.message;
  if (zeroRecencyRepeats > 0) {
    // For a row with x ≥ 1 and tₓ = 0 the dropout term of the likelihood is
    // B(a+1, b+x−1)/B(a, b) · Γ(r+x)/Γ(r) · α^r/(α+0)^(r+x) ≈ B(…)/B(a, b) · r·Γ(x)/α^x, unbounded as
    // α → 0 faster than r^(1/x): the supremum is on that boundary, so the fit worth reporting
    // is the interior local maximum.
    const rows = `${zeroRecencyRepeats} customer${zeroRecencyRepeats === 1 ? ' has' : 's have'} repeat purchases with recency 0`;
    if (alpha < BOUNDARY_ALPHA) {
      converged = false;
      message = `${message}; the fit ran to the boundary alpha → 0, r → 0, where the likelihood is unbounded because ${rows}: no interior maximum was found`;
    } else {
      message = `${message}; interior local maximum: the likelihood is unbounded as alpha → 0 with r → 0 because ${rows}`;
    }
  }
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
    converged,
    method: fit.method,
    message,
    standardErrors,
    n,
    rows,
    skipped,
  });
}
