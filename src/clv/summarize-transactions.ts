import type { CustomerHistory } from './customer-history';
import type { Purchase } from '../models/interaction';
import type { Instant, TimeUnit } from '../models/time';
import type { Accessor, Values } from '../models/values';
import { forEachValue, isMissing } from '../internal/input';
import { createDistinctPairs, recordNewPair, recordPair, type DistinctPairs } from '../internal/pair-set';
import { requireCustomerId } from '../models/customer-id';
import { periodsToUnit, purchasePeriod, resolveTransactionWindow } from './transaction-window';
import { requireFiniteTotal, requireNonNegative } from '../internal/validate';
import { requireValues } from '../internal/input';
import { readOptions, requireAccessor } from '../internal/options';

/**
 * One customer's purchase history reduced to what the probabilistic CLV models fit
 * (BG/NBD reads `frequency`, `recency`, `T`; Gamma-Gamma reads `frequency`, `monetaryValue`).
 * Durations are in the summary's {@link TransactionSummary.unit}.
 */
export interface TransactionSummaryRow extends CustomerHistory {
  /** The customer, as returned by the `customerId` accessor. */
  readonly customerId: string | number;
  /**
   * Repeat purchase periods in the calibration window: the number of distinct periods with a
   * purchase, minus one (the first purchase's period is not counted). A whole number ≥ 0.
   */
  readonly frequency: number;
  /** Time from the first to the last purchase period (0 when `frequency` is 0), in `unit`. */
  readonly recency: number;
  /** Time from the first purchase period to the end of calibration (or of observation), in `unit`. */
  readonly T: number;
  /**
   * Mean value of the repeat periods: each period's purchases summed, the first period
   * excluded, divided by `frequency`. 0 when `frequency` is 0.
   */
  readonly monetaryValue: number;
}

/** A {@link TransactionSummaryRow} with the holdout window that follows the calibration end. */
export interface TransactionSummaryHoldoutRow extends TransactionSummaryRow {
  /** Distinct periods with a purchase in the holdout window (all count: the customer is already acquired). */
  readonly holdoutFrequency: number;
  /** Mean value of the holdout periods (each period's purchases summed); 0 when `holdoutFrequency` is 0. */
  readonly holdoutMonetaryValue: number;
  /** Length of the holdout window, from the calibration end to the observation end, in `unit` (the same for every row). */
  readonly holdoutDuration: number;
}

/** What {@link summarizeTransactions} returns: the rows plus the conventions they were built with. */
export interface TransactionSummary<Row extends TransactionSummaryRow = TransactionSummaryRow> {
  /** One row per customer with a purchase in the calibration window, in order of first appearance in the input. */
  readonly rows: readonly Row[];
  /** The unit of `recency`, `T` and `holdoutDuration`. */
  readonly unit: TimeUnit;
  /** The calendar period (UTC) within which purchases count once. */
  readonly period: TimeUnit;
  /** End of observation, epoch milliseconds, as given. */
  readonly observationEnd: number;
  /** End of calibration, epoch milliseconds, as given; absent without a holdout split. */
  readonly calibrationEnd?: number;
  /** Purchases read (records not skipped). */
  readonly purchases: number;
  /** Records skipped because they, or their customer id, instant or amount, were `null` or `undefined`. */
  readonly skipped: number;
  /** Customers whose first purchase falls in the holdout window: they have no calibration history and get no row. */
  readonly holdoutOnlyCustomers: number;
}

/** How {@link summarizeTransactions} reads a record. Each accessor may return `null`/`undefined` to skip the record. */
export interface SummarizeTransactionsAccessors<T> {
  /** The customer the purchase belongs to: a string or a finite number (compared as `Map` keys: `'1'` ≠ `1`). Default: `d.customerId`. */
  readonly customerId: Accessor<T, string | number | null | undefined>;
  /** When the purchase happened: a `Date` or epoch milliseconds. Default: `d.at`. */
  readonly at: Accessor<T, Instant | null | undefined>;
  /** The purchase's value (revenue or margin), a finite number ≥ 0. Default: `d.amount`. */
  readonly amount: Accessor<T, number | null | undefined>;
}

/** The time window and units of {@link summarizeTransactions}. */
export interface SummarizeTransactionsSettings {
  /**
   * End of observation (required): `T` is measured up to it, or the holdout ends at it.
   * The bound is inclusive at the period level: a purchase in the same period (by default, on
   * the same UTC day) counts; a purchase in a later period throws `ORDER_VIOLATION`.
   */
  readonly observationEnd: Instant;
  /**
   * End of calibration, splitting calibration from holdout. Inclusive at the period level, as
   * in `lifetimes`' `calibration_and_holdout_data` (`1997-09-30` keeps that day's purchases in
   * calibration, and `T` counts the days up to it: 272/7 weeks for a first purchase on 1997-01-01).
   * Default: no split.
   */
  readonly calibrationEnd?: Instant;
  /** Unit of `recency`, `T` and `holdoutDuration`. Default `'week'`, the unit of the BG/NBD literature. */
  readonly unit?: TimeUnit;
  /**
   * UTC calendar period within which purchases count once (ISO weeks for `'week'`). Default
   * `'day'`. Durations are differences of periods converted with {@link models!UNIT_MILLISECONDS}:
   * exact for day and week; month, quarter and year use the mean Gregorian lengths.
   */
  readonly period?: TimeUnit;
}

/**
 * A record with the three fields of a {@link Purchase} that a transaction summary reads; every
 * `Purchase` is one. A `null`/`undefined` field skips the record.
 */
export interface TransactionRecord {
  /** The customer: a string or a finite number (`'1'` ≠ `1`). */
  readonly customerId: string | number | null | undefined;
  /** When the purchase happened: a `Date` or epoch milliseconds. */
  readonly at: Instant | null | undefined;
  /** The purchase's value, a finite number ≥ 0. */
  readonly amount: number | null | undefined;
}

/**
 * Options of {@link summarizeTransactions}: the window and units, plus accessors. The
 * accessors default to the fields `customerId`, `at` and `amount` (those of the
 * {@link Purchase} model, see {@link TransactionRecord}) and are required for any other record
 * type.
 */
export type SummarizeTransactionsOptions<T> = SummarizeTransactionsSettings &
  ([T] extends [TransactionRecord] ? Partial<SummarizeTransactionsAccessors<T>> : SummarizeTransactionsAccessors<T>);

/**
 * The row type {@link summarizeTransactions} returns for options `O`: holdout rows when
 * `calibrationEnd` is given, plain rows otherwise.
 */
export type TransactionSummaryRowFor<O> = O extends {
  /** A calibration end splits the purchases: the rows then carry the holdout. */
  readonly calibrationEnd: Instant;
}
  ? TransactionSummaryHoldoutRow
  : TransactionSummaryRow;

const FN = 'summarizeTransactions';

// Per-customer state lives in one Float64Array, 16 numbers per customer slot (the `Map` holds
// id → slot), laid out so that a purchase touches one or two cache lines: the first, last and
// count of distinct calibration periods with the Neumaier sums (and compensations) of the first
// and the repeat periods, then the same for the holdout.
const FIRST = 0;
const LAST = 1;
const COUNT = 2;
const REPEAT_SUM = 3; // + 1: compensation
const FIRST_SUM = 5; // + 1: compensation
const HOLDOUT = 8; // + FIRST, LAST, COUNT
const HOLDOUT_SUM = 11; // + 1: compensation
const FIELDS = 16;

/** Neumaier-add `x` to the sum at `state[k]` (compensation at `state[k + 1]`). */
function addMoney(state: Float64Array, k: number, x: number): void {
  const sum = state[k] as number;
  const t = sum + x;
  state[k + 1] = (state[k + 1] as number) + (Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum);
  state[k] = t;
}

/**
 * Count period `p` for a customer whose first, last and count of distinct periods are at
 * `state[k + FIRST | LAST | COUNT]`. Only a period strictly between the first and the last
 * needs the set of pairs seen; input in time order never asks it.
 */
function countPeriod(seen: DistinctPairs, state: Float64Array, k: number, slot: number, p: number): void {
  const count = state[k + COUNT] as number;
  if (count === 0) {
    recordNewPair(seen, slot, p);
    state[k + FIRST] = p;
    state[k + LAST] = p;
    state[k + COUNT] = 1;
    return;
  }
  const first = state[k + FIRST] as number;
  const last = state[k + LAST] as number;
  if (p === first || p === last) return;
  if (p > last) {
    recordNewPair(seen, slot, p);
    state[k + LAST] = p;
  } else if (p < first) {
    recordNewPair(seen, slot, p);
    state[k + FIRST] = p;
  } else if (!recordPair(seen, slot, p)) {
    return;
  }
  state[k + COUNT] = count + 1;
}

function grown(array: Float64Array, length: number): Float64Array {
  const next = new Float64Array(length);
  next.set(array);
  return next;
}

/**
 * Summarise purchase records per customer into the rows the probabilistic CLV models fit:
 * frequency, recency, `T` and the mean repeat spend, optionally split into a calibration and a
 * holdout window.
 *
 * ```text
 * periods      = distinct UTC periods (days by default) with a purchase, up to the calibration end
 * frequency    = |periods| − 1                          (same-period purchases count once; first not counted)
 * recency      = (last period − first period)           in unit
 * T            = (calibration-end period − first period) in unit   (observation end without a split)
 * monetary     = Σ value of periods after the first / frequency      (0 when frequency = 0)
 * holdout      = distinct periods after the calibration end, up to the observation end;
 *                their mean summed value; duration = (observation-end − calibration-end period)
 * ```
 *
 * These are the conventions of Fader, Hardie & Lee (2005), "Counting your customers" the easy
 * way, Marketing Science 24(2), and of `lifetimes`' `summary_data_from_transaction_data`
 * (daily periods, weekly unit): applied to `CDNOW_sample.txt` with calibration end 1997-09-30
 * they rebuild the published CDNOW summary exactly (frequency, recency and `T` to 2 decimals,
 * largest `T` = 272/7 = 38.86 weeks) and the mean repeat spend z̄ of the Gamma-Gamma data to
 * the cent.
 *
 * One pass over any iterable, in any order (counts and durations do not depend on the order of
 * the purchases, money at most in its last bit). Memory grows with the customers and their
 * distinct purchase periods, never with the purchases: 16 numbers per customer in one typed
 * array, and the distinct (customer, period) pairs, appended to a log while purchases come in
 * time order and moved to a hash set the first time they do not. Sums are compensated (Neumaier).
 *
 * @param purchases - Purchase records, in any order.
 * @param options - `observationEnd` (required), `calibrationEnd`, `unit`, `period`, and accessors (see {@link SummarizeTransactionsOptions}).
 * @returns A frozen {@link TransactionSummary}: rows in order of first appearance (holdout
 *   rows when `calibrationEnd` is given), the units, and counts of read and skipped records.
 *   Empty input gives no rows.
 * @throws {@link models!CxMetricsError} `INVALID_DATE` for an instant that is not a valid `Date` or
 *   epoch ms (records, `observationEnd`, `calibrationEnd`); `INVALID_NUMBER` / `NEGATIVE_VALUE`
 *   for an amount that is not a finite number ≥ 0; `INVALID_RECORD` for a customer id that is
 *   neither a string nor a finite number; `ORDER_VIOLATION` for a purchase after the
 *   observation end or a calibration end after the observation end; `INVALID_OPTION` for an
 *   unknown `unit` or `period`, or a missing `observationEnd`; `OUT_OF_RANGE` for a customer's
 *   spend beyond a double.
 *   `INVALID_INPUT` when `purchases` is not an array, a typed array or an iterable; `INVALID_OPTION`
 *   for options that are not a plain object, an unknown option key (the near miss is suggested:
 *   `levle` → `level`) or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { summarizeTransactions } from 'cx-metrics/clv';
 * const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
 * const purchases = [
 *   { type: 'purchase', customerId: 'ann', at: day('2024-01-01'), amount: 30, currency: 'EUR' },
 *   { type: 'purchase', customerId: 'ann', at: day('2024-01-15'), amount: 20, currency: 'EUR' },
 *   { type: 'purchase', customerId: 'ann', at: day('2024-01-15'), amount: 10, currency: 'EUR' },
 *   { type: 'purchase', customerId: 'ann', at: day('2024-01-29'), amount: 40, currency: 'EUR' },
 *   { type: 'purchase', customerId: 'bob', at: day('2024-01-08'), amount: 25, currency: 'EUR' },
 * ] as const;
 * const summary = summarizeTransactions(purchases, { observationEnd: day('2024-02-26') });
 * summary.rows[0]; // => { customerId: 'ann', frequency: 2, recency: 4, T: 8, monetaryValue: 35 }
 * summary.rows[1]; // => { customerId: 'bob', frequency: 0, recency: 0, T: 7, monetaryValue: 0 }
 * summarizeTransactions(purchases, { observationEnd: day('2024-01-20') }); // => throws ORDER_VIOLATION
 * ```
 */
export function summarizeTransactions<T = Purchase, O extends SummarizeTransactionsOptions<T> = SummarizeTransactionsOptions<T>>(
  purchases: Values<T>,
  options: O,
): TransactionSummary<TransactionSummaryRowFor<O>> {
  const opts = readOptions(FN, options, ['observationEnd', 'calibrationEnd', 'unit', 'period', 'customerId', 'at', 'amount']) as Partial<
    SummarizeTransactionsSettings & SummarizeTransactionsAccessors<T>
  >;
  for (const key of ['customerId', 'at', 'amount'] as const) requireAccessor(FN, key, opts[key]);
  requireValues(FN, 'purchases', purchases);
  const window = resolveTransactionWindow(FN, opts);
  const { unit, period, observationEnd, calibrationEnd, calibrationPeriod } = window;
  const split = calibrationEnd !== undefined;

  const readId = opts.customerId ?? ((d: T) => (d as unknown as TransactionRecord).customerId);
  const readAt = opts.at ?? ((d: T) => (d as unknown as TransactionRecord).at);
  const readAmount = opts.amount ?? ((d: T) => (d as unknown as TransactionRecord).amount);

  const slots = new Map<string | number, number>();
  let state: Float64Array = new Float64Array(1024 * FIELDS);
  const seen = createDistinctPairs();
  let read = 0;
  let skipped = 0;

  let lastId: string | number | undefined;
  let lastSlot = -1;

  const step = (d: T, i: number): void => {
    // A missing record is skipped before any accessor sees it, as a record with a missing field.
    if (isMissing(d)) {
      skipped++;
      return;
    }
    const id = readId(d, i);
    const at = readAt(d, i);
    const amount = readAmount(d, i);
    if (isMissing(id) || isMissing(at) || isMissing(amount)) {
      skipped++;
      return;
    }
    requireCustomerId(FN, id, i);
    const value = requireNonNegative(FN, 'amount', amount, i);
    const p = purchasePeriod(FN, window, at, i);
    read++;
    // Records grouped by customer skip the map: one comparison with the previous id.
    let slot: number;
    if (id === lastId) {
      slot = lastSlot;
    } else {
      const known = slots.get(id);
      if (known === undefined) {
        slot = slots.size;
        slots.set(id, slot);
        if ((slot + 1) * FIELDS > state.length) state = grown(state, state.length * 2);
      } else {
        slot = known;
      }
      lastId = id;
      lastSlot = slot;
    }
    const k = slot * FIELDS;
    if (p > calibrationPeriod) {
      countPeriod(seen, state, k + HOLDOUT, slot, p);
      addMoney(state, k + HOLDOUT_SUM, value);
      return;
    }
    const wasKnown = state[k + COUNT] !== 0;
    const first = state[k + FIRST] as number;
    countPeriod(seen, state, k, slot, p);
    if (!wasKnown || p === first) {
      addMoney(state, k + FIRST_SUM, value);
    } else if (p < first) {
      // A new first period: what the old first period was worth becomes repeat value.
      addMoney(state, k + REPEAT_SUM, state[k + FIRST_SUM] as number);
      addMoney(state, k + REPEAT_SUM, state[k + FIRST_SUM + 1] as number);
      state[k + FIRST_SUM] = value;
      state[k + FIRST_SUM + 1] = 0;
    } else {
      addMoney(state, k + REPEAT_SUM, value);
    }
  };
  forEachValue(purchases, step);

  const toUnit = (periods: number): number => periodsToUnit(window, periods);
  const holdoutDuration = toUnit(window.endPeriod - calibrationPeriod);

  const rows: (TransactionSummaryRow | TransactionSummaryHoldoutRow)[] = [];
  let holdoutOnlyCustomers = 0;
  for (const [customerId, slot] of slots) {
    const k = slot * FIELDS;
    const count = state[k + COUNT] as number;
    if (count === 0) {
      holdoutOnlyCustomers++;
      continue;
    }
    const first = state[k + FIRST] as number;
    const frequency = count - 1;
    const recency = toUnit((state[k + LAST] as number) - first);
    const T = toUnit(calibrationPeriod - first);
    const repeatSpend = requireFiniteTotal(FN, 'repeat spend', (state[k + REPEAT_SUM] as number) + (state[k + REPEAT_SUM + 1] as number), customerId);
    const monetaryValue = frequency === 0 ? 0 : repeatSpend / frequency;
    if (split) {
      const holdoutFrequency = state[k + HOLDOUT + COUNT] as number;
      const holdoutSpend = requireFiniteTotal(FN, 'holdout spend', (state[k + HOLDOUT_SUM] as number) + (state[k + HOLDOUT_SUM + 1] as number), customerId);
      const holdoutMonetaryValue = holdoutFrequency === 0 ? 0 : holdoutSpend / holdoutFrequency;
      rows.push(Object.freeze({ customerId, frequency, recency, T, monetaryValue, holdoutFrequency, holdoutMonetaryValue, holdoutDuration }));
    } else {
      rows.push(Object.freeze({ customerId, frequency, recency, T, monetaryValue }));
    }
  }

  return Object.freeze({
    rows: Object.freeze(rows) as readonly TransactionSummaryRowFor<O>[],
    unit,
    period,
    observationEnd,
    ...(split ? { calibrationEnd } : {}),
    purchases: read,
    skipped,
    holdoutOnlyCustomers,
  });
}
