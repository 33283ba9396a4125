import type { Reducer } from '../models/reducer';
import { isMissing } from '../internal/input';
import { refuseOptions } from '../internal/options';
import { badState, stateChecker, StateReader } from '../internal/reducer-state';
import { atIndex, describeValue, fail, requireCount, requireNonNegative } from '../internal/validate';

/**
 * One cell of an RFM histogram: the customers sharing a (frequency, recency, T[, monetaryValue])
 * summary, as `rfmHistogramSql` (cx-metrics/sql) returns it. Durations in one unit throughout.
 */
export interface RfmHistogramRow {
  /** Repeat purchase periods x, a whole number ≥ 0. */
  readonly frequency: number;
  /** tₓ, first to last purchase period (0 when x = 0), ≤ T. */
  readonly recency: number;
  /** T, first purchase period to the end of calibration. */
  readonly T: number;
  /** z̄, the mean repeat spend; absent in timing-only histograms (`groupBy: 'timing'`). */
  readonly monetaryValue?: number;
  /** How many customers the cell stands for, a whole number ≥ 0: the fitters' `weight`. */
  readonly customers: number;
}

/** The state of {@link rfmHistogramTally}: a plain, JSON-serialisable object. */
export interface RfmHistogramTallyState {
  /** Whether the cells carry `monetaryValue`: `null` until the first row says. */
  spend: boolean | null;
  /** The cells, keyed by their summary (`x|tₓ|T|z̄`). */
  cells: Record<string, RfmHistogramRow>;
  /** Customers added (the sum of `customers`). */
  customers: number;
  /** Rows skipped because they, or one of their fields, were `null`/`undefined`. */
  skipped: number;
}

/** What {@link rfmHistogramTally} returns. Frozen. */
export interface RfmHistogramTallyResult {
  /** The merged cells, sorted by frequency, recency, T, then monetaryValue: ready for the fitters with `weight: (r) => r.customers`. */
  readonly rows: readonly RfmHistogramRow[];
  /** Customers in all cells. */
  readonly customers: number;
  /** Rows skipped because they, or one of their fields, were `null`/`undefined`. */
  readonly skipped: number;
}

const FN = 'rfmHistogramTally';

function keyOf(x: number, tx: number, T: number, z: number | undefined): string {
  return z === undefined ? `${x}|${tx}|${T}` : `${x}|${tx}|${T}|${z}`;
}

/** A cell's fields checked as the fitters check a customer, reporting as `fn` at `index`. */
function checkCell(fn: string, row: Record<string, unknown>, spend: boolean, index: number | undefined): RfmHistogramRow {
  const x = requireCount(fn, 'frequency', row['frequency'], index);
  const tx = requireNonNegative(fn, 'recency', row['recency'], index);
  const T = requireNonNegative(fn, 'T', row['T'], index);
  const z = spend ? requireNonNegative(fn, 'monetaryValue', row['monetaryValue'], index) : undefined;
  const customers = requireCount(fn, 'customers', row['customers'], index);
  if (tx > T) {
    throw fail('ORDER_VIOLATION', fn, `recency ${describeValue(tx)}${atIndex(index)} is greater than T ${describeValue(T)}`, {
      field: 'recency',
      value: tx,
      ...(index === undefined ? {} : { index }),
    });
  }
  if (x === 0 && tx !== 0) {
    throw fail('INCONSISTENT_INPUT', fn, `recency ${describeValue(tx)}${atIndex(index)} must be 0 when frequency is 0`, {
      field: 'recency',
      value: tx,
      ...(index === undefined ? {} : { index }),
    });
  }
  // −0 is 0 in a key and in JSON: store 0.
  const cell = { frequency: x, recency: tx + 0, T: T + 0, customers };
  return z === undefined ? cell : { ...cell, monetaryValue: z + 0 };
}

function checkState(where: string, state: unknown): RfmHistogramTallyState {
  const r = new StateReader(where, state, 'an rfmHistogramTally');
  const spend = r.state['spend'];
  if (spend !== null && typeof spend !== 'boolean') badState(where, 'spend', spend, 'is not true, false or null');
  const total = r.count('customers');
  r.count('skipped');
  const cells = r.record('cells');
  let sum = 0;
  for (const key of Object.keys(cells)) {
    const path = `cells[${JSON.stringify(key)}]`;
    const raw = r.record('cells', cells[key], path);
    if (spend === null) badState(where, 'spend', spend, 'is null while there are cells');
    let cell: RfmHistogramRow;
    try {
      cell = checkCell(where, raw, spend === true, undefined);
    } catch {
      return badState(where, path, raw, 'is not a valid histogram cell');
    }
    if (keyOf(cell.frequency, cell.recency, cell.T, cell.monetaryValue) !== key || (spend === false && raw['monetaryValue'] !== undefined)) {
      badState(where, path, raw, `does not match its key ${JSON.stringify(key)}`);
    }
    sum += cell.customers;
  }
  if (sum !== total) badState(where, 'customers', total, `is not the sum of the cells' customers (${sum})`);
  return state as RfmHistogramTallyState;
}

const states = stateChecker<RfmHistogramTallyState>(checkState);

function create(options?: undefined): RfmHistogramTallyState {
  refuseOptions(FN, options);
  return states.trust({ spend: null, cells: {}, customers: 0, skipped: 0 });
}

function total(a: number, b: number): number {
  const t = a + b;
  if (!Number.isSafeInteger(t)) {
    throw fail('OUT_OF_RANGE', FN, `customers ${describeValue(t)} exceed 2^53 − 1, beyond which counts are not exact`, { field: 'customers', value: t });
  }
  return t;
}

/** Add `cell` (checked) to `state`'s cells. */
function put(state: RfmHistogramTallyState, cell: RfmHistogramRow): void {
  const key = keyOf(cell.frequency, cell.recency, cell.T, cell.monetaryValue);
  const existing = state.cells[key];
  const customers = total(existing?.customers ?? 0, cell.customers);
  state.cells[key] = { ...cell, customers };
  state.customers = total(state.customers, cell.customers);
}

function add(state: RfmHistogramTallyState, value: RfmHistogramRow, index?: number): RfmHistogramTallyState {
  states.once(`${FN}.add`, state);
  const row = value as unknown as Record<string, unknown> | null | undefined;
  if (isMissing(row) || ['frequency', 'recency', 'T', 'customers'].some((k) => isMissing(row[k])) || (state.spend === true && isMissing(row['monetaryValue']))) {
    state.skipped++;
    return state;
  }
  const spend = row['monetaryValue'] !== undefined && row['monetaryValue'] !== null;
  if (state.spend !== null && state.spend !== spend) {
    throw fail('INCONSISTENT_INPUT', FN, `row${atIndex(index)} ${spend ? 'has' : 'has no'} monetaryValue, unlike the rows before it (a histogram groups by spend or not at all)`, {
      field: 'monetaryValue',
      value: row['monetaryValue'],
      ...(index === undefined ? {} : { index }),
    });
  }
  const cell = checkCell(FN, row, spend, index);
  state.spend = spend;
  put(state, cell);
  return state;
}

function merge(a: RfmHistogramTallyState, b: RfmHistogramTallyState): RfmHistogramTallyState {
  checkState(`${FN}.merge`, a);
  checkState(`${FN}.merge`, b);
  if (a.spend !== null && b.spend !== null && a.spend !== b.spend) {
    throw fail('INCONSISTENT_INPUT', FN, 'cannot merge a histogram grouped by spend with one that is not', { field: 'spend', value: b.spend });
  }
  const out: RfmHistogramTallyState = { spend: a.spend ?? b.spend, cells: {}, customers: 0, skipped: total(a.skipped, b.skipped) };
  for (const cell of Object.values(a.cells)) put(out, cell);
  for (const cell of Object.values(b.cells)) put(out, cell);
  return states.trust(out);
}

function compare(a: RfmHistogramRow, b: RfmHistogramRow): number {
  return a.frequency - b.frequency || a.recency - b.recency || a.T - b.T || (a.monetaryValue ?? 0) - (b.monetaryValue ?? 0);
}

function result(state: RfmHistogramTallyState): RfmHistogramTallyResult {
  checkState(`${FN}.result`, state);
  const rows = Object.values(state.cells)
    .filter((c) => c.customers > 0)
    .map((c) => Object.freeze({ ...c }))
    .sort(compare);
  return Object.freeze({ rows: Object.freeze(rows), customers: state.customers, skipped: state.skipped });
}

/**
 * Merge RFM histograms (the rows of `rfmHistogramSql` from cx-metrics/sql) computed on disjoint
 * sets of customers — warehouse partitions, shards, workers — into one, exactly: cells with the
 * same summary add their customer counts. `merge` is associative and commutative, and `result`
 * sorts the cells, so any split and any order give the same rows.
 *
 * ```text
 * cell     = (frequency, recency, T[, monetaryValue])      count = customers
 * merge    = cell-wise Σ customers                          result = cells sorted by the key
 * ```
 *
 * A customer's row depends on their whole history, so the parts must split customers (hash of
 * the id modulo the shard count), not time: for purchases arriving day by day, fold them with
 * `transactionSummaryTally` instead. The result feeds the fitters with
 * `weight: (r) => r.customers` (Fader, Hardie & Lee 2005: the likelihood is a sum over
 * customers, so equal customers may be counted once with their number).
 *
 * @throws {@link models!CxMetricsError} `add`: `INVALID_NUMBER`, `NEGATIVE_VALUE` or
 *   `NOT_AN_INTEGER` for a field that is not a finite number ≥ 0 (whole for `frequency` and
 *   `customers`), `ORDER_VIOLATION` for recency > T, `INCONSISTENT_INPUT` for a recency ≠ 0
 *   with frequency 0 or rows with and without `monetaryValue` mixed; `merge`: `INCONSISTENT_INPUT`
 *   for histograms grouped differently; `OUT_OF_RANGE` for counts beyond 2^53 − 1; `add`,
 *   `merge`, `result`: `INVALID_RECORD` for a malformed state; `create`: `INVALID_OPTION` for
 *   any option.
 *
 * @example
 * ```ts
 * import { rfmHistogramTally as tally } from 'cx-metrics/clv';
 * const shardA = [
 *   { frequency: 0, recency: 0, T: 10, monetaryValue: 0, customers: 40 },
 *   { frequency: 2, recency: 6, T: 10, monetaryValue: 15, customers: 3 },
 * ].reduce(tally.add, tally.create());
 * const shardB = [{ frequency: 2, recency: 6, T: 10, monetaryValue: 15, customers: 2 }].reduce(tally.add, tally.create());
 * const merged = tally.result(tally.merge(shardA, shardB));
 * merged.rows[1]; // => { frequency: 2, recency: 6, T: 10, monetaryValue: 15, customers: 5 }
 * merged.customers; // => 45
 * tally.add(tally.create(), { frequency: 1, recency: 12, T: 10, customers: 1 }); // => throws ORDER_VIOLATION
 * tally.add(tally.create(), { frequency: 1, recency: 2, T: 10, customers: -1 }); // => throws NEGATIVE_VALUE
 * ```
 */
export const rfmHistogramTally: Reducer<RfmHistogramTallyState, RfmHistogramRow, RfmHistogramTallyResult> = Object.freeze({ create, add, merge, result });
