import type { CustomerHistory } from '../customer-history';
import type { MbgNbdParams } from './mbg-nbd-fit';
import { requireCustomerHistory } from '../rfm-rows';
import { mbgNbdConditionalExpectation, requireMbgNbdParams } from './mbg-nbd-predict';
import { requireNonNegative } from '../../internal/validate';

/**
 * Expected number of purchases in the next t of a customer with history (x, tₓ, T) under a
 * fitted MBG/NBD model: the individual forecast behind probabilistic CLV.
 *
 * ```text
 * E[Y(t) | x, tₓ, T] = (a+b+x)/(a−1)
 *     · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))]
 *     / [1 + a/(b+x) · ((α+T)/(α+tₓ))^(r+x)]
 * ```
 *
 * The denominator is 1/P(alive), for one-time buyers (x = 0) too. Evaluated in log space through
 * Euler's transformation of ₂F₁ (finite for x = 10,000, smooth at a = 1); where that series
 * cannot certify 1e-11 the expectation given alive is the integral
 * E_p[(1 − (1 + p·t/(α+T))^(−(r+x)))/p] over p ~ Beta(a, b+x+1), by tanh-sinh quadrature.
 *
 * Source: Batislam, Denizel & Filiztekin (2007), *International Journal of Research in
 * Marketing* 24(3), 201–209, eq. 11; BTYDplus `mbgcnbd.ConditionalExpectedTransactions` (k = 1).
 *
 * @param params - MBG/NBD parameters (a {@link MbgNbdFit} will do).
 * @param customer - The customer's `frequency` x, `recency` tₓ and age `T`, in the model's time unit.
 * @param t - Length of the future period, ≥ 0, in the same unit.
 * @returns Expected purchases in (T, T + t], ≥ 0.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0, or an expectation that cannot be computed to 1e-10;
 *   `NEGATIVE_VALUE` for a negative recency, T or t; `NOT_AN_INTEGER` for a fractional
 *   frequency; `ORDER_VIOLATION` for recency > T; `INCONSISTENT_INPUT` for a positive recency
 *   with frequency 0.
 *
 * @example
 * ```ts
 * import { mbgNbdConditionalExpectedPurchases } from 'cx-metrics/clv';
 * const cdnow = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }; // weeks
 * mbgNbdConditionalExpectedPurchases(cdnow, { frequency: 2, recency: 30.43, T: 38.86 }, 39); // => 1.2630
 * // A one-time buyer of 39 weeks ago: BG/NBD would count them alive for sure.
 * mbgNbdConditionalExpectedPurchases(cdnow, { frequency: 0, recency: 0, T: 38.86 }, 39); // => 0.1540
 * mbgNbdConditionalExpectedPurchases(cdnow, { frequency: 2, recency: 40, T: 38.86 }, 39); // => throws ORDER_VIOLATION
 * ```
 */
export function mbgNbdConditionalExpectedPurchases(params: MbgNbdParams, customer: CustomerHistory, t: number): number {
  const fn = 'mbgNbdConditionalExpectedPurchases';
  const [r, alpha, a, b] = requireMbgNbdParams(fn, params);
  const [x, tx, T] = requireCustomerHistory(fn, customer);
  return mbgNbdConditionalExpectation(fn, r, alpha, a, b, x, tx, T, requireNonNegative(fn, 't', t));
}
