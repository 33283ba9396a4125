/**
 * Reading the inputs every calculator accepts: any `Iterable<T>` or `ArrayLike<T>`
 * (typed arrays included), optionally through an accessor `(d, i) => value`.
 */

import type { Accessor, Values } from './values';
import { rejectValue } from './validate';

export type { Accessor, Values };

/** Every typed array but `BigInt64Array`/`BigUint64Array` (scores and money are not bigints). */
export type NumericTypedArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

/** True for the typed arrays that take the fast paths (an empty bigint array counts as one: it holds nothing to misread). */
export function isNumericTypedArray(values: unknown): values is NumericTypedArray {
  return ArrayBuffer.isView(values) && !(values instanceof DataView) && typeof (values as unknown as ArrayLike<unknown>)[0] !== 'bigint';
}

function isIterable<T>(values: Values<T>): values is Iterable<T> {
  return typeof (values as Partial<Iterable<T>>)[Symbol.iterator] === 'function';
}

/**
 * Visit each element once, in order, with its index. Arrays and array-likes are walked by
 * index (no iterator allocation); other iterables through their iterator.
 */
export function forEachValue<T>(values: Values<T>, visit: (d: T, i: number) => void): void {
  if (Array.isArray(values) || !isIterable(values)) {
    const list = values as ArrayLike<T>;
    for (let i = 0, n = list.length; i < n; i++) visit(list[i] as T, i);
    return;
  }
  let i = 0;
  for (const d of values) visit(d, i++);
}

/** Visit each value read through the accessor (or the element itself when there is none). */
export function forEachAccessed<T, V>(
  values: Values<T>,
  accessor: Accessor<T, V> | undefined,
  visit: (v: V, i: number, d: T) => void,
): void {
  if (accessor === undefined) forEachValue(values, (d, i) => visit(d as unknown as V, i, d));
  else forEachValue(values, (d, i) => visit(accessor(d, i), i, d));
}

/** Materialise an input as an array only when a function truly needs random access. */
export function toArray<T>(values: Values<T>): readonly T[] {
  if (Array.isArray(values)) return values as readonly T[];
  const out: T[] = [];
  forEachValue(values, (d) => {
    out.push(d);
  });
  return out;
}

/** `null` or `undefined`: "no answer", skipped and counted. */
export function isMissing(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/**
 * True for what a calculator can read: an array, a typed array, any other object with a
 * `Symbol.iterator` method (a Set, a generator), or an array-like object whose `length` is a
 * whole number from 0 to 2³² − 1, the longest an array can be (a `{ length: 2 ** 53 - 1 }` would
 * be walked for ever). Strings are iterable but are not lists of values: false.
 */
export function isCollection(values: unknown): values is Values<unknown> {
  if (values === null || typeof values !== 'object') return false;
  const length = (values as { length?: unknown }).length;
  // `>>> 0` maps a number to a whole number in [0, 2³² − 1]: equal only when it already is one.
  return typeof (values as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function' || (length as number) >>> 0 === length;
}

/**
 * How many slots to allocate before reading `values` into columns: its `length` (at least 1),
 * capped at 2²⁰ so that a length no data backs (a sparse `new Array(2 ** 32 - 1)`) allocates
 * nothing huge; 1024 for an iterable without a length. The caller grows its columns when they fill.
 */
export function initialCapacity(values: unknown): number {
  // An absent or NaN length gives NaN here, hence 1024; a length below 1 gives 1.
  return Math.min(Math.max((values as { length?: number }).length as number, 1) || 1024, 1048576);
}

/**
 * The data argument of `fn`: throws `INVALID_INPUT` naming the function and the argument unless
 * it {@link isCollection is a collection}. `null`, `undefined`, a number, a string, a boolean, a
 * function and a plain object without `length` all get the same code and message. Once per call.
 * (A function that also takes counts or a summary object checks for those first, with its own message.)
 */
export function requireValues<T>(fn: string, what: string, values: unknown): Values<T> {
  if (isCollection(values)) return values as Values<T>;
  throw rejectValue('INVALID_INPUT', fn, what, values, undefined, 'must be an array, a typed array or an iterable');
}

/**
 * Visit every record that is not `null`/`undefined`, in order, with its index in the input;
 * those are skipped before any accessor sees them. Returns how many were skipped.
 */
export function forEachRecord<T>(values: Values<T | null | undefined>, visit: (d: T, i: number) => void): number {
  let skipped = 0;
  forEachValue(values, (d, i) => {
    if (d === null || d === undefined) skipped++;
    else visit(d, i);
  });
  return skipped;
}
