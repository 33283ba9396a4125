import type { TimeUnit } from '../models/time';
import { UNIT_MILLISECONDS } from '../models/time';
import { requireTimeUnit } from '../internal/calendar';
import { fail, requireNonNegative, requireProportion } from '../internal/validate';
import { readOptions } from '../internal/options';

/** Inputs of {@link simpleClv}. */
export interface SimpleClvOptions {
  /** Average order value, money per order, ≥ 0 (revenue; apply `grossMargin` for profit). */
  readonly averageOrderValue: number;
  /** Orders per unit of time, ≥ 0: per `frequencyUnit` when given, else per the unit `lifespan` is in. */
  readonly purchaseFrequency: number;
  /** Expected customer lifespan, ≥ 0: in `lifespanUnit` when given, else in the unit `purchaseFrequency` is counted per. */
  readonly lifespan: number;
  /** Gross margin, a proportion in [0, 1]. Default 1: the result is revenue, not profit. */
  readonly grossMargin?: number;
  /** The unit `purchaseFrequency` is counted per (`4` orders per `'year'`). Give it together with `lifespanUnit`, or neither. */
  readonly frequencyUnit?: TimeUnit;
  /** The unit of `lifespan` (`3` `'year'`s). Give it together with `frequencyUnit`, or neither. */
  readonly lifespanUnit?: TimeUnit;
}

const FN = 'simpleClv';

/**
 * The everyday customer lifetime value: average order value × purchase frequency × expected
 * lifespan, optionally × gross margin. Undiscounted, with no retention curve: a quick estimate
 * of what an average customer is worth.
 *
 * ```text
 * CLV = averageOrderValue × purchaseFrequency × lifespan × grossMargin
 *
 * purchaseFrequency is per unit of time and lifespan is in the same unit; with
 * frequencyUnit ≠ lifespanUnit the lifespan is first converted:
 * lifespan × UNIT_MILLISECONDS[lifespanUnit] / UNIT_MILLISECONDS[frequencyUnit]
 * (month → year is exactly 12; week → year is 52.1775, the mean Gregorian year)
 * ```
 *
 * Source: the "traditional" CLV of marketing practice, e.g. Kumar & Reinartz (2016),
 * *Creating Enduring Customer Value*, J. Marketing 80(6); for discounting and retention use
 * {@link discountedClv}, for individual predictions the BG/NBD + Gamma-Gamma models.
 *
 * @param options - Average order value, purchase frequency, lifespan and optional gross margin and units.
 * @returns The lifetime value in the money unit of `averageOrderValue`, ≥ 0.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `NEGATIVE_VALUE` for a negative order value, frequency or lifespan; `OUT_OF_RANGE` for a
 *   gross margin outside [0, 1]; `INVALID_OPTION` for an unknown unit, or only one of the two
 *   units given.
 *   `INVALID_OPTION` for options that are not a plain object or an unknown key (the near miss is
 *   suggested).
 *
 * @example
 * ```ts
 * import { simpleClv } from 'cx-metrics/clv';
 * // €50 orders, 4 a year, customers stay 3 years, 30 % gross margin:
 * simpleClv({ averageOrderValue: 50, purchaseFrequency: 4, lifespan: 3, grossMargin: 0.3 }); // => 180
 * // 2 orders a month over 3 years: the lifespan becomes 36 months.
 * simpleClv({ averageOrderValue: 50, purchaseFrequency: 2, frequencyUnit: 'month', lifespan: 3, lifespanUnit: 'year' }); // => 3600
 * simpleClv({ averageOrderValue: 50, purchaseFrequency: 4, lifespan: 3, grossMargin: 30 }); // => throws OUT_OF_RANGE
 * ```
 */
export function simpleClv(options: SimpleClvOptions): number {
  options = readOptions(FN, options, ['averageOrderValue', 'purchaseFrequency', 'lifespan', 'grossMargin', 'frequencyUnit', 'lifespanUnit']) as SimpleClvOptions;
  const averageOrderValue = requireNonNegative(FN, 'averageOrderValue', options.averageOrderValue);
  const purchaseFrequency = requireNonNegative(FN, 'purchaseFrequency', options.purchaseFrequency);
  const lifespan = requireNonNegative(FN, 'lifespan', options.lifespan);
  const grossMargin = options.grossMargin === undefined ? 1 : requireProportion(FN, 'grossMargin', options.grossMargin);
  let periods = lifespan;
  if (options.frequencyUnit !== undefined || options.lifespanUnit !== undefined) {
    if (options.frequencyUnit === undefined || options.lifespanUnit === undefined) {
      const missing = options.frequencyUnit === undefined ? 'frequencyUnit' : 'lifespanUnit';
      throw fail('INVALID_OPTION', FN, `${missing} is missing: give both frequencyUnit and lifespanUnit, or neither (same unit)`, {
        field: missing,
      });
    }
    const from = requireTimeUnit(FN, 'lifespanUnit', options.lifespanUnit);
    const to = requireTimeUnit(FN, 'frequencyUnit', options.frequencyUnit);
    periods = (lifespan * UNIT_MILLISECONDS[from]) / UNIT_MILLISECONDS[to];
  }
  const value = averageOrderValue * purchaseFrequency * periods * grossMargin;
  if (!Number.isFinite(value)) {
    throw fail('OUT_OF_RANGE', FN, 'the product overflows a double; use larger units of money (thousands, millions)', { field: 'averageOrderValue', value: averageOrderValue });
  }
  return value;
}
