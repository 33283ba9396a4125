import type { BgBbParams } from './bg-bb-params';
import { bgBbLogCountProbability } from './count';
import { requireBgBbParams, requireOpportunities } from './predict';
import { requireCount } from '../../internal/validate';

/**
 * Probability that a new customer (one just acquired) makes exactly x transactions in their
 * first n transaction opportunities, P(X(n) = x), under a fitted BG/BB model.
 *
 * ```text
 * P(X(n) = x) = C(n, x) · B(α+x, β+n−x)/B(α, β) · B(γ, δ+n)/B(γ, δ)
 *             + Σ_{i=x}^{n−1} C(i, x) · B(α+x, β+i−x)/B(α, β) · B(γ+1, δ+i)/B(γ, δ)
 * ```
 *
 * The first term is "alive through all n opportunities and transacted at x of them", the i-th
 * "alive through opportunity i, gone at i + 1, and transacted at x of the first i". Evaluated as
 * products of consecutive beta ratios in log space (never a difference of log-betas), so it is
 * accurate for every parameter in [e^−30, e^30] and up to 1,000,000 opportunities; O(n − x)
 * operations. Over x = 0 … n the probabilities sum to 1 and Σ x · P(X(n) = x) is
 * {@link bgBbExpectedTransactions}. For x > n it is 0.
 *
 * Source: Fader, Hardie & Shang (2010), "Customer-Base Analysis in a Discrete-Time
 * Noncontractual Setting", *Marketing Science* 29(6), 1086–1108, eq. (8); Fader & Hardie's BG/BB
 * workbook ("P(X(n)=x)": the expected number of the 11,104 donors of 1995 with 0 … 6 repeat
 * donations in 1996–2001).
 *
 * @param params - BG/BB parameters (a {@link BgBbFit} will do).
 * @param transactions - x, the number of transactions, a whole number ≥ 0.
 * @param opportunities - n, a whole number of opportunities ≥ 0 (at most 1,000,000).
 * @returns A probability in [0, 1].
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0 or more than 1,000,000 opportunities; `NEGATIVE_VALUE`,
 *   `NOT_AN_INTEGER` for a negative or fractional number of transactions or opportunities.
 *
 * @example
 * ```ts
 * import { bgBbTransactionCountProbability } from 'cx-metrics/clv';
 * const donors = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * // Of 11,104 new donors, how many give 0 … 6 times in six annual appeals:
 * Math.round(11104 * bgBbTransactionCountProbability(donors, 0, 6)); // => 3456
 * Math.round(11104 * bgBbTransactionCountProbability(donors, 6, 6)); // => 1252
 * bgBbTransactionCountProbability(donors, 7, 6); // => 0
 * bgBbTransactionCountProbability(donors, 1.5, 6); // => throws NOT_AN_INTEGER
 * ```
 */
export function bgBbTransactionCountProbability(params: BgBbParams, transactions: number, opportunities: number): number {
  const fn = 'bgBbTransactionCountProbability';
  const [alpha, beta, gamma, delta] = requireBgBbParams(fn, params);
  const x = requireCount(fn, 'transactions', transactions);
  const n = requireOpportunities(fn, 'opportunities', opportunities);
  if (x > n) return 0;
  return Math.exp(bgBbLogCountProbability(alpha, beta, gamma, delta, x, n));
}
