import type { CustomerHistory } from '../customer-history';
import type { BgNbdParams } from './bg-nbd-fit';
import { requireCustomerHistory } from '../rfm-rows';
import { bgNbdLogOddsDead, bgNbdSurvivalIfAlive, logisticComplement, requireBgNbdParams } from './bg-nbd-predict';
import { requireNonNegative } from '../../internal/validate';

/**
 * Probability that a customer with history (x, tₓ, T) is still alive (has not dropped out)
 * at T, or t later, under a fitted BG/NBD model.
 *
 * ```text
 * P(alive at T | x, tₓ, T) = 1 / [1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)]
 * P(alive at T+t | x, tₓ, T) = P(alive at T | x, tₓ, T) · E_p[(1 + p·t/(α+T))^(−(r+x))],  p ~ Beta(a, b+x)
 *                           = P(alive at T | x, tₓ, T) · ₂F₁(r+x, a; a+b+x; −t/(α+T))
 * ```
 *
 * Derivation of the second line: given alive at T, the posterior of the purchase rate is
 * λ ~ Gamma(r+x, α+T) and, independently, of the dropout probability p ~ Beta(a, b+x) (the
 * likelihood of "alive at T after x purchases" is λˣe^(−λT)(1−p)ˣ). A customer alive at T would
 * make N ~ Poisson(λt) purchases in (T, T+t] and survives each with probability 1 − p, so stays
 * alive with probability E[(1−p)^N] = e^(−λpt); averaging over λ gives (1 + p·t/(α+T))^(−(r+x)),
 * and over p Euler's integral of ₂F₁ (A&S 15.3.1). Evaluated by tanh-sinh quadrature over p, to
 * 1e-10; non-increasing in t. With t = 0 (the default) it is the first line, exactly.
 *
 * A customer with no repeat purchase (x = 0) is alive with probability 1: in the BG/NBD
 * model dropout can only happen right after a purchase. (This is the model's known weakness for
 * long-inactive one-time buyers; the Pareto/NBD does not share it.) Evaluated as a logistic
 * function of the log-odds, so it is exact in [0, 1] for any x.
 *
 * Source: Fader, Hardie & Lee (2005), *Marketing Science* 24(2), eq. 11; Fader, Hardie & Lee
 * (2008), *Computing P(alive) using the BG/NBD model* (note); the posterior of (λ, p) given
 * alive as in the derivation of eq. 10 in the paper's technical appendix.
 *
 * @param params - BG/NBD parameters (a {@link BgNbdFit} will do).
 * @param customer - The customer's `frequency` x, `recency` tₓ and age `T`.
 * @param t - How long after T, ≥ 0, in the model's time unit; default 0 (alive now).
 * @returns A probability in [0, 1].
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0, or (t > 0) a probability the quadrature cannot certify to
 *   1e-10 (not met in tests over parameters in e^±30); `NEGATIVE_VALUE` for a negative recency, T or t;
 *   `NOT_AN_INTEGER` for a fractional frequency; `ORDER_VIOLATION` for recency > T;
 *   `INCONSISTENT_INPUT` for a positive recency with frequency 0.
 *
 * @example
 * ```ts
 * import { bgNbdProbabilityAlive } from 'cx-metrics/clv';
 * const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // weeks
 * bgNbdProbabilityAlive(cdnow, { frequency: 2, recency: 30.43, T: 38.86 }); // => 0.7266
 * bgNbdProbabilityAlive(cdnow, { frequency: 1, recency: 1.71, T: 38.86 }); // => 0.2121
 * bgNbdProbabilityAlive(cdnow, { frequency: 0, recency: 0, T: 38.86 }); // => 1
 * // Still alive a year (52 weeks) from now:
 * bgNbdProbabilityAlive(cdnow, { frequency: 2, recency: 30.43, T: 38.86 }, 52); // => 0.5316
 * bgNbdProbabilityAlive(cdnow, { frequency: 0, recency: 0, T: 38.86 }, 52); // => 0.9439
 * bgNbdProbabilityAlive(cdnow, { frequency: 1.5, recency: 2, T: 38.86 }); // => throws NOT_AN_INTEGER
 * ```
 */
export function bgNbdProbabilityAlive(params: BgNbdParams, customer: CustomerHistory, t = 0): number {
  const fn = 'bgNbdProbabilityAlive';
  const [r, alpha, a, b] = requireBgNbdParams(fn, params);
  const [x, tx, T] = requireCustomerHistory(fn, customer);
  const later = requireNonNegative(fn, 't', t);
  const alive = logisticComplement(bgNbdLogOddsDead(r, alpha, a, b, x, tx, T));
  if (later === 0 || alive === 0) return alive;
  return alive * bgNbdSurvivalIfAlive(fn, r + x, alpha + T, a, b + x, later);
}
