/**
 * The sBG log-likelihood over renewal statistics, and the parameter check the sBG functions share.
 * The beta-geometric series it walks are in the kernel (internal/beta-geometric.ts).
 */
import type { SbgParams } from './sbg-params';
import { betaGeometricLogSurvivalSum } from '../../internal/beta-geometric';
import { digamma } from '../../internal/special';
import { requirePositive } from '../../internal/validate';

/** Sufficient statistics: customers lost at each opportunity t ≥ 1, and those known to be active after t renewals. */
export interface SbgStatistics {
  /** Distinct renewal counts t ≥ 1 that carry data, increasing. */
  readonly times: readonly number[];
  /** Customers lost at opportunity `times[i]`. */
  readonly events: readonly number[];
  /** Customers still active after `times[i]` renewals (right-censored). */
  readonly censored: readonly number[];
  /** Customers in total (those censored at 0 renewals included: they add nothing to ln L). */
  readonly customers: number;
}

/** Validated α, β of a params object (`OUT_OF_RANGE` / `INVALID_NUMBER` otherwise). */
export function checkSbgParams(fn: string, params: SbgParams): { alpha: number; beta: number } {
  const p = (typeof params === 'object' && params !== null ? params : {}) as Partial<SbgParams>;
  return { alpha: requirePositive(fn, 'alpha', p.alpha), beta: requirePositive(fn, 'beta', p.beta) };
}

/** Gaps between observed renewal counts up to this length are walked term by term in the likelihood. */
const DIRECT_GAP = 64;

/**
 * Mean negative log-likelihood over the customers and its gradient, in θ = (ln α, ln β), in one
 * walk over the observed renewal counts carrying ln S(t) and its derivatives:
 *
 * ```text
 * ln L = Σₜ events[t] · ln P(T = t) + Σₜ censored[t] · ln S(t)
 * ln S(t) = ln S(t − 1) − ln(1 + α/(β + t − 1))       ln P(T = t) = ln S(t − 1) − ln(1 + (β + t − 1)/α)
 * ∂ ln S(t)/∂α = −Σₖ<ₜ 1/(α + β + k)                    ∂ ln S(t)/∂β = Σₖ<ₜ α / ((β + k)(α + β + k))
 * ∂ ln P(t)/∂α = ∂ ln S(t − 1)/∂α + 1/α − 1/(α + β + t − 1)
 * ∂ ln P(t)/∂β = ∂ ln S(t − 1)/∂β − 1/(α + β + t − 1)
 * ```
 *
 * Long gaps between observed counts (more than 64 renewals) use the closed-form tail for ln S
 * and ψ differences for the derivatives.
 */
export function sbgObjective(stats: SbgStatistics): {
  objective: (theta: readonly number[]) => number;
  gradient: (theta: readonly number[]) => number[];
} {
  const { times, events, censored, customers } = stats;
  const walk = (theta: readonly number[], withGradient: boolean): [number, number, number] => {
    const alpha = Math.exp(theta[0] as number);
    const beta = Math.exp(theta[1] as number);
    if (!(alpha > 0 && beta > 0 && Number.isFinite(alpha + beta))) return [-Infinity, 0, 0];
    let ll = 0;
    let ga = 0;
    let gb = 0;
    // ln S(position) and its derivatives.
    let position = 0;
    let logS = 0;
    let dA = 0;
    let dB = 0;
    for (let i = 0; i < times.length; i++) {
      const t = times[i] as number;
      const gap = t - 1 - position;
      if (gap > 0) {
        if (gap <= DIRECT_GAP) {
          for (let k = position; k < t - 1; k++) {
            logS -= Math.log1p(alpha / (beta + k));
            if (withGradient) {
              const w = alpha + beta + k;
              dA -= 1 / w;
              dB += alpha / ((beta + k) * w);
            }
          }
        } else {
          logS -= betaGeometricLogSurvivalSum(alpha, beta, position, gap);
          if (withGradient) {
            const ab = digamma(alpha + beta + t - 1) - digamma(alpha + beta + position);
            dA -= ab;
            dB += digamma(beta + t - 1) - digamma(beta + position) - ab;
          }
        }
      }
      // Opportunity t, k = t − 1.
      const u = beta + (t - 1);
      const w = alpha + u;
      const e = events[i] as number;
      const c = censored[i] as number;
      if (e > 0) {
        ll += e * (logS - Math.log1p(u / alpha));
        if (withGradient) {
          ga += e * (dA + 1 / alpha - 1 / w);
          gb += e * (dB - 1 / w);
        }
      }
      logS -= Math.log1p(alpha / u);
      if (withGradient) {
        dA -= 1 / w;
        dB += alpha / (u * w);
      }
      if (c > 0) {
        ll += c * logS;
        if (withGradient) {
          ga += c * dA;
          gb += c * dB;
        }
      }
      position = t;
    }
    return [ll, ga * alpha, gb * beta];
  };
  return {
    objective: (theta) => {
      const ll = walk(theta, false)[0];
      return Number.isFinite(ll) ? -ll / customers : Infinity;
    },
    gradient: (theta) => {
      const [, ga, gb] = walk(theta, true);
      return [-ga / customers, -gb / customers];
    },
  };
}

