import type { CustomerHistory } from '../customer-history';
import type { DertOptions } from '../model';
import type { MbgNbdParams } from './mbg-nbd-fit';
import { requireCustomerHistory } from '../rfm-rows';
import { mbgNbdAlive, mbgNbdDiscountedIfAlive, requireMbgNbdParams } from './mbg-nbd-predict';
import { requirePositive } from '../../internal/validate';
import { readOptions } from '../../internal/options';

/**
 * Discounted expected residual transactions (DERT) of a customer with history (x, tₓ, T) under
 * a fitted MBG/NBD model: the present value, in purchases, of everything they will still buy,
 * over an unlimited horizon, discounted continuously. Multiply by the margin per purchase for the
 * customer's residual value.
 *
 * ```text
 * DERT(δ | x, tₓ, T) = ∫₀^∞ e^(−δt) dE[Y(t) | x, tₓ, T]
 *                    = P(alive) · E[λ/(δ + λp)]          λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x+1)
 *                    = P(alive) · (r+x)/(δ(α+T)) · E_p[∫₀^∞ e^(−v) (1 + v·p/(δ(α+T)))^(−(r+x+1)) dv]
 * ```
 *
 * δ is the discount rate per unit of time with continuous compounding: a purchase at T + t is
 * worth e^(−δt). For an annual rate d in a model fitted in weeks, δ = ln(1 + d)/52 (15 % a year:
 * δ = ln 1.15 / 52 ≈ 0.00269 a week); in days, ln(1 + d)/365. No closed form is used: the inner
 * integral (y·e^y·E_{r+x+1}(y), y = δ(α+T)/p, a generalized exponential integral) is computed by
 * a continued fraction or tanh-sinh quadrature and the expectation over p by the kernel's beta
 * expectation, both to 1e-10 or more (a nested numerical integration: a few milliseconds a
 * customer; at the corners of the fitters' range, concentrations near 1e13 or a tiny discount
 * over a long history, up to about 1 s). Decreasing in δ.
 *
 * Source: the model of Batislam, Denizel & Filiztekin (2007), *International Journal of
 * Research in Marketing* 24(3), 201–209; DERT as defined for the Pareto/NBD by Fader, Hardie &
 * Lee (2005), "RFM and CLV: using iso-value curves for customer base analysis", *Journal of
 * Marketing Research* 42(4), 415–430 (eq. 2), with the MBG/NBD posterior.
 *
 * @param params - MBG/NBD parameters (a {@link MbgNbdFit} will do).
 * @param customer - The customer's `frequency` x, `recency` tₓ and age `T`, in the model's time unit.
 * @param options - `discountRate` δ > 0 per unit of time, continuous compounding (required).
 * @returns Discounted expected purchases, > 0.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter or discount rate ≤ 0, or a value that cannot be computed to
 *   1e-10; `NEGATIVE_VALUE` for a negative recency or T; `NOT_AN_INTEGER` for a fractional
 *   frequency; `ORDER_VIOLATION` for recency > T; `INCONSISTENT_INPUT` for a positive recency
 *   with frequency 0; `INVALID_OPTION` for options that are not a plain object or an unknown key.
 *
 * @example
 * ```ts
 * import { mbgNbdDert } from 'cx-metrics/clv';
 * const cdnow = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }; // weeks
 * const discountRate = Math.log(1.15) / 52; // 15 % a year, per week
 * mbgNbdDert(cdnow, { frequency: 2, recency: 30.43, T: 38.86 }, { discountRate }); // => 4.92
 * mbgNbdDert(cdnow, { frequency: 2, recency: 30.43, T: 38.86 }, { discountRate: 0 }); // => throws OUT_OF_RANGE
 * ```
 */
export function mbgNbdDert(params: MbgNbdParams, customer: CustomerHistory, options: DertOptions): number {
  const fn = 'mbgNbdDert';
  const settings = readOptions(fn, options, ['discountRate']) as Partial<DertOptions> | undefined;
  const [r, alpha, a, b] = requireMbgNbdParams(fn, params);
  const [x, tx, T] = requireCustomerHistory(fn, customer);
  const delta = requirePositive(fn, 'discountRate', settings?.discountRate);
  const alive = mbgNbdAlive(r, alpha, a, b, x, tx, T);
  if (alive === 0) return 0;
  return alive * mbgNbdDiscountedIfAlive(fn, r + x, alpha + T, a, b + x + 1, delta);
}
