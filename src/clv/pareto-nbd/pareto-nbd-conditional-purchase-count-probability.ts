import type { CustomerHistory } from '../customer-history';
import type { ParetoNbdParams } from './pareto-nbd-fit';
import { requireCustomerHistory } from '../rfm-rows';
import { paretoNbdConditionalCountProbability, requireParetoNbdParams } from './pareto-nbd-predict';
import { describeValue, fail, requireCount, requireNonNegative } from '../../internal/validate';

/**
 * Probability that a customer with history (x, tₓ, T) makes exactly n purchases in the next t,
 * under a fitted Pareto/NBD model. With n = 0 it is the share of customers who will not buy
 * again in the next t: the forward-looking churn CX teams report.
 *
 * ```text
 * P(Y(t) = n | x, tₓ, T) = P(alive | x, tₓ, T) · P(X(t) = n | r+x, α+T, s, β+T)
 *                        + [n = 0] · (1 − P(alive | x, tₓ, T))
 * ```
 *
 * Given alive at T, the purchase rate and the dropout rate are again gamma distributed, with
 * (r+x, α+T) and (s, β+T), so the future counts of a live customer are those of a new customer
 * with updated parameters ({@link paretoNbdPurchaseCountProbability}); a customer who has left
 * makes none. Evaluated in log space (P(alive) as in {@link paretoNbdProbabilityAlive}, 1 − P(alive)
 * by expm1), accurate to about 1e-13 over the parameters the fit returns (e^±30), for large x, T,
 * n and t. Summed over n it gives 1, and Σ n·P(Y(t) = n) is
 * {@link paretoNbdConditionalExpectedPurchases}.
 *
 * Source: Fader & Hardie (2014), *Deriving the conditional PMF of the Pareto/NBD model*
 * (brucehardie.com, note 028); Fader, Hardie & Lee (2006), note 012.
 *
 * @param params - Pareto/NBD parameters (a {@link ParetoNbdFit} will do).
 * @param customer - The customer's `frequency` x, `recency` tₓ and age `T`, in the model's time unit.
 * @param n - Number of future purchases, a whole number ≥ 0.
 * @param t - Length of the future period, ≥ 0, in the same unit.
 * @returns A probability in [0, 1] (for t = 0: 1 when n = 0, else 0).
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0 (or, never seen in practice, when the integral cannot be
 *   evaluated); `NEGATIVE_VALUE` for a negative recency, T, n or t; `NOT_AN_INTEGER` for a
 *   fractional frequency or n; `ORDER_VIOLATION` for recency > T; `INCONSISTENT_INPUT` for a
 *   positive recency with frequency 0.
 *
 * @example
 * ```ts
 * import { paretoNbdConditionalPurchaseCountProbability } from 'cx-metrics/clv';
 * const cdnow = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }; // weeks
 * const customer = { frequency: 2, recency: 30.43, T: 38.86 };
 * // No purchase in the next 39 weeks:
 * paretoNbdConditionalPurchaseCountProbability(cdnow, customer, 0, 39); // => 0.4081
 * paretoNbdConditionalPurchaseCountProbability(cdnow, customer, 1, 39); // => 0.2193
 * // Silent since week 1.71: most likely gone.
 * paretoNbdConditionalPurchaseCountProbability(cdnow, { frequency: 1, recency: 1.71, T: 38.86 }, 0, 39); // => 0.9134
 * paretoNbdConditionalPurchaseCountProbability(cdnow, customer, -1, 39); // => throws NEGATIVE_VALUE
 * ```
 */
export function paretoNbdConditionalPurchaseCountProbability(params: ParetoNbdParams, customer: CustomerHistory, n: number, t: number): number {
  const fn = 'paretoNbdConditionalPurchaseCountProbability';
  const [r, alpha, s, beta] = requireParetoNbdParams(fn, params);
  const [x, tx, T] = requireCustomerHistory(fn, customer);
  const count = requireCount(fn, 'n', n);
  const time = requireNonNegative(fn, 't', t);
  const p = paretoNbdConditionalCountProbability(r, alpha, s, beta, x, tx, T, count, time);
  if (Number.isNaN(p)) {
    throw fail('OUT_OF_RANGE', fn, `P(Y(t) = ${count}) at t ${describeValue(time)} could not be integrated to full accuracy for these parameters`, { field: 't', value: time });
  }
  return p;
}
