import type { CustomerHistory } from '../customer-history';
import type { BgNbdParams } from './bg-nbd-fit';
import { requireCustomerHistory } from '../rfm-rows';
import { bgNbdLogOddsDead, bgNbdPurchaseCountProbability as probability, logisticComplement, requireBgNbdParams } from './bg-nbd-predict';
import { requireCount, requireNonNegative } from '../../internal/validate';

/**
 * Probability that a customer with history (x, tₓ, T) makes exactly n purchases in the next t,
 * under a fitted BG/NBD model. With n = 0 it is the churn CX teams report: the probability of
 * no purchase in the next t.
 *
 * ```text
 * P(Y(t) = n | x, tₓ, T) = P(alive | x, tₓ, T) · P(X(t) = n | r+x, α+T, a, b+x) + δ(n=0) · (1 − P(alive | x, tₓ, T))
 *
 * P(X(t) = n | r, α, a, b) = B(a, b+n)/B(a, b) · Γ(r+n)/(Γ(r) n!) · (α/(α+t))^r · (t/(α+t))^n
 *                          + δ(n>0) · B(a+1, b+n−1)/B(a, b)
 *                            · [1 − (α/(α+t))^r · Σ_{j=0}^{n−1} Γ(r+j)/(Γ(r) j!) · (t/(α+t))^j]
 * ```
 *
 * Derivation: a customer who has dropped out makes no purchase; one alive at T has the posterior
 * λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x) (the likelihood of "alive after x purchases in T" is
 * λˣe^(−λT)(1−p)ˣ) and, the Poisson process being memoryless, buys in (T, T+t] as a new customer
 * with those parameters would in (0, t]: eq. 8 of the paper with r → r+x, α → α+T, b → b+x.
 * Each term in log space; the negative-binomial tail is summed from whichever side avoids
 * cancellation, so the value is accurate over parameters in e^±30 and for large n. The n = 0
 * value is formed as the sum of two non-negative terms (no 1 − Σ). Summed over n it gives 1, and
 * Σ n·P(Y(t) = n | …) is {@link bgNbdConditionalExpectedPurchases}.
 *
 * Source: Fader, Hardie & Lee (2005), "Counting your customers" the easy way, *Marketing
 * Science* 24(2), eq. 8 (P(X(t) = x)) and eq. 11 (P(alive)); Fader & Hardie (2007), *Deriving an
 * expression for P(X(t) = x) under the Pareto/NBD model* / the BG/NBD note of the same title for
 * eq. 8; the conditioning as in the derivation of eq. 10 in the paper's technical appendix (the
 * same formula as `conditional_probability_of_n_purchases_up_to_time` of Python `lifetimes`).
 *
 * @param params - BG/NBD parameters (a {@link BgNbdFit} will do).
 * @param customer - The customer's `frequency` x, `recency` tₓ and age `T`, in the model's time unit.
 * @param n - Number of purchases, a whole number ≥ 0.
 * @param t - Length of the future period, ≥ 0, in the same unit.
 * @returns A probability in [0, 1] (for t = 0: 1 when n = 0, else 0).
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0, or a tail that would need more than 10⁷ terms (not met
 *   in tests); `NEGATIVE_VALUE` for a negative recency, T, n or t; `NOT_AN_INTEGER` for a
 *   fractional frequency or n; `ORDER_VIOLATION` for recency > T; `INCONSISTENT_INPUT` for a
 *   positive recency with frequency 0.
 *
 * @example
 * ```ts
 * import { bgNbdConditionalPurchaseCountProbability } from 'cx-metrics/clv';
 * const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // weeks
 * const customer = { frequency: 2, recency: 30.43, T: 38.86 };
 * // No purchase in the next 39 weeks:
 * bgNbdConditionalPurchaseCountProbability(cdnow, customer, 0, 39); // => 0.4454
 * bgNbdConditionalPurchaseCountProbability(cdnow, customer, 2, 39); // => 0.1442
 * bgNbdConditionalPurchaseCountProbability(cdnow, customer, -1, 39); // => throws NEGATIVE_VALUE
 * ```
 */
export function bgNbdConditionalPurchaseCountProbability(params: BgNbdParams, customer: CustomerHistory, n: number, t: number): number {
  const fn = 'bgNbdConditionalPurchaseCountProbability';
  const [r, alpha, a, b] = requireBgNbdParams(fn, params);
  const [x, tx, T] = requireCustomerHistory(fn, customer);
  const count = requireCount(fn, 'n', n);
  const time = requireNonNegative(fn, 't', t);
  const logOddsDead = bgNbdLogOddsDead(r, alpha, a, b, x, tx, T);
  const alive = logisticComplement(logOddsDead);
  const ifAlive = alive === 0 ? 0 : alive * probability(fn, r + x, alpha + T, a, b + x, count, time);
  if (count > 0) return ifAlive;
  const value = logisticComplement(-logOddsDead) + ifAlive;
  return value > 1 ? 1 : value;
}
