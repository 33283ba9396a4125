import type { MbgNbdParams } from './mbg-nbd-fit';
import { mbgNbdCountProbability, requireMbgNbdParams } from './mbg-nbd-predict';
import { requireCount, requireNonNegative } from '../../internal/validate';

/**
 * Probability that a new customer makes exactly n purchases in a period of length t, under a
 * fitted MBG/NBD model.
 *
 * ```text
 * P(X(t) = n) = B(a, b+n+1)/B(a, b) · Γ(r+n)/(Γ(r) n!) · (α/(α+t))^r · (t/(α+t))^n
 *             + B(a+1, b+n)/B(a, b)
 *               · [1 − (α/(α+t))^r · Σ_{j=0}^{n−1} Γ(r+j)/(Γ(r) j!) · (t/(α+t))^j]
 *             = δ(n=0) · a/(a+b) + b/(a+b) · P_BG/NBD(X(t) = n | r, α, a, b+1)
 * ```
 *
 * (For n = 0 the bracket is 1: the share a/(a+b) who leave at the first purchase.) Evaluated as
 * the second line with the BG/NBD count probability (terms in log space, the negative-binomial
 * tail summed from whichever side avoids cancellation). Summed over n = 0, 1, 2, … it gives 1.
 *
 * Source: Batislam, Denizel & Filiztekin (2007), *International Journal of Research in
 * Marketing* 24(3), 201–209, eq. 8; BTYDplus `mbgcnbd.pmf` (k = 1).
 *
 * @param params - MBG/NBD parameters (a {@link MbgNbdFit} will do).
 * @param n - Number of purchases, a whole number ≥ 0.
 * @param t - Length of the period, ≥ 0, in the model's time unit.
 * @returns A probability in [0, 1] (for t = 0: 1 when n = 0, else 0).
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0; `NEGATIVE_VALUE` for a negative n or t;
 *   `NOT_AN_INTEGER` for a fractional n.
 *
 * @example
 * ```ts
 * import { mbgNbdPurchaseCountProbability } from 'cx-metrics/clv';
 * const cdnow = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }; // weeks
 * // Of customers acquired today, the share with no repeat purchase in the next 39 weeks:
 * mbgNbdPurchaseCountProbability(cdnow, 0, 39); // => 0.5825
 * mbgNbdPurchaseCountProbability(cdnow, 2, 39); // => 0.0869
 * mbgNbdPurchaseCountProbability(cdnow, 0.5, 39); // => throws NOT_AN_INTEGER
 * ```
 */
export function mbgNbdPurchaseCountProbability(params: MbgNbdParams, n: number, t: number): number {
  const fn = 'mbgNbdPurchaseCountProbability';
  const [r, alpha, a, b] = requireMbgNbdParams(fn, params);
  return mbgNbdCountProbability(fn, r, alpha, a, b, requireCount(fn, 'n', n), requireNonNegative(fn, 't', t));
}
