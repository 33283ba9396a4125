import type { CustomerHistory } from '../customer-history';
import type { BgNbdParams } from './bg-nbd-fit';
import { requireCustomerHistory } from '../rfm-rows';
import { bgNbdConditionalExpectation, requireBgNbdParams } from './bg-nbd-predict';
import { requireNonNegative } from '../../internal/validate';

/**
 * Expected number of purchases in the next t of a customer with history (x, tₓ, T) under a
 * fitted BG/NBD model: the individual forecast behind probabilistic CLV.
 *
 * ```text
 * E[Y(t) | x, tₓ, T] = (a+b+x−1)/(a−1)
 *     · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
 *     / [1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)]
 * ```
 *
 * The denominator is 1/P(alive). Evaluated in log space through Euler's transformation of
 * ₂F₁, so it is finite for x = 10,000 purchases, for tₓ = T and for x = 0, and smooth at a = 1.
 * Where that series cannot certify 1e-11 (large r, large a, t ≫ α + T) the expectation given
 * alive is the integral E_p[(1 − (1 + p·t/(α+T))^(−(r+x)))/p] over p ~ Beta(a, b+x), by
 * tanh-sinh quadrature: accurate for every parameter in [e^−30, e^30] and any customer. A
 * recency of 0 with repeat purchases (several purchases inside a rounding step) is valid.
 *
 * Source: Fader, Hardie & Lee (2005), "Counting your customers" the easy way, *Marketing
 * Science* 24(2), eq. 10.
 *
 * @param params - BG/NBD parameters (a {@link BgNbdFit} will do).
 * @param customer - The customer's `frequency` x, `recency` tₓ and age `T`, in the model's time unit.
 * @param t - Length of the future period, ≥ 0, in the same unit.
 * @returns Expected purchases in (T, T + t], ≥ 0.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0, or an expectation that cannot be computed to 1e-10
 *   (not met in tests over the whole range above); `NEGATIVE_VALUE` for a negative recency, T or t;
 *   `NOT_AN_INTEGER` for a fractional frequency; `ORDER_VIOLATION` for recency > T;
 *   `INCONSISTENT_INPUT` for a positive recency with frequency 0.
 *
 * @example
 * ```ts
 * import { bgNbdConditionalExpectedPurchases } from 'cx-metrics/clv';
 * const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // weeks
 * // CDNOW customer 1: 2 repeat purchases, the last at week 30.43, observed for 38.86 weeks.
 * bgNbdConditionalExpectedPurchases(cdnow, { frequency: 2, recency: 30.43, T: 38.86 }, 39); // => 1.2260
 * // Same frequency, but silent since week 5: far fewer purchases expected.
 * bgNbdConditionalExpectedPurchases(cdnow, { frequency: 2, recency: 5, T: 38.86 }, 39); // => 0.2087
 * bgNbdConditionalExpectedPurchases(cdnow, { frequency: 2, recency: 40, T: 38.86 }, 39); // => throws ORDER_VIOLATION
 * ```
 */
export function bgNbdConditionalExpectedPurchases(params: BgNbdParams, customer: CustomerHistory, t: number): number {
  const fn = 'bgNbdConditionalExpectedPurchases';
  const [r, alpha, a, b] = requireBgNbdParams(fn, params);
  const [x, tx, T] = requireCustomerHistory(fn, customer);
  return bgNbdConditionalExpectation(fn, r, alpha, a, b, x, tx, T, requireNonNegative(fn, 't', t));
}
