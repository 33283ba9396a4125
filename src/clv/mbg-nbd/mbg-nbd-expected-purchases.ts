import type { MbgNbdParams } from './mbg-nbd-fit';
import { mbgNbdConditionalExpectation, requireMbgNbdParams } from './mbg-nbd-predict';
import { requireNonNegative } from '../../internal/validate';

/**
 * Expected number of purchases E[X(t)] of a new customer (one just acquired, at the first
 * purchase) in a period of length t, under a fitted MBG/NBD model.
 *
 * ```text
 * E[X(t)] = b/(a−1) · [1 − (α/(α+t))^r · ₂F₁(r, b+1; a+b; t/(α+t))]
 * ```
 *
 * = b/(a+b) (the share still alive after the first purchase) times the BG/NBD expectation with
 * b + 1. Evaluated through Euler's transformation of ₂F₁ so that it stays finite and smooth for
 * every a > 0 (including a = 1, where the closed form is 0/0); where that series cannot certify
 * 1e-11 the value is the integral E_p[(1 − (1 + p·t/α)^(−r))/p] over p ~ Beta(a, b+1), by
 * tanh-sinh quadrature. Non-decreasing in t, below r·t/α · b/(a+b).
 *
 * Source: Batislam, Denizel & Filiztekin (2007), *International Journal of Research in
 * Marketing* 24(3), 201–209, eq. 9; BTYDplus `mbgcnbd.Expectation` (k = 1).
 *
 * @param params - MBG/NBD parameters (a {@link MbgNbdFit} will do).
 * @param t - Length of the period, ≥ 0, in the time unit the model was fitted in.
 * @returns Expected purchases, ≥ 0 (0 for t = 0).
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0, or an expectation that cannot be computed to 1e-10;
 *   `NEGATIVE_VALUE` for t < 0.
 *
 * @example
 * ```ts
 * import { mbgNbdExpectedPurchases } from 'cx-metrics/clv';
 * const cdnow = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }; // weeks
 * mbgNbdExpectedPurchases(cdnow, 39); // => 1.1830
 * mbgNbdExpectedPurchases(cdnow, 78); // => 1.8048
 * mbgNbdExpectedPurchases(cdnow, -1); // => throws NEGATIVE_VALUE
 * ```
 */
export function mbgNbdExpectedPurchases(params: MbgNbdParams, t: number): number {
  const fn = 'mbgNbdExpectedPurchases';
  const [r, alpha, a, b] = requireMbgNbdParams(fn, params);
  const time = requireNonNegative(fn, 't', t);
  return mbgNbdConditionalExpectation(fn, r, alpha, a, b, 0, 0, 0, time);
}
