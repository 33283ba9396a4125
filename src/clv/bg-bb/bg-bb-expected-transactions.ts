import type { BgBbParams } from './bg-bb-params';
import { bgBbExpectation, requireBgBbParams, requireOpportunities } from './predict';

/**
 * Expected number of transactions E[X(n)] of a new customer (one just acquired) in their first
 * n transaction opportunities, under a fitted BG/BB model.
 *
 * ```text
 * E[X(n)] = α/(α+β) · Σ_{t=1}^{n} B(γ, δ+t)/B(γ, δ)
 *         = α/(α+β) · δ/(γ−1) · [1 − Γ(γ+δ)/Γ(1+δ) · Γ(1+δ+n)/Γ(γ+δ+n)]
 * ```
 *
 * The mean transaction probability times the expected number of the n opportunities the
 * customer is alive for. Evaluated as a telescoped sum of log1p terms, so it is smooth through
 * γ = 1 (where the closed form is 0/0) and never forms a ratio of huge gamma functions;
 * non-decreasing in n, and at most α/(α+β) · n. Multiply by the size of a cohort for its
 * expected repeat transactions (the paper's tracking plot).
 *
 * Source: Fader, Hardie & Shang (2010), "Customer-Base Analysis in a Discrete-Time
 * Noncontractual Setting", *Marketing Science* 29(6), 1086–1108.
 *
 * @param params - BG/BB parameters (a {@link BgBbFit} will do).
 * @param opportunities - n, a whole number of opportunities ≥ 0 (at most 1,000,000).
 * @returns Expected transactions, ≥ 0 (0 for n = 0).
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0 or more than 1,000,000 opportunities; `NEGATIVE_VALUE`,
 *   `NOT_AN_INTEGER` for a negative or fractional number of opportunities.
 *
 * @example
 * ```ts
 * import { bgBbExpectedTransactions } from 'cx-metrics/clv';
 * const donors = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * // A new donor gives about 0.50 times in the first year, 2.22 times in six years.
 * bgBbExpectedTransactions(donors, 1); // => 0.4985
 * bgBbExpectedTransactions(donors, 6); // => 2.2196
 * // The 11,104 donors of 1995 over the 11 years to 2006:
 * Math.round(11104 * bgBbExpectedTransactions(donors, 11)); // => 37616
 * bgBbExpectedTransactions(donors, 2.5); // => throws NOT_AN_INTEGER
 * ```
 */
export function bgBbExpectedTransactions(params: BgBbParams, opportunities: number): number {
  const fn = 'bgBbExpectedTransactions';
  const [alpha, beta, gamma, delta] = requireBgBbParams(fn, params);
  const n = requireOpportunities(fn, 'opportunities', opportunities);
  return bgBbExpectation(alpha, beta, gamma, delta, n);
}
