/**
 * The shared bad-input table (tests only): what a row says about one public export, the invalid
 * classes every row is run against, and helpers to write rows. One file of rows per domain
 * (`survey.ts`, `models.ts`, `journey.ts`, `retention.ts`, `clv.ts`); `bad-input.test.ts` runs
 * every class against every row, so a new function gets the whole gate by adding one row. A row
 * with a `level` option is also run against levels outside (0, 1), and its `rejects` list holds
 * the input only its own contract rules out (margins with different totals, a single group).
 */
import type { CxMetricsErrorCode } from '../../src/internal/errors';
import type { Reducer } from '../../src/models/reducer';

/** A call of the export under test: its data argument and its options argument. */
export interface Call {
  readonly data: unknown;
  readonly options?: unknown;
}

/** One place where the export reads a number (a score, a weight, a count, a parameter). */
export interface NumberSite {
  /** What the message calls it (`score`, `weight`, `frequency`); the message must name it. */
  readonly what: string;
  /** The valid call with `bad` put in that place. */
  readonly put: (bad: unknown) => Call;
  /** The code when not `INVALID_NUMBER` (an instant: `INVALID_DATE`). */
  readonly code?: CxMetricsErrorCode;
  /** Bad values this site does not see as a number, with the reason (`null` is a missing answer). */
  readonly except?: readonly unknown[];
}

/** Input that only this export's own contract rules out (beyond the shared classes), and the code it must throw. */
export interface Rejection {
  /** What is wrong, as a test title (`margins with different totals`). */
  readonly what: string;
  /** Call the export with that input. */
  readonly run: () => unknown;
  /** The code it must throw. */
  readonly code: CxMetricsErrorCode;
  /** Words the message must contain (besides `fn: `). */
  readonly mentions?: readonly string[];
}

/** What one public export promises about bad input. */
export interface Row {
  /** The export's name in `src/index.ts`. */
  readonly name: string;
  /** The function name every message starts with (`fn: …`); the export's name unless given. */
  readonly fn?: string;
  /** Invoke the export. For a reducer, {@link foldWith}: `create(options)`, then `add` each element of `data`. */
  readonly call: (data: unknown, options?: unknown) => unknown;
  /** A valid call: it must succeed (checked first, so the other classes test what they claim). */
  readonly valid: Call;
  /**
   * The data argument, when the export takes a collection: its name in messages (`values`,
   * `journeys`) and the code for one that is not a collection (`INVALID_INPUT`; parsers, which
   * take `unknown` and report every problem as `INVALID_RECORD`, say so here).
   */
  readonly collection?: { readonly name: string; readonly code?: CxMetricsErrorCode };
  /** Every documented option key; `undefined` when the export takes no options argument. */
  readonly optionKeys?: readonly string[];
  /** The option keys that are accessors `(d, i) => value`. */
  readonly accessors?: readonly string[];
  /** Where numbers are read. */
  readonly numbers?: readonly NumberSite[];
  /**
   * `null`/`undefined` records: `valid.data` with a `null` put first and an `undefined` put last
   * must succeed, no accessor may see them, and a numeric `skipped` in the result must grow by 2.
   * `false` when elements are not records (counts, parameters).
   */
  readonly nullRecords?: boolean;
  /**
   * Where a whole number sizes what the call allocates or loops over (simulated customers, draws,
   * resamples): each of {@link HUGE_SIZES} must throw `OUT_OF_RANGE` naming `what`, at once (no hang,
   * no `RangeError` from an array length).
   */
  readonly sizes?: readonly { readonly what: string; readonly put: (huge: number) => Call }[];
  /** Put `null` and `undefined` records into the data, when it is not a plain array (a reducer's values, a nested list). */
  readonly withNulls?: (data: unknown) => unknown;
  /** Input this export's own contract rules out (margins with different totals, a single group…). */
  readonly rejects?: readonly Rejection[];
}

/** Values that are not numbers where a number belongs: each must throw `INVALID_NUMBER` (never a TypeError, never a skip). */
export const NOT_NUMBERS: readonly unknown[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  '9',
  9n,
  Symbol('nine'),
  {},
  [9],
  true,
];

/**
 * Confidence levels outside (0, 1): every export with a `level` option must throw `OUT_OF_RANGE`
 * naming `level` (a level is a probability strictly between 0 and 1, not a percentage).
 */
export const NOT_LEVELS: readonly number[] = [0, 1, -0.05, 1.5, 95];

/** Data arguments that are not collections: each must throw the row's collection code (`INVALID_INPUT`). */
export const NOT_COLLECTIONS: readonly unknown[] = [
  null,
  undefined,
  5,
  '910',
  true,
  {},
  { length: -1 },
  // Lengths no array can have: walking them would never end, allocating for them would throw a RangeError.
  { length: 2 ** 32 },
  { length: 2 ** 53 - 1 },
  () => [9],
  Symbol('values'),
  9n,
];

/**
 * Finite numbers at the edges of a double: where a number is read, each must give a
 * `CxMetricsError` (out of range, not an integer…) or a result with no `NaN` or `±Infinity`
 * anywhere in it: never an overflow that leaks out, an internal error or a loop that never ends.
 */
export const EXTREME_NUMBERS: readonly number[] = [1e308, -1e308, 5e-324, 2 ** 53 + 1];

/** Options arguments that are not plain objects: each must throw `INVALID_OPTION` naming `options`. */
export const NOT_OPTIONS: readonly unknown[] = [null, 5, 'x', true, [], () => ({}), new Date(0), new Map(), Symbol('options')];

/** Sizes no call can honour: past an array's length, past a safe integer, the largest double. */
export const HUGE_SIZES: readonly number[] = [2 ** 32, 2 ** 53 + 2, 1e308];

/** Accessors that are not functions: each must throw `INVALID_OPTION` naming the option. */
export const NOT_ACCESSORS: readonly unknown[] = ['f', 5, {}, null, true, [], Symbol('f')];

/** The row's call of a reducer: `create(options)`, `add` every element of `data` (with its index), `result`. */
export function foldWith<S, V, R, O>(reducer: Reducer<S, V, R, O>): (data: unknown, options?: unknown) => R {
  return (data, options) => {
    let state = reducer.create(options as O);
    (data as readonly V[]).forEach((value, i) => {
      state = reducer.add(state, value, i);
    });
    return reducer.result(state);
  };
}

/** A copy of an array with element `index` replaced. */
export function replaceAt<T>(list: readonly T[], index: number, value: unknown): T[] {
  const copy = list.slice();
  copy[index] = value as T;
  return copy;
}

/** A copy of an array of records with field `key` of record `index` replaced. */
export function replaceField<T extends object>(list: readonly T[], index: number, key: string, value: unknown): T[] {
  return replaceAt(list, index, { ...list[index], [key]: value });
}
