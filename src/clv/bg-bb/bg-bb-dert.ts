import type { DiscreteCustomerHistory } from '../discrete-customer-history';
import type { BgBbParams } from './bg-bb-params';
import { bgBbDiscountedResidualTransactions, MIN_DISCOUNT_RATE, requireBgBbCustomer, requireBgBbParams } from './predict';
import { fail, requirePositive } from '../../internal/validate';
import { readOptions } from '../../internal/options';
import type { DertOptions } from '../model';

/**
 * Discounted expected residual transactions (DERT) of a customer with history (x, tₓ, n) under
 * a fitted BG/BB model: the present value, in transactions, of everything they will still do,
 * over an unlimited horizon. Multiply by the margin per transaction for the customer's
 * residual value.
 *
 * ```text
 * DERT(d | x, tₓ, n) = Σ_{t=n+1}^{∞} E[Y(t) | x, tₓ, n] / (1+d)^(t−n)
 *                    = B(α+x+1, β+n−x)/B(α, β) · B(γ, δ+n+1)/(B(γ, δ) (1+d))
 *                      · ₂F₁(1, δ+n+1; γ+δ+n+1; 1/(1+d)) / L(α, β, γ, δ | x, tₓ, n)
 * ```
 *
 * Y(t) is 1 when the customer transacts at opportunity t; the next opportunity, n + 1, is
 * discounted once. Evaluated as P(alive at n+1) · (α+x)/(α+β+n) · ₂F₁(…)/(1+d) in log space;
 * finite for any valid history. With d = 0 the sum diverges unless γ > 1, so d must be > 0 (at
 * least 1e-8: 1/(1+d) is accurate to about 1e-16/d only).
 *
 * Source: Fader, Hardie & Shang (2010), "Customer-Base Analysis in a Discrete-Time
 * Noncontractual Setting", *Marketing Science* 29(6), 1086–1108, eq. (14).
 *
 * @param params - BG/BB parameters (a {@link BgBbFit} will do).
 * @param customer - The customer's `frequency` x, `recency` tₓ and `periods` n.
 * @param options - `discountRate` d per opportunity, at least 1e-8 (0.1 = 10 % an opportunity; required).
 * @returns Discounted expected transactions, ≥ 0.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0, periods above 1,000,000, or a discount rate below
 *   1e-8 (0 included: the sum then diverges unless γ > 1); `NEGATIVE_VALUE` /
 *   `NOT_AN_INTEGER` for a negative or fractional frequency, recency or periods;
 *   `ORDER_VIOLATION` for recency > periods; `INCONSISTENT_INPUT` for frequency > recency or a
 *   positive recency with frequency 0.
 *   `INVALID_OPTION` for options that are not a plain object or an unknown key (the near miss is
 *   suggested).
 *
 * @example
 * ```ts
 * import { bgBbDert } from 'cx-metrics/clv';
 * const donors = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * // Future donations of a donor who gave in all six years, at 10 % a year:
 * bgBbDert(donors, { frequency: 6, recency: 6, periods: 6 }, { discountRate: 0.1 }); // => 5.91
 * // The same number of donations, but the last in 1998:
 * bgBbDert(donors, { frequency: 3, recency: 3, periods: 6 }, { discountRate: 0.1 }); // => 0.35
 * bgBbDert(donors, { frequency: 6, recency: 6, periods: 6 }, { discountRate: 0 }); // => throws OUT_OF_RANGE
 * ```
 */
export function bgBbDert(params: BgBbParams, customer: DiscreteCustomerHistory, options: DertOptions): number {
  const fn = 'bgBbDert';
  options = readOptions(fn, options, ['discountRate']) as DertOptions;
  const [alpha, beta, gamma, delta] = requireBgBbParams(fn, params);
  const [x, tx, n] = requireBgBbCustomer(fn, customer);
  const d = requirePositive(fn, 'discountRate', (options as Partial<DertOptions> | undefined)?.discountRate);
  if (d < MIN_DISCOUNT_RATE) {
    throw fail('OUT_OF_RANGE', fn, `discountRate ${d} is below ${MIN_DISCOUNT_RATE}: too small to evaluate the discounted sum accurately`, {
      field: 'discountRate',
      value: d,
    });
  }
  return bgBbDiscountedResidualTransactions(fn, alpha, beta, gamma, delta, x, tx, n, d);
}
