import type { CustomerHistory } from '../customer-history';
import type { BgNbdParams } from './bg-nbd-fit';
import { requireCustomerHistory } from '../rfm-rows';
import { bgNbdLogOddsDead, logisticComplement, requireBgNbdParams } from './bg-nbd-predict';

/**
 * Probability that a customer with history (x, tₓ, T) is still alive (has not dropped out)
 * at T, under a fitted BG/NBD model.
 *
 * ```text
 * P(alive | x, tₓ, T) = 1 / [1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)]
 * ```
 *
 * A customer with no repeat purchase (x = 0) is alive with probability 1: in the BG/NBD
 * model dropout can only happen right after a purchase. (This is the model's known weakness for
 * long-inactive one-time buyers; the Pareto/NBD does not share it.) Evaluated as a logistic
 * function of the log-odds, so it is exact in [0, 1] for any x.
 *
 * Source: Fader, Hardie & Lee (2005), *Marketing Science* 24(2), eq. 11; Fader, Hardie & Lee
 * (2008), *Computing P(alive) using the BG/NBD model* (note).
 *
 * @param params - BG/NBD parameters (a {@link BgNbdFit} will do).
 * @param customer - The customer's `frequency` x, `recency` tₓ and age `T`.
 * @returns A probability in [0, 1].
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0; `NEGATIVE_VALUE` for a negative recency or T;
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
 * bgNbdProbabilityAlive(cdnow, { frequency: 1.5, recency: 2, T: 38.86 }); // => throws NOT_AN_INTEGER
 * ```
 */
export function bgNbdProbabilityAlive(params: BgNbdParams, customer: CustomerHistory): number {
  const fn = 'bgNbdProbabilityAlive';
  const [r, alpha, a, b] = requireBgNbdParams(fn, params);
  const [x, tx, T] = requireCustomerHistory(fn, customer);
  return logisticComplement(bgNbdLogOddsDead(r, alpha, a, b, x, tx, T));
}
