import type { CustomerHistory } from '../customer-history';
import type { ParetoNbdParams } from './pareto-nbd-fit';
import { requireCustomerHistory } from '../rfm-rows';
import { paretoNbdConditionalExpectation, requireParetoNbdParams } from './pareto-nbd-predict';
import { requireNonNegative } from '../../internal/validate';

/**
 * Expected number of purchases in the next t of a customer with history (x, tₓ, T) under a
 * fitted Pareto/NBD model: the individual forecast behind probabilistic CLV.
 *
 * ```text
 * E[Y(t) | x, tₓ, T] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive | x, tₓ, T)
 * ```
 *
 * (at s = 1 the bracket over s − 1 is its limit ln(1 + t/(β+T))). Evaluated in log space, with
 * P(alive) as in {@link paretoNbdProbabilityAlive}, so it is finite for x = 10,000 purchases, for
 * tₓ = T and for x = 0, and smooth through s = 1.
 *
 * Source: Schmittlein, Morrison & Colombo (1987), *Management Science* 33(1); Fader & Hardie
 * (2005), *A note on deriving the Pareto/NBD model and related expressions*, eq. 22.
 *
 * @param params - Pareto/NBD parameters (a {@link ParetoNbdFit} will do).
 * @param customer - The customer's `frequency` x, `recency` tₓ and age `T`, in the model's time unit.
 * @param t - Length of the future period, ≥ 0, in the same unit.
 * @returns Expected purchases in (T, T + t], ≥ 0 (0 for t = 0).
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0; `NEGATIVE_VALUE` for a negative recency, T or t;
 *   `NOT_AN_INTEGER` for a fractional frequency; `ORDER_VIOLATION` for recency > T;
 *   `INCONSISTENT_INPUT` for a positive recency with frequency 0 or a zero recency with frequency > 0.
 *
 * @example
 * ```ts
 * import { paretoNbdConditionalExpectedPurchases } from 'cx-metrics/clv';
 * const cdnow = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }; // weeks
 * // CDNOW customer 1: 2 repeat purchases, the last at week 30.43, observed for 38.86 weeks.
 * paretoNbdConditionalExpectedPurchases(cdnow, { frequency: 2, recency: 30.43, T: 38.86 }, 39); // => 1.4551
 * // Same frequency, but silent since week 5: far fewer purchases expected.
 * paretoNbdConditionalExpectedPurchases(cdnow, { frequency: 2, recency: 5, T: 38.86 }, 39); // => 0.2179
 * paretoNbdConditionalExpectedPurchases(cdnow, { frequency: 2, recency: 40, T: 38.86 }, 39); // => throws ORDER_VIOLATION
 * ```
 */
export function paretoNbdConditionalExpectedPurchases(params: ParetoNbdParams, customer: CustomerHistory, t: number): number {
  const fn = 'paretoNbdConditionalExpectedPurchases';
  const [r, alpha, s, beta] = requireParetoNbdParams(fn, params);
  const [x, tx, T] = requireCustomerHistory(fn, customer);
  return paretoNbdConditionalExpectation(r, alpha, s, beta, x, tx, T, requireNonNegative(fn, 't', t));
}
