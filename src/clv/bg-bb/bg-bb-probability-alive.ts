import type { DiscreteCustomerHistory } from '../discrete-customer-history';
import type { BgBbParams } from './bg-bb-params';
import { bgBbAlive, MAX_OPPORTUNITIES, requireBgBbCustomer, requireBgBbParams, requireOpportunities } from './predict';
import { betaGeometricLogSurvivalSum } from '../../internal/beta-geometric';
import { fail } from '../../internal/validate';

/**
 * Probability that a customer with history (x, tₓ, n) is still alive at the next transaction
 * opportunity, n + 1 (by default), or at opportunity n + 1 + n*, under a fitted BG/BB model.
 *
 * ```text
 * P(alive at n+1 | x, tₓ, n)    = B(α+x, β+n−x)/B(α, β) · B(γ, δ+n+1)/B(γ, δ) / L(α, β, γ, δ | x, tₓ, n)
 * P(alive at n+1+n* | x, tₓ, n) = P(alive at n+1 | x, tₓ, n) · B(γ, δ+n+1+n*)/B(γ, δ+n+1)
 * ```
 *
 * The convention: n* counts the opportunities after the next one, so n* = 0 is the paper's
 * P(alive in period n + 1) (Table 6), unchanged, and P(alive at n+1+n*) is the probability of
 * being able to transact at the last of the next n* + 1 opportunities. The dropout process does
 * not depend on transactions, so the history acts only through P(alive at n+1) and θ's
 * posterior given alive at n+1, Beta(γ, δ+n+1): the second factor is E[(1−θ)^n* | alive at n+1],
 * a product of (δ+t)/(γ+δ+t) evaluated as a sum of log1p terms. Non-increasing in n*.
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
 * @param opportunities - n*, the opportunities after the next one, a whole number ≥ 0 (default 0:
 *   alive at n + 1).
 * @returns A probability in [0, 1].
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0, or periods, or n + n*, above 1,000,000;
 *   `NEGATIVE_VALUE` for a negative frequency, recency, periods or n*; `NOT_AN_INTEGER` for a
 *   fractional one;
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
 * // Alive in 2006 (n* = 4 opportunities after 2002):
 * bgBbProbabilityAlive(donors, { frequency: 6, recency: 6, periods: 6 }, 4); // => 0.74
 * bgBbProbabilityAlive(donors, { frequency: 3, recency: 2, periods: 6 }); // => throws INCONSISTENT_INPUT
 * ```
 */
export function bgBbProbabilityAlive(params: BgBbParams, customer: DiscreteCustomerHistory, opportunities = 0): number {
  const fn = 'bgBbProbabilityAlive';
  const [alpha, beta, gamma, delta] = requireBgBbParams(fn, params);
  const [x, tx, n] = requireBgBbCustomer(fn, customer);
  const nStar = requireOpportunities(fn, 'opportunities', opportunities);
  if (n + nStar > MAX_OPPORTUNITIES) {
    throw fail('OUT_OF_RANGE', fn, `periods ${n} plus opportunities ${nStar} exceed ${MAX_OPPORTUNITIES.toLocaleString('en-US')} transaction opportunities`, {
      field: 'opportunities',
      value: nStar,
    });
  }
  const next = bgBbAlive(alpha, beta, gamma, delta, x, tx, n);
  // B(γ, δ+n+1+n*)/B(γ, δ+n+1) = Π_{t=n+1}^{n+n*} (δ+t)/(γ+δ+t)
  return nStar === 0 ? next : next * Math.exp(-betaGeometricLogSurvivalSum(gamma, delta, n + 1, nStar));
}
