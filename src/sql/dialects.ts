/**
 * The dialect table behind the SQL generators (not exported): identifier validation and
 * quoting, bind parameters, and the UTC calendar arithmetic of `src/internal/calendar.ts`
 * written in each engine's functions. docs/warehouse.md maps every difference.
 */
import type { TimeUnit } from '../models/time';
import { UNIT_MILLISECONDS } from '../models/time';
import { periodIndex, requireTimeUnit, toEpochMs } from '../internal/calendar';
import { describeValue, fail, requireOneOf } from '../internal/validate';
import { isPlainObject, readOptions } from '../internal/options';
import type { SqlDialect, SqlParameter, SqlQuery } from './sql-query';

/** The dialects as a run-time list. */
export const DIALECTS: readonly SqlDialect[] = ['duckdb', 'postgres', 'bigquery', 'snowflake', 'spark'];

/** What one engine writes differently. Every expression is parenthesised by its builder. */
export interface Dialect {
  readonly name: SqlDialect;
  /** Quote one validated identifier part. */
  readonly quote: (part: string) => string;
  /** The bind marker of parameter `name`, the `position`-th (1-based). */
  readonly parameter: (name: string, position: number) => string;
  /** The 64-bit integer type. */
  readonly bigint: string;
  /** The binary floating-point type. */
  readonly double: string;
  /** Epoch milliseconds (an integer) of a DATE, TIMESTAMP or TIMESTAMP WITH TIME ZONE expression. */
  readonly epochMs: (e: string) => string;
  /** ⌊a / n⌋ for an integer expression `a` and a positive integer literal `n`. */
  readonly floorDiv: (a: string, n: number) => string;
  /** The DATE `days` days after 1970-01-01. */
  readonly dateFromDays: (days: string) => string;
  /** The DATE of year `y`, month `m` (1–12), day 1. */
  readonly makeDate: (y: string, m: string) => string;
}

const ansiQuote = (part: string): string => `"${part}"`;
const backtick = (part: string): string => `\`${part}\``;

/** The five dialects. */
export const DIALECT: Readonly<Record<SqlDialect, Dialect>> = {
  duckdb: {
    name: 'duckdb',
    quote: ansiQuote,
    parameter: (_, k) => `$${k}`,
    bigint: 'BIGINT',
    double: 'DOUBLE',
    epochMs: (e) => `epoch_ms(${e})`,
    floorDiv: (a, n) => `(((${a}) - (((${a}) % ${n}) + ${n}) % ${n}) // ${n})`,
    dateFromDays: (d) => `CAST(DATE '1970-01-01' + CAST(${d} AS INTEGER) AS DATE)`,
    makeDate: (y, m) => `make_date(CAST(${y} AS BIGINT), CAST(${m} AS BIGINT), 1)`,
  },
  postgres: {
    name: 'postgres',
    quote: ansiQuote,
    parameter: (_, k) => `$${k}`,
    bigint: 'BIGINT',
    double: 'DOUBLE PRECISION',
    epochMs: (e) => `CAST(FLOOR(EXTRACT(EPOCH FROM ${e}) * 1000) AS BIGINT)`,
    floorDiv: (a, n) => `(((${a}) - MOD(MOD(${a}, ${n}) + ${n}, ${n})) / ${n})`,
    dateFromDays: (d) => `(DATE '1970-01-01' + CAST(${d} AS INTEGER))`,
    makeDate: (y, m) => `make_date(CAST(${y} AS INTEGER), CAST(${m} AS INTEGER), 1)`,
  },
  bigquery: {
    name: 'bigquery',
    quote: backtick,
    parameter: (name) => `@${name}`,
    bigint: 'INT64',
    double: 'FLOAT64',
    epochMs: (e) => `UNIX_MILLIS(TIMESTAMP(${e}))`,
    floorDiv: (a, n) => `DIV((${a}) - MOD(MOD(${a}, ${n}) + ${n}, ${n}), ${n})`,
    dateFromDays: (d) => `DATE_FROM_UNIX_DATE(${d})`,
    makeDate: (y, m) => `DATE(CAST(${y} AS INT64), CAST(${m} AS INT64), 1)`,
  },
  snowflake: {
    name: 'snowflake',
    quote: ansiQuote,
    parameter: (_, k) => `:${k}`,
    bigint: 'BIGINT',
    double: 'DOUBLE',
    epochMs: (e) => `DATE_PART(EPOCH_MILLISECOND, ${e})`,
    floorDiv: (a, n) => `CAST(((${a}) - MOD(MOD(${a}, ${n}) + ${n}, ${n})) / ${n} AS BIGINT)`,
    dateFromDays: (d) => `DATEADD(DAY, ${d}, DATE '1970-01-01')`,
    makeDate: (y, m) => `DATE_FROM_PARTS(${y}, ${m}, 1)`,
  },
  spark: {
    name: 'spark',
    quote: backtick,
    parameter: (name) => `:${name}`,
    bigint: 'BIGINT',
    double: 'DOUBLE',
    epochMs: (e) => `unix_millis(CAST(${e} AS TIMESTAMP))`,
    floorDiv: (a, n) => `CAST(((${a}) - pmod(${a}, ${n})) DIV ${n} AS BIGINT)`,
    dateFromDays: (d) => `date_from_unix_date(CAST(${d} AS INT))`,
    makeDate: (y, m) => `make_date(CAST(${y} AS INT), CAST(${m} AS INT), 1)`,
  },
};

/** One part of a table or column name: a letter or `_`, then letters, digits, `_`, `$` or `-` (BigQuery project ids); at most 128 characters. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$-]{0,127}$/;

/** Validate a dialect option. */
export function requireDialect(fn: string, value: unknown): Dialect {
  if (value === undefined) throw fail('INVALID_OPTION', fn, `option "dialect" is required (one of ${DIALECTS.join(', ')})`, { field: 'dialect' });
  return DIALECT[requireOneOf(fn, 'dialect', value, DIALECTS)];
}

/** The parts of a (possibly qualified) name, each checked against {@link IDENTIFIER}. */
function identifierParts(fn: string, what: string, value: unknown, qualified: boolean): string[] {
  const problem = (why: string): never => {
    throw fail('INVALID_OPTION', fn, `${what} ${describeValue(value)} ${why}`, { field: what, value });
  };
  if (typeof value !== 'string') return problem('is not a string');
  const parts = value.split('.');
  if (!qualified && parts.length > 1) problem('is not one identifier (a column name has no dots)');
  if (parts.length > 3) problem('has more than 3 dot-separated parts (catalog.schema.table)');
  for (const part of parts) {
    if (!IDENTIFIER.test(part)) {
      problem('is not an identifier: each part must start with a letter or _ and hold only letters, digits, _, $ or - (at most 128 characters)');
    }
  }
  return parts;
}

/** A quoted table name (`schema.table` allowed). */
export function tableName(fn: string, d: Dialect, value: unknown): string {
  return identifierParts(fn, 'table', value, true).map(d.quote).join('.');
}

/** A quoted column name. */
export function columnName(fn: string, d: Dialect, what: string, value: unknown): string {
  return d.quote(identifierParts(fn, what, value, false)[0] as string);
}

/** Read the `columns` option: a plain object with exactly the keys `required` plus any of `optional`, each an identifier. */
export function readColumns<K extends string>(
  fn: string,
  d: Dialect,
  value: unknown,
  required: readonly K[],
  optional: readonly K[] = [],
): Partial<Record<K, string>> {
  if (!isPlainObject(value)) throw fail('INVALID_OPTION', fn, `option "columns" ${describeValue(value)} is not a plain object of column names`, { field: 'columns', value });
  const columns = readOptions(fn, value, [...required, ...optional], 'columns') as Record<string, unknown>;
  const out: Partial<Record<K, string>> = {};
  for (const key of [...required, ...optional]) {
    const name = columns[key];
    if (name === undefined) {
      if ((required as readonly string[]).includes(key)) throw fail('INVALID_OPTION', fn, `columns.${key} is required`, { field: `columns.${key}` });
      continue;
    }
    out[key] = columnName(fn, d, `columns.${key}`, name);
  }
  return out;
}

/** Collects bind parameters as a builder writes them. */
export class Parameters {
  private readonly list: SqlParameter[] = [];
  constructor(private readonly d: Dialect) {}
  /** The marker of a new parameter holding integer `value`, cast to the dialect's BIGINT. */
  add(name: string, value: number): string {
    this.list.push(Object.freeze({ name, value }));
    return `CAST(${this.d.parameter(name, this.list.length)} AS ${this.d.bigint})`;
  }
  /** The finished query. */
  query(sql: string): SqlQuery {
    const parameters = Object.freeze([...this.list]);
    return Object.freeze({
      dialect: this.d.name,
      sql,
      parameters,
      values: Object.freeze(parameters.map((p) => p.value)),
      namedValues: Object.freeze(Object.fromEntries(parameters.map((p) => [p.name, p.value]))),
    });
  }
}

const DAY = UNIT_MILLISECONDS.day;

/** The UTC day number (days since 1970-01-01) of a time column. */
export function dayExpr(d: Dialect, at: string): string {
  return d.floorDiv(d.epochMs(at), DAY);
}

/** The integer UTC period index of a day number (an expression from {@link dayExpr}), as `periodIndex` in src/internal/calendar.ts. */
export function periodExpr(d: Dialect, day: string, period: TimeUnit): string {
  const date = (): string => d.dateFromDays(day);
  switch (period) {
    case 'day':
      return day;
    case 'week':
      // ISO weeks: 1970-01-01 was a Thursday; shifting by 3 days puts Mondays on multiples of 7.
      return d.floorDiv(`${day} + 3`, 7);
    case 'month':
      return `CAST(EXTRACT(YEAR FROM ${date()}) * 12 + EXTRACT(MONTH FROM ${date()}) - 1 AS ${d.bigint})`;
    case 'quarter':
      return `CAST(EXTRACT(YEAR FROM ${date()}) * 4 + EXTRACT(QUARTER FROM ${date()}) - 1 AS ${d.bigint})`;
    case 'year':
      return `CAST(EXTRACT(YEAR FROM ${date()}) AS ${d.bigint})`;
  }
}

/** The DATE on which period index `p` (an integer expression) starts. */
export function periodStartExpr(d: Dialect, p: string, period: TimeUnit): string {
  switch (period) {
    case 'day':
      return d.dateFromDays(p);
    case 'week':
      return d.dateFromDays(`(${p}) * 7 - 3`);
    case 'month':
      return d.makeDate(d.floorDiv(p, 12), `(${p}) - ${d.floorDiv(p, 12)} * 12 + 1`);
    case 'quarter':
      return d.makeDate(d.floorDiv(p, 4), `((${p}) - ${d.floorDiv(p, 4)} * 4) * 3 + 1`);
    case 'year':
      return d.makeDate(p, '1');
  }
}

/**
 * A number of periods (an integer expression) in `unit`, as `periodsToUnit`: one exact product
 * by the period's milliseconds, one rounding in the division by the unit's.
 */
export function durationExpr(d: Dialect, periods: string, period: TimeUnit, unit: TimeUnit): string {
  return `CAST(${periods} AS ${d.double}) * ${UNIT_MILLISECONDS[period]} / ${UNIT_MILLISECONDS[unit]}`;
}

/** A count as the dialect's double: exact to 2^53, and a plain number in every JavaScript driver (no BigInt, no string). */
export function countExpr(d: Dialect, e: string): string {
  return `CAST(${e} AS ${d.double})`;
}

/** The observation and calibration window of the transaction generators, as period indexes. */
export interface SqlWindow {
  readonly unit: TimeUnit;
  readonly period: TimeUnit;
  readonly endPeriod: number;
  /** The calibration end's period; `undefined` without a split. */
  readonly calibrationPeriod: number | undefined;
}

/** Validate observationEnd / calibrationEnd / unit / period as summarizeTransactions does. */
export function readWindow(
  fn: string,
  o: { readonly observationEnd?: unknown; readonly calibrationEnd?: unknown; readonly unit?: unknown; readonly period?: unknown },
): SqlWindow {
  if (o.observationEnd === undefined) throw fail('INVALID_OPTION', fn, 'option "observationEnd" is required', { field: 'observationEnd' });
  const unit = requireTimeUnit(fn, 'unit', o.unit ?? 'week');
  const period = requireTimeUnit(fn, 'period', o.period ?? 'day');
  const end = toEpochMs(fn, 'observationEnd', o.observationEnd);
  const endPeriod = periodIndex(end, period);
  if (o.calibrationEnd === undefined) return { unit, period, endPeriod, calibrationPeriod: undefined };
  const calibration = toEpochMs(fn, 'calibrationEnd', o.calibrationEnd);
  const calibrationPeriod = periodIndex(calibration, period);
  if (calibrationPeriod > endPeriod) {
    throw fail(
      'ORDER_VIOLATION',
      fn,
      `observationEnd ${describeValue(new Date(end))} is before calibrationEnd ${describeValue(new Date(calibration))}`,
      { field: 'observationEnd', value: o.observationEnd },
    );
  }
  return { unit, period, endPeriod, calibrationPeriod };
}
