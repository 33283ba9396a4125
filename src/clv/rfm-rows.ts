/**
 * Reading and validating the per-customer rows the probabilistic CLV models fit and predict
 * from: frequency x (repeat purchases), recency tₓ (first to last purchase), age T (first
 * purchase to the end of observation), average repeat spend z̄, and an optional weight (the
 * number of customers a grouped row stands for). One policy for every model function.
 */
import type { Accessor, Values } from '../models/values';
import { forEachValue, isMissing } from '../internal/input';
import { describeValue, fail, rejectValue, requireCount, requireNonNegative } from '../internal/validate';

/** The fields a row may carry; each read through an accessor or, by default, the field of that name. */
export interface RfmAccessors<D> {
  readonly frequency?: Accessor<D, number | null | undefined> | undefined;
  readonly recency?: Accessor<D, number | null | undefined> | undefined;
  readonly T?: Accessor<D, number | null | undefined> | undefined;
  readonly monetaryValue?: Accessor<D, number | null | undefined> | undefined;
  readonly weight?: Accessor<D, number | null | undefined> | undefined;
}

/** Validated columns; `length` rows are used. */
export interface RfmColumns {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly z: Float64Array;
  readonly w: Float64Array;
  /** Input position of each kept row. */
  readonly at: Float64Array;
  readonly length: number;
  /** Rows that were null/undefined or had a missing field (skipped, counted). */
  readonly skipped: number;
}

type Field = 'frequency' | 'recency' | 'T' | 'monetaryValue';

function isNonNegativeNumber(v: unknown): v is number {
  return typeof v === 'number' && v >= 0 && v < Infinity;
}

type Row = Partial<Record<Field, unknown>> | null | undefined;
// One monomorphic reader per field (a keyed `d[field]` read would be megamorphic and slow). A
// primitive row has none of the fields: its reads give undefined, so it is skipped as missing.
const DEFAULT_READERS: Record<Field, (d: Row) => unknown> = {
  frequency: (d) => d?.frequency,
  recency: (d) => d?.recency,
  T: (d) => d?.T,
  monetaryValue: (d) => d?.monetaryValue,
};

function fieldReader<D>(accessors: RfmAccessors<D>, field: Field): Accessor<D, unknown> {
  return accessors[field] ?? (DEFAULT_READERS[field] as Accessor<D, unknown>);
}

/**
 * One customer's (x, tₓ, T) checked: tₓ ≤ T, and tₓ = 0 when x = 0 (recency is first-to-last
 * purchase, not time since the last purchase). tₓ = 0 with x > 0 is accepted: rounded exports
 * hold it (repeat purchases within the rounding step of the first).
 */
export function checkRecencyAge(fn: string, x: number, tx: number, T: number, index?: number, age: 'T' | 'periods' = 'T'): void {
  if (tx > T) throw rejectValue('ORDER_VIOLATION', fn, 'recency', tx, index, `is greater than ${age} ${describeValue(T)}`);
  if (x === 0 && tx !== 0) {
    throw rejectValue(
      'INCONSISTENT_INPUT',
      fn,
      'recency',
      tx,
      index,
      'must be 0 when frequency is 0 (recency is the time from the first to the last purchase, not the time since the last purchase)',
    );
  }
}

/**
 * Read every row into columns. `needs` lists the fields required besides frequency; a row
 * that is null/undefined or misses any of them is skipped and counted.
 */
export function readRfmRows<D>(
  fn: string,
  rows: Values<D>,
  accessors: RfmAccessors<D>,
  needs: { readonly recencyAge: boolean; readonly monetary: boolean; readonly age?: 'T' | 'periods' },
): RfmColumns {
  const age = needs.age ?? 'T';
  const readX = fieldReader(accessors, 'frequency');
  const readTx = needs.recencyAge ? fieldReader(accessors, 'recency') : undefined;
  const readT = needs.recencyAge ? fieldReader(accessors, 'T') : undefined;
  const readZ = needs.monetary ? fieldReader(accessors, 'monetaryValue') : undefined;
  const readW = accessors.weight;
  // Grown by doubling from 1024, never sized from a claimed length (a sparse `new Array(2 ** 32 - 1)` would not fit); kept short for the fitBgNbd size ceiling.
  let capacity = 1024;
  let x: Float64Array = new Float64Array(capacity);
  let tx: Float64Array = new Float64Array(needs.recencyAge ? capacity : 0);
  let T: Float64Array = new Float64Array(needs.recencyAge ? capacity : 0);
  let z: Float64Array = new Float64Array(needs.monetary ? capacity : 0);
  let w: Float64Array = new Float64Array(capacity);
  let at: Float64Array = new Float64Array(capacity);
  let length = 0;
  let skipped = 0;
  const grow = (a: Float64Array): Float64Array => {
    if (a.length === 0) return a;
    const b = new Float64Array(capacity);
    b.set(a);
    return b;
  };
  forEachValue(rows, (d, i) => {
    if (isMissing(d)) {
      skipped++;
      return;
    }
    const rawX = readX(d, i);
    const rawTx = readTx?.(d, i);
    const rawT = readT?.(d, i);
    const rawZ = readZ?.(d, i);
    const rawW = readW?.(d, i);
    if (
      isMissing(rawX) ||
      (readTx !== undefined && isMissing(rawTx)) ||
      (readT !== undefined && isMissing(rawT)) ||
      (readZ !== undefined && isMissing(rawZ)) ||
      (readW !== undefined && isMissing(rawW))
    ) {
      skipped++;
      return;
    }
    // Fast paths for valid numbers; the require* helpers build the error otherwise.
    const xi = typeof rawX === 'number' && Number.isInteger(rawX) && rawX >= 0 ? rawX : requireCount(fn, 'frequency', rawX, i);
    if (length === capacity) {
      capacity *= 2;
      x = grow(x);
      tx = grow(tx);
      T = grow(T);
      z = grow(z);
      w = grow(w);
      at = grow(at);
    }
    at[length] = i;
    x[length] = xi;
    if (readTx !== undefined) {
      const txi = isNonNegativeNumber(rawTx) ? rawTx : requireNonNegative(fn, 'recency', rawTx, i);
      const Ti = isNonNegativeNumber(rawT) ? rawT : requireNonNegative(fn, age, rawT, i);
      if (txi > Ti || (xi === 0 && txi !== 0)) checkRecencyAge(fn, xi, txi, Ti, i, age);
      tx[length] = txi;
      T[length] = Ti;
    }
    if (readZ !== undefined) z[length] = isNonNegativeNumber(rawZ) ? rawZ : requireNonNegative(fn, 'monetaryValue', rawZ, i);
    w[length] = readW === undefined ? 1 : requireNonNegative(fn, 'weight', rawW, i);
    length++;
  });
  return { x, tx, T, z, w, at, length, skipped };
}

/** One customer's (x, tₓ, T) checked, as a tuple. */
export function requireCustomerHistory(
  fn: string,
  customer: { readonly frequency: number; readonly recency: number; readonly T: number },
): [number, number, number] {
  if (customer === null || typeof customer !== 'object') {
    throw fail('INVALID_NUMBER', fn, `customer ${describeValue(customer)} must be an object with frequency, recency, T`, {
      field: 'customer',
      value: customer,
    });
  }
  const x = requireCount(fn, 'frequency', customer.frequency);
  const tx = requireNonNegative(fn, 'recency', customer.recency);
  const T = requireNonNegative(fn, 'T', customer.T);
  checkRecencyAge(fn, x, tx, T);
  return [x, tx, T];
}
