/**
 * Shifted-beta-geometric (sBG) building blocks (Fader & Hardie 2007, "How to project customer
 * retention", J. Interactive Marketing 21(1), eqs. 1–5): each customer renews with probability
 * 1 − θ at each renewal opportunity, θ ~ Beta(α, β) across customers.
 *
 * ```text
 * P(T = t) = B(α + 1, β + t − 1) / B(α, β)      t = 1, 2, …   (churn at the t-th opportunity)
 * S(t)     = B(α, β + t) / B(α, β)              t = 0, 1, …   (still a customer after t renewals)
 * ```
 */
import type { SbgParams } from '../retention/fit-sbg';
import { digamma, logBeta } from './special';
import { requirePositive } from './validate';

/** Sufficient statistics: customers churning at each opportunity t ≥ 1, and those still active after t renewals. */
export interface SbgStatistics {
  /** events[t]: customers lost at renewal opportunity t (index 0 unused). */
  readonly events: Float64Array;
  /** censored[t]: customers known to have made t renewals and still active. */
  readonly censored: Float64Array;
  /** Customers in total. */
  readonly customers: number;
}

/** Validated α, β of a params object (`OUT_OF_RANGE` / `INVALID_NUMBER` otherwise). */
export function checkSbgParams(fn: string, params: SbgParams): { alpha: number; beta: number } {
  const p = (typeof params === 'object' && params !== null ? params : {}) as Partial<SbgParams>;
  return { alpha: requirePositive(fn, 'alpha', p.alpha), beta: requirePositive(fn, 'beta', p.beta) };
}

/** ln S(t) = ln B(α, β + t) − ln B(α, β). */
export function sbgLogSurvival(alpha: number, beta: number, t: number): number {
  return t === 0 ? 0 : logBeta(alpha, beta + t) - logBeta(alpha, beta);
}

/**
 * Mean negative log-likelihood over the customers and its gradient, in θ = (ln α, ln β).
 *
 * ```text
 * ln L = Σₜ events[t] · ln P(T = t) + Σₜ censored[t] · ln S(t)
 * ∂ ln P(t)/∂α = ψ(α + 1) − ψ(α) − ψ(α + β + t) + ψ(α + β)
 * ∂ ln P(t)/∂β = ψ(β + t − 1) − ψ(β) − ψ(α + β + t) + ψ(α + β)
 * ∂ ln S(t)/∂α = ψ(α + β) − ψ(α + β + t)
 * ∂ ln S(t)/∂β = ψ(β + t) − ψ(β) − ψ(α + β + t) + ψ(α + β)
 * ```
 */
export function sbgObjective(stats: SbgStatistics): {
  objective: (theta: readonly number[]) => number;
  gradient: (theta: readonly number[]) => number[];
} {
  const { events, censored, customers } = stats;
  const objective = (theta: readonly number[]): number => {
    const alpha = Math.exp(theta[0] as number);
    const beta = Math.exp(theta[1] as number);
    if (!(alpha > 0 && beta > 0 && Number.isFinite(alpha) && Number.isFinite(beta))) return Infinity;
    const lbAB = logBeta(alpha, beta);
    let ll = 0;
    for (let t = 1; t < events.length; t++) {
      const e = events[t] as number;
      if (e > 0) ll += e * (logBeta(alpha + 1, beta + t - 1) - lbAB);
    }
    for (let t = 1; t < censored.length; t++) {
      const c = censored[t] as number;
      if (c > 0) ll += c * (logBeta(alpha, beta + t) - lbAB);
    }
    return -ll / customers;
  };
  const gradient = (theta: readonly number[]): number[] => {
    const alpha = Math.exp(theta[0] as number);
    const beta = Math.exp(theta[1] as number);
    const psiA = digamma(alpha);
    const psiA1 = digamma(alpha + 1);
    const psiB = digamma(beta);
    const psiAB = digamma(alpha + beta);
    let ga = 0;
    let gb = 0;
    for (let t = 1; t < events.length; t++) {
      const e = events[t] as number;
      if (e === 0) continue;
      const psiABt = digamma(alpha + beta + t);
      ga += e * (psiA1 - psiA - psiABt + psiAB);
      gb += e * (digamma(beta + t - 1) - psiB - psiABt + psiAB);
    }
    for (let t = 1; t < censored.length; t++) {
      const c = censored[t] as number;
      if (c === 0) continue;
      const psiABt = digamma(alpha + beta + t);
      ga += c * (psiAB - psiABt);
      gb += c * (digamma(beta + t) - psiB - psiABt + psiAB);
    }
    return [(-ga * alpha) / customers, (-gb * beta) / customers];
  };
  return { objective, gradient };
}
