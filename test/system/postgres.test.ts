/**
 * PostgreSQL conformance (`npm run test:system`): the generated queries run on a real server
 * over CDNOW and generated survey and activity data, and must give the library's answers.
 * The server is found through the standard libpq variables (PGHOST, PGPORT, PGUSER,
 * PGPASSWORD, PGDATABASE; `.ci/run` starts one and sets them). No server is a failure, not a skip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { fitBgNbd, fitGammaGamma, summarizeTransactions } from '../../src/clv';
import { cohortRetention } from '../../src/retention';
import { nps } from '../../src/survey';
import { cohortCountsSql, rfmHistogramSql, surveyCountsSql, transactionSummarySql, type SqlQuery } from '../../src/sql';
import { cdnowTransactions } from '../clv/clv-data';
import { expectSameSummary, seeded } from '../sql/conformance';

const CDNOW = cdnowTransactions();
const schema = `cx_metrics_test_${process.pid}`;
// DATE columns as UTC midnight epoch ms (the driver's default is a local-time Date), per client.
const DATE_OID = 1082;
const client = new pg.Client({
  types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === DATE_OID ? (s: string) => Date.parse(`${s}T00:00:00Z`) : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser },
});
const rows = async (query: SqlQuery): Promise<Record<string, unknown>[]> => (await client.query(query.sql, [...query.values])).rows as Record<string, unknown>[];

const random = seeded(5);
const events = Array.from({ length: 4000 }, (_, i) => ({
  user: `u${Math.floor(random() * 300)}`,
  at: Date.UTC(1969, 6, 1) + Math.floor(random() * 900 * 86_400_000),
  score: i % 37 === 0 ? null : Math.floor(random() * 11),
  channel: ['web', 'email', null][i % 3] ?? null,
}));

beforeAll(async () => {
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.query(`CREATE TABLE ${schema}.orders (customer_id INTEGER, ordered_at DATE, amount NUMERIC(12, 2))`);
  await client.query(`INSERT INTO ${schema}.orders SELECT * FROM unnest($1::integer[], $2::date[], $3::numeric[])`, [
    CDNOW.map((t) => t.sampleId),
    CDNOW.map((t) => new Date(t.at).toISOString().slice(0, 10)),
    CDNOW.map((t) => t.amount),
  ]);
  await client.query(`CREATE TABLE ${schema}.orders_tz AS SELECT customer_id, ordered_at::timestamp AT TIME ZONE 'UTC' AS ordered_at, amount::double precision AS amount FROM ${schema}.orders`);
  await client.query(`CREATE TABLE ${schema}.events (user_id TEXT, seen_at TIMESTAMPTZ, score INTEGER, channel TEXT)`);
  await client.query(`INSERT INTO ${schema}.events SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::integer[], $4::text[])`, [
    events.map((e) => e.user),
    events.map((e) => new Date(e.at).toISOString()),
    events.map((e) => e.score),
    events.map((e) => e.channel),
  ]);
  // A session far from UTC: the queries must not depend on it.
  await client.query("SET TIME ZONE 'Pacific/Auckland'");
});
afterAll(async () => {
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
  await client.end();
});

const columns = { customerId: 'customer_id', at: 'ordered_at', amount: 'amount' } as const;
const observationEnd = Date.UTC(1998, 5, 30);
const calibrationEnd = Date.UTC(1997, 8, 30);
const accessors = { customerId: (d: (typeof CDNOW)[number]) => d.sampleId, at: (d: (typeof CDNOW)[number]) => d.at, amount: (d: (typeof CDNOW)[number]) => d.amount };

describe('PostgreSQL: transactionSummarySql equals summarizeTransactions on CDNOW', () => {
  for (const table of ['orders', 'orders_tz']) {
    for (const [unit, period] of [['week', 'day'], ['week', 'week'], ['month', 'month'], ['day', 'quarter'], ['year', 'year']] as const) {
      it(`${table}: ${period} periods in ${unit}s`, async () => {
        const window = { observationEnd, calibrationEnd, unit, period };
        const got = await rows(transactionSummarySql(`${schema}.${table}`, { dialect: 'postgres', columns, ...window }));
        expectSameSummary(got, summarizeTransactions(CDNOW, { ...accessors, ...window }).rows);
      });
    }
  }
});

describe('PostgreSQL: rfmHistogramSql fits', () => {
  it('BG/NBD and Gamma-Gamma from the histogram give the per-customer fits (1e-9)', async () => {
    const window = { observationEnd, calibrationEnd };
    const histogram = (await rows(rfmHistogramSql(`${schema}.orders`, { dialect: 'postgres', columns, ...window }))) as unknown as {
      frequency: number;
      recency: number;
      T: number;
      monetaryValue: number;
      customers: number;
    }[];
    const raw = summarizeTransactions(CDNOW, { ...accessors, ...window }).rows;
    expect(histogram.reduce((s, r) => s + r.customers, 0)).toBe(2357);
    const bg = fitBgNbd(histogram, { weight: (r) => r.customers });
    const bgRaw = fitBgNbd(raw);
    for (const k of ['r', 'alpha', 'a', 'b', 'logLikelihood'] as const) expect(Math.abs(bg[k] - bgRaw[k])).toBeLessThanOrEqual(1e-9 * Math.abs(bgRaw[k]));
    const gg = fitGammaGamma(histogram, { weight: (r) => r.customers });
    const ggRaw = fitGammaGamma(raw);
    // NUMERIC sums are exact where the library compensates over doubles: some mean spends differ in
    // the last bit, which the fit's final Newton steps leave at ~1e-12 (DuckDB's DECIMAL on CDNOW).
    for (const k of ['p', 'q', 'gamma', 'logLikelihood'] as const) expect(Math.abs(gg[k] - ggRaw[k])).toBeLessThanOrEqual(1e-9 * Math.abs(ggRaw[k]));
  });
});

describe('PostgreSQL: survey and cohort counts', () => {
  it('surveyCountsSql per channel gives nps of the raw answers', async () => {
    const counts = (await rows(surveyCountsSql(`${schema}.events`, { dialect: 'postgres', columns: { score: 'score', group: 'channel' } }))) as unknown as {
      group: string | null;
      score: number | null;
      responses: number;
    }[];
    for (const channel of ['web', 'email', null]) {
      const weighted = nps(
        counts.filter((r) => r.group === channel),
        { accessor: (r) => r.score, weight: (r) => r.responses },
      );
      const expected = nps(events.filter((e) => e.channel === channel), { accessor: (e) => e.score });
      expect(weighted.score).toBeCloseTo(expected.score as number, 12);
      expect(weighted.weights?.total).toBe(expected.total);
    }
  });

  for (const unit of ['week', 'month'] as const) {
    it(`cohortCountsSql (${unit}) equals cohortRetention`, async () => {
      const got = (await rows(cohortCountsSql(`${schema}.events`, { dialect: 'postgres', columns: { customerId: 'user_id', at: 'seen_at' }, unit }))) as unknown as {
        cohort: number;
        offset: number;
        size: number;
        active: number;
        activeUnbounded: number;
      }[];
      const library = cohortRetention(events, { unit, customerId: (e) => e.user, at: (e) => e.at });
      for (const c of library.cohorts) {
        const mine = got.filter((r) => r.cohort === c.start);
        expect(mine[0]?.size).toBe(c.size);
        expect(c.active.map((_, k) => mine.find((r) => r.offset === k)?.active ?? 0)).toEqual(c.active);
        expect(c.activeUnbounded.map((_, k) => mine.filter((r) => r.offset >= k).sort((a, b) => a.offset - b.offset)[0]?.activeUnbounded ?? 0)).toEqual(c.activeUnbounded);
      }
    });
  }
});
