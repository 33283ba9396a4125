import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodIndex } from '../../src/internal/calendar';
import { DIALECT, DIALECTS, Parameters } from '../../src/sql/dialects';
import { summaryCtes, type SummaryParts } from '../../src/sql/summary-query';
import { openDuckDb, type TestDuckDb } from './duckdb';

const end = Date.UTC(2020, 0, 29);
const parts = (calibrationEnd?: number): SummaryParts => ({
  d: DIALECT.duckdb,
  table: '"orders"',
  customerId: '"customer_id"',
  at: '"ordered_at"',
  amount: '"amount"',
  unit: 'week',
  period: 'day',
  endPeriod: periodIndex(end, 'day'),
  calibrationPeriod: calibrationEnd === undefined ? undefined : periodIndex(calibrationEnd, 'day'),
});

let db: TestDuckDb;
beforeAll(async () => {
  db = await openDuckDb();
  await db.connection.run('CREATE TABLE orders (customer_id VARCHAR, ordered_at TIMESTAMP, amount DOUBLE)');
  await db.connection.run(`INSERT INTO orders VALUES
    ('a', TIMESTAMP '2020-01-01 09:00', 10),
    ('a', TIMESTAMP '2020-01-08 10:00', 5),
    ('a', TIMESTAMP '2020-01-08 18:00', 15),
    ('a', TIMESTAMP '2020-01-15 12:00', 40),
    ('a', TIMESTAMP '2020-02-05 12:00', 1000),
    ('b', TIMESTAMP '2020-01-22 08:00', 7),
    (NULL, TIMESTAMP '2020-01-02 08:00', 3),
    ('c', NULL, 3),
    ('d', TIMESTAMP '2020-01-03 08:00', NULL)`);
});
afterAll(() => db.close());

async function summary(calibrationEnd?: number): Promise<Record<string, unknown>[]> {
  const params = new Parameters(DIALECT.duckdb);
  const sql = `${summaryCtes(parts(calibrationEnd), params)}\nSELECT * FROM summary ORDER BY customer_id`;
  return db.rows(params.query(sql));
}

describe('summaryCtes on DuckDB (known values)', () => {
  it('no split: frequency, recency, T and mean repeat spend per customer; same-day purchases are one; rows with nulls and after the end left out', async () => {
    // a: days Jan 1, Jan 8 (5 + 15), Jan 15 → 2 repeats, recency 14 days, T 28 days, (20 + 40) / 2 = 30.
    // b: one purchase on Jan 22 → T 7 days. The Feb 5 purchase is after the end.
    expect(await summary()).toEqual([
      { customer_id: 'a', frequency: 2, recency: 2, T: 4, monetary_value: 30 },
      { customer_id: 'b', frequency: 0, recency: 0, T: 1, monetary_value: 0 },
    ]);
  });

  it('with a calibration end: the calibration figures and the holdout; customers first seen after it left out', async () => {
    // Calibration to Jan 10: a has Jan 1 and Jan 8 (1 repeat, 20), T 9 days; holdout Jan 15 (40), 19 days long. b starts later.
    expect(await summary(Date.UTC(2020, 0, 10))).toEqual([
      { customer_id: 'a', frequency: 1, recency: 1, T: 9 / 7, monetary_value: 20, holdout_frequency: 1, holdout_monetary_value: 40, holdout_duration: 19 / 7 },
    ]);
  });

  it('binds its window as parameters, in the order they appear', () => {
    const params = new Parameters(DIALECT.postgres);
    const sql = summaryCtes({ ...parts(Date.UTC(2020, 0, 10)), d: DIALECT.postgres }, params);
    const q = params.query(sql);
    expect(q.parameters.map((p) => p.name)).toEqual(['endPeriod', 'calibrationPeriod']);
    expect(q.values).toEqual([periodIndex(end, 'day'), periodIndex(Date.UTC(2020, 0, 10), 'day')]);
    expect(sql).toContain('CAST($1 AS BIGINT) AS end_period, CAST($2 AS BIGINT) AS calibration_period');
  });

  it('every dialect writes the same named columns, quoting T its own way', () => {
    for (const name of DIALECTS) {
      const d = DIALECT[name];
      const sql = summaryCtes({ ...parts(Date.UTC(2020, 0, 10)), d }, new Parameters(d));
      expect(sql.startsWith('WITH w AS (')).toBe(true);
      expect(sql.trimEnd().endsWith(')')).toBe(true);
      for (const column of ['frequency', 'recency', d.quote('T'), 'monetary_value', 'holdout_frequency', 'holdout_monetary_value', 'holdout_duration']) expect(sql, `${name} ${column}`).toContain(`AS ${column}`);
      expect(sql).toContain(`AS ${d.double})`);
    }
  });
});
