import type { ModelFit, ModelName } from '../models/model';
import type { Instant, TimeUnit } from '../models/time';
import type { Accessor, Values } from '../models/values';
import type { TransactionModel } from './model';
import { UNIT_MILLISECONDS } from '../models/time';
import { requireCustomerId } from '../models/customer-id';
import { periodStart, toEpochMs } from '../internal/calendar';
import { forEachValue, isMissing, requireValues } from '../internal/input';
import { readOptions, optionKeys, requireAccessor } from '../internal/options';
import { describeValue, fail, requireOneOf } from '../internal/validate';
import { purchasePeriod, resolveTransactionWindow } from './transaction-window';

/** A purchase record as {@link expectedCumulativePurchases} reads it by default; every `Purchase` is one. */
export interface ExpectedCumulativePurchasesRecord {
  /** The customer: a string or a finite number (`'1'` ≠ `1`). */
  readonly customerId: string | number | null | undefined;
  /** When the purchase happened: a `Date` or epoch milliseconds. */
  readonly at: Instant | null | undefined;
}

/** Accessors reading a purchase record of any type. A `null`/`undefined` value skips the record. */
export interface ExpectedCumulativePurchasesAccessors<T> {
  /** The customer the purchase belongs to: a string or a finite number. Default: `d.customerId`. */
  readonly customerId: Accessor<T, string | number | null | undefined>;
  /** When the purchase happened: a `Date` or epoch milliseconds. Default: `d.at`. */
  readonly at: Accessor<T, Instant | null | undefined>;
}

/** Settings of {@link expectedCumulativePurchases} that do not depend on the record type. */
export interface ExpectedCumulativePurchasesSettings {
  /** End of observation (required): the last tracking period is the one containing its UTC day; a later purchase throws. */
  readonly observationEnd: Instant;
  /** End of calibration, marked in the result (`calibrationPeriod`, and the totals split at its day). Default: none. */
  readonly calibrationEnd?: Instant;
  /** The time unit the model was fitted in (e.g. `'week'` for CDNOW). Default `'week'`. */
  readonly unit?: TimeUnit;
  /** Length of one tracking period: `'day'` or `'week'` (7 UTC days). Default `'week'`. */
  readonly trackingPeriod?: 'day' | 'week';
  /** First day of the first tracking period. Default: the UTC day of the cohort's earliest purchase (CDNOW: 1997-01-01). */
  readonly start?: Instant;
}

/**
 * Options of {@link expectedCumulativePurchases}: the settings, plus the accessors — optional
 * for {@link ExpectedCumulativePurchasesRecord}s, required for any other record type.
 */
export type ExpectedCumulativePurchasesOptions<T> = ExpectedCumulativePurchasesSettings &
  ([T] extends [ExpectedCumulativePurchasesRecord] ? Partial<ExpectedCumulativePurchasesAccessors<T>> : ExpectedCumulativePurchasesAccessors<T>);

/** Totals of repeat purchases split at the calibration end (its UTC day included in calibration). */
export interface ExpectedCumulativePurchasesTotals {
  /** Expected repeat purchases up to the calibration end: Σᵢ E[X(Tᵢ)]. */
  readonly calibrationExpected: number;
  /** Actual repeat purchases up to the calibration end. */
  readonly calibrationActual: number;
  /** Expected repeat purchases after the calibration end, up to the observation end. */
  readonly holdoutExpected: number;
  /** Actual repeat purchases after the calibration end. */
  readonly holdoutActual: number;
}

/** The tracking curve: columns aligned by tracking period. Frozen; the arrays are fresh and owned by the caller. */
export interface ExpectedCumulativePurchasesResult {
  /** Epoch milliseconds (UTC midnight) at which each tracking period starts. */
  readonly periodStart: Float64Array;
  /** Expected repeat purchases of the cohort in each period. */
  readonly expected: Float64Array;
  /** Expected repeat purchases from the start to the end of each period (the last one to the observation end). */
  readonly expectedCumulative: Float64Array;
  /** Actual repeat purchases in each period (purchase days after each customer's first, a day counted once). */
  readonly actual: Float64Array;
  /** Actual repeat purchases from the start to the end of each period. */
  readonly actualCumulative: Float64Array;
  /** Index (0-based) of the period containing the calibration end; `undefined` without `calibrationEnd`. */
  readonly calibrationPeriod: number | undefined;
  /** Totals split at the calibration end's day; `undefined` without `calibrationEnd`. */
  readonly totals: ExpectedCumulativePurchasesTotals | undefined;
  /** Customers in the cohort (distinct ids). */
  readonly customers: number;
  /** Purchase records read. */
  readonly purchases: number;
  /** Records skipped because they, or their customer id or instant, were `null`/`undefined`. */
  readonly skipped: number;
}

const FN = 'expectedCumulativePurchases';
const DAY = 86_400_000;

/**
 * The tracking curve of a cohort: expected against actual repeat purchases per day or week,
 * incremental and cumulative, from the purchase log and each customer's first purchase day —
 * the aggregate forecast check of the customer-base papers, over the calibration period and
 * beyond it.
 *
 * ```text
 * sᵢ             = the UTC day of customer i's first purchase (time 0 of the customer)
 * τₖ             = the last day of period k (the observation end's day for the last period)
 * expected(≤ k)  = Σᵢ E[X(τₖ − sᵢ)]     over customers with sᵢ ≤ τₖ, E[X(t)] = the model's expectedPurchases
 *                = Σ_s n_s · E[X(τₖ − s)]   (customers grouped by first purchase day)
 * actual(k)      = Σᵢ |{ purchase days of i in period k }| − [sᵢ in period k]   (repeat purchases)
 * ```
 *
 * Time since the first purchase is counted in whole days (a purchase on the calibration end's
 * day is at time T, as in `summarizeTransactions`) and converted to the model's `unit` with
 * {@link models!UNIT_MILLISECONDS}. Purchases on the same UTC day count once, as in the
 * summaries the models are fitted on. Customers are grouped by first purchase day and E[X(t)]
 * is evaluated once per whole number of days elapsed, so the cost is at most one model
 * evaluation per day of the observation window, whatever the cohort's size.
 *
 * Source: Fader, Hardie & Lee (2005), "Counting your customers" the easy way, *Marketing
 * Science* 24(2), Fig. 1 and 2 (BG/NBD on CDNOW: weekly cumulative and incremental repeat
 * purchases over 78 weeks, calibration ending in week 39).
 *
 * @param model - Any transaction model descriptor: {@link bgNbd} or {@link paretoNbd}.
 * @param params - That model's parameters, fitted in `unit` (its fit will do).
 * @param cohort - Purchase records of the cohort, in any order: `customerId` and `at` (or accessors).
 * @param options - `observationEnd` (required), `calibrationEnd`, `unit`, `trackingPeriod`, `start`, accessors.
 * @returns The curve as columns per period, the calibration mark and the totals.
 * @throws {@link models!CxMetricsError} `INVALID_DATE` for an instant that is not a valid
 *   `Date` or epoch ms; `INVALID_RECORD` for a customer id that is neither a string nor a finite
 *   number; `ORDER_VIOLATION` for a purchase after the observation end or before `start`, or a
 *   calibration end after the observation end; `INCONSISTENT_INPUT` for a fit of another model;
 *   `OUT_OF_RANGE` for a parameter ≤ 0 or a curve of more than 100,000 periods;
 *   `INVALID_INPUT` for a `model` that is not a transaction model or `cohort` that is not a
 *   collection; `INVALID_OPTION` for a missing `observationEnd`, an unknown `unit` or
 *   `trackingPeriod`, options that are not a plain object, an unknown option key or an
 *   accessor that is not a function.
 *
 * @example
 * ```ts
 * import { bgNbd, expectedCumulativePurchases } from 'cx-metrics/clv';
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // BG/NBD on CDNOW, weeks
 * const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
 * const purchases = [
 *   { customerId: 'ann', at: day('2024-01-01') },
 *   { customerId: 'ann', at: day('2024-01-10') },
 *   { customerId: 'bob', at: day('2024-01-03') },
 *   { customerId: 'ann', at: day('2024-01-20') },
 * ];
 * const curve = expectedCumulativePurchases(bgNbd, params, purchases, { observationEnd: day('2024-01-28'), calibrationEnd: day('2024-01-14') });
 * Array.from(curve.actual); // => [0, 1, 1, 0]
 * Array.from(curve.actualCumulative); // => [0, 1, 2, 2]
 * Array.from(curve.expectedCumulative); // => [0.077, 0.179, 0.275, 0.367]
 * curve.calibrationPeriod; // => 1
 * curve.totals; // => { calibrationExpected: 0.179, calibrationActual: 1, holdoutExpected: 0.188, holdoutActual: 1 }
 * ```
 */
export function expectedCumulativePurchases<M extends ModelName, P, C, F extends ModelFit<M, P>, T = ExpectedCumulativePurchasesRecord>(
  model: TransactionModel<M, P, C, F>,
  params: NoInfer<P>,
  cohort: Values<T>,
  options: ExpectedCumulativePurchasesOptions<T>,
): ExpectedCumulativePurchasesResult {
  if (model === null || typeof model !== 'object' || typeof model.expectedPurchases !== 'function') {
    throw fail('INVALID_INPUT', FN, `model ${describeValue(model)} is not a transaction model (pass bgNbd or paretoNbd)`, { field: 'model', value: model });
  }
  const fitted = params !== null && typeof params === 'object' ? (params as { readonly model?: unknown }).model : undefined;
  if (fitted !== undefined && fitted !== model.model) {
    throw fail('INCONSISTENT_INPUT', FN, `params are a ${describeValue(fitted)} fit but the model is ${describeValue(model.model)}`, { field: 'params', value: fitted });
  }
  // Checks the parameters once, with this function's name in the message.
  model.expectedPurchases(params, 0);
  const opts = readOptions(
    FN,
    options,
    optionKeys<ExpectedCumulativePurchasesSettings & ExpectedCumulativePurchasesAccessors<T>>({
      observationEnd: true,
      calibrationEnd: true,
      unit: true,
      trackingPeriod: true,
      start: true,
      customerId: true,
      at: true,
    }),
  ) as Partial<ExpectedCumulativePurchasesSettings & ExpectedCumulativePurchasesAccessors<T>>;
  for (const key of ['customerId', 'at'] as const) requireAccessor(FN, key, opts[key]);
  requireValues(FN, 'cohort', cohort);
  const window = resolveTransactionWindow(FN, {
    observationEnd: opts.observationEnd as Instant,
    ...(opts.calibrationEnd === undefined ? {} : { calibrationEnd: opts.calibrationEnd }),
    ...(opts.unit === undefined ? {} : { unit: opts.unit }),
    period: 'day',
  });
  const length = requireOneOf(FN, 'trackingPeriod', opts.trackingPeriod ?? 'week', ['day', 'week'] as const) === 'week' ? 7 : 1;
  const dayInUnit = DAY / UNIT_MILLISECONDS[window.unit];
  const readId = opts.customerId ?? ((d: T) => (d as unknown as ExpectedCumulativePurchasesRecord).customerId);
  const readAt = opts.at ?? ((d: T) => (d as unknown as ExpectedCumulativePurchasesRecord).at);

  // One pass: each record's customer slot and UTC day.
  const slots = new Map<string | number, number>();
  let slotOf: Float64Array = new Float64Array(1024);
  let dayOf: Float64Array = new Float64Array(1024);
  let read = 0;
  let skipped = 0;
  forEachValue(cohort, (d, i) => {
    if (isMissing(d)) {
      skipped++;
      return;
    }
    const id = readId(d, i);
    const at = readAt(d, i);
    if (isMissing(id) || isMissing(at)) {
      skipped++;
      return;
    }
    requireCustomerId(FN, id, i);
    const p = purchasePeriod(FN, window, at, i);
    let slot = slots.get(id);
    if (slot === undefined) {
      slot = slots.size;
      slots.set(id, slot);
    }
    if (read === slotOf.length) {
      const grow = (a: Float64Array): Float64Array => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      slotOf = grow(slotOf);
      dayOf = grow(dayOf);
    }
    slotOf[read] = slot;
    dayOf[read] = p;
    read++;
  });
  const customers = slots.size;
  const endDay = window.endPeriod;
  let firstDayOverall = endDay;
  for (let j = 0; j < read; j++) if ((dayOf[j] as number) < firstDayOverall) firstDayOverall = dayOf[j] as number;
  const startDay = opts.start === undefined ? firstDayOverall : Math.floor(toEpochMs(FN, 'start', opts.start) / DAY);
  if (read > 0 && firstDayOverall < startDay) {
    throw fail('ORDER_VIOLATION', FN, `a purchase on ${describeValue(new Date(firstDayOverall * DAY))} is before start ${describeValue(new Date(startDay * DAY))}`, {
      field: 'start',
      value: opts.start,
    });
  }
  if (startDay > endDay) {
    throw fail('ORDER_VIOLATION', FN, `start ${describeValue(new Date(startDay * DAY))} is after observationEnd ${describeValue(new Date(window.observationEnd))}`, {
      field: 'start',
      value: opts.start,
    });
  }
  const periods = Math.floor((endDay - startDay) / length) + 1;
  if (periods > 100_000) {
    throw fail('OUT_OF_RANGE', FN, `the curve would have ${periods} periods, more than 100,000 (use a longer trackingPeriod)`, { field: 'trackingPeriod', value: opts.trackingPeriod });
  }
  const calibrationDay = window.calibrationEnd === undefined ? undefined : window.calibrationPeriod;

  // Each customer's first day, then the distinct (customer, day) pairs in order.
  const first = new Float64Array(customers).fill(Number.POSITIVE_INFINITY);
  for (let j = 0; j < read; j++) {
    const s = slotOf[j] as number;
    if ((dayOf[j] as number) < (first[s] as number)) first[s] = dayOf[j] as number;
  }
  const span = endDay - startDay + 1;
  const keys = new Float64Array(read);
  for (let j = 0; j < read; j++) keys[j] = (slotOf[j] as number) * span + ((dayOf[j] as number) - startDay);
  keys.sort();
  const actual = new Float64Array(periods);
  let calibrationActual = 0;
  let holdoutActual = 0;
  for (let j = 0; j < read; j++) {
    const key = keys[j] as number;
    if (j > 0 && key === keys[j - 1]) continue;
    const slot = Math.floor(key / span);
    const dayIndex = key - slot * span + startDay;
    if (dayIndex === first[slot]) continue;
    const k = Math.floor((dayIndex - startDay) / length);
    actual[k] = (actual[k] as number) + 1;
    if (calibrationDay !== undefined) {
      if (dayIndex <= calibrationDay) calibrationActual++;
      else holdoutActual++;
    }
  }

  // Customers grouped by first purchase day.
  const byDay = new Map<number, number>();
  for (let s = 0; s < customers; s++) byDay.set(first[s] as number, (byDay.get(first[s] as number) ?? 0) + 1);
  const firstDays = Array.from(byDay.keys()).sort((a, b) => a - b);
  // E[X(d days)] once per elapsed d: the periods' ends minus the first days repeat the same d.
  const firstOverall = firstDays[0] ?? startDay;
  const byElapsed = new Float64Array(Math.max(0, endDay - firstOverall) + 1).fill(Number.NaN);
  const expectedAfter = (elapsed: number): number => {
    let v = byElapsed[elapsed] as number;
    if (Number.isNaN(v)) {
      v = model.expectedPurchases(params, elapsed * dayInUnit);
      byElapsed[elapsed] = v;
    }
    return v;
  };
  const expectedAt = (day: number): number => {
    let sum = 0;
    for (const s of firstDays) {
      if (s > day) break;
      sum += (byDay.get(s) as number) * expectedAfter(day - s);
    }
    return sum;
  };
  const expectedCumulative = new Float64Array(periods);
  const expected = new Float64Array(periods);
  const actualCumulative = new Float64Array(periods);
  const starts = new Float64Array(periods);
  let previous = 0;
  let running = 0;
  for (let k = 0; k < periods; k++) {
    starts[k] = periodStart(startDay + k * length, 'day');
    const cumulative = Math.max(previous, expectedAt(Math.min(endDay, startDay + (k + 1) * length - 1)));
    expectedCumulative[k] = cumulative;
    expected[k] = cumulative - previous;
    previous = cumulative;
    running += actual[k] as number;
    actualCumulative[k] = running;
  }
  let totals: ExpectedCumulativePurchasesTotals | undefined;
  if (calibrationDay !== undefined) {
    const calibrationExpected = expectedAt(calibrationDay);
    totals = Object.freeze({
      calibrationExpected,
      calibrationActual,
      holdoutExpected: Math.max(0, expectedAt(endDay) - calibrationExpected),
      holdoutActual,
    });
  }
  return Object.freeze({
    periodStart: starts,
    expected,
    expectedCumulative,
    actual,
    actualCumulative,
    calibrationPeriod: calibrationDay === undefined ? undefined : calibrationDay < startDay ? undefined : Math.floor((calibrationDay - startDay) / length),
    totals,
    customers,
    purchases: read,
    skipped,
  });
}
