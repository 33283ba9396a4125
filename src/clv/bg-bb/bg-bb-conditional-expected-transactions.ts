import type { DiscreteCustomerHistory } from '../discrete-customer-history';
import type { BgBbParams } from './bg-bb-params';
import { bgBbConditionalExpectation, MAX_OPPORTUNITIES, requireBgBbCustomer, requireBgBbParams, requireOpportunities } from './predict';
import { fail } from '../../internal/validate';

/**
 * Expected number of transactions in the next n* opportunities of a customer with history
 * (x, tₓ, n), under a fitted BG/BB model: the individual forecast behind CLV.
 *
 * ```text
 * E[X(n, n+n*) | x, tₓ, n] = 1/L · B(α+x+1, β+n−x)/B(α, β) · δ/(γ−1) · Γ(γ+δ)/Γ(1+δ)
 *                           · [Γ(1+δ+n)/Γ(γ+δ+n) − Γ(1+δ+n+n*)/Γ(γ+δ+n+n*)]
 *                         = P(alive at n+1 | x, tₓ, n) · (α+x)/(α+β+n)
 *                           · Σ_{t=n+1}^{n+n*} B(γ, δ+t)/B(γ, δ+n+1)
 * ```
 *
 * L is the likelihood of the history (see {@link fitBgBb}). The second form reads: the chance
 * of being alive at the next opportunity, the expected transaction probability of a customer
 * alive after this history, and the expected number of the n* opportunities they stay alive
 * for. It is how the function evaluates it (log space, smooth through γ = 1), so it is finite
 * for 10,000 transactions in 10,000 opportunities, for tₓ = n and for x = 0.
 *
 * Source: Fader, Hardie & Shang (2010), "Customer-Base Analysis in a Discrete-Time
 * Noncontractual Setting", *Marketing Science* 29(6), 1086–1108. Summed over the 11,104 donors
 * with the estimates of the paper's data it gives 12,884 repeat donations in 2002–2006, the
 * total of Fader & Hardie's BG/BB workbook (2011, "Conditional Expectations (II)").
 *
 * @param params - BG/BB parameters (a {@link BgBbFit} will do).
 * @param customer - The customer's `frequency` x, `recency` tₓ and `periods` n.
 * @param opportunities - n*, the number of future opportunities, a whole number ≥ 0.
 * @returns Expected transactions in opportunities n+1 … n+n*, between 0 and n*.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0 or n + n* above 1,000,000; `NEGATIVE_VALUE` /
 *   `NOT_AN_INTEGER` for a negative or fractional frequency, recency, periods or n*;
 *   `ORDER_VIOLATION` for recency > periods; `INCONSISTENT_INPUT` for frequency > recency or a
 *   positive recency with frequency 0.
 *
 * @example
 * ```ts
 * import { bgBbConditionalExpectedTransactions } from 'cx-metrics/clv';
 * const donors = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * // Donations in 2002–2006 (5 appeals) after six years of history, 1996–2001:
 * bgBbConditionalExpectedTransactions(donors, { frequency: 6, recency: 6, periods: 6 }, 5); // => 3.7521
 * bgBbConditionalExpectedTransactions(donors, { frequency: 3, recency: 6, periods: 6 }, 5); // => 2.1896
 * bgBbConditionalExpectedTransactions(donors, { frequency: 3, recency: 3, periods: 6 }, 5); // => 0.2235
 * bgBbConditionalExpectedTransactions(donors, { frequency: 0, recency: 0, periods: 6 }, 5); // => 0.0728
 * bgBbConditionalExpectedTransactions(donors, { frequency: 3, recency: 6, periods: 6 }, -1); // => throws NEGATIVE_VALUE
 * ```
 */
export function bgBbConditionalExpectedTransactions(params: BgBbParams, customer: DiscreteCustomerHistory, opportunities: number): number {
  const fn = 'bgBbConditionalExpectedTransactions';
  const [alpha, beta, gamma, delta] = requireBgBbParams(fn, params);
  const [x, tx, n] = requireBgBbCustomer(fn, customer);
  const nStar = requireOpportunities(fn, 'opportunities', opportunities);
  if (n + nStar > MAX_OPPORTUNITIES) {
    throw fail('OUT_OF_RANGE', fn, `periods ${n} plus opportunities ${nStar} exceed ${MAX_OPPORTUNITIES.toLocaleString('en-US')} transaction opportunities`, {
      field: 'opportunities',
      value: nStar,
    });
  }
  return bgBbConditionalExpectation(alpha, beta, gamma, delta, x, tx, n, nStar);
}
