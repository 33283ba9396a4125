import type { CustomerHistory } from '../customer-history';
import type { MbgNbdParams } from './mbg-nbd-fit';
import { requireCustomerHistory } from '../rfm-rows';
import { mbgNbdAliveAt, requireMbgNbdParams } from './mbg-nbd-predict';
import { requireNonNegative } from '../../internal/validate';

/**
 * Probability that a customer with history (x, tₓ, T) is still alive (has not dropped out) at
 * the end of observation T, or t later, under a fitted MBG/NBD model.
 *
 * ```text
 * P(alive at T | x, tₓ, T)     = 1 / [1 + a/(b+x) · ((α+T)/(α+tₓ))^(r+x)]
 * P(alive at T + t | x, tₓ, T) = P(alive at T | …) · E[(1 + p·t/(α+T))^(−(r+x))],  p ~ Beta(a, b+x+1)
 *                              = P(alive at T | …) · ₂F₁(r+x, a; a+b+x+1; −t/(α+T))
 * ```
 *
 * Unlike the BG/NBD, a customer with no repeat purchase (x = 0) is not alive for sure: they may
 * have left right after the first purchase, and the longer they stay silent, the likelier that
 * is. The first factor is a logistic function of the log-odds (exact in [0, 1] for any x). The
 * second is the chance of no dropout in the next t given alive at T: the purchases are Poisson(λ)
 * and each ends the relationship with probability p, so the time to dropout is exponential with
 * rate λp; averaged over the posterior λ ~ Gamma(r+x, α+T) (in closed form) and
 * p ~ Beta(a, b+x+1) by tanh-sinh quadrature (the kernel's beta expectation, 1e-10).
 * Non-increasing in t.
 *
 * Source: Batislam, Denizel & Filiztekin (2007), *International Journal of Research in
 * Marketing* 24(3), 201–209, eq. 10; BTYDplus `mbgcnbd.PAlive` (k = 1). The t > 0 form is derived
 * from the same assumptions (the posterior above).
 *
 * @param params - MBG/NBD parameters (a {@link MbgNbdFit} will do).
 * @param customer - The customer's `frequency` x, `recency` tₓ and age `T`.
 * @param t - How far beyond T, ≥ 0, in the model's time unit; default 0 (now).
 * @returns A probability in [0, 1].
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0, or a probability that cannot be computed to 1e-10;
 *   `NEGATIVE_VALUE` for a negative recency, T or t; `NOT_AN_INTEGER` for a fractional
 *   frequency; `ORDER_VIOLATION` for recency > T; `INCONSISTENT_INPUT` for a positive recency
 *   with frequency 0.
 *
 * @example
 * ```ts
 * import { mbgNbdProbabilityAlive } from 'cx-metrics/clv';
 * const cdnow = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }; // weeks
 * mbgNbdProbabilityAlive(cdnow, { frequency: 2, recency: 30.43, T: 38.86 }); // => 0.7062
 * // A one-time buyer of 39 weeks ago (BG/NBD: 1):
 * mbgNbdProbabilityAlive(cdnow, { frequency: 0, recency: 0, T: 38.86 }); // => 0.3897
 * // The same customer a year from now:
 * mbgNbdProbabilityAlive(cdnow, { frequency: 0, recency: 0, T: 38.86 }, 52); // => 0.3447
 * mbgNbdProbabilityAlive(cdnow, { frequency: 1.5, recency: 2, T: 38.86 }); // => throws NOT_AN_INTEGER
 * ```
 */
export function mbgNbdProbabilityAlive(params: MbgNbdParams, customer: CustomerHistory, t = 0): number {
  const fn = 'mbgNbdProbabilityAlive';
  const [r, alpha, a, b] = requireMbgNbdParams(fn, params);
  const [x, tx, T] = requireCustomerHistory(fn, customer);
  return mbgNbdAliveAt(fn, r, alpha, a, b, x, tx, T, requireNonNegative(fn, 't', t));
}
