import type { CustomerHistory } from '../customer-history';
import type { DertOptions } from '../model';
import type { BgNbdParams } from './bg-nbd-fit';
import { requireCustomerHistory } from '../rfm-rows';
import { bgNbdDertIfAlive, bgNbdLogOddsDead, logisticComplement, requireBgNbdParams } from './bg-nbd-predict';
import { requirePositive } from '../../internal/validate';
import { readOptions } from '../../internal/options';

/**
 * Discounted expected residual transactions (DERT) of a customer with history (x, tₓ, T) under
 * a fitted BG/NBD model: the present value, in purchases, of everything they will still buy,
 * over an unlimited horizon, discounted continuously at δ per unit of time. Multiply by the
 * margin per purchase for the customer's residual value.
 *
 * ```text
 * DERT(δ | x, tₓ, T) = ∫₀^∞ e^(−δt) dE[Y(t) | x, tₓ, T]
 *                    = P(alive | x, tₓ, T) · E_{λ,p}[λ/(δ + λp)]        λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x)
 *                    = P(alive | x, tₓ, T) · (r+x)/(δ(α+T)) · E_p[G(r+x+1, δ(α+T)/p)]
 * G(m, w) = w·e^w·E_m(w) = ∫₀^∞ e^(−v) (1 + v/w)^(−m) dv ∈ (0, 1)
 * ```
 *
 * How: alive at T, with rate λ and dropout probability p, a customer buys at T + t at the rate
 * λ·e^(−λpt) (each of the Poisson(λt) purchases they would make survives with probability
 * 1 − p), so the discounted total is ∫₀^∞ e^(−δt) λe^(−λpt) dt = λ/(δ + λp). The expectation over
 * λ (the posterior given alive) is closed form through the generalized exponential integral E_m
 * (A&S 5.1.4; continued fraction 5.1.22, or series 5.1.12 and recurrence 5.1.14 for small
 * arguments); the one over p is a tanh-sinh quadrature, certified to 1e-10. Since G < 1,
 * DERT < P(alive) · (r+x)/((α+T)·δ), the undiscounted-rate bound.
 *
 * The discount rate is per unit of the model's time with continuous compounding: an annual rate
 * of 15 % with a model fitted in weeks is δ = ln(1.15)/52 ≈ 0.002688 per week.
 *
 * Source: the definition of Fader, Hardie & Lee (2005), "RFM and CLV: Using iso-value curves for
 * customer base analysis", *Journal of Marketing Research* 42(4), 415–430, eq. 2 (derived there
 * for the Pareto/NBD in the appendix), applied to the BG/NBD of Fader, Hardie & Lee (2005),
 * *Marketing Science* 24(2) (eq. 11 for P(alive)); the closed form in λ is derived above.
 *
 * @param params - BG/NBD parameters (a {@link BgNbdFit} will do).
 * @param customer - The customer's `frequency` x, `recency` tₓ and age `T`, in the model's time unit.
 * @param options - `discountRate` δ per unit of time, continuously compounded (required).
 * @returns Discounted expected purchases, > 0.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter or discount rate ≤ 0, or a value that cannot be computed to
 *   1e-10 or leaves the double range (a vanishing δ(α+T)); `NEGATIVE_VALUE` for a negative
 *   recency or T; `NOT_AN_INTEGER` for a fractional frequency; `ORDER_VIOLATION` for recency > T;
 *   `INCONSISTENT_INPUT` for a positive recency with frequency 0; `INVALID_OPTION` for options
 *   that are not a plain object or an unknown key (the near miss is suggested).
 *
 * @example
 * ```ts
 * import { bgNbdDert } from 'cx-metrics/clv';
 * const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // weeks
 * const discountRate = Math.log(1.15) / 52; // 15 % a year, per week
 * bgNbdDert(cdnow, { frequency: 2, recency: 30.43, T: 38.86 }, { discountRate }); // => 5.17
 * // Silent since week 5: little left to expect.
 * bgNbdDert(cdnow, { frequency: 2, recency: 5, T: 38.86 }, { discountRate }); // => 0.88
 * bgNbdDert(cdnow, { frequency: 2, recency: 30.43, T: 38.86 }, { discountRate: 0 }); // => throws OUT_OF_RANGE
 * ```
 */
export function bgNbdDert(params: BgNbdParams, customer: CustomerHistory, options: DertOptions): number {
  const fn = 'bgNbdDert';
  const settings = readOptions(fn, options, ['discountRate']) as Partial<DertOptions>;
  const [r, alpha, a, b] = requireBgNbdParams(fn, params);
  const [x, tx, T] = requireCustomerHistory(fn, customer);
  const delta = requirePositive(fn, 'discountRate', settings.discountRate);
  const alive = logisticComplement(bgNbdLogOddsDead(r, alpha, a, b, x, tx, T));
  if (alive === 0) return 0;
  return alive * bgNbdDertIfAlive(fn, r + x, alpha + T, a, b + x, delta);
}
