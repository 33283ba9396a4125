/**
 * Checking a reducer state handed back by the caller (restored from storage, sent between
 * workers, built by hand) before it is read: a malformed one is rejected with
 * `INVALID_RECORD` naming the reducer method (`npsTally.result`) and the field that is wrong,
 * instead of yielding `NaN` counts or an untyped `TypeError`.
 *
 * The reducers check their states in `result` and `merge` (which read every field anyway), and
 * in `add` once per state object (a `WeakSet` remembers the states already checked, so the
 * per-element cost is one lookup).
 */
import { describeValue, fail } from './validate';

/** Throw `INVALID_RECORD`: `fn.method: malformed state: <path> <value> <problem>`. */
export function badState(where: string, path: string, value: unknown, problem: string): never {
  const message = `${describeValue(value)} ${problem}`;
  throw fail('INVALID_RECORD', where, `malformed state: ${path} ${message}`, {
    field: `state.${path}`,
    value,
    issues: [{ path: `state.${path}`, message }],
  });
}

/** A reader of one state's fields, reporting problems as `where` (`npsTally.result`). */
export class StateReader {
  readonly where: string;
  readonly state: Record<string, unknown>;

  constructor(where: string, state: unknown, what: string) {
    this.where = where;
    if (state === null || typeof state !== 'object' || Array.isArray(state)) {
      throw fail('INVALID_RECORD', where, `malformed state: ${describeValue(state)} is not ${what} state (make one with its create())`, {
        field: 'state',
        value: state,
        issues: [{ path: 'state', message: `expected ${what} state object, got ${describeValue(state)}` }],
      });
    }
    this.state = state as Record<string, unknown>;
  }

  /** A field that must be a whole number ≥ 0 (a count). */
  count(key: string, value: unknown = this.state[key], path = key): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) badState(this.where, path, value, 'is not a whole number ≥ 0');
    return value;
  }

  /** A field that must be a finite number ≥ 0 (a weight sum). */
  nonNegative(key: string, value: unknown = this.state[key], path = key): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) badState(this.where, path, value, 'is not a finite number ≥ 0');
    return value;
  }

  /** A field that must be a finite number. */
  finite(key: string, value: unknown = this.state[key], path = key): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) badState(this.where, path, value, 'is not a finite number');
    return value;
  }

  /** A field that must be an integer (a period index, a scale point). */
  integer(key: string, value: unknown = this.state[key], path = key): number {
    if (typeof value !== 'number' || !Number.isInteger(value)) badState(this.where, path, value, 'is not a whole number');
    return value;
  }

  /** A field that must be a boolean. */
  boolean(key: string, value: unknown = this.state[key], path = key): boolean {
    if (typeof value !== 'boolean') badState(this.where, path, value, 'is not a boolean');
    return value;
  }

  /** A field that must be one of a few values. */
  oneOf<T>(key: string, allowed: readonly T[], value: unknown = this.state[key], path = key): T {
    if (!(allowed as readonly unknown[]).includes(value)) {
      badState(this.where, path, value, `is not one of ${allowed.map((a) => describeValue(a)).join(', ')}`);
    }
    return value as T;
  }

  /** A confidence level strictly between 0 and 1. */
  level(key: string, value: unknown = this.state[key], path = key): number {
    if (typeof value !== 'number' || !(value > 0 && value < 1)) badState(this.where, path, value, 'is not a confidence level strictly between 0 and 1');
    return value;
  }

  /** An array of `length` elements, each checked by `check` (`count` or `nonNegative`). */
  numbers(key: string, length: number, kind: 'count' | 'nonNegative', value: unknown = this.state[key], path = key): number[] {
    if (!Array.isArray(value)) badState(this.where, path, value, 'is not an array');
    if (value.length !== length) badState(this.where, path, value, `has ${value.length} elements, expected ${length}`);
    for (let i = 0; i < length; i++) {
      if (kind === 'count') this.count(key, value[i], `${path}[${i}]`);
      else this.nonNegative(key, value[i], `${path}[${i}]`);
    }
    return value as number[];
  }

  /** A plain object field (a map keyed by strings). */
  record(key: string, value: unknown = this.state[key], path = key): Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) badState(this.where, path, value, 'is not an object');
    return value as Record<string, unknown>;
  }
}

/**
 * Check a state once per object for `add`: `check` runs the first time a state object is seen
 * (the states `create` and `merge` return are registered as checked).
 */
export function stateChecker<S extends object>(check: (where: string, state: unknown) => void): {
  /** Check `state` unless already checked; report problems as `where`. */
  readonly once: (where: string, state: S) => void;
  /** Register a state built by the reducer itself. */
  readonly trust: (state: S) => S;
} {
  const checked = new WeakSet<object>();
  return {
    once(where: string, state: S): void {
      if (typeof state === 'object' && state !== null && checked.has(state)) return;
      check(where, state);
      checked.add(state);
    },
    trust(state: S): S {
      checked.add(state);
      return state;
    },
  };
}
