import type { DiscreteCustomerHistory } from '../discrete-customer-history';
import type { BgBbParams } from './bg-bb-params';
import { bgBbAlive, requireBgBbCustomer, requireBgBbParams } from './predict';

/**
 * Probability that a customer with history (x, tₓ, n) is still alive at the next transaction
 * opportunity, n + 1, under a fitted BG/BB model.
 *
 * ```text
 * P(alive at n+1 | x, tₓ, n) = B(α+x, β+n−x)/B(α, β) · B(γ, δ+n+1)/B(γ, δ) / L(α, β, γ, δ | x, tₓ, n)
 * ```
 *
 * L is the likelihood of the history (see {@link fitBgBb}). Unlike the BG/NBD, a customer with
 * no repeat transaction can be dead: the longer the silence, the likelier. Customers with the
 * same x and n are ranked by recency: the later the last transaction, the likelier alive; with
 * tₓ = n, it is the probability of surviving one more opportunity whatever x is. Evaluated in
 * log space (log-betas and a log-sum-exp), so it is accurate in [0, 1] for any history.
 *
 * Source: Fader, Hardie & Shang (2010), "Customer-Base Analysis in a Discrete-Time
 * Noncontractual Setting", *Marketing Science* 29(6), 1086–1108 (P(alive in period n + 1); its
 * Table 6 lists it for the donors of 1995: 0.11 for no repeat donation, 0.59 for 2 donations
 * the last in 1999, 0.93 for donations in every year).
 *
 * @param params - BG/BB parameters (a {@link BgBbFit} will do).
 * @param customer - The customer's `frequency` x, `recency` tₓ and `periods` n.
 * @returns A probability in [0, 1].
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0 or periods above 1,000,000; `NEGATIVE_VALUE` for a
 *   negative frequency, recency or periods; `NOT_AN_INTEGER` for a fractional one;
 *   `ORDER_VIOLATION` for recency > periods; `INCONSISTENT_INPUT` for frequency > recency or a
 *   positive recency with frequency 0.
 *
 * @example
 * ```ts
 * import { bgBbProbabilityAlive } from 'cx-metrics/clv';
 * const donors = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }; // the paper's fit
 * // Table 6 of the paper: P(alive in 2002) after six annual appeals, 1996–2001.
 * bgBbProbabilityAlive(donors, { frequency: 0, recency: 0, periods: 6 }); // => 0.11
 * bgBbProbabilityAlive(donors, { frequency: 2, recency: 4, periods: 6 }); // => 0.59
 * bgBbProbabilityAlive(donors, { frequency: 6, recency: 6, periods: 6 }); // => 0.93
 * // Four donations, but none in the last two years: more likely gone than one donation in 2001.
 * bgBbProbabilityAlive(donors, { frequency: 4, recency: 4, periods: 6 }); // => 0.200
 * bgBbProbabilityAlive(donors, { frequency: 1, recency: 6, periods: 6 }); // => 0.930
 * bgBbProbabilityAlive(donors, { frequency: 3, recency: 2, periods: 6 }); // => throws INCONSISTENT_INPUT
 * ```
 */
export function bgBbProbabilityAlive(params: BgBbParams, customer: DiscreteCustomerHistory): number {
  const fn = 'bgBbProbabilityAlive';
  const [alpha, beta, gamma, delta] = requireBgBbParams(fn, params);
  const [x, tx, n] = requireBgBbCustomer(fn, customer);
  return bgBbAlive(alpha, beta, gamma, delta, x, tx, n);
}
