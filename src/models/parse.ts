/**
 * The machinery behind the validating parsers (`parseCustomer`, `parseJourney`, …): an issue
 * collector with paths, and readers for the field kinds the models use. A reader either
 * returns the parsed value or records an issue at its path and returns {@link INVALID}, so a
 * parser keeps going and reports **every** problem, not just the first.
 *
 * Conventions shared by every parser:
 * - a required field that is absent (or `undefined`) is reported as `missing`;
 * - an optional field that is absent, `undefined` or `null` is left out of the output;
 * - unknown extra fields are ignored and not copied;
 * - nothing is coerced: `"9"` is not a score, `"2024-01-01"` is not a date-time.
 */
import type { CxMetricsIssue } from '../internal/errors';
import type { Instant } from '../internal/time';
import { MAX_EPOCH_MS } from '../internal/calendar';
import { describeValue, fail } from '../internal/validate';

/** Marks a field that could not be read; its issue has already been recorded. */
export const INVALID: unique symbol = Symbol('invalid');
/** What a reader returns: the value, or {@link INVALID} after recording why. */
export type Read<T> = T | typeof INVALID;

/** Where a parser records its issues. */
export interface ParseContext {
  readonly issues: CxMetricsIssue[];
}

/** How many issues the error message quotes before saying "and N more". */
const QUOTED_ISSUES = 3;
/** Longest string quoted in full in an issue. */
const QUOTED_LENGTH = 60;

/**
 * Where a field is: a path string, or a parent path and a key, turned into text only when an
 * issue is recorded (so reading valid records builds no path strings).
 */
export type Path = string | readonly [parent: Path, key: string | number];

/** The path of `key` inside `parent`. */
export function child(parent: Path, key: string | number): Path {
  return [parent, key];
}

/** The text of a path: `stages[0].interactions[3].score`. */
export function pathText(path: Path): string {
  return typeof path === 'string' ? path : pathOf(pathText(path[0]), path[1]);
}

/** `stages[2]` or `stages.name`; a key that is not an identifier is quoted: `attributes["a b"]`. */
function pathOf(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/** A value as quoted in an issue: like `describeValue`, long strings shortened. */
export function show(value: unknown): string {
  if (typeof value === 'string' && value.length > QUOTED_LENGTH) return `${JSON.stringify(value.slice(0, QUOTED_LENGTH))}…`;
  return describeValue(value);
}

/** Record an issue at `path`. Returns {@link INVALID} so readers can `return issue(...)`. */
export function issue(ctx: ParseContext, path: Path, message: string): typeof INVALID {
  ctx.issues.push({ path: pathText(path), message });
  return INVALID;
}

/** Record `expected <what>, got <value>` (or `missing (expected <what>)`) at `path`. */
export function expected(ctx: ParseContext, path: Path, what: string, value: unknown): typeof INVALID {
  return issue(ctx, path, value === undefined ? `missing (expected ${what})` : `expected ${what}, got ${show(value)}`);
}

/** Absent for an optional field: `undefined` or `null` (JSON's way of saying "no value"). */
export function isAbsent(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/**
 * Builds a record field by field: absent (`undefined`) values are left out, and one
 * {@link INVALID} value makes the whole record invalid. Fields are added in a fixed order, so
 * records of one kind share one object shape.
 */
export class RecordBuilder {
  private readonly out: Record<string, unknown> = {};
  private ok = true;

  /** Add a field (a model field name, never an input key). */
  set(key: string, value: unknown): void {
    if (value === INVALID) this.ok = false;
    else if (value !== undefined) this.out[key] = value;
  }

  /** The record, or {@link INVALID} if any field was. */
  done<T>(): Read<T> {
    return this.ok ? (this.out as T) : INVALID;
  }
}

/** A reader of one field kind. */
export type Reader<T> = (ctx: ParseContext, path: Path, value: unknown) => Read<T>;

/** Read an optional field: `undefined` when absent or null, else the reader's result. */
export function optional<T>(ctx: ParseContext, path: Path, value: unknown, read: Reader<T>): Read<T> | undefined {
  return isAbsent(value) ? undefined : read(ctx, path, value);
}

/** A record: any non-null object that is not an array. */
export function readObject(ctx: ParseContext, path: Path, value: unknown): Read<Readonly<Record<string, unknown>>> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return expected(ctx, path, 'an object', value);
  return value as Readonly<Record<string, unknown>>;
}

/** An array, optionally non-empty. */
export function readArray(ctx: ParseContext, path: Path, value: unknown, nonEmpty = false): Read<readonly unknown[]> {
  if (!Array.isArray(value)) return expected(ctx, path, nonEmpty ? 'a non-empty array' : 'an array', value);
  if (nonEmpty && value.length === 0) return issue(ctx, path, 'expected a non-empty array, got an empty one');
  return value;
}

/**
 * A list of records at the root: an array, each element read at `[i]`; {@link INVALID}
 * if any element is (their issues are all recorded).
 */
export function readList<T>(ctx: ParseContext, value: unknown, read: Reader<T>): Read<T[]> {
  const list = readArray(ctx, '', value);
  if (list === INVALID) return INVALID;
  const out = list.map((element, i) => read(ctx, child('', i), element));
  return out.includes(INVALID) ? INVALID : (out as T[]);
}

/** A non-empty string (ids, names, labels). */
export const readName: Reader<string> = (ctx, path, value) =>
  typeof value === 'string' && value !== '' ? value : expected(ctx, path, 'a non-empty string', value);

/** A boolean. */
export const readBoolean: Reader<boolean> = (ctx, path, value) =>
  typeof value === 'boolean' ? value : expected(ctx, path, 'true or false', value);

/** One of a closed list of strings; the issue lists the allowed ones. */
export function readOneOf<T extends string>(ctx: ParseContext, path: Path, value: unknown, allowed: readonly T[]): Read<T> {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  return expected(ctx, path, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`, value);
}

/** A finite number ≥ 0 (money). */
export const readNonNegative: Reader<number> = (ctx, path, value) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : expected(ctx, path, 'a finite number ≥ 0', value);

/** A whole number ≥ 0 (counts). */
export const readCount: Reader<number> = (ctx, path, value) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : expected(ctx, path, 'a whole number ≥ 0', value);


const INSTANT = 'a Date, epoch milliseconds, an ISO-8601 date-time such as "2024-03-05T14:30:00Z" or a date "2024-03-05" (UTC midnight)';

// YYYY-MM-DDTHH:mm[:ss[.fraction]] then Z or ±HH:mm: RFC 3339 profile of ISO 8601, seconds optional.
// A plain YYYY-MM-DD (no time, no zone) is the start of that day in UTC.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2})))?$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in a month (1–12) of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/**
 * Epoch milliseconds of a strict ISO-8601 date-time with an explicit offset, or of a plain
 * calendar date `YYYY-MM-DD` (midnight UTC), or why it is neither. Fields must be in range (no 2024-02-30 rolling over to March 1, no hour 24, no leap
 * second); digits beyond milliseconds are dropped, since a `Date` holds milliseconds.
 */
export function parseIsoDateTime(text: string): number | string {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return 'not an ISO-8601 date-time with a time zone (Z or ±HH:mm) nor a date YYYY-MM-DD';
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // A plain date: no time fields, no offset (m[8] undefined) — midnight UTC.
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millisecond = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (month < 1 || month > 12) return `month ${m[2]} does not exist`;
  if (day < 1 || day > daysInMonth(year, month)) return `day ${m[3]} does not exist in ${m[1]}-${m[2]}`;
  if (hour > 23 || minute > 59 || second > 59) return `time ${m[4]}:${m[5]}${m[6] === undefined ? '' : `:${m[6]}`} does not exist`;
  let offsetMinutes = 0;
  if (m[8] !== undefined && m[8] !== 'Z') {
    const offsetHours = Number(m[10]);
    const offsetMins = Number(m[11]);
    if (offsetHours > 23 || offsetMins > 59) return `offset ${m[8]} does not exist`;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  let local: number;
  if (year >= 100) local = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  else {
    // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    local = date.setUTCHours(hour, minute, second, millisecond);
  }
  const ms = local - offsetMinutes * 60_000;
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_EPOCH_MS ? ms : 'outside the range of a Date';
}

/**
 * An instant: a valid `Date` (copied), finite epoch milliseconds within a `Date`'s range (kept
 * as a number) or a strict ISO-8601 date-time string (returned as a `Date`).
 */
export const readInstant: Reader<Instant> = (ctx, path, value) => {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? expected(ctx, path, INSTANT, value) : new Date(ms);
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) && Math.abs(value) <= MAX_EPOCH_MS ? value : expected(ctx, path, INSTANT, value);
  }
  if (typeof value === 'string') {
    const ms = parseIsoDateTime(value);
    if (typeof ms === 'number') return new Date(ms);
    return issue(ctx, path, `expected an ISO-8601 date-time such as "2024-03-05T14:30:00Z" or a date "2024-03-05", got ${show(value)}: ${ms}`);
  }
  return expected(ctx, path, INSTANT, value);
};

/** Epoch milliseconds of an instant read by {@link readInstant}. */
export function instantMs(instant: Instant): number {
  return instant instanceof Date ? instant.getTime() : instant;
}

/** An instant as quoted in an order issue. */
export function showInstant(instant: Instant): string {
  return new Date(instantMs(instant)).toISOString();
}

/**
 * Run a parser: collect every issue while reading `input`, then return the value, or throw
 * `INVALID_RECORD` whose `details.issues` lists them all and whose message quotes the first
 * few: `parseJourney: 2 problems: stages[1].enteredAt: …; customerId: …`.
 */
export function runParser<T>(fn: string, input: unknown, read: (ctx: ParseContext, value: unknown) => Read<T>): T {
  const ctx: ParseContext = { issues: [] };
  const value = read(ctx, input);
  const { issues } = ctx;
  if (issues.length === 0 && value !== INVALID) return value;
  if (issues.length === 0) issues.push({ path: '', message: 'invalid' }); // unreachable by construction: readers record before returning INVALID
  const quoted = issues.slice(0, QUOTED_ISSUES).map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`));
  const more = issues.length > QUOTED_ISSUES ? `; and ${issues.length - QUOTED_ISSUES} more` : '';
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  throw fail('INVALID_RECORD', fn, `${count}: ${quoted.join('; ')}${more}`, { issues: Object.freeze(issues.map((i) => Object.freeze(i))) });
}
