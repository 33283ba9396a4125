/**
 * Reading the inputs every calculator accepts: any `Iterable<T>` or `ArrayLike<T>`
 * (typed arrays included), optionally through an accessor `(d, i) => value`.
 */

import type { Accessor, Values } from '../models/values';

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

/** True for the typed arrays that take the fast paths. */
export function isNumericTypedArray(values: unknown): values is NumericTypedArray {
  return ArrayBuffer.isView(values) && !(values instanceof DataView) && !isBigIntArray(values);
}

function isBigIntArray(values: ArrayBufferView): boolean {
  return (
    (typeof BigInt64Array !== 'undefined' && values instanceof BigInt64Array) ||
    (typeof BigUint64Array !== 'undefined' && values instanceof BigUint64Array)
  );
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
