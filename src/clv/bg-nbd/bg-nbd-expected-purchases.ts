import type { BgNbdParams } from './bg-nbd-fit';
import { bgNbdExpectedIfAlive, requireBgNbdParams } from './bg-nbd-predict';
import { requireNonNegative } from '../../internal/validate';

/**
 * Expected number of purchases E[X(t)] of a new customer (one just acquired) in a period of
 * length t, under a fitted BG/NBD model.
 *
 * ```text
 * E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r · ₂F₁(r, b; a+b−1; t/(α+t))]
 * ```
 *
 * Evaluated through Euler's transformation of ₂F₁ so that it stays finite and smooth for every
 * a > 0 (including a = 1, where the closed form is 0/0) and every a + b; non-decreasing in t.
 * Where that series cannot certify 1e-11 (large r, large a, t ≫ α) the value is the integral
 * E_p[(1 − (1 + p·t/α)^(−r))/p] over p ~ Beta(a, b), by tanh-sinh quadrature: accurate for every
 * parameter in [e^−30, e^30] (the range the fitters return) and any t.
 *
 * Source: Fader, Hardie & Lee (2005), "Counting your customers" the easy way, *Marketing
 * Science* 24(2), eq. 7.
 *
 * @param params - BG/NBD parameters (a {@link BgNbdFit} will do).
 * @param t - Length of the period, ≥ 0, in the time unit the model was fitted in.
 * @returns Expected purchases, ≥ 0 (0 for t = 0).
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0, or an expectation that cannot be computed to 1e-10
 *   (not met in tests over the whole range above); `NEGATIVE_VALUE` for t < 0.
 *
 * @example
 * ```ts
 * import { bgNbdExpectedPurchases } from 'cx-metrics/clv';
 * const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // weeks
 * bgNbdExpectedPurchases(cdnow, 39); // => 1.1967
 * bgNbdExpectedPurchases(cdnow, 52); // => 1.4461
 * bgNbdExpectedPurchases(cdnow, -1); // => throws NEGATIVE_VALUE
 * ```
 */
export function bgNbdExpectedPurchases(params: BgNbdParams, t: number): number {
  const [r, alpha, a, b] = requireBgNbdParams('bgNbdExpectedPurchases', params);
  const time = requireNonNegative('bgNbdExpectedPurchases', 't', t);
  return bgNbdExpectedIfAlive('bgNbdExpectedPurchases', r, alpha, a, b, 0, 0, time);
}
