import type { CustomerHistory } from '../customer-history';
import type { MbgNbdParams } from './mbg-nbd-fit';
import { requireCustomerHistory } from '../rfm-rows';
import { mbgNbdConditionalCountProbability, requireMbgNbdParams } from './mbg-nbd-predict';
import { requireCount, requireNonNegative } from '../../internal/validate';

/**
 * Probability that a customer with history (x, tₓ, T) makes exactly n purchases in the next t,
 * under a fitted MBG/NBD model. n = 0 is "no purchase in the next t", the churn figure CX teams
 * report.
 *
 * ```text
 * P(Y(t) = n | x, tₓ, T) = δ(n=0) · (1 − P(alive))
 *                        + P(alive) · P_BG/NBD(X(t) = n | r+x, α+T, a, b+x+1)
 * P_BG/NBD(X(t) = n | R, u, a, B) = B(a, B+n)/B(a, B) · NB(n; R, u/(u+t))
 *                                 + δ(n>0) B(a+1, B+n−1)/B(a, B) · P(NB(R, u/(u+t)) ≥ n)
 * ```
 *
 * A closed form, no numerical integration: given alive at T, the posterior of a customer is
 * λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x+1), and the next t is then a BG/NBD count of a new customer
 * with those parameters (the next dropout opportunity is after the next purchase). P(alive) is
 * {@link mbgNbdProbabilityAlive}; the count probability is formed in log space as in
 * {@link mbgNbdPurchaseCountProbability}. Summed over n it gives 1.
 *
 * Source: derived from Batislam, Denizel & Filiztekin (2007), *International Journal of Research
 * in Marketing* 24(3), 201–209 (the model and its posterior, eqs. 6 and 10) and Fader, Hardie &
 * Lee (2005), *Marketing Science* 24(2), eq. 8.
 *
 * @param params - MBG/NBD parameters (a {@link MbgNbdFit} will do).
 * @param customer - The customer's `frequency` x, `recency` tₓ and age `T`.
 * @param n - Number of purchases, a whole number ≥ 0.
 * @param t - Length of the future period, ≥ 0, in the model's time unit.
 * @returns A probability in [0, 1] (for t = 0: 1 when n = 0, else 0).
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0; `NEGATIVE_VALUE` for a negative recency, T, n or t;
 *   `NOT_AN_INTEGER` for a fractional frequency or n; `ORDER_VIOLATION` for recency > T;
 *   `INCONSISTENT_INPUT` for a positive recency with frequency 0.
 *
 * @example
 * ```ts
 * import { mbgNbdConditionalPurchaseCountProbability } from 'cx-metrics/clv';
 * const cdnow = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }; // weeks
 * const customer = { frequency: 2, recency: 30.43, T: 38.86 };
 * // The chance that this customer buys nothing in the next 39 weeks:
 * mbgNbdConditionalPurchaseCountProbability(cdnow, customer, 0, 39); // => 0.4400
 * mbgNbdConditionalPurchaseCountProbability(cdnow, customer, 1, 39); // => 0.2342
 * mbgNbdConditionalPurchaseCountProbability(cdnow, customer, -1, 39); // => throws NEGATIVE_VALUE
 * ```
 */
export function mbgNbdConditionalPurchaseCountProbability(params: MbgNbdParams, customer: CustomerHistory, n: number, t: number): number {
  const fn = 'mbgNbdConditionalPurchaseCountProbability';
  const [r, alpha, a, b] = requireMbgNbdParams(fn, params);
  const [x, tx, T] = requireCustomerHistory(fn, customer);
  return mbgNbdConditionalCountProbability(fn, r, alpha, a, b, x, tx, T, requireCount(fn, 'n', n), requireNonNegative(fn, 't', t));
}
