import type { Purchase } from '../models/interaction';
import type { Accessor, Values } from '../models/values';
import { requireCustomerId } from '../models/customer-id';
import { forEachValue, isMissing } from '../internal/input';
import { requireFiniteTotal, requireNonNegative, requireProportion } from '../internal/validate';
import { requireValues } from '../internal/input';
import { readOptions, requireAccessor } from '../internal/options';

/** One customer's value to date. */
export interface HistoricalClvRow {
  /** The customer, as returned by the `customerId` accessor. */
  readonly customerId: string | number;
  /** Number of purchases read for the customer. */
  readonly purchases: number;
  /** Sum of the purchase amounts (compensated summation). */
  readonly revenue: number;
  /** Value to date: `revenue × grossMargin` (equal to `revenue` without a margin). */
  readonly value: number;
}

/** What {@link historicalClv} returns: one row per customer and the totals. */
export interface HistoricalClvResult {
  /** One row per customer, in order of first appearance in the input. */
  readonly rows: readonly HistoricalClvRow[];
  /** Number of customers (rows). */
  readonly customers: number;
  /** Purchases read (records not skipped). */
  readonly purchases: number;
  /** Records skipped because they, or their customer id or amount, were `null` or `undefined`. */
  readonly skipped: number;
  /** Sum of every customer's `value`. */
  readonly totalValue: number;
  /** `totalValue / customers`: the average historical CLV; `undefined` when there is no customer. */
  readonly averageValue: number | undefined;
}

/** How {@link historicalClv} reads a record. Each accessor may return `null`/`undefined` to skip the record. */
export interface HistoricalClvAccessors<T> {
  /** The customer: a string or a finite number (`Map` keys: `'1'` ≠ `1`). Default for {@link Purchase}: `d.customerId`. */
  readonly customerId: Accessor<T, string | number | null | undefined>;
  /**
   * The purchase's value, a finite number ≥ 0. Default for {@link Purchase}: `d.amount`. Point
   * it at a per-purchase margin field (`(d) => d.margin`) for margin to date when margins vary
   * by purchase.
   */
  readonly amount: Accessor<T, number | null | undefined>;
}

/** Settings of {@link historicalClv}. */
export interface HistoricalClvSettings {
  /** Gross margin applied to every amount, a proportion in [0, 1]. Default 1: value = revenue. */
  readonly grossMargin?: number;
}

/**
 * Options of {@link historicalClv}: the gross margin, plus accessors that default to the fields
 * of the {@link Purchase} model and are required for any other record type.
 */
export type HistoricalClvOptions<T> = HistoricalClvSettings &
  ([T] extends [Purchase] ? Partial<HistoricalClvAccessors<T>> : HistoricalClvAccessors<T>);

const FN = 'historicalClv';

/**
 * Per-customer historical value: the revenue (or gross margin) each customer has brought to
 * date, summed from their purchases. Backward-looking and undiscounted: it says what customers
 * *were* worth; {@link simpleClv}, {@link discountedClv} and the probabilistic models project
 * what they *will* be worth.
 *
 * ```text
 * revenue_i = Σ amount of customer i's purchases
 * value_i   = revenue_i × grossMargin
 * average   = Σ value_i / number of customers
 * ```
 *
 * A separate function rather than an option of {@link simpleClv}: it reads purchase records
 * and returns one row per customer, where `simpleClv` turns three averages into one number.
 *
 * One pass over any iterable; memory grows with the customers, not the purchases; sums are
 * compensated (Neumaier), so the result does not depend on the order of the purchases beyond
 * the last bit.
 *
 * @param purchases - Purchase records, in any order.
 * @param options - Gross margin and accessors (see {@link HistoricalClvOptions}).
 * @returns A frozen {@link HistoricalClvResult}; `averageValue` is `undefined` for no purchases.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` / `NEGATIVE_VALUE` for an amount that is not
 *   a finite number ≥ 0; `INVALID_RECORD` for a customer id that is neither a string nor a
 *   finite number; `OUT_OF_RANGE` for a gross margin outside [0, 1] or a revenue beyond a double.
 *   `INVALID_INPUT` when `purchases` is not an array, a typed array or an iterable; `INVALID_OPTION`
 *   for options that are not a plain object, an unknown option key (the near miss is suggested:
 *   `levle` → `level`) or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { historicalClv } from 'cx-metrics/clv';
 * const purchases = [
 *   { type: 'purchase', customerId: 'ann', at: Date.UTC(2024, 0, 5), amount: 120, currency: 'EUR' },
 *   { type: 'purchase', customerId: 'bob', at: Date.UTC(2024, 1, 9), amount: 40, currency: 'EUR' },
 *   { type: 'purchase', customerId: 'ann', at: Date.UTC(2024, 2, 1), amount: 80, currency: 'EUR' },
 * ] as const;
 * const result = historicalClv(purchases, { grossMargin: 0.25 });
 * result.rows[0]; // => { customerId: 'ann', purchases: 2, revenue: 200, value: 50 }
 * result.averageValue; // => 30
 * historicalClv([]).averageValue; // => undefined
 * ```
 */
export function historicalClv<T = Purchase>(
  purchases: Values<T>,
  ...[options]: [T] extends [Purchase] ? [options?: HistoricalClvOptions<T>] : [options: HistoricalClvOptions<T>]
): HistoricalClvResult {
  const opts = readOptions(FN, options, ['grossMargin', 'customerId', 'amount']) as Partial<HistoricalClvSettings & HistoricalClvAccessors<T>>;
  requireAccessor(FN, 'customerId', opts.customerId);
  requireAccessor(FN, 'amount', opts.amount);
  requireValues(FN, 'purchases', purchases);
  const grossMargin = opts.grossMargin === undefined ? 1 : requireProportion(FN, 'grossMargin', opts.grossMargin);
  const readId = opts.customerId ?? ((d: T) => (d as unknown as Purchase).customerId);
  const readAmount = opts.amount ?? ((d: T) => (d as unknown as Purchase).amount);

  // Per customer: [purchases, sum, compensation] in one small array, no object per purchase.
  const totals = new Map<string | number, [number, number, number]>();
  let read = 0;
  let skipped = 0;
  forEachValue(purchases, (d, i) => {
    if (isMissing(d)) {
      skipped++;
      return;
    }
    const id = readId(d, i);
    const amount = readAmount(d, i);
    if (isMissing(id) || isMissing(amount)) {
      skipped++;
      return;
    }
    const customerId = requireCustomerId(FN, id, i);
    const value = requireNonNegative(FN, 'amount', amount, i);
    read++;
    const acc = totals.get(customerId);
    if (acc === undefined) {
      totals.set(customerId, [1, value, 0]);
      return;
    }
    const t = acc[1] + value;
    acc[2] += acc[1] >= value ? acc[1] - t + value : value - t + acc[1];
    acc[1] = t;
    acc[0]++;
  });

  const rows: HistoricalClvRow[] = [];
  let total = 0;
  let compensation = 0;
  for (const [customerId, [count, sum, comp]] of totals) {
    const revenue = requireFiniteTotal(FN, 'revenue', sum + comp, customerId);
    const value = revenue * grossMargin;
    rows.push(Object.freeze({ customerId, purchases: count, revenue, value }));
    const t = total + value;
    compensation += total >= value ? total - t + value : value - t + total;
    total = t;
  }
  const totalValue = requireFiniteTotal(FN, 'total value', total + compensation);
  return Object.freeze({
    rows: Object.freeze(rows),
    customers: rows.length,
    purchases: read,
    skipped,
    totalValue,
    averageValue: rows.length === 0 ? undefined : totalValue / rows.length,
  });
}
