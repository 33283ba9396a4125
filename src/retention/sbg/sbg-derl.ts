import type { SbgParams } from './sbg-params';
import { checkSbgParams } from './likelihood';
import { betaGeometricDiscountedSurvival, betaGeometricContinuation } from '../../internal/beta-geometric';
import { requireCount, requirePositive } from '../../internal/validate';
import { readOptions } from '../../internal/options';

/** Options of {@link sbgDerl}. */
export interface SbgDerlOptions {
  /** Discount rate per period d > 0 (0.1 = 10 % a period). Required. */
  readonly discountRate: number;
  /**
   * Renewals the customer has made so far, a whole number ≥ 0 (Fader & Hardie's n − 1: the
   * customer is in contract period n = renewals + 1). Default 0: a customer in their first period.
   */
  readonly renewals?: number;
}

/**
 * Discounted expected residual lifetime (DERL) of an active customer under a shifted-beta-
 * geometric model: the expected number of *future* payments, discounted, for a customer at the
 * end of contract period n (who has made n − 1 renewals), just before the n-th renewal decision.
 * The payment of the current period is not counted; the next one (at the coming renewal) is
 * counted undiscounted, the one after it discounted once, and so on. Multiply by the margin per
 * period for the expected residual value; a new customer's CLV is m·(1 + DERL(n = 1)/(1 + d)) when
 * payments arrive at period starts.
 *
 * ```text
 * DERL(d | α, β, n) = Σₜ₌ₙ^∞ S(t) / S(n − 1) / (1 + d)^(t − n)
 *                   = (β + n − 1) / (α + β + n − 1) · ₂F₁(1, β + n; α + β + n; 1 / (1 + d))
 * n = renewals + 1
 * ```
 *
 * Source: Fader & Hardie (2010), "Customer-Base Valuation in a Contractual Setting: The Perils of
 * Ignoring Heterogeneity", *Marketing Science* 29(1), 85–93, eq. (6).
 *
 * @param params α, β (a {@link SbgFit} will do).
 * @param options `discountRate` (required), `renewals` (default 0).
 * @returns Discounted periods, ≥ 0.
 * @throws `INVALID_NUMBER` / `OUT_OF_RANGE` for bad α, β or a discount rate that is not > 0
 *   (or so small, below about 1e-8, that neither ₂F₁ nor the series can be evaluated accurately);
 *   `NEGATIVE_VALUE`, `NOT_AN_INTEGER` for bad renewals.
 *   `INVALID_OPTION` for options that are not a plain object or an unknown key (the near miss is
 *   suggested).
 *
 * @example
 * ```ts
 * import { sbgDerl } from 'cx-metrics/retention';
 * sbgDerl({ alpha: 1, beta: 1 }, { discountRate: 0.1 }); // => 1.80
 * sbgDerl({ alpha: 0.704, beta: 1.182 }, { discountRate: 0.1, renewals: 4 }); // => 5.89
 * ```
 */
export function sbgDerl(params: SbgParams, options: SbgDerlOptions): number {
  const fn = 'sbgDerl';
  options = readOptions(fn, options, ['discountRate', 'renewals']) as SbgDerlOptions;
  const { alpha, beta } = checkSbgParams(fn, params);
  const d = requirePositive(fn, 'discountRate', (options as Partial<SbgDerlOptions> | undefined)?.discountRate);
  const n = requireCount(fn, 'renewals', options.renewals ?? 0) + 1;
  // S(n)/S(n − 1) = r(n); written so that a tiny β (β + n − 1 rounding to n − 1) cannot give 0/0.
  return betaGeometricContinuation(alpha, beta, n - 1) * betaGeometricDiscountedSurvival(fn, alpha, beta, n, d);
}
