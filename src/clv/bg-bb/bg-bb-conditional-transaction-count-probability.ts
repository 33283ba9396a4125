import type { DiscreteCustomerHistory } from '../discrete-customer-history';
import type { BgBbParams } from './bg-bb-params';
import { bgBbConditionalCountProbability } from './count';
import { MAX_OPPORTUNITIES, requireBgBbCustomer, requireBgBbParams, requireOpportunities } from './predict';
import { fail, requireCount } from '../../internal/validate';

/**
 * Probability that a customer with history (x, tₓ, n) makes exactly x* transactions in the next
 * n* opportunities, P(X(n, n+n*) = x* | x, tₓ, n), under a fitted BG/BB model. With x* = 0 it
 * is the probability of no transaction in the next n* opportunities: the "churn" a CX team
 * reports, gone or merely silent.
 *
 * ```text
 * P(X(n, n+n*) = x* | x, tₓ, n)
 *   = δ_{x*=0} · [1 − A/L]
 *   + 1/L · C(n*, x*) · B(α+x+x*, β+n−x+n*−x*)/B(α, β) · B(γ, δ+n+n*)/B(γ, δ)
 *   + 1/L · Σ_{i=x*}^{n*−1} C(i, x*) · B(α+x+x*, β+n−x+i−x*)/B(α, β) · B(γ+1, δ+n+i)/B(γ, δ)
 * A = B(α+x, β+n−x)/B(α, β) · B(γ, δ+n)/B(γ, δ),   L = L(α, β, γ, δ | x, tₓ, n)
 * ```
 *
 * Derivation (Fader, Hardie & Shang 2010, eq. (13) and its technical appendix): A/L is the
 * posterior probability that the customer is alive at opportunity n; if not, no transaction
 * follows (the first term). If so, their p and θ are distributed Beta(α+x, β+n−x) and
 * Beta(γ, δ+n), and from n on they behave as a new customer with those parameters, so the rest
 * is A/L · P(X(n*) = x*) of {@link bgBbTransactionCountProbability} at (α+x, β+n−x, γ, δ+n),
 * which is how it is evaluated (log space, no difference of log-betas; 1 − A/L as an expm1).
 * Over x* = 0 … n* the probabilities sum to 1 and Σ x* · P is
 * {@link bgBbConditionalExpectedTransactions}; for x* > n* it is 0, and with n* = 0 it is 1 at
 * x* = 0.
 *
 * Source: Fader, Hardie & Shang (2010), "Customer-Base Analysis in a Discrete-Time
 * Noncontractual Setting", *Marketing Science* 29(6), 1086–1108, eq. (13).
 *
 * @param params - BG/BB parameters (a {@link BgBbFit} will do).
 * @param customer - The customer's `frequency` x, `recency` tₓ and `periods` n.
 * @param transactions - x*, the number of future transactions, a whole number ≥ 0.
 * @param opportunities - n*, the number of future opportunities, a whole number ≥ 0.
 * @returns A probability in [0, 1].
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0 or n + n* above 1,000,000; `NEGATIVE_VALUE` /
 *   `NOT_AN_INTEGER` for a negative or fractional frequency, recency, periods, x* or n*;
 *   `ORDER_VIOLATION` for recency > periods; `INCONSISTENT_INPUT` for frequency > recency or a
 *   positive recency with frequency 0.
 *
 * @example
 * ```ts
 * import { bgBbConditionalTransactionCountProbability } from 'cx-metrics/clv';
 * const donors = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * const loyal = { frequency: 6, recency: 6, periods: 6 };
 * const lapsed = { frequency: 3, recency: 3, periods: 6 };
 * // No donation in the five appeals of 2002–2006:
 * bgBbConditionalTransactionCountProbability(donors, loyal, 0, 5); // => 0.0768
 * bgBbConditionalTransactionCountProbability(donors, lapsed, 0, 5); // => 0.9145
 * // A donation in every one of them:
 * bgBbConditionalTransactionCountProbability(donors, loyal, 5, 5); // => 0.4960
 * bgBbConditionalTransactionCountProbability(donors, loyal, -1, 5); // => throws NEGATIVE_VALUE
 * ```
 */
export function bgBbConditionalTransactionCountProbability(
  params: BgBbParams,
  customer: DiscreteCustomerHistory,
  transactions: number,
  opportunities: number,
): number {
  const fn = 'bgBbConditionalTransactionCountProbability';
  const [alpha, beta, gamma, delta] = requireBgBbParams(fn, params);
  const [x, tx, n] = requireBgBbCustomer(fn, customer);
  const k = requireCount(fn, 'transactions', transactions);
  const nStar = requireOpportunities(fn, 'opportunities', opportunities);
  if (n + nStar > MAX_OPPORTUNITIES) {
    throw fail('OUT_OF_RANGE', fn, `periods ${n} plus opportunities ${nStar} exceed ${MAX_OPPORTUNITIES.toLocaleString('en-US')} transaction opportunities`, {
      field: 'opportunities',
      value: nStar,
    });
  }
  if (k > nStar) return 0;
  return bgBbConditionalCountProbability(alpha, beta, gamma, delta, x, tx, n, k, nStar);
}
