import type { ModelFit, ModelName } from '../models/model';
import type { Interval, IntervalColumns, IntervalOptions } from '../models/interval';
import type { Accessor, Values } from '../models/values';
import type { CustomerHistory } from './customer-history';
import type { TransactionModel, TransactionModelKernel } from './model';
import { drawParameters } from '../models/draw-parameters';
import { groupRows } from '../internal/group-rows';
import { isMissing, forEachValue, requireValues, initialCapacity } from '../internal/input';
import { readOptions, requireAccessor } from '../internal/options';
import { quantilesInPlace } from '../internal/quantile';
import { seededUniform } from '../internal/random';
import { preciseSum } from '../internal/sum';
import { describeValue, fail, rejectValue, requireCount, requireFinite, requireLevel, requireNonNegative, requirePositive } from '../internal/validate';

/** The `intervals` option of {@link predictTransactions}: the shared {@link models!IntervalOptions}, plus `predictive`. */
export interface PredictTransactionsIntervalOptions extends IntervalOptions {
  /**
   * Also the predictive interval of the REALISED total purchases in the next `t`
   * (`intervals.totalPurchases`): for each parameter draw, each customer's count is drawn from
   * the model's conditional distribution, so the interval adds the randomness of the purchases to
   * the parameter uncertainty. Needs a model descriptor with `conditionalPurchaseCountProbability`.
   * Default `false`.
   */
  readonly predictive?: boolean;
}

/** Settings of {@link predictTransactions} that do not depend on the record type. */
export interface PredictTransactionsSettings {
  /**
   * The horizon, ≥ 0: a duration in the time unit of the fit for the continuous-time models
   * (BG/NBD, Pareto/NBD, MBG/NBD), a whole number of future transaction opportunities for BG/BB.
   * Required.
   */
  readonly t: number;
  /**
   * Quantile intervals over parameter vectors drawn from the fit (see
   * {@link PredictTransactionsIntervalOptions}); `params` must then be a fit with
   * `logParameterCovariance`. Default: no intervals.
   */
  readonly intervals?: PredictTransactionsIntervalOptions | undefined;
}

/** Accessors reading a customer's history fields (those of the model's customer shape `C`) from any record type. */
export type PredictTransactionsAccessors<D, C> = { readonly [K in keyof C]: Accessor<D, number | null | undefined> };

/**
 * Options of {@link predictTransactions}: the settings, plus accessors for the fields of the
 * model's customer shape (`frequency`, `recency`, `T` for {@link CustomerHistory}; `frequency`,
 * `recency`, `periods` for BG/BB's `DiscreteCustomerHistory`) — optional for records of that
 * shape, required for any other record type.
 */
export type PredictTransactionsOptions<D, C = CustomerHistory> = PredictTransactionsSettings &
  ([D] extends [C] ? Partial<PredictTransactionsAccessors<D, C>> : PredictTransactionsAccessors<D, C>);

/**
 * The intervals of {@link PredictTransactionsResult}: quantiles over `draws` parameter vectors
 * (each evaluated on every distinct history), at nominal coverage `level`.
 */
export interface PredictTransactionsIntervals {
  /** The nominal coverage used, e.g. 0.9. */
  readonly level: number;
  /** The number of parameter vectors drawn. */
  readonly draws: number;
  /** Interval of each customer's P(alive) (parameter uncertainty). */
  readonly probabilityAlive: IntervalColumns;
  /** Interval of each customer's EXPECTED purchases in the next t (parameter uncertainty; not a range of realised counts). */
  readonly expectedPurchases: IntervalColumns;
  /** Interval of the total EXPECTED purchases (parameter uncertainty only). */
  readonly totalExpectedPurchases: Interval;
  /**
   * Predictive interval of the REALISED total purchases in the next t (parameter uncertainty
   * and the randomness of the purchases); `undefined` unless `predictive: true` was asked for.
   */
  readonly totalPurchases: Interval | undefined;
}

/**
 * Per-customer predictions, as columns aligned with `index` (the input position of each
 * predicted customer; customers skipped for missing values are absent). The arrays are fresh
 * and owned by the caller.
 */
export interface PredictTransactionsResult {
  /** Input position of each predicted customer. */
  readonly index: Uint32Array;
  /** The model's P(alive) of each customer (at the end of observation; BG/BB: at the next opportunity). */
  readonly probabilityAlive: Float64Array;
  /** Expected purchases of each customer in the next t, E[Y(t) | history]. */
  readonly expectedPurchases: Float64Array;
  /** Σ expectedPurchases (compensated summation). */
  readonly totalExpectedPurchases: number;
  /** Customers skipped because they, or one of their fields, were `null`/`undefined`. */
  readonly skipped: number;
  /** The intervals, when the `intervals` option was given; `undefined` otherwise. */
  readonly intervals: PredictTransactionsIntervals | undefined;
}

/** {@link PredictTransactionsIntervals} with the predictive interval, as `predictive: true` returns them. */
export interface PredictTransactionsPredictiveIntervals extends PredictTransactionsIntervals {
  /** Predictive interval of the REALISED total purchases in the next t (parameter uncertainty and the randomness of the purchases). */
  readonly totalPurchases: Interval;
}

/** {@link PredictTransactionsResult} of a call with `intervals`: they are there. */
export interface PredictTransactionsResultWithIntervals<I extends PredictTransactionsIntervals = PredictTransactionsIntervals> extends PredictTransactionsResult {
  /** The intervals asked for. */
  readonly intervals: I;
}

const FN = 'predictTransactions';
const SETTING_KEYS = ['t', 'intervals'] as const;
const INTERVAL_KEYS = ['level', 'draws', 'seed', 'predictive'] as const;
/** Largest count a customer's conditional distribution is searched up to for one draw. */
const MAX_COUNT = 10_000_000;

/** Validated histories, as columns; `length` rows used. `T` holds the periods n for a discrete model. */
interface Histories {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly at: Uint32Array;
  readonly length: number;
  readonly skipped: number;
}

type Row = { readonly frequency?: unknown; readonly recency?: unknown; readonly T?: unknown; readonly periods?: unknown } | null | undefined;
// One monomorphic reader per field (a keyed read would be megamorphic and slow).
const readFrequency = (d: Row): unknown => (typeof d === 'object' && d !== null ? d.frequency : undefined);
const readRecency = (d: Row): unknown => (typeof d === 'object' && d !== null ? d.recency : undefined);
const readAge = (d: Row): unknown => (typeof d === 'object' && d !== null ? d.T : undefined);
const readPeriods = (d: Row): unknown => (typeof d === 'object' && d !== null ? d.periods : undefined);

function checkContinuous(x: number, tx: number, T: number, i: number): void {
  if (tx > T) throw rejectValue('ORDER_VIOLATION', FN, 'recency', tx, i, `is greater than T ${describeValue(T)}`);
  if (x === 0 && tx !== 0) {
    throw rejectValue('INCONSISTENT_INPUT', FN, 'recency', tx, i, 'must be 0 when frequency is 0 (recency is the time from the first to the last purchase)');
  }
}

function checkDiscrete(x: number, tx: number, n: number, i: number): void {
  if (tx > n) throw rejectValue('ORDER_VIOLATION', FN, 'recency', tx, i, `is greater than periods ${describeValue(n)}`);
  if (x > tx) throw rejectValue('INCONSISTENT_INPUT', FN, 'frequency', x, i, `is greater than recency ${describeValue(tx)} (at most one transaction per opportunity)`);
  if (x === 0 && tx !== 0) throw rejectValue('INCONSISTENT_INPUT', FN, 'recency', tx, i, 'must be 0 when frequency is 0');
  if (x > 0 && tx === 0) throw rejectValue('INCONSISTENT_INPUT', FN, 'recency', tx, i, 'must be at least 1 when frequency is at least 1');
}

/** Read and check every customer; `discrete` reads `periods` (whole numbers) where continuous models read `T`. */
function readHistories<D>(customers: Values<D>, accessors: Partial<Record<'frequency' | 'recency' | 'T' | 'periods', Accessor<D, unknown>>>, discrete: boolean): Histories {
  const readX = (accessors.frequency ?? readFrequency) as Accessor<D, unknown>;
  const readTx = (accessors.recency ?? readRecency) as Accessor<D, unknown>;
  const readT = (discrete ? (accessors.periods ?? readPeriods) : (accessors.T ?? readAge)) as Accessor<D, unknown>;
  const ageName = discrete ? 'periods' : 'T';
  let capacity = initialCapacity(customers);
  let x = new Float64Array(capacity);
  let tx = new Float64Array(capacity);
  let T = new Float64Array(capacity);
  let at = new Uint32Array(capacity);
  let length = 0;
  let skipped = 0;
  const visit = (d: D, i: number): void => {
    if (isMissing(d)) {
      skipped++;
      return;
    }
    const rawX = readX(d, i);
    const rawTx = readTx(d, i);
    const rawT = readT(d, i);
    if (isMissing(rawX) || isMissing(rawTx) || isMissing(rawT)) {
      skipped++;
      return;
    }
    // Fast paths for valid numbers; the require* helpers build the error otherwise.
    const xi = typeof rawX === 'number' && Number.isInteger(rawX) && rawX >= 0 ? rawX : requireCount(FN, 'frequency', rawX, i);
    let txi: number;
    let Ti: number;
    if (discrete) {
      txi = typeof rawTx === 'number' && Number.isInteger(rawTx) && rawTx >= 0 ? rawTx : requireCount(FN, 'recency', rawTx, i);
      Ti = typeof rawT === 'number' && Number.isInteger(rawT) && rawT >= 0 ? rawT : requireCount(FN, ageName, rawT, i);
      if (txi > Ti || xi > txi || (xi === 0) !== (txi === 0)) checkDiscrete(xi, txi, Ti, i);
    } else {
      txi = typeof rawTx === 'number' && rawTx >= 0 && rawTx < Infinity ? rawTx : requireNonNegative(FN, 'recency', rawTx, i);
      Ti = typeof rawT === 'number' && rawT >= 0 && rawT < Infinity ? rawT : requireNonNegative(FN, ageName, rawT, i);
      if (txi > Ti || (xi === 0 && txi !== 0)) checkContinuous(xi, txi, Ti, i);
    }
    if (length === capacity) {
      capacity *= 2;
      x = grow(x, capacity);
      tx = grow(tx, capacity);
      T = grow(T, capacity);
      at = grow(at, capacity);
    }
    x[length] = xi;
    tx[length] = txi;
    T[length] = Ti;
    at[length] = i;
    length++;
  };
  if (Array.isArray(customers)) {
    const list = customers as readonly D[];
    for (let i = 0, n = list.length; i < n; i++) visit(list[i] as D, i);
  } else forEachValue(customers, visit);
  return { x, tx, T, at, length, skipped };
}

/** The parameters a model names, each checked finite and > 0 (every transaction model's are). */
function checkParameters(names: readonly string[], params: unknown): void {
  if (params === null || typeof params !== 'object') {
    throw fail('INVALID_NUMBER', FN, `params ${describeValue(params)} must be an object with ${names.join(', ')}`, { field: 'params', value: params });
  }
  for (const name of names) requirePositive(FN, name, (params as Record<string, unknown>)[name]);
}

/**
 * The customers' distinct histories: per customer its history group, and per group its
 * (x, tₓ, T) and how many customers share it.
 */
interface HistoryGroups {
  readonly size: number;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly count: Float64Array;
  readonly groupOf: Int32Array;
}

function groupHistories(rows: Histories): HistoryGroups {
  const ones = new Float64Array(rows.length).fill(1);
  const groups = groupRows([rows.x, rows.tx, rows.T], ones, rows.length);
  const [x, tx, T] = groups.keys as [Float64Array, Float64Array, Float64Array];
  return { size: groups.size, x, tx, T, count: groups.weights, groupOf: groups.groupOf };
}

/**
 * The distinct (x, T) pairs (the arguments of `expectedIfAlive`), by open addressing over the
 * keys' bits; pairs are numbered in order of first appearance. The table grows with the
 * number of pairs, not of customers, so it stays cache-resident.
 */
class PairTable {
  size = 0;
  x = new Float64Array(512);
  T = new Float64Array(512);
  private hashes = new Int32Array(512);
  private slots = new Int32Array(1024).fill(-1);
  private mask = 1023;
  private readonly bits = new Float64Array(2);
  private readonly words = new Uint32Array(this.bits.buffer);

  /** The number of the pair (x, T), added if new. */
  id(x: number, T: number): number {
    const bits = this.bits;
    const words = this.words;
    bits[0] = x;
    bits[1] = T === 0 ? 0 : T; // +0 and −0 are the same duration
    let h = Math.imul((words[0] as number) ^ 0x811c9dc5, 0x9e3779b1);
    h = Math.imul(h ^ (words[1] as number), 0x85ebca77);
    h = Math.imul(h ^ (words[2] as number), 0xc2b2ae35);
    h = Math.imul(h ^ (words[3] as number), 0x27d4eb2f);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    const mask = this.mask;
    const slots = this.slots;
    let slot = h & mask;
    for (;;) {
      const g = slots[slot] as number;
      if (g < 0) return this.add(slot, h, x, T);
      if (this.x[g] === x && this.T[g] === T) return g;
      slot = (slot + 1) & mask;
    }
  }

  private add(slot: number, h: number, x: number, T: number): number {
    const size = this.size;
    if (size === this.x.length) {
      this.x = grow(this.x);
      this.T = grow(this.T);
      this.hashes = grow(this.hashes);
    }
    this.slots[slot] = size;
    this.x[size] = x;
    this.T[size] = T;
    this.hashes[size] = h;
    this.size = size + 1;
    if (2 * this.size > this.slots.length) {
      const capacity = 2 * this.slots.length;
      this.mask = capacity - 1;
      this.slots = new Int32Array(capacity).fill(-1);
      for (let k = 0; k < this.size; k++) {
        let s = (this.hashes[k] as number) & this.mask;
        while ((this.slots[s] as number) >= 0) s = (s + 1) & this.mask;
        this.slots[s] = k;
      }
    }
    return size;
  }
}

function grow<A extends Float64Array | Int32Array | Uint32Array>(a: A, length = 2 * a.length): A {
  const b = new (a.constructor as new (n: number) => A)(length);
  b.set(a);
  return b;
}

/** Each history's pair in a {@link PairTable}. */
function groupPairs(x: Float64Array, T: Float64Array, length: number): { readonly table: PairTable; readonly pairOf: Int32Array } {
  const table = new PairTable();
  const pairOf = new Int32Array(length);
  for (let i = 0; i < length; i++) pairOf[i] = table.id(x[i] as number, T[i] as number);
  return { table, pairOf };
}

/**
 * The no-interval path of a continuous model in one pass over the customers: read and check a
 * history, P(alive) into its column, its (x, T) pair number parked in the expectation column;
 * then the expectation if alive once per pair, and one pass to multiply. No scratch columns:
 * the only memory allocated is the result's (a fresh typed array of a million entries makes the
 * engine collect garbage, which costs more than the arithmetic when the input holds a million objects).
 */
function predictContinuous<D>(
  customers: Values<D>,
  accessors: Partial<Record<'frequency' | 'recency' | 'T', Accessor<D, unknown>>>,
  kernel: TransactionModelKernel,
  t: number,
): { index: Uint32Array; probabilityAlive: Float64Array; expectedPurchases: Float64Array; skipped: number } {
  const readX = (accessors.frequency ?? readFrequency) as Accessor<D, unknown>;
  const readTx = (accessors.recency ?? readRecency) as Accessor<D, unknown>;
  const readT = (accessors.T ?? readAge) as Accessor<D, unknown>;
  let capacity = initialCapacity(customers);
  let index = new Uint32Array(capacity);
  let alive = new Float64Array(capacity);
  let expected = new Float64Array(capacity);
  const pairs = new PairTable();
  let length = 0;
  let skipped = 0;
  const visit = (d: D, i: number): void => {
    if (isMissing(d)) {
      skipped++;
      return;
    }
    const rawX = readX(d, i);
    const rawTx = readTx(d, i);
    const rawT = readT(d, i);
    if (isMissing(rawX) || isMissing(rawTx) || isMissing(rawT)) {
      skipped++;
      return;
    }
    const x = typeof rawX === 'number' && Number.isInteger(rawX) && rawX >= 0 ? rawX : requireCount(FN, 'frequency', rawX, i);
    const tx = typeof rawTx === 'number' && rawTx >= 0 && rawTx < Infinity ? rawTx : requireNonNegative(FN, 'recency', rawTx, i);
    const T = typeof rawT === 'number' && rawT >= 0 && rawT < Infinity ? rawT : requireNonNegative(FN, 'T', rawT, i);
    if (tx > T || (x === 0 && tx !== 0)) checkContinuous(x, tx, T, i);
    if (length === capacity) {
      capacity *= 2;
      index = grow(index, capacity);
      alive = grow(alive, capacity);
      expected = grow(expected, capacity);
    }
    index[length] = i;
    alive[length] = kernel.probabilityAlive(x, tx, T);
    expected[length] = pairs.id(x, T);
    length++;
  };
  // An array is walked here, not through the shared forEachValue, whose call of `visit` is
  // megamorphic (every function of the library passes its own) and would not be inlined.
  if (Array.isArray(customers)) {
    const list = customers as readonly D[];
    for (let i = 0, n = list.length; i < n; i++) visit(list[i] as D, i);
  } else forEachValue(customers, visit);
  const ifAlive = new Float64Array(pairs.size);
  for (let g = 0; g < pairs.size; g++) ifAlive[g] = kernel.expectedIfAlive(pairs.x[g] as number, pairs.T[g] as number, t);
  for (let i = 0; i < length; i++) expected[i] = (alive[i] as number) * (ifAlive[expected[i] as number] as number);
  if (length < capacity) return { index: index.slice(0, length), probabilityAlive: alive.slice(0, length), expectedPurchases: expected.slice(0, length), skipped };
  return { index, probabilityAlive: alive, expectedPurchases: expected, skipped };
}

/** A probability from a model, checked: a value outside [0, 1] (or not a number) is the model's error, reported, never passed on. */
function checkProbability(what: string, value: number, model: string): number {
  if (value >= 0 && value <= 1) return value;
  throw fail('OUT_OF_RANGE', FN, `the ${model} model returned ${what} ${describeValue(value)}, not a probability`, { field: what, value });
}

/**
 * Expected purchases over a horizon, probability alive and their intervals for every customer
 * of a base, with any transaction model: the batch door of the models' predictions. Customers
 * that share a history share the costly part, so the work grows with the number of distinct
 * histories, not with the number of customers.
 *
 * ```text
 * continuous models (a kernel):  E[Y(t) | x, tₓ, T] = P(alive | x, tₓ, T) · E[Y(t) | alive, x, T]
 *                                (the second factor once per distinct (x, T))
 * BG/BB (no kernel):             both from the descriptor, once per distinct (x, tₓ, n); t in opportunities
 * total                          = Σᵢ E[Yᵢ(t) | historyᵢ]
 * intervals (level ℓ):           θ₁ … θ_D = drawParameters(model, fit), every figure at each θₖ,
 *                                [Q_(1−ℓ)/2, Q_(1+ℓ)/2] over k (type-7 quantiles)
 * predictive (realised total):   for each θₖ: nᵢ ~ P(Y(t) = n | historyᵢ, θₖ) (inverse CDF, the CDF
 *                                once per distinct history), Sₖ = Σᵢ nᵢ; [Q_(1−ℓ)/2, Q_(1+ℓ)/2] of Sₖ
 * ```
 *
 * The intervals of `probabilityAlive`, `expectedPurchases` and `totalExpectedPurchases` are
 * intervals of EXPECTED values under parameter uncertainty (what the model would predict with
 * parameters as uncertain as the fit says); they shrink to a point as the sample grows. The
 * predictive interval `totalPurchases` (`predictive: true`) answers "how many purchases will
 * these customers make in the next t": it adds each customer's own randomness, which does not
 * shrink, and it needs the descriptor's `conditionalPurchaseCountProbability`.
 *
 * Source: Fader, Hardie & Lee (2005), "Counting your customers" the easy way, *Marketing
 * Science* 24(2), eq. 10 and the P(alive) expression; Fader, Hardie & Shang (2010), *Marketing
 * Science* 29(6) (BG/BB); parameter draws from the asymptotic normal of the log-parameters, as
 * in King, Tomz & Wittenberg (2000), *American Journal of Political Science* 44(2); the
 * predictive distribution by simulation from the posterior predictive (e.g. Gelman et al. 2013,
 * *Bayesian Data Analysis*, §1.3), with the normal approximation in place of the posterior.
 *
 * @param model - The model's descriptor: {@link bgNbd}, {@link paretoNbd}, MBG/NBD's, or {@link bgBb}.
 * @param params - That model's parameters (a fit will do); with `intervals`, the fit itself
 *   (its `logParameterCovariance` is drawn from).
 * @param customers - Histories: `frequency`, `recency`, `T` (BG/BB: `frequency`, `recency`,
 *   `periods`), or any records with accessors.
 * @param options - `t` (required), `intervals` (`level`, `draws`, `seed`, `predictive`), accessors.
 * @returns Columns of P(alive) and expected purchases per customer, their total, and the intervals when asked for.
 * @throws {@link models!CxMetricsError} `INVALID_INPUT` for a `model` that is not a transaction
 *   model descriptor, or `customers` that are not an array, a typed array or an iterable;
 *   `INCONSISTENT_INPUT` for a fit of another model, a recency inconsistent with the frequency,
 *   or (with `intervals`) bare parameters or a fit with no `logParameterCovariance`; `INVALID_NUMBER` for a value
 *   that is not a finite number; `NEGATIVE_VALUE` / `NOT_AN_INTEGER` for a negative field or `t`,
 *   a fractional frequency (or, for BG/BB, recency, periods or `t`); `ORDER_VIOLATION` for
 *   recency > T; `OUT_OF_RANGE` for a parameter ≤ 0, a `level` outside (0, 1), `draws` outside
 *   1–100,000, or an expectation the model cannot compute accurately (its own refusal, named
 *   here); `INVALID_OPTION` for an unknown option key, an accessor that is not a function, or
 *   `predictive: true` with a model whose descriptor has no `conditionalPurchaseCountProbability`.
 *
 * @example
 * ```ts
 * import { bgNbd, bgBb, fitBgNbd, predictTransactions, simulateBgNbd } from 'cx-metrics/clv';
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // BG/NBD on CDNOW, weeks
 * const customers = [
 *   { frequency: 2, recency: 30.43, T: 38.86 },
 *   { frequency: 0, recency: 0, T: 38.86 },
 * ];
 * const next = predictTransactions(bgNbd, params, customers, { t: 39 });
 * Array.from(next.probabilityAlive); // => [0.7266, 1]
 * Array.from(next.expectedPurchases); // => [1.226, 0.1951]
 * next.totalExpectedPurchases; // => 1.421
 * // BG/BB: t counts transaction opportunities.
 * const donors = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * predictTransactions(bgBb, donors, [{ frequency: 6, recency: 6, periods: 6 }], { t: 5 }).totalExpectedPurchases; // => 3.752
 * // Intervals of the expected values under parameter uncertainty need the fit:
 * const fit = fitBgNbd(simulateBgNbd(params, { customers: 2000, T: 39, seed: 3 }));
 * const withIntervals = predictTransactions(bgNbd, fit, customers, { t: 39, intervals: { level: 0.9, draws: 200, seed: 1 } });
 * const { lower, upper } = withIntervals.intervals.totalExpectedPurchases;
 * lower < withIntervals.totalExpectedPurchases && withIntervals.totalExpectedPurchases < upper; // => true
 * predictTransactions(bgNbd, params, customers, { t: -1 }); // => throws NEGATIVE_VALUE
 * ```
 */
export function predictTransactions<M extends ModelName, P, C, F extends ModelFit<M, P>, D = C>(
  model: TransactionModel<M, P, C, F>,
  params: NoInfer<P>,
  customers: Values<D>,
  options: PredictTransactionsOptions<D, C> & { readonly intervals?: undefined },
): PredictTransactionsResult;
export function predictTransactions<M extends ModelName, P, C, F extends ModelFit<M, P>, D = C>(
  model: TransactionModel<M, P, C, F>,
  fit: NoInfer<F>,
  customers: Values<D>,
  options: PredictTransactionsOptions<D, C> & { readonly intervals: PredictTransactionsIntervalOptions & { readonly predictive: true } },
): PredictTransactionsResultWithIntervals<PredictTransactionsPredictiveIntervals>;
export function predictTransactions<M extends ModelName, P, C, F extends ModelFit<M, P>, D = C>(
  model: TransactionModel<M, P, C, F>,
  fit: NoInfer<F>,
  customers: Values<D>,
  options: PredictTransactionsOptions<D, C> & { readonly intervals: PredictTransactionsIntervalOptions },
): PredictTransactionsResultWithIntervals;
export function predictTransactions<M extends ModelName, P, C, F extends ModelFit<M, P>, D = C>(
  model: TransactionModel<M, P, C, F>,
  params: P | F,
  customers: Values<D>,
  options: PredictTransactionsOptions<D, C>,
): PredictTransactionsResult {
  if (
    model === null ||
    typeof model !== 'object' ||
    typeof model.model !== 'string' ||
    !Array.isArray(model.parameterNames) ||
    typeof model.probabilityAlive !== 'function' ||
    typeof model.conditionalExpectedPurchases !== 'function'
  ) {
    throw fail('INVALID_INPUT', FN, `model ${describeValue(model)} is not a transaction model descriptor (pass e.g. bgNbd, paretoNbd or bgBb)`, { field: 'model', value: model });
  }
  const fitted = params !== null && typeof params === 'object' ? (params as { readonly model?: unknown }).model : undefined;
  if (fitted !== undefined && fitted !== model.model) {
    throw fail('INCONSISTENT_INPUT', FN, `params are a ${describeValue(fitted)} fit but the model is ${describeValue(model.model)}`, { field: 'params', value: fitted });
  }
  const kernelOf = (model as { readonly kernel?: (fn: string, params: P) => TransactionModelKernel }).kernel;
  const discrete = typeof kernelOf !== 'function';
  const accessorKeys = discrete ? (['frequency', 'recency', 'periods'] as const) : (['frequency', 'recency', 'T'] as const);
  const settings = readOptions(FN, options as object, [...SETTING_KEYS, ...accessorKeys]) as PredictTransactionsSettings &
    Partial<Record<'frequency' | 'recency' | 'T' | 'periods', Accessor<D, unknown>>>;
  for (const key of accessorKeys) requireAccessor(FN, key, settings[key]);
  requireValues(FN, 'customers', customers);
  if (settings.t === undefined) throw fail('INVALID_OPTION', FN, 't is required: the horizon, e.g. { t: 39 }', { field: 't' });
  const t = discrete ? requireCount(FN, 't', settings.t) : requireNonNegative(FN, 't', settings.t);
  checkParameters(model.parameterNames, params);
  const intervalOptions = settings.intervals === undefined ? undefined : readIntervalOptions(settings.intervals);
  if (!discrete && intervalOptions === undefined) {
    const kernel = kernelOf.call(model, FN, params as P);
    const columns = predictContinuous(customers, settings, kernel, t);
    return Object.freeze({ ...columns, totalExpectedPurchases: requireTotal(columns.expectedPurchases), intervals: undefined });
  }
  const rows = readHistories(customers, settings, discrete);
  const n = rows.length;
  const probabilityAlive = new Float64Array(n);
  const expectedPurchases = new Float64Array(n);
  const index = rows.at.length === n ? rows.at : rows.at.slice(0, n);
  if (discrete) {
    const groups = groupHistories(rows);
    const alive = new Float64Array(groups.size);
    const expected = new Float64Array(groups.size);
    for (let g = 0; g < groups.size; g++) {
      const customer = discreteCustomer(groups, g);
      alive[g] = checkProbability('probabilityAlive', model.probabilityAlive(params, customer as C), model.model);
      expected[g] = checkExpectation(model.conditionalExpectedPurchases(params, customer as C, t), model.model);
    }
    for (let i = 0; i < n; i++) {
      const g = groups.groupOf[i] as number;
      probabilityAlive[i] = alive[g] as number;
      expectedPurchases[i] = expected[g] as number;
    }
  } else {
    const kernel = kernelOf.call(model, FN, params as P);
    const { table, pairOf } = groupPairs(rows.x, rows.T, n);
    const ifAlive = new Float64Array(table.size);
    for (let g = 0; g < table.size; g++) ifAlive[g] = kernel.expectedIfAlive(table.x[g] as number, table.T[g] as number, t);
    const { x, tx, T } = rows;
    for (let i = 0; i < n; i++) {
      const p = kernel.probabilityAlive(x[i] as number, tx[i] as number, T[i] as number);
      probabilityAlive[i] = p;
      expectedPurchases[i] = p * (ifAlive[pairOf[i] as number] as number);
    }
  }
  const totalExpectedPurchases = requireTotal(expectedPurchases);
  const intervals = intervalOptions === undefined ? undefined : computeIntervals(model, params as F, rows, t, discrete, intervalOptions);
  return Object.freeze({ index, probabilityAlive, expectedPurchases, totalExpectedPurchases, skipped: rows.skipped, intervals });
}

/** Σ of the expectations (compensated); a sum beyond a double is refused, never returned as Infinity. */
function requireTotal(expected: Float64Array): number {
  const total = preciseSum(expected);
  if (Number.isFinite(total)) return total;
  throw fail('OUT_OF_RANGE', FN, 'the total expected purchases overflow a double', { field: 'totalExpectedPurchases' });
}

interface IntervalSettings {
  readonly level: number;
  readonly draws: number;
  readonly seed: number;
  readonly predictive: boolean;
}

function readIntervalOptions(value: PredictTransactionsIntervalOptions): IntervalSettings {
  const settings = readOptions(FN, value, INTERVAL_KEYS, 'intervals');
  const level = settings.level === undefined ? 0.9 : requireLevel(FN, settings.level);
  const draws = settings.draws === undefined ? 200 : requireCount(FN, 'draws', settings.draws);
  if (draws < 1 || draws > 100_000) throw rejectValue('OUT_OF_RANGE', FN, 'draws', draws, undefined, 'is outside 1–100,000');
  const seed = settings.seed === undefined ? 1 : requireCount(FN, 'seed', settings.seed);
  const predictive = settings.predictive ?? false;
  if (typeof predictive !== 'boolean') {
    throw fail('INVALID_OPTION', FN, `intervals.predictive ${describeValue(predictive)} must be true or false`, { field: 'predictive', value: predictive });
  }
  return { level, draws, seed, predictive };
}

function checkExpectation(value: number, model: string): number {
  if (value >= 0 && value < Infinity) return value;
  throw fail('OUT_OF_RANGE', FN, `the ${model} model returned expected purchases ${describeValue(value)}`, { field: 'expectedPurchases', value });
}

function discreteCustomer(groups: HistoryGroups, g: number): { readonly frequency: number; readonly recency: number; readonly periods: number } {
  return { frequency: groups.x[g] as number, recency: groups.tx[g] as number, periods: groups.T[g] as number };
}

function continuousCustomer(groups: HistoryGroups, g: number): CustomerHistory {
  return { frequency: groups.x[g] as number, recency: groups.tx[g] as number, T: groups.T[g] as number };
}

/**
 * Every interval: per distinct history and draw, P(alive) and the expectation (the expectation
 * if alive once per distinct (x, T) and draw for a continuous model), their quantiles over the
 * draws, the per-draw totals; then, if asked, the realised totals.
 */
function computeIntervals<M extends ModelName, P, C, F extends ModelFit<M, P>>(
  model: TransactionModel<M, P, C, F>,
  fit: F,
  rows: Histories,
  t: number,
  discrete: boolean,
  settings: IntervalSettings,
): PredictTransactionsIntervals {
  const countProbability = model.conditionalPurchaseCountProbability;
  if (settings.predictive && typeof countProbability !== 'function') {
    throw fail(
      'INVALID_OPTION',
      FN,
      `intervals.predictive needs the model's conditional purchase-count distribution, and the ${model.model} descriptor has no conditionalPurchaseCountProbability`,
      { field: 'predictive', value: true },
    );
  }
  const covariance = (fit as { readonly logParameterCovariance?: unknown }).logParameterCovariance;
  if ((fit as { readonly model?: unknown }).model !== model.model || covariance === undefined) {
    throw fail(
      'INCONSISTENT_INPUT',
      FN,
      covariance === undefined && (fit as { readonly model?: unknown }).model === model.model
        ? `intervals need a ${model.model} fit with a logParameterCovariance (its Hessian was not positive definite: the estimate is on a boundary)`
        : `intervals need the ${model.model} fit (its logParameterCovariance is drawn from), not bare parameters`,
      { field: 'params' },
    );
  }
  const draws = drawParameters(model as never, fit as ModelFit<M, P>, { draws: settings.draws, seed: settings.seed }) as readonly P[];
  const D = draws.length;
  const groups = groupHistories(rows);
  const H = groups.size;
  const lowP = (1 - settings.level) / 2;
  const highP = (1 + settings.level) / 2;
  const ps = [lowP, highP];
  const aliveLow = new Float64Array(H);
  const aliveHigh = new Float64Array(H);
  const expectedLow = new Float64Array(H);
  const expectedHigh = new Float64Array(H);
  const totals = new Float64Array(D);
  const alive = new Float64Array(D);
  const expected = new Float64Array(D);
  const finish = (h: number): void => {
    const m = groups.count[h] as number;
    for (let k = 0; k < D; k++) totals[k] = (totals[k] as number) + m * (expected[k] as number);
    const [a0, a1] = quantilesInPlace(alive, D, ps) as [number, number];
    const [e0, e1] = quantilesInPlace(expected, D, ps) as [number, number];
    aliveLow[h] = a0;
    aliveHigh[h] = a1;
    expectedLow[h] = e0;
    expectedHigh[h] = e1;
  };
  if (discrete) {
    for (let h = 0; h < H; h++) {
      const customer = discreteCustomer(groups, h) as C;
      for (let k = 0; k < D; k++) {
        const theta = draws[k] as P;
        alive[k] = checkProbability('probabilityAlive', model.probabilityAlive(theta, customer), model.model);
        expected[k] = checkExpectation(model.conditionalExpectedPurchases(theta, customer, t), model.model);
      }
      finish(h);
    }
  } else {
    const kernelOf = (model as unknown as { readonly kernel: (fn: string, params: P) => TransactionModelKernel }).kernel;
    const kernels = draws.map((theta) => kernelOf.call(model, FN, theta));
    // Histories in order of their (x, T) pair, so the expectation if alive is computed once per pair and draw.
    const { table: pairs, pairOf } = groupPairs(groups.x, groups.T, H);
    const start = new Int32Array(pairs.size + 1);
    for (let h = 0; h < H; h++) {
      const slot = (pairOf[h] as number) + 1;
      start[slot] = (start[slot] as number) + 1;
    }
    for (let g = 0; g < pairs.size; g++) start[g + 1] = (start[g + 1] as number) + (start[g] as number);
    const order = new Int32Array(H);
    const fill = start.slice(0, pairs.size);
    for (let h = 0; h < H; h++) {
      const g = pairOf[h] as number;
      order[fill[g] as number] = h;
      fill[g] = (fill[g] as number) + 1;
    }
    const ifAlive = new Float64Array(D);
    for (let g = 0; g < pairs.size; g++) {
      const xg = pairs.x[g] as number;
      const Tg = pairs.T[g] as number;
      for (let k = 0; k < D; k++) ifAlive[k] = (kernels[k] as TransactionModelKernel).expectedIfAlive(xg, Tg, t);
      for (let j = start[g] as number; j < (start[g + 1] as number); j++) {
        const h = order[j] as number;
        const txh = groups.tx[h] as number;
        for (let k = 0; k < D; k++) {
          const p = (kernels[k] as TransactionModelKernel).probabilityAlive(xg, txh, Tg);
          alive[k] = p;
          expected[k] = p * (ifAlive[k] as number);
        }
        finish(h);
      }
    }
  }
  const n = rows.length;
  const probabilityAlive = { lower: new Float64Array(n), upper: new Float64Array(n) };
  const expectedPurchases = { lower: new Float64Array(n), upper: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const h = groups.groupOf[i] as number;
    probabilityAlive.lower[i] = aliveLow[h] as number;
    probabilityAlive.upper[i] = aliveHigh[h] as number;
    expectedPurchases.lower[i] = expectedLow[h] as number;
    expectedPurchases.upper[i] = expectedHigh[h] as number;
  }
  const [total0, total1] = quantilesInPlace(totals, D, ps) as [number, number];
  const totalPurchases =
    settings.predictive && countProbability !== undefined
      ? realisedTotalInterval(model.model, countProbability, draws, groups, t, discrete, settings.seed, ps)
      : undefined;
  return Object.freeze({
    level: settings.level,
    draws: D,
    probabilityAlive: Object.freeze(probabilityAlive),
    expectedPurchases: Object.freeze(expectedPurchases),
    totalExpectedPurchases: Object.freeze({ lower: total0, upper: total1 }),
    totalPurchases,
  });
}

/**
 * The predictive interval of the realised total: for each parameter draw, every customer's count
 * by inverse CDF from the model's conditional pmf (the CDF extended lazily, once per distinct
 * history and draw, as far as that history's customers need), summed; quantiles of the sums.
 * The uniforms come from a stream of the same seed 2³¹ steps away from the parameter draws'.
 */
function realisedTotalInterval<P, C>(
  name: string,
  countProbability: (params: P, customer: C, n: number, t: number) => number,
  draws: readonly P[],
  groups: HistoryGroups,
  t: number,
  discrete: boolean,
  seed: number,
  ps: readonly number[],
): Interval {
  const u = seededUniform((seed + 0x80000000) >>> 0);
  const D = draws.length;
  const sums = new Float64Array(D);
  const customersOf = Array.from({ length: groups.size }, (_, h) => (discrete ? discreteCustomer(groups, h) : continuousCustomer(groups, h)) as C);
  let cdf = new Float64Array(64);
  for (let k = 0; k < D; k++) {
    const theta = draws[k] as P;
    let sum = 0;
    for (let h = 0; h < groups.size; h++) {
      const customer = customersOf[h] as C;
      const m = groups.count[h] as number;
      // cdf[j] = P(Y ≤ j); `known` entries computed so far; `closed` once the tail is negligible.
      let known = 0;
      let closed = false;
      let previous = Infinity;
      for (let c = 0; c < m; c++) {
        const v = u();
        let j = 0;
        for (;;) {
          if (j === known) {
            if (closed) break;
            if (known === MAX_COUNT) {
              throw fail('OUT_OF_RANGE', FN, `the ${name} count distribution needs more than ${MAX_COUNT} terms for one customer (t ${describeValue(t)} is too long for it)`, { field: 't', value: t });
            }
            const p = countProbability(theta, customer, known, t);
            if (!(p >= 0 && p <= 1)) {
              throw fail('OUT_OF_RANGE', FN, `the ${name} model returned conditionalPurchaseCountProbability ${describeValue(p)} for n = ${known}, not a probability`, {
                field: 'conditionalPurchaseCountProbability',
                value: p,
              });
            }
            if (known === cdf.length) {
              const bigger = new Float64Array(2 * cdf.length);
              bigger.set(cdf);
              cdf = bigger;
            }
            const below = known === 0 ? 0 : (cdf[known - 1] as number);
            cdf[known] = below + p;
            known++;
            // Past the mode, a term below 1e-16 of the mass leaves nothing a 32-bit uniform can reach.
            if (known > 1 && p < previous && p <= 1e-16 * (below + p)) closed = true;
            previous = p;
          }
          if (v < (cdf[j] as number)) break;
          j++;
        }
        sum += j === known ? known - 1 : j;
      }
    }
    sums[k] = sum;
  }
  const [lower, upper] = quantilesInPlace(sums, D, ps) as [number, number];
  return Object.freeze({ lower, upper });
}
