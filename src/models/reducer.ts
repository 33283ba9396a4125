/**
 * A streaming aggregate: the same figure as a batch function, computed from data that
 * arrives in pieces (rows from a cursor, events from a queue, days of data on workers).
 *
 * - `create(options?)` makes an empty state, a plain JSON-serialisable object;
 * - `add(state, value, index?)` folds one value in **by mutating `state`** and returns it, so
 *   `values.reduce(r.add, r.create())` works and adding a value allocates nothing;
 * - `merge(a, b)` returns a new state for the union of the data; it is associative and
 *   commutative and changes neither argument;
 * - `result(state)` reads the figure; it does not change the state.
 *
 * The batch function is the fold: `result(values.reduce(add, create()))` equals it.
 */
export interface Reducer<State, Value, Result, Options = undefined> {
  /** A new, empty state (a plain JSON-serialisable object). */
  readonly create: (options?: Options) => State;
  /** Fold one value into `state`, mutating it, and return it; `index` is used in error messages. */
  readonly add: (state: State, value: Value, index?: number) => State;
  /** A new state holding the data of both; neither argument changes. Associative and commutative. */
  readonly merge: (a: State, b: State) => State;
  /** The figure for the data added so far; the state does not change. */
  readonly result: (state: State) => Result;
}
