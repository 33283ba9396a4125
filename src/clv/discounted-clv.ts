import { describeValue, fail, requireFinite, requireNonNegative, requireProportion } from '../internal/validate';
import { readOptions } from '../internal/options';

/** Inputs of {@link discountedClv}. Margin, retention and discount rate are all per the same period. */
export interface DiscountedClvOptions {
  /** Margin per period from a retained customer (money, finite; negative for a loss-making customer). */
  readonly margin: number;
  /** Probability that a customer active in one period is still active in the next, in [0, 1]. */
  readonly retention: number;
  /** Discount rate per period, ≥ 0 (an annual 10 % with monthly periods is 1.1^(1/12) − 1 ≈ 0.00797). */
  readonly discountRate: number;
  /** Number of margins counted: a whole number ≥ 0, or `Infinity` (default) for the closed form. */
  readonly horizon?: number;
  /**
   * Count the acquisition period's margin, received now and undiscounted (the value of a
   * customer who is about to pay their first margin). Default `false`: the first margin is
   * received at the end of period 1, and only if the customer is retained (Gupta & Lehmann).
   */
  readonly countAcquisitionPeriod?: boolean;
}

const FN = 'discountedClv';

/**
 * Customer lifetime value from a constant margin, a constant retention rate and a discount rate:
 * the closed form of Gupta & Lehmann, or its finite-horizon sum.
 *
 * ```text
 * q = r / (1 + d)
 * default (first margin at the end of period 1, if retained):
 *   CLV_T = Σ_{t=1..T} m·r^t / (1+d)^t = m · r / (1 + d − r) · (1 − q^T)
 *   CLV_∞ = m · r / (1 + d − r)
 * countAcquisitionPeriod (first margin now, then at the start of each retained period):
 *   CLV_T = Σ_{t=0..T−1} m·r^t / (1+d)^t = m · (1 + d) / (1 + d − r) · (1 − q^T)
 *   CLV_∞ = m · (1 + d) / (1 + d − r) = m + m · r / (1 + d − r)
 * ```
 *
 * `T` (the horizon) is the number of margins counted. The infinite horizon needs r < 1 + d
 * (it fails only for r = 1 with d = 0). `1 − q^T` is computed as `−expm1(T·(ln r − ln1p d))`,
 * so long horizons close to the limit lose no digits.
 *
 * Sources: S. Gupta & D. R. Lehmann (2003), "Customers as assets", Journal of Interactive
 * Marketing 17(1); S. Gupta & D. R. Lehmann (2005), *Managing Customers as Investments*,
 * Wharton School Publishing (the margin multiple r / (1 + d − r)).
 *
 * @param options - Margin, retention, discount rate (all per period), horizon and timing.
 * @returns The expected discounted margin of one customer, in the money unit of `margin`.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number
 *   (the horizon may be `Infinity`); `OUT_OF_RANGE` for a retention outside [0, 1], or an
 *   infinite horizon with r = 1 and d = 0 (the sum diverges); `NEGATIVE_VALUE` for a negative
 *   discount rate or horizon; `NOT_AN_INTEGER` for a fractional horizon; `INVALID_OPTION` for a
 *   `countAcquisitionPeriod` that is not a boolean.
 *   `INVALID_OPTION` for options that are not a plain object or an unknown key (the near miss is
 *   suggested).
 *
 * @example
 * ```ts
 * import { discountedClv } from 'cx-metrics/clv';
 * // $100 a year, 80 % retention, 10 % discount rate: 100 × 0.8 / 0.3
 * discountedClv({ margin: 100, retention: 0.8, discountRate: 0.1 }); // => 266.67
 * // Counting this year's margin too: 100 × 1.1 / 0.3
 * discountedClv({ margin: 100, retention: 0.8, discountRate: 0.1, countAcquisitionPeriod: true }); // => 366.67
 * // Only the next 3 years: 100 × (0.8/1.1 + 0.8²/1.1² + 0.8³/1.1³)
 * discountedClv({ margin: 100, retention: 0.8, discountRate: 0.1, horizon: 3 }); // => 164.09
 * discountedClv({ margin: 100, retention: 1, discountRate: 0 }); // => throws OUT_OF_RANGE
 * ```
 */
export function discountedClv(options: DiscountedClvOptions): number {
  options = readOptions(FN, options, ['margin', 'retention', 'discountRate', 'horizon', 'countAcquisitionPeriod']) as DiscountedClvOptions;
  const m = requireFinite(FN, 'margin', options.margin);
  const r = requireProportion(FN, 'retention', options.retention);
  const d = requireNonNegative(FN, 'discountRate', options.discountRate);
  const horizon = options.horizon ?? Number.POSITIVE_INFINITY;
  if (horizon !== Number.POSITIVE_INFINITY) {
    requireNonNegative(FN, 'horizon', horizon);
    if (!Number.isInteger(horizon)) {
      throw fail('NOT_AN_INTEGER', FN, `horizon ${describeValue(horizon)} is not a whole number of periods`, {
        field: 'horizon',
        value: horizon,
      });
    }
  }
  const includeNow = options.countAcquisitionPeriod ?? false;
  if (typeof includeNow !== 'boolean') {
    throw fail('INVALID_OPTION', FN, `countAcquisitionPeriod ${describeValue(includeNow)} is not a boolean`, {
      field: 'countAcquisitionPeriod',
      value: includeNow,
    });
  }
  if (horizon === 0 || m === 0) return 0;
  // 1 + d − r, summed from its small parts so that r → 1, d → 0 keeps its digits.
  const gap = 1 - r + d;
  if (gap === 0) {
    // r = 1, d = 0: nothing decays, every counted margin is worth m.
    if (horizon === Number.POSITIVE_INFINITY) {
      throw fail('OUT_OF_RANGE', FN, 'retention 1 with discount rate 0 has no finite infinite-horizon value (needs retention < 1 + discountRate)', {
        field: 'retention',
        value: r,
      });
    }
    return m * horizon;
  }
  const multiple = includeNow ? (1 + d) / gap : r / gap;
  // 1 − q^T with q = r / (1 + d), accurate when q^T is close to 1.
  const remaining = horizon === Number.POSITIVE_INFINITY || r === 0 ? 1 : -Math.expm1(horizon * (Math.log(r) - Math.log1p(d)));
  const value = m * multiple * remaining;
  if (!Number.isFinite(value)) {
    throw fail('OUT_OF_RANGE', FN, 'the value overflows a double; use larger units of money (thousands, millions)', { field: 'margin', value: m });
  }
  return value;
}
