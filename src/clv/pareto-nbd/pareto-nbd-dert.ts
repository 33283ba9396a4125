import type { CustomerHistory } from '../customer-history';
import type { DertOptions } from '../model';
import type { ParetoNbdParams } from './pareto-nbd-fit';
import { requireCustomerHistory } from '../rfm-rows';
import { paretoNbdLogDert, requireParetoNbdParams } from './pareto-nbd-predict';
import { describeValue, fail, requirePositive } from '../../internal/validate';
import { readOptions } from '../../internal/options';

/**
 * Discounted expected residual transactions (DERT) of a customer with history (x, tₓ, T) under
 * a fitted Pareto/NBD model: the purchases still to come over the customer's whole remaining
 * lifetime, each discounted continuously to today. Multiplied by the expected margin per
 * purchase (e.g. Gamma-Gamma) it is the customer's residual lifetime value.
 *
 * ```text
 * DERT(δ | x, tₓ, T) = ∫₀^∞ E[λ] P(alive at T+τ) e^(−δτ) dτ
 *   = α^r β^s δ^(s−1) Γ(r+x+1) U(s, s; δ(β+T)) / (Γ(r) (α+T)^(r+x+1) L(r, α, s, β | x, tₓ, T))
 *   = P(alive | x, tₓ, T) · (r+x)/(α+T) · (β+T) · h(s, δ(β+T))
 * h(s, z) = z^(s−1) U(s, s; z) = ∫₀^∞ e^(−zy) (1+y)^(−s) dy
 * ```
 *
 * U is Tricomi's confluent hypergeometric function (the paper's Ψ). The second form follows
 * from the gamma posteriors of the purchase rate (r+x, α+T) and the dropout rate (s, β+T) of a
 * live customer, and needs no likelihood: h is integrated in w = ln(1+y), where its integrand is
 * the exponential of a concave function, outward from the peak in log space, to about 1e-13
 * for parameters anywhere in e^±30 and any δ > 0 that leaves the result finite.
 *
 * Discounting is continuous: `discountRate` is δ per unit of the model's time (a purchase τ from
 * now counts e^(−δτ)). An annual rate of 15 % with the model in weeks is δ = ln(1.15)/52 ≈ 0.00269.
 *
 * Source: Fader, Hardie & Lee (2005), "RFM and CLV: using iso-value curves for customer base
 * analysis", *Journal of Marketing Research* 42(4), 415–430, eq. 2 and appendix.
 *
 * @param params - Pareto/NBD parameters (a {@link ParetoNbdFit} will do).
 * @param customer - The customer's `frequency` x, `recency` tₓ and age `T`, in the model's time unit.
 * @param options - `discountRate` δ > 0 per unit of time (required).
 * @returns The discounted expected number of future purchases, ≥ 0 (> 0 unless P(alive) underflows).
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter or discount rate ≤ 0, or a rate so small that the result
 *   overflows (with s ≤ 1 DERT grows without bound as δ → 0); `NEGATIVE_VALUE` for a negative
 *   recency or T; `NOT_AN_INTEGER` for a fractional frequency; `ORDER_VIOLATION` for
 *   recency > T; `INCONSISTENT_INPUT` for a positive recency with frequency 0; `INVALID_OPTION`
 *   for options that are not a plain object or an unknown option key.
 *
 * @example
 * ```ts
 * import { paretoNbdDert } from 'cx-metrics/clv';
 * const cdnow = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }; // weeks
 * const weekly = { discountRate: Math.log(1.15) / 52 }; // 15 % a year
 * paretoNbdDert(cdnow, { frequency: 2, recency: 30.43, T: 38.86 }, weekly); // => 6.5017
 * paretoNbdDert(cdnow, { frequency: 0, recency: 0, T: 38.86 }, weekly); // => 0.4785
 * paretoNbdDert(cdnow, { frequency: 2, recency: 30.43, T: 38.86 }, { discountRate: 0 }); // => throws OUT_OF_RANGE
 * ```
 */
export function paretoNbdDert(params: ParetoNbdParams, customer: CustomerHistory, options: DertOptions): number {
  const fn = 'paretoNbdDert';
  const settings = readOptions(fn, options, ['discountRate']);
  const [r, alpha, s, beta] = requireParetoNbdParams(fn, params);
  const [x, tx, T] = requireCustomerHistory(fn, customer);
  const delta = requirePositive(fn, 'discountRate', settings.discountRate);
  const log = paretoNbdLogDert(r, alpha, s, beta, x, tx, T, delta);
  if (Number.isNaN(log)) {
    throw fail('OUT_OF_RANGE', fn, `the discount integral at discountRate ${describeValue(delta)} could not be evaluated to full accuracy for these parameters`, {
      field: 'discountRate',
      value: delta,
    });
  }
  const value = Math.exp(log);
  if (value === Infinity) {
    throw fail('OUT_OF_RANGE', fn, `discountRate ${describeValue(delta)} is too small: the discounted residual purchases overflow double precision`, {
      field: 'discountRate',
      value: delta,
    });
  }
  return value;
}
