import type { ParetoNbdParams } from './pareto-nbd-fit';
import { paretoNbdConditionalExpectation, requireParetoNbdParams } from './pareto-nbd-predict';
import { describeValue, fail, requireNonNegative } from '../../internal/validate';

/**
 * Expected number of purchases E[X(t)] of a new customer (one just acquired) in a period of
 * length t, under a fitted Pareto/NBD model.
 *
 * ```text
 * E[X(t)] = r β / (α (s−1)) · [1 − (β/(β+t))^(s−1)]        (s ≠ 1)
 *         = (r β / α) · ln(1 + t/β)                          (s = 1, the limit)
 * ```
 *
 * Evaluated as (rβ/α)·(−expm1(−(s−1)·log1p(t/β)))/(s−1) in log space, so it is smooth through
 * s = 1 and finite for any t; non-decreasing in t and at most r t/α (no dropout).
 *
 * Source: Schmittlein, Morrison & Colombo (1987), *Management Science* 33(1); Fader & Hardie
 * (2005), *A note on deriving the Pareto/NBD model and related expressions*, eq. 17.
 *
 * @param params - Pareto/NBD parameters (a {@link ParetoNbdFit} will do).
 * @param t - Length of the period, ≥ 0, in the time unit the model was fitted in.
 * @returns Expected purchases, ≥ 0 (0 for t = 0).
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `OUT_OF_RANGE` for a parameter ≤ 0, or an expectation beyond a double (α or β near the
 *   smallest double); `NEGATIVE_VALUE` for t < 0.
 *
 * @example
 * ```ts
 * import { paretoNbdExpectedPurchases } from 'cx-metrics/clv';
 * const cdnow = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }; // weeks
 * paretoNbdExpectedPurchases(cdnow, 39); // => 1.2130
 * paretoNbdExpectedPurchases(cdnow, 52); // => 1.4730
 * paretoNbdExpectedPurchases(cdnow, -1); // => throws NEGATIVE_VALUE
 * ```
 */
export function paretoNbdExpectedPurchases(params: ParetoNbdParams, t: number): number {
  const fn = 'paretoNbdExpectedPurchases';
  const [r, alpha, s, beta] = requireParetoNbdParams(fn, params);
  const time = requireNonNegative(fn, 't', t);
  const expected = paretoNbdConditionalExpectation(r, alpha, s, beta, 0, 0, 0, time);
  // Computed in logs, so only a value truly beyond a double (α or β near the smallest double) gets here.
  if (!(expected < Infinity)) throw fail('OUT_OF_RANGE', fn, `the expected purchases at these parameters and t ${describeValue(time)} are beyond a double`, { field: 'params' });
  return expected;
}
