/**
 * The input gate every public function passes its arguments through, once per call (never per
 * element): the options argument, accessors, and (in `input.ts`) the data argument.
 *
 * | argument | accepted | rejected with |
 * |---|---|---|
 * | options | `undefined` (all defaults) or a plain object whose keys are all documented | `INVALID_OPTION` naming `options`, or the unknown key with the nearest documented name |
 * | accessor | `undefined` (its default) or a function `(d, i) => value` | `INVALID_OPTION` naming the option; a string gets "pass `(d) => d.f`" |
 */
import { describeValue, fail } from './validate';

const NO_OPTIONS: Readonly<Record<string, never>> = Object.freeze({});

/**
 * True for `{ … }` and `Object.create(null)` objects (also from another realm), false for arrays,
 * dates, maps, class instances, functions and primitives.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), case-insensitive:
 * `levle` → `level` is 1. Only ever called on an unknown option key, so its cost does not matter.
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  // d[i][j]: distance between the first i characters of s and the first j of t.
  const d: number[][] = [];
  for (let i = 0; i <= s.length; i++) {
    const row: number[] = (d[i] = [i]);
    for (let j = 1; j <= t.length; j++) {
      const above = d[i - 1];
      if (above === undefined) row[j] = j;
      else {
        row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + (s[i - 1] === t[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[s.length] as number[])[t.length] as number;
}

/**
 * The documented name a mistyped one most likely meant: the nearest by {@link editDistance}, when
 * it is at most 2 edits away and fewer edits than half the name (so `x` does not suggest `T`).
 */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const d = editDistance(name, candidate);
    if (d < bestDistance && d <= 2 && d < Math.max(name.length, candidate.length) / 2) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Read the options argument of `fn`: `undefined` gives an empty (frozen) bag, so every default
 * applies; anything that is not a plain object, and any own key not in `keys`, throws
 * `INVALID_OPTION`. A near miss (`levle`) is answered with the right name (`did you mean "level"?`).
 *
 * @param what - The argument's name in messages, `options` unless a function takes two option bags.
 */
export function readOptions<O extends object>(fn: string, options: O | undefined, keys: readonly string[], what = 'options'): Partial<O> {
  if (options === undefined) return NO_OPTIONS as Partial<O>;
  if (!isPlainObject(options)) {
    throw fail('INVALID_OPTION', fn, `${what} ${describeValue(options)} must be a plain object such as { ${keys[0] ?? ''}: … }`, {
      field: what,
      value: options,
    });
  }
  for (const key of Object.keys(options)) {
    if (keys.includes(key)) continue;
    const near = nearestName(key, keys);
    const hint =
      near !== undefined
        ? `; did you mean "${near}"?`
        : keys.length === 0
          ? `; ${fn} takes no options`
          : ` (known options: ${keys.join(', ')})`;
    throw fail('INVALID_OPTION', fn, `${what === 'options' ? 'option' : `${what} key`} ${JSON.stringify(key)} is not known${hint}`, {
      field: key,
      value: (options as Record<string, unknown>)[key],
    });
  }
  return options;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * An accessor option: `undefined` (its default applies) or a function. Anything else throws
 * `INVALID_OPTION` naming the option; a string (a field name, as other libraries accept) is told
 * to pass `(d) => d.field`, because records are read through accessors, never by field name.
 */
export function requireAccessor<F extends (...args: never[]) => unknown>(fn: string, name: string, value: F | undefined): F | undefined;
export function requireAccessor(fn: string, name: string, value: unknown): ((...args: never[]) => unknown) | undefined;
export function requireAccessor(fn: string, name: string, value: unknown): ((...args: never[]) => unknown) | undefined {
  if (value === undefined || typeof value === 'function') return value as ((...args: never[]) => unknown) | undefined;
  if (typeof value === 'string') {
    const read = IDENTIFIER.test(value) ? `d.${value}` : `d[${JSON.stringify(value)}]`;
    throw fail(
      'INVALID_OPTION',
      fn,
      `${name} ${JSON.stringify(value)} must be a function such as (d) => ${read}; records are read through accessors, never by field name`,
      { field: name, value },
    );
  }
  throw fail('INVALID_OPTION', fn, `${name} ${describeValue(value)} must be a function such as (d) => d.${name}`, { field: name, value });
}

/** A required accessor: like {@link requireAccessor}, and `undefined` throws `INVALID_OPTION` too. */
export function requireAccessorGiven<F extends (...args: never[]) => unknown>(fn: string, name: string, value: F | undefined): F {
  const f = requireAccessor(fn, name, value);
  if (f === undefined) {
    throw fail('INVALID_OPTION', fn, `${name} is required: a function such as (d) => d.${name}`, { field: name, value });
  }
  return f;
}

/**
 * The documented keys of an options interface, as a list for {@link readOptions}. Written as a
 * record over `keyof O` so that the compiler fails when an option is added to the interface and
 * not here (or the other way round).
 */
export function optionKeys<O extends object>(keys: { readonly [K in keyof Required<O>]: true }): readonly string[] {
  return Object.freeze(Object.keys(keys));
}

/** A flag option: `undefined` (false) or a boolean; anything else throws `INVALID_OPTION` naming it. */
export function requireFlag(fn: string, name: string, value: unknown): boolean {
  if (value === undefined || value === false) return false;
  if (value === true) return true;
  throw fail('INVALID_OPTION', fn, `${name} ${describeValue(value)} must be true or false`, { field: name, value });
}
