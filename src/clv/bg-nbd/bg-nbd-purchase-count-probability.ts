import type { BgNbdParams } from './bg-nbd-fit';
import { bgNbdPurchaseCountProbability as probability, requireBgNbdParams } from './bg-nbd-predict';
import { requireCount, requireNonNegative } from '../../internal/validate';

/**
 * Probability that a new customer makes exactly n purchases in a period of length t, under a
 * fitted BG/NBD model.
 *
 * ```text
 * P(X(t) = n) = B(a, b+n)/B(a, b) · Γ(r+n)/(Γ(r) n!) · (α/(α+t))^r · (t/(α+t))^n
 *             + δ(n>0) · B(a+1, b+n−1)/B(a, b)
 *               · [1 − (α/(α+t))^r · Σ_{j=0}^{n−1} Γ(r+j)/(Γ(r) j!) · (t/(α+t))^j]
 * ```
 *
 * Terms in log space; the bracket (a negative-binomial upper tail) is summed from whichever
 * side avoids cancellation. Summed over n = 0, 1, 2, … it gives 1.
 *
 * Source: Fader, Hardie & Lee (2005), "Counting your customers" the easy way, *Marketing
 * Science* 24(2), eq. 8.
 *
 * @param params - BG/NBD parameters (a {@link BgNbdFit} will do).
 * @param n - Number of purchases, a whole number ≥ 0.
 * @param t - Length of the period, ≥ 0, in the model's time unit.
 * @returns A probability in [0, 1] (for t = 0: 1 when n = 0, else 0).
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0; `NEGATIVE_VALUE` for a negative n or t;
 *   `NOT_AN_INTEGER` for a fractional n.
 *
 * @example
 * ```ts
 * import { bgNbdPurchaseCountProbability } from 'cx-metrics/clv';
 * const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // weeks
 * // Of customers acquired today, the share with no purchase in the next 39 weeks:
 * bgNbdPurchaseCountProbability(cdnow, 0, 39); // => 0.5738
 * bgNbdPurchaseCountProbability(cdnow, 2, 39); // => 0.0854
 * bgNbdPurchaseCountProbability(cdnow, 0.5, 39); // => throws NOT_AN_INTEGER
 * ```
 */
export function bgNbdPurchaseCountProbability(params: BgNbdParams, n: number, t: number): number {
  const fn = 'bgNbdPurchaseCountProbability';
  const [r, alpha, a, b] = requireBgNbdParams(fn, params);
  return probability(fn, r, alpha, a, b, requireCount(fn, 'n', n), requireNonNegative(fn, 't', t));
}
