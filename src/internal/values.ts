/**
 * Anything a calculator reads: arrays, typed arrays (the fast path), sets, generators and
 * array-likes. Inputs are never mutated.
 */
export type Values<T> = Iterable<T> | ArrayLike<T>;

/** Reads the value of interest from a record and its index, e.g. `(r) => r.score`. */
export type Accessor<T, V> = (d: T, i: number) => V;
