import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodIndex } from '../../src/internal/calendar';
import type { TimeUnit } from '../../src/models';
import {
  columnName,
  countExpr,
  DIALECT,
  DIALECTS,
  dayExpr,
  durationExpr,
  Parameters,
  periodExpr,
  periodStartExpr,
  readColumns,
  readWindow,
  requireDialect,
  tableName,
} from '../../src/sql/dialects';
import { errorCode, expectCxMetricsError } from '../support/error-code';
import { openDuckDb, type TestDuckDb } from './duckdb';

const FN = 'someSql';

describe('the dialect table', () => {
  it('five dialects, each named as its key', () => {
    expect([...DIALECTS].sort()).toEqual(Object.keys(DIALECT).sort());
    for (const name of DIALECTS) expect(DIALECT[name].name).toBe(name);
  });

  it('requireDialect: required, one of the five', () => {
    expect(requireDialect(FN, 'postgres')).toBe(DIALECT.postgres);
    expectCxMetricsError(() => requireDialect(FN, undefined), 'INVALID_OPTION', FN);
    expectCxMetricsError(() => requireDialect(FN, 'oracle'), 'INVALID_OPTION', FN);
  });
});

describe('identifiers', () => {
  it('tableName: up to three parts, each quoted the dialect’s way', () => {
    expect(tableName(FN, DIALECT.postgres, 'analytics.orders')).toBe('"analytics"."orders"');
    expect(tableName(FN, DIALECT.bigquery, 'my-project.shop.orders')).toBe('`my-project`.`shop`.`orders`');
    expect(tableName(FN, DIALECT.spark, 'orders')).toBe('`orders`');
  });

  it('refuses anything that is not an identifier: injection, quotes, four parts, empty parts, non-strings, too long', () => {
    for (const bad of ['orders; DROP TABLE x', 'a"b', 'a`b', 'a.b.c.d', 'a..b', '', '1abc', 'x'.repeat(129), 42, null]) {
      expect(errorCode(() => tableName(FN, DIALECT.duckdb, bad)), String(bad)).toBe('INVALID_OPTION');
    }
    expect(tableName(FN, DIALECT.duckdb, 'x'.repeat(128))).toBe(`"${'x'.repeat(128)}"`);
  });

  it('columnName: one part only', () => {
    expect(columnName(FN, DIALECT.snowflake, 'columns.at', 'ordered_at')).toBe('"ordered_at"');
    expectCxMetricsError(() => columnName(FN, DIALECT.snowflake, 'columns.at', 't.ordered_at'), 'INVALID_OPTION', FN);
  });

  it('readColumns: the required keys, optional ones, no others', () => {
    expect(readColumns(FN, DIALECT.duckdb, { customerId: 'id', at: 'ts' }, ['customerId', 'at'], ['amount'])).toEqual({ customerId: '"id"', at: '"ts"' });
    expect(readColumns(FN, DIALECT.bigquery, { customerId: 'id', at: 'ts', amount: 'v' }, ['customerId', 'at'], ['amount'])).toEqual({ customerId: '`id`', at: '`ts`', amount: '`v`' });
    expectCxMetricsError(() => readColumns(FN, DIALECT.duckdb, { customerId: 'id' }, ['customerId', 'at']), 'INVALID_OPTION', FN);
    expect(() => readColumns(FN, DIALECT.duckdb, { customerId: 'id', at: 'ts', amout: 'v' }, ['customerId', 'at'], ['amount'])).toThrow(/amount/);
    expectCxMetricsError(() => readColumns(FN, DIALECT.duckdb, 'id', ['customerId']), 'INVALID_OPTION', FN);
    expectCxMetricsError(() => readColumns(FN, DIALECT.duckdb, { customerId: 'x y' }, ['customerId']), 'INVALID_OPTION', FN);
  });
});

describe('Parameters', () => {
  it('markers by position or by name, cast to the 64-bit integer type; the query freezes them', () => {
    const duck = new Parameters(DIALECT.duckdb);
    expect(duck.add('endPeriod', 10)).toBe('CAST($1 AS BIGINT)');
    expect(duck.add('calibrationPeriod', 7)).toBe('CAST($2 AS BIGINT)');
    const q = duck.query('SELECT 1');
    expect(q).toEqual({ dialect: 'duckdb', sql: 'SELECT 1', parameters: [{ name: 'endPeriod', value: 10 }, { name: 'calibrationPeriod', value: 7 }], values: [10, 7], namedValues: { endPeriod: 10, calibrationPeriod: 7 } });
    expect(Object.isFrozen(q) && Object.isFrozen(q.values) && Object.isFrozen(q.parameters)).toBe(true);
    expect(new Parameters(DIALECT.bigquery).add('endPeriod', 1)).toBe('CAST(@endPeriod AS INT64)');
    expect(new Parameters(DIALECT.snowflake).add('endPeriod', 1)).toBe('CAST(:1 AS BIGINT)');
    expect(new Parameters(DIALECT.spark).add('endPeriod', 1)).toBe('CAST(:endPeriod AS BIGINT)');
  });
});

describe('readWindow', () => {
  it('defaults to days counted in weeks; period indexes of the ends', () => {
    const end = Date.UTC(1998, 5, 30);
    expect(readWindow(FN, { observationEnd: end })).toEqual({ unit: 'week', period: 'day', endPeriod: periodIndex(end, 'day'), calibrationPeriod: undefined });
    const cal = new Date(Date.UTC(1997, 8, 30));
    expect(readWindow(FN, { observationEnd: end, calibrationEnd: cal, unit: 'month', period: 'month' })).toEqual({
      unit: 'month',
      period: 'month',
      endPeriod: 1998 * 12 + 5,
      calibrationPeriod: 1997 * 12 + 8,
    });
  });

  it('refuses a missing end, a calibration after it, bad units and bad instants', () => {
    expectCxMetricsError(() => readWindow(FN, {}), 'INVALID_OPTION', FN);
    expectCxMetricsError(() => readWindow(FN, { observationEnd: Date.UTC(2020, 0, 1), calibrationEnd: Date.UTC(2020, 0, 2) }), 'ORDER_VIOLATION', FN);
    // The same day is the same period: not a violation.
    expect(readWindow(FN, { observationEnd: Date.UTC(2020, 0, 1), calibrationEnd: Date.UTC(2020, 0, 1, 12) }).calibrationPeriod).toBe(periodIndex(Date.UTC(2020, 0, 1), 'day'));
    expect(errorCode(() => readWindow(FN, { observationEnd: Date.UTC(2020, 0, 1), unit: 'fortnight' }))).toBe('INVALID_OPTION');
    expect(errorCode(() => readWindow(FN, { observationEnd: 'soon' }))).toBeDefined();
  });
});

describe('calendar expressions run on DuckDB agree with periodIndex', () => {
  let db: TestDuckDb;
  beforeAll(async () => {
    db = await openDuckDb();
  });
  afterAll(() => db.close());

  // Around the epoch, ISO week edges (Sunday → Monday), leap days, year and quarter ends, and before 1970.
  const instants = [
    Date.UTC(1970, 0, 1),
    Date.UTC(1969, 11, 31, 23, 59, 59),
    Date.UTC(1960, 1, 29, 12),
    Date.UTC(1997, 0, 5, 23, 59),
    Date.UTC(1997, 0, 6),
    Date.UTC(2000, 1, 29),
    Date.UTC(2020, 2, 31, 23),
    Date.UTC(2020, 3, 1),
    Date.UTC(2024, 11, 31, 12, 30),
  ];
  const d = DIALECT.duckdb;
  const units: TimeUnit[] = ['day', 'week', 'month', 'quarter', 'year'];

  it('dayExpr and periodExpr give the same period index as the library', async () => {
    const columns = units.map((u) => `${periodExpr(d, dayExpr(d, 't.ts'), u)} AS ${u}`).join(', ');
    const values = instants.map((ms) => `(TIMESTAMP '${new Date(ms).toISOString().replace('T', ' ').replace('Z', '')}')`).join(', ');
    const rows = await db.rows(new Parameters(d).query(`SELECT ${columns} FROM (VALUES ${values}) AS t(ts)`));
    expect(rows.map((r) => units.map((u) => Number(r[u])))).toEqual(instants.map((ms) => units.map((u) => periodIndex(ms, u))));
  });

  it('periodStartExpr gives the first day of each period, whose index is the period again', async () => {
    for (const u of units) {
      const indexes = instants.map((ms) => periodIndex(ms, u));
      const values = indexes.map((p) => `(${p})`).join(', ');
      const rows = await db.rows(new Parameters(d).query(`SELECT CAST(${periodStartExpr(d, 't.p', u)} AS VARCHAR) AS start FROM (VALUES ${values}) AS t(p)`));
      rows.forEach((r, k) => {
        const start = Date.parse(`${String(r.start)}T00:00:00Z`);
        expect(periodIndex(start, u), `${u} ${String(r.start)}`).toBe(indexes[k]);
        expect(periodIndex(start - 86_400_000, u), `${u} ${String(r.start)}`).toBe((indexes[k] as number) - 1);
      });
    }
  });

  it('durationExpr and countExpr: periods in another unit, as doubles', async () => {
    const q = `SELECT ${durationExpr(d, '14', 'day', 'week')} AS two_weeks, ${durationExpr(d, '3', 'month', 'day')} AS months_in_days, ${countExpr(d, '7')} AS n`;
    const [row] = await db.rows(new Parameters(d).query(q));
    expect(row).toEqual({ two_weeks: 2, months_in_days: (3 * 365.2425) / 12, n: 7 });
  });
});
