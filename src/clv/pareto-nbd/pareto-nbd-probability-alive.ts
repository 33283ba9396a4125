import type { CustomerHistory } from '../customer-history';
import type { ParetoNbdParams } from './pareto-nbd-fit';
import { requireCustomerHistory } from '../rfm-rows';
import { requireNonNegative } from '../../internal/validate';
import { paretoNbdLogProbabilityAlive, requireParetoNbdParams } from './pareto-nbd-predict';

/**
 * Probability that a customer with history (x, tₓ, T) is still alive (has not dropped out) at
 * T, or t later, under a fitted Pareto/NBD model.
 *
 * ```text
 * P(alive | x, tₓ, T) = 1 / [1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A₀]
 *                     = (α+T)^(−(r+x)) (β+T)^(−s) / [(r+x) I(r+x+1, s; T) + s I(r+x, s+1; tₓ)]
 * A₀ = ∫ₜₓ^T (α+τ)^(−(r+x)) (β+τ)^(−(s+1)) dτ · (r+s+x),   I(p, q; t) = ∫ₜ^∞ (α+τ)^(−p) (β+τ)^(−q) dτ
 * P(alive at T+t | x, tₓ, T) = P(alive | x, tₓ, T) · E[e^(−μt) | alive] = P(alive | x, tₓ, T) · ((β+T)/(β+T+t))^s
 * ```
 *
 * Unlike the BG/NBD, a customer without a repeat purchase (x = 0) can have dropped out: their
 * probability falls as T grows. It is 1 when tₓ = T (a purchase just now). The second form has
 * no subtraction (A₀ is a difference of two ₂F₁ terms that cancel when tₓ is close to T); the
 * ₂F₁ values are computed in log space for both α ≥ β and α < β, so the result is accurate in
 * [0, 1] for any x (10,000 purchases included). Given alive at T the dropout rate μ is
 * Gamma(s, β+T), so surviving t more has probability E[e^(−μt)] = ((β+T)/(β+T+t))^s, applied in
 * log space (−s·log1p(t/(β+T))); t = 0 returns exactly the value at T. Non-increasing in t.
 *
 * Source: Schmittlein, Morrison & Colombo (1987), *Management Science* 33(1), eq. 11; Fader &
 * Hardie (2005), *A note on deriving the Pareto/NBD model and related expressions*, eq. 21.
 *
 * @param params - Pareto/NBD parameters (a {@link ParetoNbdFit} will do).
 * @param customer - The customer's `frequency` x, `recency` tₓ and age `T`.
 * @param t - How long after the end of observation, ≥ 0, in the model's time unit. Default 0.
 * @returns A probability in [0, 1].
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0; `NEGATIVE_VALUE` for a negative recency, T or t;
 *   `NOT_AN_INTEGER` for a fractional frequency; `ORDER_VIOLATION` for recency > T;
 *   `INCONSISTENT_INPUT` for a positive recency with frequency 0 or a zero recency with frequency > 0.
 *
 * @example
 * ```ts
 * import { paretoNbdProbabilityAlive } from 'cx-metrics/clv';
 * const cdnow = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }; // weeks
 * paretoNbdProbabilityAlive(cdnow, { frequency: 2, recency: 30.43, T: 38.86 }); // => 0.8692
 * paretoNbdProbabilityAlive(cdnow, { frequency: 1, recency: 1.71, T: 38.86 }); // => 0.1680
 * // No repeat purchase in 38.86 weeks: possibly gone (the BG/NBD would say 1).
 * paretoNbdProbabilityAlive(cdnow, { frequency: 0, recency: 0, T: 38.86 }); // => 0.2953
 * // Still alive a year (52 weeks) after the end of observation:
 * paretoNbdProbabilityAlive(cdnow, { frequency: 2, recency: 30.43, T: 38.86 }, 52); // => 0.5661
 * paretoNbdProbabilityAlive(cdnow, { frequency: 1.5, recency: 2, T: 38.86 }); // => throws NOT_AN_INTEGER
 * ```
 */
export function paretoNbdProbabilityAlive(params: ParetoNbdParams, customer: CustomerHistory, t = 0): number {
  const fn = 'paretoNbdProbabilityAlive';
  const [r, alpha, s, beta] = requireParetoNbdParams(fn, params);
  const [x, tx, T] = requireCustomerHistory(fn, customer);
  const later = requireNonNegative(fn, 't', t);
  const log = paretoNbdLogProbabilityAlive(r, alpha, s, beta, x, tx, T);
  return Math.exp(later === 0 ? log : log - s * Math.log1p(later / (beta + T)));
}
