import type { GammaGammaCustomer, GammaGammaParams } from './gamma-gamma-params';
import { gammaGammaMean, requireGammaGammaParams } from './spend';
import { describeValue, fail, requireCount, requireNonNegative } from '../../internal/validate';

/**
 * Expected average value of a customer's future transactions under a fitted Gamma-Gamma
 * model: a weighted mix of the population mean and the customer's own observed mean, the
 * customer's weight growing with their number of repeat purchases.
 *
 * ```text
 * E[Z | z̄, x] = p (γ + x z̄) / (p x + q − 1)
 *            = (q − 1)/(p x + q − 1) · p γ/(q − 1)  +  p x/(p x + q − 1) · z̄
 * x = 0:  E[Z] = p γ / (q − 1)          (the population mean; needs q > 1)
 * ```
 *
 * Source: Fader, Hardie & Lee (2005), RFM and CLV, *J. Marketing Research* 42(4), eq. 5;
 * Fader & Hardie (2013), *The Gamma-Gamma model of monetary value* (note), eq. 5.
 *
 * @param params - Gamma-Gamma parameters (a {@link GammaGammaFit} will do).
 * @param customer - The customer's `frequency` x and `monetaryValue` z̄ (ignored when x = 0).
 * @returns Expected spend per transaction, in the currency of z̄, > 0.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0, or when p·x + q ≤ 1 (q ≤ 1 for x = 0): the model then
 *   has no finite mean spend; `NEGATIVE_VALUE` for a negative frequency or monetary value;
 *   `NOT_AN_INTEGER` for a fractional frequency.
 *
 * @example
 * ```ts
 * import { gammaGammaExpectedSpend } from 'cx-metrics/clv';
 * const cdnow = { p: 6.25, q: 3.74, gamma: 15.44 }; // dollars
 * // CDNOW customer 1: 2 repeat purchases averaging $22.35.
 * gammaGammaExpectedSpend(cdnow, { frequency: 2, monetaryValue: 22.35 }); // => 24.66
 * // No repeat purchase: the population mean.
 * gammaGammaExpectedSpend(cdnow, { frequency: 0, monetaryValue: 0 }); // => 35.22
 * gammaGammaExpectedSpend({ p: 6.25, q: 0.9, gamma: 15.44 }, { frequency: 0, monetaryValue: 0 }); // => throws OUT_OF_RANGE
 * ```
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, customer: GammaGammaCustomer): number {
  const fn = 'gammaGammaExpectedSpend';
  const [p, q, gamma] = requireGammaGammaParams(fn, params);
  if (customer === null || typeof customer !== 'object') {
    throw fail('INVALID_NUMBER', fn, `customer ${describeValue(customer)} must be an object with frequency and monetaryValue`, {
      field: 'customer',
      value: customer,
    });
  }
  const x = requireCount(fn, 'frequency', customer.frequency);
  const z = x === 0 ? 0 : requireNonNegative(fn, 'monetaryValue', customer.monetaryValue);
  return gammaGammaMean(fn, p, q, gamma, x, z);
}
