/**
 * The input gate every public function passes its arguments through, once per call (never per
 * element): the options argument, accessors, and (in `input.ts`) the data argument.
 *
 * | argument | accepted | rejected with |
 * |---|---|---|
 * | options | `undefined` (all defaults) or a plain object whose keys are all documented | `INVALID_OPTION` naming `options`, or the unknown key with the nearest documented name |
 * | accessor | `undefined` (its default) or a function `(d, i) => value` | `INVALID_OPTION` naming the option; a string gets "pass `(d) => d.f`" |
 */
import { describeValue, fail, rejectValue } from './validate';

const NO_OPTIONS: Readonly<Record<string, never>> = Object.freeze({});

/**
 * True for `{ … }` and `Object.create(null)` objects (also from another realm), false for arrays,
 * dates, maps, class instances, functions and primitives.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  // Object.prototype, of this realm or another, is the one prototype whose own prototype is null.
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** `s` and every string one character shorter: the strings one deletion away. */
function deletions(s: string): string[] {
  const out = [s];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

/**
 * The documented name a mistyped one most likely meant: the first that shares with it, case
 * aside, a string of at least 2 characters reachable by at most one deletion from each
 * (symmetric deletion). That covers one character missing, extra or wrong, two adjacent
 * characters swapped (`levle` → `level`), and some two-edit slips; a one-letter name never
 * suggests another (`x` does not suggest `T`).
 */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  const mine = deletions(name.toLowerCase());
  return known.find((k) => deletions(k.toLowerCase()).some((v) => v.length > 1 && mine.includes(v)));
}

/**
 * Read the options argument of `fn`: `undefined` gives an empty (frozen) bag, so every default
 * applies; anything that is not a plain object, and any own key not in `keys`, throws
 * `INVALID_OPTION`. A near miss (`levle`) is answered with the right name (`did you mean "level"?`).
 * A function that takes no options checks its argument with {@link refuseOptions} instead.
 *
 * @param keys - The documented keys, at least one.
 * @param what - The argument's name in messages, `options` unless a function takes two option bags.
 */
export function readOptions<O extends object>(fn: string, options: O | undefined, keys: readonly string[], what = 'options'): Partial<O> {
  if (options === undefined) return NO_OPTIONS as Partial<O>;
  if (!isPlainObject(options)) {
    throw rejectValue('INVALID_OPTION', fn, what, options, undefined, `must be a plain object such as { ${keys[0]}: … }`);
  }
  const unknown = Object.keys(options).find((key) => !keys.includes(key));
  if (unknown !== undefined) {
    const near = nearestName(unknown, keys);
    throw fail(
      'INVALID_OPTION',
      fn,
      `${what === 'options' ? 'option' : `${what} key`} ${JSON.stringify(unknown)} is not known${near !== undefined ? `; did you mean "${near}"?` : ` (known options: ${keys.join(', ')})`}`,
      { field: unknown, value: (options as Record<string, unknown>)[unknown] },
    );
  }
  return options;
}

/**
 * The options argument of `fn`, which takes none: `undefined` (or an empty plain object) passes;
 * anything else throws `INVALID_OPTION`, so an options bag (a typo, a setting meant for another
 * function) is rejected, never ignored.
 */
export function refuseOptions(fn: string, options: unknown): void {
  if (options === undefined) return;
  if (!isPlainObject(options)) throw rejectValue('INVALID_OPTION', fn, 'options', options, undefined, 'must be undefined');
  const [key] = Object.keys(options);
  if (key !== undefined) throw fail('INVALID_OPTION', fn, `option ${JSON.stringify(key)} is not known; ${fn} takes no options`, { field: key, value: options[key] });
}

/**
 * An accessor option: `undefined` (its default applies) or a function. Anything else throws
 * `INVALID_OPTION` naming the option; a string (a field name, as other libraries accept) is told
 * to pass `(d) => d.field`, because records are read through accessors, never by field name.
 */
export function requireAccessor<F extends (...args: never[]) => unknown>(fn: string, name: string, value: F | undefined): F | undefined;
export function requireAccessor(fn: string, name: string, value: unknown): ((...args: never[]) => unknown) | undefined;
export function requireAccessor(fn: string, name: string, value: unknown): ((...args: never[]) => unknown) | undefined {
  if (value === undefined || typeof value === 'function') return value as ((...args: never[]) => unknown) | undefined;
  const field = typeof value === 'string';
  throw rejectValue(
    'INVALID_OPTION',
    fn,
    name,
    value,
    undefined,
    `must be a function such as (d) => d.${field ? value : name}${field ? '; records are read through accessors, never by field name' : ''}`,
  );
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

/**
 * Refuse arguments a method of fixed arity would ignore: `extra` holds what the caller passed
 * beyond the method's `arity` parameters; the first that is not `undefined` throws
 * `INVALID_OPTION` (`fn: method takes 1 argument; argument 2 (an object) would be ignored: hint`),
 * so an options object handed to the wrong door is an error, never silently dropped.
 */
export function refuseExtraArguments(fn: string, method: string, arity: number, extra: readonly unknown[], hint: string): void {
  const k = extra.findIndex((value) => value !== undefined);
  if (k < 0) return;
  const value = extra[k];
  throw fail(
    'INVALID_OPTION',
    fn,
    `${method} takes ${arity} argument${arity === 1 ? '' : 's'}; argument ${arity + k + 1} (${describeValue(value)}) would be ignored: ${hint}`,
    { field: 'options', value },
  );
}
