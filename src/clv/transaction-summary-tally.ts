import type { TimeUnit } from '../models/time';
import type { Reducer } from '../models/reducer';
import { requireCustomerId } from '../models/customer-id';
import { isMissing } from '../internal/input';
import { preciseSum } from '../internal/sum';
import { periodsToUnit, purchasePeriod, resolveTransactionWindow } from './transaction-window';
import { describeValue, fail, requireFiniteTotal, requireNonNegative } from '../internal/validate';
import { MAX_EPOCH_MS, periodIndex } from '../internal/calendar';
import { badState, stateChecker, StateReader } from '../internal/reducer-state';
import { TIME_UNITS } from '../models/time';
import { readOptions } from '../internal/options';
import type {
  SummarizeTransactionsSettings,
  TransactionRecord,
  TransactionSummary,
  TransactionSummaryHoldoutRow,
  TransactionSummaryRow,
} from './summarize-transactions';

/** One customer in a {@link TransactionSummaryTallyState}. */
export interface TransactionSummaryTallyCustomer {
  /** The customer's id, as read. */
  readonly customerId: string | number;
  /** Sorted distinct periods with a purchase, calibration and holdout alike. */
  readonly periods: number[];
  /**
   * Summed value of each period of `periods`; `null` where that sum is beyond a double (JSON has
   * no `Infinity`): `result` then throws `OUT_OF_RANGE` if the period counts (repeat or holdout),
   * as {@link summarizeTransactions} does, and ignores it as the first period.
   */
  readonly values: (number | null)[];
}

/**
 * The state of {@link transactionSummaryTally}: a plain, JSON-serialisable object (store it
 * between nightly runs, send it between workers).
 */
export interface TransactionSummaryTallyState {
  /** End of observation, epoch ms. */
  readonly observationEnd: number;
  /** End of calibration, epoch ms; absent without a holdout split. */
  readonly calibrationEnd?: number;
  /** Unit of the durations. */
  readonly unit: TimeUnit;
  /** Period within which purchases count once. */
  readonly period: TimeUnit;
  /** Index of the observation end's period. */
  readonly endPeriod: number;
  /** Index of the calibration end's period (the observation end's without a split). */
  readonly calibrationPeriod: number;
  /** Purchases added (not skipped). */
  purchases: number;
  /** Records skipped for a `null`/`undefined` id, instant or amount. */
  skipped: number;
  /** Customers keyed `s:<id>` (string ids) or `n:<id>` (number ids), in order of first appearance. */
  customers: Record<string, TransactionSummaryTallyCustomer>;
}

const FN = 'transactionSummaryTally';

/** An instant of a state: finite epoch ms in the `Date` range. */
function instant(r: StateReader, key: string): number {
  const ms = r.finite(key);
  if (Math.abs(ms) > MAX_EPOCH_MS) badState(r.where, key, ms, 'is outside the valid instant range ±8.64e15 ms');
  return ms;
}

/**
 * Reject a malformed state (restored from storage, built by hand) with `INVALID_RECORD` naming
 * `where` and the field: the window of `create` (instants, units, and the period indexes they
 * give), whole counts ≥ 0, and per customer an id of the key's type, strictly increasing whole
 * periods up to the observation end's, and one finite amount ≥ 0 (or `null`, beyond a double) per period.
 */
function checkState(where: string, state: unknown): TransactionSummaryTallyState {
  const r = new StateReader(where, state, 'a transactionSummaryTally');
  const end = instant(r, 'observationEnd');
  const split = r.state['calibrationEnd'] !== undefined;
  const calibration = split ? instant(r, 'calibrationEnd') : end;
  r.oneOf('unit', TIME_UNITS);
  const period = r.oneOf('period', TIME_UNITS);
  const endPeriod = r.integer('endPeriod');
  if (endPeriod !== periodIndex(end, period)) badState(where, 'endPeriod', endPeriod, `is not the ${period} of observationEnd`);
  const calibrationPeriod = r.integer('calibrationPeriod');
  if (calibrationPeriod !== periodIndex(calibration, period) || calibrationPeriod > endPeriod) {
    badState(where, 'calibrationPeriod', calibrationPeriod, `is not the ${period} of ${split ? 'calibrationEnd' : 'observationEnd'}, at or before endPeriod`);
  }
  r.count('purchases');
  r.count('skipped');
  const customers = r.record('customers');
  for (const key of Object.keys(customers)) {
    const path = `customers[${JSON.stringify(key)}]`;
    const c = r.record('customers', customers[key], path);
    const id = c['customerId'];
    const idOk = typeof id === 'string' ? key === `s:${id}` : typeof id === 'number' && Number.isFinite(id) && key === `n:${id}`;
    if (!idOk) badState(where, `${path}.customerId`, id, `does not match its key ${JSON.stringify(key)}`);
    const periods = c['periods'];
    if (!Array.isArray(periods) || periods.length === 0) badState(where, `${path}.periods`, periods, 'is not a non-empty array of periods');
    const values = c['values'];
    if (!Array.isArray(values)) badState(where, `${path}.values`, values, 'is not an array');
    if (values.length !== periods.length) badState(where, `${path}.values`, values, `has ${values.length} elements, expected ${periods.length}`);
    values.forEach((v: unknown, k) => {
      if (v !== null) r.nonNegative('customers', v, `${path}.values[${k}]`);
    });
    let previous = -Infinity;
    periods.forEach((p: unknown, k) => {
      const q = r.integer('customers', p, `${path}.periods[${k}]`);
      if (q <= previous || q > endPeriod) badState(where, `${path}.periods[${k}]`, q, 'is not after the period before it and at or before endPeriod');
      previous = q;
    });
  }
  return state as TransactionSummaryTallyState;
}

const states = stateChecker<TransactionSummaryTallyState>(checkState);

function create(options?: SummarizeTransactionsSettings): TransactionSummaryTallyState {
  const window = resolveTransactionWindow(FN, readOptions(FN, options, ['observationEnd', 'calibrationEnd', 'unit', 'period']));
  return states.trust({
    observationEnd: window.observationEnd,
    ...(window.calibrationEnd === undefined ? {} : { calibrationEnd: window.calibrationEnd }),
    unit: window.unit,
    period: window.period,
    endPeriod: window.endPeriod,
    calibrationPeriod: window.calibrationPeriod,
    purchases: 0,
    skipped: 0,
    customers: {},
  });
}

/** `a + b`, or `null` (beyond a double) when either is or the sum overflows. */
function addAmounts(a: number | null, b: number | null): number | null {
  if (a === null || b === null) return null;
  const sum = a + b;
  return Number.isFinite(sum) ? sum : null;
}

/** Add `value` to the period `p` of a sorted period list, inserting it when new. */
function addToPeriod(customer: TransactionSummaryTallyCustomer, p: number, value: number | null): void {
  const { periods, values } = customer;
  const n = periods.length;
  if (n === 0 || p > (periods[n - 1] as number)) {
    periods.push(p);
    values.push(value);
    return;
  }
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((periods[mid] as number) < p) lo = mid + 1;
    else hi = mid;
  }
  if (periods[lo] === p) values[lo] = addAmounts(values[lo] as number | null, value);
  else {
    periods.splice(lo, 0, p);
    values.splice(lo, 0, value);
  }
}

function add(state: TransactionSummaryTallyState, value: TransactionRecord, index?: number): TransactionSummaryTallyState {
  states.once(`${FN}.add`, state);
  if (isMissing(value) || isMissing(value.customerId) || isMissing(value.at) || isMissing(value.amount)) {
    state.skipped++;
    return state;
  }
  // Checked in the order summarizeTransactions checks them, so a record with several bad
  // fields fails the same way in both.
  const customerId = requireCustomerId(FN, value.customerId, index);
  const amount = requireNonNegative(FN, 'amount', value.amount, index);
  const p = purchasePeriod(FN, state, value.at, index);
  const key = `${typeof customerId === 'string' ? 's' : 'n'}:${customerId}`;
  let customer = state.customers[key];
  if (customer === undefined) {
    // −0 is customer 0, as a Map key (summarizeTransactions) and in JSON.
    customer = { customerId: customerId === 0 ? 0 : customerId, periods: [], values: [] };
    state.customers[key] = customer;
  }
  addToPeriod(customer, p, amount);
  state.purchases++;
  return state;
}

function merge(a: TransactionSummaryTallyState, b: TransactionSummaryTallyState): TransactionSummaryTallyState {
  checkState(`${FN}.merge`, a);
  checkState(`${FN}.merge`, b);
  for (const field of ['observationEnd', 'calibrationEnd', 'unit', 'period'] as const) {
    if (a[field] !== b[field]) {
      throw fail('INCONSISTENT_INPUT', FN, `cannot merge states with different ${field} (${describeValue(a[field])} and ${describeValue(b[field])})`, {
        field,
        value: b[field],
      });
    }
  }
  const customers: Record<string, TransactionSummaryTallyCustomer> = {};
  for (const [key, c] of Object.entries(a.customers)) {
    customers[key] = { customerId: c.customerId, periods: [...c.periods], values: [...c.values] };
  }
  for (const [key, c] of Object.entries(b.customers)) {
    const target = customers[key];
    if (target === undefined) customers[key] = { customerId: c.customerId, periods: [...c.periods], values: [...c.values] };
    else c.periods.forEach((p, i) => addToPeriod(target, p, c.values[i] as number | null));
  }
  return states.trust({ ...a, purchases: a.purchases + b.purchases, skipped: a.skipped + b.skipped, customers });
}

/** The compensated sum of period values; `Infinity` when one of them is already beyond a double. */
function spend(values: readonly (number | null)[]): number {
  return values.includes(null) ? Number.POSITIVE_INFINITY : preciseSum(values as readonly number[]);
}

function result(state: TransactionSummaryTallyState): TransactionSummary<TransactionSummaryRow | TransactionSummaryHoldoutRow> {
  checkState(`${FN}.result`, state);
  const split = state.calibrationEnd !== undefined;
  const holdoutDuration = periodsToUnit(state, state.endPeriod - state.calibrationPeriod);
  const rows: (TransactionSummaryRow | TransactionSummaryHoldoutRow)[] = [];
  let holdoutOnlyCustomers = 0;
  for (const { customerId, periods, values } of Object.values(state.customers)) {
    let calibration = 0; // periods[0 … calibration − 1] are in calibration
    while (calibration < periods.length && (periods[calibration] as number) <= state.calibrationPeriod) calibration++;
    if (calibration === 0) {
      holdoutOnlyCustomers++;
      continue;
    }
    const first = periods[0] as number;
    const frequency = calibration - 1;
    const row = {
      customerId,
      frequency,
      recency: periodsToUnit(state, (periods[calibration - 1] as number) - first),
      T: periodsToUnit(state, state.calibrationPeriod - first),
      monetaryValue: frequency === 0 ? 0 : requireFiniteTotal(FN, 'repeat spend', spend(values.slice(1, calibration)), customerId) / frequency,
    };
    if (split) {
      const holdoutFrequency = periods.length - calibration;
      const holdoutMonetaryValue =
        holdoutFrequency === 0 ? 0 : requireFiniteTotal(FN, 'holdout spend', spend(values.slice(calibration)), customerId) / holdoutFrequency;
      rows.push(Object.freeze({ ...row, holdoutFrequency, holdoutMonetaryValue, holdoutDuration }));
    } else rows.push(Object.freeze(row));
  }
  return Object.freeze({
    rows: Object.freeze(rows),
    unit: state.unit,
    period: state.period,
    observationEnd: state.observationEnd,
    ...(split ? { calibrationEnd: state.calibrationEnd } : {}),
    purchases: state.purchases,
    skipped: state.skipped,
    holdoutOnlyCustomers,
  });
}

/**
 * {@link summarizeTransactions} as a streaming reducer: fold purchases in as they arrive (a
 * day at a time, a queue, a cursor), keep the state as JSON between runs, and merge states
 * computed on different workers or date ranges. `result` gives the same rows as the batch
 * function on the union of the purchases (money to the last bits of its sums).
 *
 * ```text
 * state per customer: its sorted distinct periods and the summed value of each
 * result: frequency, recency, T, monetary value and holdout as in summarizeTransactions
 * ```
 *
 * The batch function is faster (typed-array state, no per-period list); use the reducer when
 * the data does not come at once. Conventions and sources: see {@link summarizeTransactions}.
 * Merging re-reads both states' period lists (it is associative and commutative in every
 * figure; rows come in order of first appearance in `a`, then `b`).
 *
 * @throws {@link models!CxMetricsError} `create`: as {@link summarizeTransactions} for its options
 *   (`INVALID_OPTION` for options that are not a plain object or an unknown key);
 *   `add`: `INVALID_DATE`, `INVALID_NUMBER`, `NEGATIVE_VALUE`, `INVALID_RECORD`,
 *   `ORDER_VIOLATION` as the batch function, naming the index when one is passed; `merge`:
 *   `INCONSISTENT_INPUT` for states with different windows or units; `result`: `OUT_OF_RANGE` for
 *   a customer's spend beyond a double; `add`, `merge`, `result`: `INVALID_RECORD` for a malformed
 *   state (restored from storage, built by hand), naming the method and the field.
 *
 * @example
 * ```ts
 * import { transactionSummaryTally as tally } from 'cx-metrics/clv';
 * const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
 * const options = { observationEnd: day('2024-02-26'), unit: 'day' } as const;
 * const january = [
 *   { customerId: 'ann', at: day('2024-01-01'), amount: 30 },
 *   { customerId: 'ann', at: day('2024-01-15'), amount: 20 },
 * ].reduce(tally.add, tally.create(options));
 * const february = [
 *   { customerId: 'ann', at: day('2024-02-05'), amount: 40 },
 *   { customerId: 'bob', at: day('2024-02-12'), amount: 25 },
 * ].reduce(tally.add, tally.create(options));
 * const summary = tally.result(tally.merge(january, february));
 * summary.rows[0]; // => { customerId: 'ann', frequency: 2, recency: 35, T: 56, monetaryValue: 30 }
 * summary.rows[1]; // => { customerId: 'bob', frequency: 0, recency: 0, T: 14, monetaryValue: 0 }
 * tally.merge(january, tally.create({ ...options, unit: 'week' })); // => throws INCONSISTENT_INPUT
 * tally.result({ ...january, purchases: -1 }); // => throws INVALID_RECORD
 * ```
 */
export const transactionSummaryTally: Reducer<
  TransactionSummaryTallyState,
  TransactionRecord,
  TransactionSummary<TransactionSummaryRow | TransactionSummaryHoldoutRow>,
  SummarizeTransactionsSettings
> = Object.freeze({ create, add, merge, result });
