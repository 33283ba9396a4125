import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohortRetention, cohortRetentionFromCounts } from '../../src/retention';
import { cohortCountsSql } from '../../src/sql';
import { thrownBy } from '../support/error-code';
import { openDuckDb, type TestDuckDb } from './duckdb';
import { seeded } from './conformance';

// 8,000 events of 500 customers from 1969 to 1971 (periods on both sides of the epoch) and a
// few after the observation end.
const random = seeded(11);
const start = Date.UTC(1969, 0, 1);
const events = Array.from({ length: 8000 }, () => {
  const customer = Math.floor(random() * 500);
  const first = start + customer * 2 * 86_400_000;
  return { user: `u${customer}`, at: first + Math.floor(random() * random() * 700 * 86_400_000) };
});
const observationEnd = Date.UTC(1970, 11, 31, 23, 59, 59, 999);

let db: TestDuckDb;
beforeAll(async () => {
  db = await openDuckDb();
  const csv = join(db.dir, 'events.csv');
  writeFileSync(csv, `user_id,seen_at\n${events.map((e) => `${e.user},${new Date(e.at).toISOString()}`).join('\n')}\n`);
  await db.connection.run(`CREATE TABLE events AS SELECT * FROM read_csv('${csv}', header = true, columns = {'user_id': 'VARCHAR', 'seen_at': 'TIMESTAMPTZ'})`);
});
afterAll(() => db.close());

interface CohortRow {
  cohort: Date;
  offset: number;
  size: number;
  active: number;
  activeUnbounded: number;
}

describe('cohortCountsSql on DuckDB equals cohortRetention', () => {
  // The first instant after the observation end's period: activity before it counts.
  const after = { week: Date.UTC(1971, 0, 4), month: Date.UTC(1971, 0, 1), quarter: Date.UTC(1971, 0, 1) } as const;
  for (const unit of ['week', 'month', 'quarter'] as const) {
    it(`${unit} cohorts`, async () => {
      const rows = (await db.rows(
        cohortCountsSql('events', { dialect: 'duckdb', columns: { customerId: 'user_id', at: 'seen_at' }, unit, observationEnd }),
      )) as unknown as CohortRow[];
      const inWindow = events.filter((e) => e.at < after[unit]);
      expect(inWindow.length).toBeLessThan(events.length);
      const library = cohortRetention(inWindow, { unit, observationEnd, customerId: (e) => e.user, at: (e) => e.at });
      expect(rows.reduce((s, r) => s + (r.offset === 0 ? r.size : 0), 0)).toBe(library.customers);
      for (const c of library.cohorts) {
        const mine = rows.filter((r) => r.cohort.getTime() === c.start).sort((a, b) => a.offset - b.offset);
        expect(mine[0]?.size).toBe(c.size);
        // Offsets without a row: active 0, activeUnbounded that of the next row (0 after the last).
        const active = c.active.map((_, k) => mine.find((r) => r.offset === k)?.active ?? 0);
        const unbounded = c.activeUnbounded.map((_, k) => mine.find((r) => r.offset >= k)?.activeUnbounded ?? 0);
        expect(active).toEqual(c.active);
        expect(unbounded).toEqual(c.activeUnbounded);
      }
      expect(new Set(rows.map((r) => r.cohort.getTime())).size).toBe(library.cohorts.length);
      // The library reads the engine's counts back into the same table.
      expect(cohortRetentionFromCounts(rows, { unit, observationEnd })).toEqual({ ...library, records: rows.length, skipped: 0, ignored: 0 });
    });
  }
});

describe('cohortCountsSql: text and bad input', () => {
  for (const dialect of ['bigquery', 'snowflake', 'spark', 'postgres', 'duckdb'] as const) {
    it(`golden text: ${dialect}`, async () => {
      const query = cohortCountsSql('app.events', { dialect, columns: { customerId: 'user_id', at: 'seen_at' }, observationEnd });
      expect(query.values).toEqual([(1970 - 0) * 12 + 11]);
      await expect(query.sql).toMatchFileSnapshot(`golden/cohort-counts-sql.${dialect}.sql`);
    });
  }
  const code = (run: () => unknown) => (thrownBy(run) as { code?: string } | undefined)?.code;
  const columns = { customerId: 'u', at: 't' };
  it.each([
    ['an unknown unit', () => cohortCountsSql('e', { dialect: 'duckdb', columns, unit: 'hour' as never }), 'INVALID_OPTION'],
    ['an invalid observation end', () => cohortCountsSql('e', { dialect: 'duckdb', columns, observationEnd: 'today' as never }), 'INVALID_DATE'],
    ['a missing column', () => cohortCountsSql('e', { dialect: 'duckdb', columns: { customerId: 'u' } as never }), 'INVALID_OPTION'],
    ['a bad table', () => cohortCountsSql('e;', { dialect: 'duckdb', columns }), 'INVALID_OPTION'],
    ['an unknown option', () => cohortCountsSql('e', { dialect: 'duckdb', columns, period: 'month' } as never), 'INVALID_OPTION'],
  ])('%s', (_name, run, expected) => {
    expect(code(run)).toBe(expected);
  });
});
