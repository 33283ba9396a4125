import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeTransactions } from '../../src/clv';
import { transactionSummarySql, type SqlDialect } from '../../src/sql';
import type { TimeUnit } from '../../src/models';
import { thrownBy } from '../support/error-code';
import { readDataCsv } from '../clv/clv-data';
import { CDNOW, loadCdnow, openDuckDb, type TestDuckDb } from './duckdb';
import { expectSameSummary, seeded } from './conformance';

const columns = { customerId: 'customer_id', at: 'ordered_at', amount: 'amount' } as const;
const observationEnd = Date.UTC(1998, 5, 30);
const calibrationEnd = Date.UTC(1997, 8, 30);
const cdnowAccessors = {
  customerId: (d: (typeof CDNOW)[number]) => d.sampleId,
  at: (d: (typeof CDNOW)[number]) => d.at,
  amount: (d: (typeof CDNOW)[number]) => d.amount,
};

let db: TestDuckDb;
beforeAll(async () => {
  db = await openDuckDb();
  await loadCdnow(db);
});
afterAll(() => db.close());

describe('transactionSummarySql on DuckDB equals summarizeTransactions', () => {
  const windows: { name: string; unit?: TimeUnit; period?: TimeUnit; split: boolean }[] = [
    { name: 'days in weeks, calibration and holdout (the BG/NBD paper)', split: true },
    { name: 'days in weeks, no split', split: false },
    { name: 'ISO weeks in weeks', unit: 'week', period: 'week', split: true },
    { name: 'months in months', unit: 'month', period: 'month', split: true },
    { name: 'quarters in days', unit: 'day', period: 'quarter', split: false },
    { name: 'years in years', unit: 'year', period: 'year', split: true },
  ];
  for (const table of ['cdnow_csv', 'cdnow_parquet']) {
    for (const w of windows) {
      it(`CDNOW from ${table === 'cdnow_csv' ? 'CSV (DATE, DECIMAL)' : 'Parquet (TIMESTAMP, DOUBLE)'}: ${w.name}`, async () => {
        const window = {
          observationEnd,
          ...(w.split ? { calibrationEnd } : {}),
          ...(w.unit === undefined ? {} : { unit: w.unit }),
          ...(w.period === undefined ? {} : { period: w.period }),
        };
        const rows = await db.rows(transactionSummarySql(table, { dialect: 'duckdb', columns, ...window }));
        const library = summarizeTransactions(CDNOW, { ...cdnowAccessors, ...window });
        expectSameSummary(rows, library.rows);
      });
    }
  }

  it('rebuilds the published CDNOW calibration summary (2,357 customers, largest T 272/7 weeks)', async () => {
    const rows = await db.rows(transactionSummarySql('cdnow_csv', { dialect: 'duckdb', columns, observationEnd: calibrationEnd }));
    expect(rows.length).toBe(2357);
    expect(Math.max(...rows.map((r) => r['T'] as number))).toBe(272 / 7);
    const published = new Map(readDataCsv('cdnow_customers_summary.csv').map((r) => [r['ID'], r]));
    const rounded = (x: unknown) => Math.round((x as number) * 100) / 100;
    const different = rows.filter((r) => {
      const p = published.get(r['customerId'] as number);
      return p === undefined || p['frequency'] !== r['frequency'] || p['recency'] !== rounded(r['recency']) || p['T'] !== rounded(r['T']);
    });
    expect(different).toEqual([]);
  });

  it('leaves out purchases after the observation end and rows with a NULL field', async () => {
    await db.connection.run(
      "CREATE TEMP TABLE edge AS SELECT * FROM (VALUES ('a', TIMESTAMP '2024-01-01 23:59:59.999', 10.0), ('a', TIMESTAMP '2024-01-02 00:00:00', 5.0), ('a', TIMESTAMP '2024-02-01 00:00:00', 99.0), ('b', NULL, 1.0), (NULL, TIMESTAMP '2024-01-01 00:00:00', 1.0), ('c', TIMESTAMP '2024-01-05 00:00:00', NULL)) AS v(customer_id, ordered_at, amount)",
    );
    const end = Date.UTC(2024, 0, 31, 23, 59, 59, 999);
    const rows = await db.rows(transactionSummarySql('edge', { dialect: 'duckdb', columns, observationEnd: end, unit: 'day' }));
    expect(rows).toEqual([{ customerId: 'a', frequency: 1, recency: 1, T: 30, monetaryValue: 5 }]);
  });
});

describe('transactionSummarySql on DuckDB: the UTC calendar on any instant', () => {
  // Purchases at random milliseconds from 1901 to 2099 (before 1970 too), as TIMESTAMP and as
  // TIMESTAMP WITH TIME ZONE, with every period and unit.
  const random = seeded(13);
  const start = Date.UTC(1901, 0, 1);
  const span = Date.UTC(2099, 0, 1) - start;
  const purchases = Array.from({ length: 3000 }, (_, i) => ({
    customerId: `c${Math.floor(random() * 300)}`,
    at: start + Math.floor(random() * (i % 3 === 0 ? span : span / 400)) + (i % 3 === 0 ? 0 : span / 2),
    amount: Math.round(random() * 10_000) / 100,
  }));
  const end = Math.max(...purchases.map((p) => p.at));
  const middle = start + span / 2 + span / 800;
  beforeAll(async () => {
    const csv = join(db.dir, 'instants.csv');
    writeFileSync(csv, `customer_id,ordered_at,amount\n${purchases.map((p) => `${p.customerId},${new Date(p.at).toISOString()},${p.amount}`).join('\n')}\n`);
    await db.connection.run(
      `CREATE TABLE instants_TIMESTAMPTZ AS SELECT customer_id, CAST(ordered_at AS TIMESTAMPTZ) AS ordered_at, amount FROM read_csv('${csv}', header = true, columns = {'customer_id': 'VARCHAR', 'ordered_at': 'VARCHAR', 'amount': 'DECIMAL(12,2)'})`,
    );
    await db.connection.run("SET TimeZone = 'America/Los_Angeles'");
    await db.connection.run(
      `CREATE TABLE instants_naive AS SELECT customer_id, CAST(ordered_at AT TIME ZONE 'UTC' AS TIMESTAMP) AS ordered_at, amount FROM instants_TIMESTAMPTZ`,
    );
  });
  for (const period of ['day', 'week', 'month', 'quarter', 'year'] as const) {
    for (const table of ['instants_naive', 'instants_TIMESTAMPTZ']) {
      it(`${period} periods from ${table === 'instants_naive' ? 'TIMESTAMP' : 'TIMESTAMPTZ (session in Los Angeles)'}`, async () => {
        const window = { observationEnd: end, calibrationEnd: middle, period, unit: 'day' as const };
        const rows = await db.rows(transactionSummarySql(table, { dialect: 'duckdb', columns, ...window }));
        expectSameSummary(rows, summarizeTransactions(purchases, window).rows);
      });
    }
  }
});

describe('transactionSummarySql: text and parameters', () => {
  const options = { dialect: 'duckdb', columns, observationEnd, calibrationEnd } as const;

  it('binds the window as integer period indexes and splices no value into the text', () => {
    const query = transactionSummarySql('cdnow', options);
    expect(query.parameters).toEqual([
      { name: 'endPeriod', value: 10407 },
      { name: 'calibrationPeriod', value: 10134 },
    ]);
    expect(query.values).toEqual([10407, 10134]);
    expect(query.namedValues).toEqual({ endPeriod: 10407, calibrationPeriod: 10134 });
    for (const text of ['10407', '10134', '1998', '1997', String(observationEnd)]) expect(query.sql).not.toContain(text);
    expect(Object.isFrozen(query)).toBe(true);
  });

  it('quotes names per dialect and binds per dialect', () => {
    const marks: Record<SqlDialect, [string, string]> = {
      duckdb: ['"customer_id"', '$2'],
      postgres: ['"customer_id"', '$2'],
      snowflake: ['"customer_id"', ':2'],
      bigquery: ['`customer_id`', '@calibrationPeriod'],
      spark: ['`customer_id`', ':calibrationPeriod'],
    };
    for (const [dialect, [quoted, parameter]] of Object.entries(marks)) {
      const { sql } = transactionSummarySql('shop.orders', { ...options, dialect: dialect as SqlDialect });
      expect(sql).toContain(quoted);
      expect(sql).toContain(parameter);
    }
  });

  for (const dialect of ['bigquery', 'snowflake', 'spark', 'postgres', 'duckdb'] as const) {
    it(`golden text: ${dialect}`, async () => {
      const { sql } = transactionSummarySql('shop.orders', { ...options, dialect, period: 'week', unit: 'week' });
      await expect(sql).toMatchFileSnapshot(`golden/transaction-summary-sql.${dialect}.sql`);
    });
  }
});

describe('transactionSummarySql: bad input', () => {
  const options = { dialect: 'duckdb', columns, observationEnd } as const;
  const code = (run: () => unknown) => (thrownBy(run) as { code?: string } | undefined)?.code;
  it.each([
    ['a table with a quote', () => transactionSummarySql('orders"; DROP TABLE x; --', options), 'INVALID_OPTION'],
    ['a table with a space', () => transactionSummarySql('my orders', options), 'INVALID_OPTION'],
    ['a table of 4 parts', () => transactionSummarySql('a.b.c.d', options), 'INVALID_OPTION'],
    ['an empty table part', () => transactionSummarySql('a..b', options), 'INVALID_OPTION'],
    ['a table that is not a string', () => transactionSummarySql(5 as never, options), 'INVALID_OPTION'],
    ['a column with a backtick', () => transactionSummarySql('o', { ...options, columns: { ...columns, at: 'a`b' } }), 'INVALID_OPTION'],
    ['a qualified column', () => transactionSummarySql('o', { ...options, columns: { ...columns, at: 't.at' } }), 'INVALID_OPTION'],
    ['a missing column', () => transactionSummarySql('o', { ...options, columns: { customerId: 'c', at: 'a' } as never }), 'INVALID_OPTION'],
    ['an unknown column key', () => transactionSummarySql('o', { ...options, columns: { ...columns, value: 'v' } as never }), 'INVALID_OPTION'],
    ['columns that are not an object', () => transactionSummarySql('o', { ...options, columns: 'c' as never }), 'INVALID_OPTION'],
    ['an unknown dialect', () => transactionSummarySql('o', { ...options, dialect: 'mysql' as never }), 'INVALID_OPTION'],
    ['a missing dialect', () => transactionSummarySql('o', { columns, observationEnd } as never), 'INVALID_OPTION'],
    ['an unknown unit', () => transactionSummarySql('o', { ...options, unit: 'fortnight' as never }), 'INVALID_OPTION'],
    ['an unknown period', () => transactionSummarySql('o', { ...options, period: 'hour' as never }), 'INVALID_OPTION'],
    ['a missing observation end', () => transactionSummarySql('o', { dialect: 'duckdb', columns } as never), 'INVALID_OPTION'],
    ['an invalid observation end', () => transactionSummarySql('o', { ...options, observationEnd: new Date(Number.NaN) }), 'INVALID_DATE'],
    ['a calibration end after the observation end', () => transactionSummarySql('o', { ...options, calibrationEnd: observationEnd + 86_400_000 }), 'ORDER_VIOLATION'],
  ])('%s', (_name, run, expected) => {
    expect(code(run)).toBe(expected);
  });

  it('accepts a calibration end in the observation end’s period', () => {
    expect(() => transactionSummarySql('o', { ...options, calibrationEnd: observationEnd + 3_600_000 })).not.toThrow();
  });
});
