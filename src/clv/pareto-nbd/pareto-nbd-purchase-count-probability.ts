import type { ParetoNbdParams } from './pareto-nbd-fit';
import { paretoNbdLogCountProbability, requireParetoNbdParams } from './pareto-nbd-predict';
import { describeValue, fail, requireCount, requireNonNegative } from '../../internal/validate';

/**
 * Probability that a new customer makes exactly n purchases in a period of length t, under a
 * fitted Pareto/NBD model.
 *
 * ```text
 * P(X(t) = n) = Γ(r+n)/(Γ(r) n!) · (α/(α+t))^r (t/(α+t))^n (β/(β+t))^s
 *             + s Γ(r+n)/(Γ(r) n!) ∫₀ᵗ (τ/(α+τ))ⁿ (α/(α+τ))^r (β/(β+τ))^s /(β+τ) dτ
 * ```
 *
 * The first term counts the customers still alive at t, the second those whose lifetime ended
 * at τ < t after n purchases (the note writes the integral as a finite sum of ₂F₁ differences,
 * which cancel). Here the integrand, in v = ln τ, is the exponential of a concave function and is
 * integrated outward from its peak in log space with the powers α^r β^s folded in: accurate to
 * about 1e-13 for parameters anywhere in e^±30 and any n and t. Summed over n = 0, 1, 2, … it
 * gives 1; its mean is {@link paretoNbdExpectedPurchases}.
 *
 * Source: Fader, Hardie & Lee (2006), *Deriving an expression for P(X(t) = x) under the
 * Pareto/NBD model* (brucehardie.com, note 012), eq. 3.
 *
 * @param params - Pareto/NBD parameters (a {@link ParetoNbdFit} will do).
 * @param n - Number of purchases, a whole number ≥ 0.
 * @param t - Length of the period, ≥ 0, in the model's time unit.
 * @returns A probability in [0, 1] (for t = 0: 1 when n = 0, else 0).
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0 (or, never seen in practice, when the integral cannot be
 *   evaluated); `NEGATIVE_VALUE` for a negative n or t; `NOT_AN_INTEGER` for a fractional n.
 *
 * @example
 * ```ts
 * import { paretoNbdPurchaseCountProbability } from 'cx-metrics/clv';
 * const cdnow = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }; // weeks
 * // Of customers acquired today, the share with no purchase in the next 39 weeks:
 * paretoNbdPurchaseCountProbability(cdnow, 0, 39); // => 0.5936
 * paretoNbdPurchaseCountProbability(cdnow, 2, 39); // => 0.0825
 * paretoNbdPurchaseCountProbability(cdnow, 0.5, 39); // => throws NOT_AN_INTEGER
 * ```
 */
export function paretoNbdPurchaseCountProbability(params: ParetoNbdParams, n: number, t: number): number {
  const fn = 'paretoNbdPurchaseCountProbability';
  const [r, alpha, s, beta] = requireParetoNbdParams(fn, params);
  const count = requireCount(fn, 'n', n);
  const time = requireNonNegative(fn, 't', t);
  const log = paretoNbdLogCountProbability(r, alpha, s, beta, count, time);
  if (Number.isNaN(log)) {
    throw fail('OUT_OF_RANGE', fn, `P(X(t) = ${count}) at t ${describeValue(time)} could not be integrated to full accuracy for these parameters`, { field: 't', value: time });
  }
  return log < 0 ? Math.exp(log) : 1;
}
