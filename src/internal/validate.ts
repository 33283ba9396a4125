/**
 * The one place where input is judged, so that every public function rejects the same
 * things with the same codes and messages (`fn: what value at index i is wrong`).
 */
import { CxMetricsError, type CxMetricsErrorCode, type CxMetricsErrorDetails } from './errors';

/** Show a value in a message as a reader would type it: strings quoted, `NaN` and `-Infinity` as such. */
export function describeValue(value: unknown): string {
  const type = typeof value;
  // String(), not a template literal, for the rest: a template literal throws a TypeError on a Symbol.
  return type === 'string'
    ? JSON.stringify(value)
    : type === 'bigint'
      ? `${value as bigint}n`
      : type === 'function'
        ? 'a function'
        : value instanceof Date
          ? Number.isNaN(value.getTime())
            ? 'Invalid Date'
            : value.toISOString()
          : Array.isArray(value)
            ? 'an array'
            : value !== null && type === 'object'
              ? 'an object'
              : String(Object.is(value, -0) ? 0 : value);
}

/** ` at index 3`, or nothing when there is no index. */
export function atIndex(index: number | undefined): string {
  return index === undefined ? '' : ` at index ${index}`;
}

/** Build (not throw) the error, so callers can write `throw fail(...)` and keep control flow visible. */
export function fail(
  code: CxMetricsErrorCode,
  fn: string,
  message: string,
  details: Omit<CxMetricsErrorDetails, 'function'> = {},
): CxMetricsError {
  return new CxMetricsError(code, `${fn}: ${message}`, { function: fn, ...details });
}

/**
 * The error for one bad value: `fn: what <value> at index i <problem>`, with details
 * `{ field: what, value, index }` (no `index` when there is none). `shown` is what the message
 * prints, when it is not `value` itself.
 */
export function rejectValue(
  code: CxMetricsErrorCode,
  fn: string,
  what: string,
  value: unknown,
  index: number | undefined,
  problem: string,
  shown: unknown = value,
): CxMetricsError {
  return fail(code, fn, `${what} ${describeValue(shown)}${atIndex(index)} ${problem}`, {
    field: what,
    value,
    ...(index === undefined ? {} : { index }),
  });
}

/** Throw `INVALID_NUMBER` unless `value` is a finite number. Returns it typed as a number. */
export function requireFinite(fn: string, what: string, value: unknown, index?: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw rejectValue('INVALID_NUMBER', fn, what, value, index, 'is not a finite number');
  }
  return value;
}

/**
 * A sum or product of valid money that must still fit in a double: `OUT_OF_RANGE` naming
 * `what` and whose it is (the id of the owner it totals, or the input index) when it
 * overflowed, so no `Infinity` or `NaN` leaks out. Nothing is formatted unless it throws: it
 * runs once per owner. (Every caller totals per customer, hence the wording of the message.)
 */
export function requireFiniteTotal(fn: string, what: string, value: number, ownerId?: string | number, index?: number): number {
  if (Number.isFinite(value)) return value;
  const of =
    ownerId !== undefined ? ` of customer ${describeValue(ownerId)}` : index !== undefined ? ` of the customer at index ${index}` : '';
  throw fail('OUT_OF_RANGE', fn, `${what}${of} overflows a double; use larger units of money (thousands, millions)`, {
    field: what,
    value,
    ...(index === undefined ? {} : { index }),
  });
}

/** A finite number ≥ 0 (money, weights, durations). */
export function requireNonNegative(fn: string, what: string, value: unknown, index?: number): number {
  const x = requireFinite(fn, what, value, index);
  if (x < 0) {
    throw rejectValue('NEGATIVE_VALUE', fn, what, value, index, 'is negative');
  }
  return x;
}

/** A finite integer ≥ 0 (counts, frequencies). */
export function requireCount(fn: string, what: string, value: unknown, index?: number): number {
  const x = requireNonNegative(fn, what, value, index);
  if (!Number.isInteger(x)) {
    throw rejectValue('NOT_AN_INTEGER', fn, what, value, index, 'is not a whole number');
  }
  return x;
}

/** A whole number from 0 to `max` (a size the caller must allocate: draws, resamples, simulated rows); above it `OUT_OF_RANGE`. */
export function requireCountUpTo(fn: string, what: string, value: unknown, max: number): number {
  const x = requireCount(fn, what, value);
  if (x > max) throw rejectValue('OUT_OF_RANGE', fn, what, value, undefined, `exceeds ${max}`);
  return x;
}

/** A finite number > 0 (rates, scale parameters). */
export function requirePositive(fn: string, what: string, value: unknown, index?: number): number {
  const x = requireFinite(fn, what, value, index);
  if (x <= 0) {
    throw rejectValue('OUT_OF_RANGE', fn, what, value, index, 'must be greater than 0');
  }
  return x;
}

/** An integer score on a closed scale `[min, max]`, as on every survey scale. */
export function requireScore(fn: string, value: unknown, min: number, max: number, index?: number): number {
  const x = requireFinite(fn, 'score', value, index);
  if (x < min || x > max) throw rejectValue('OUT_OF_RANGE', fn, 'score', value, index, `is outside ${min}–${max}`);
  if (!Number.isInteger(x)) throw rejectValue('NOT_AN_INTEGER', fn, 'score', value, index, `is not a whole number on the ${min}–${max} scale`);
  return x;
}

/** A confidence level strictly between 0 and 1 (0.95, not 95). */
export function requireLevel(fn: string, value: unknown): number {
  const x = requireFinite(fn, 'level', value);
  if (!(x > 0 && x < 1)) {
    throw rejectValue('OUT_OF_RANGE', fn, 'level', value, undefined, 'must be strictly between 0 and 1 (e.g. 0.95)');
  }
  return x;
}

/** A proportion in [0, 1] (a retention rate, a margin). */
export function requireProportion(fn: string, what: string, value: unknown, index?: number): number {
  const x = requireFinite(fn, what, value, index);
  if (x < 0 || x > 1) {
    throw rejectValue('OUT_OF_RANGE', fn, what, value, index, 'must be a proportion between 0 and 1');
  }
  return x;
}

/** One of a fixed list of option values; `INVALID_OPTION` names the allowed ones. */
export function requireOneOf<T extends string>(fn: string, what: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw fail(
    'INVALID_OPTION',
    fn,
    `${what} ${describeValue(value)} is not one of ${allowed.map((a) => `'${a}'`).join(', ')}`,
    { field: what, value },
  );
}
