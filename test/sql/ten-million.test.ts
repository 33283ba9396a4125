/**
 * The one heavy test: every generated query on a log of 10,000,000 purchases of ~250,000
 * customers that DuckDB writes to CSV and to Parquet in a temporary directory and then reads
 * back from those files. The library computes the same log in process from the same closed
 * formulas (exact integer arithmetic on both sides), and the answers must agree.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitBgNbd, fitGammaGamma, paretoNbdLogLikelihood, summarizeTransactions } from '../../src/clv';
import { cohortRetention, cohortRetentionFromCounts } from '../../src/retention';
import { nps, npsFromCounts } from '../../src/survey';
import { cohortCountsSql, rfmHistogramSql, surveyCountsSql, transactionSummarySql } from '../../src/sql';
import { openDuckDb, type TestDuckDb } from './duckdb';
import { expectSameSummary } from './conformance';

const N = 10_000_000;
// About 55 s of CPU in all (DuckDB runs on one thread here): 50 s of wall time on a quiet 2-core
// machine, many minutes on a loaded one, so the hooks and tests get 15 minutes each.
const HEAVY = 900_000;
const DAY = 86_400_000;
// Purchase i: a skewed customer (u² / 4,000,012 for u = 48,271·i mod 1,000,003), a first day
// in 1997 per customer, a repeat offset on three purchases in four within the customer's own
// lifetime (1 to 731 days: customers drop out, so the models are identified), a
// millisecond within the day, an amount of 0.01 … 100.00 and a score 0–10.
const customerOf = (i: number): number => {
  const u = (i * 48_271) % 1_000_003;
  return Math.floor((u * u) / 4_000_012);
};
const dayOf = (i: number): number => 9862 + ((customerOf(i) * 37) % 365) + (i % 4 === 0 ? 0 : (i * 31) % (1 + (customerOf(i) % 731)));
const atOf = (i: number): number => dayOf(i) * DAY + ((i * 1000) % DAY);
const amountOf = (i: number): number => (((i * 13) % 10_000) + 1) / 100;
const GENERATE = `
  WITH g AS (SELECT i, (i * 48271) % 1000003 AS u FROM range(${N}) AS r(i)),
  c AS (SELECT i, CAST((u * u) // 4000012 AS INTEGER) AS customer_id FROM g)
  SELECT customer_id,
    make_timestamp(((9862 + (customer_id * 37) % 365 + CASE WHEN i % 4 = 0 THEN 0 ELSE (i * 31) % (1 + customer_id % 731) END) * ${DAY} + (i * 1000) % ${DAY}) * 1000) AS ordered_at,
    ((i * 13) % 10000 + 1) / 100 AS amount,
    CAST(i % 11 AS INTEGER) AS score,
    CAST(customer_id % 5 AS INTEGER) AS segment
  FROM c`;

const observationEnd = Date.UTC(1999, 11, 31);
const calibrationEnd = Date.UTC(1999, 0, 1);
const columns = { customerId: 'customer_id', at: 'ordered_at', amount: 'amount' } as const;
// The log in process: N placeholders (zeros, not missing records) read by index.
const log = new Uint8Array(N);
const byIndex = { customerId: (_: unknown, i: number) => customerOf(i), at: (_: unknown, i: number) => atOf(i), amount: (_: unknown, i: number) => amountOf(i) };

let db: TestDuckDb;
beforeAll(async () => {
  db = await openDuckDb();
  const csv = join(db.dir, 'purchases.csv');
  const parquet = join(db.dir, 'purchases.parquet');
  await db.connection.run(`COPY (${GENERATE}) TO '${parquet}' (FORMAT parquet)`);
  // The CSV holds the columns its queries read (the purchases; the scores are read from Parquet).
  await db.connection.run(`COPY (SELECT customer_id, ordered_at, amount FROM read_parquet('${parquet}')) TO '${csv}' (HEADER)`);
  await db.connection.run(`CREATE VIEW log_parquet AS SELECT * FROM read_parquet('${parquet}')`);
  await db.connection.run(
    `CREATE VIEW log_csv AS SELECT * FROM read_csv('${csv}', header = true, columns = {'customer_id': 'INTEGER', 'ordered_at': 'TIMESTAMP', 'amount': 'DECIMAL(12,2)'})`,
  );
}, HEAVY);
afterAll(() => db.close());

describe('10,000,000 purchases read by DuckDB from CSV and Parquet', () => {
  const window = { observationEnd, calibrationEnd };
  const library = summarizeTransactions(log, { ...byIndex, ...window });

  it('the files hold the log', async () => {
    for (const table of ['log_csv', 'log_parquet']) {
      const [row] = await db.rows({ dialect: 'duckdb', sql: `SELECT CAST(COUNT(*) AS DOUBLE) AS n, CAST(SUM(amount) AS DOUBLE) AS total FROM ${table}`, parameters: [], values: [], namedValues: {} });
      expect(row?.['n']).toBe(N);
    }
    expect(library.purchases).toBe(N);
    expect(library.rows.length).toBeGreaterThan(200_000);
  }, HEAVY);

  it('transactionSummarySql from Parquet equals summarizeTransactions, customer for customer', async () => {
    const rows = await db.rows(transactionSummarySql('log_parquet', { dialect: 'duckdb', columns, ...window }));
    expectSameSummary(rows, library.rows);
  }, HEAVY);

  it('rfmHistogramSql from CSV: the fits from the histogram equal the fits from the per-customer rows', async () => {
    const histogram = (await db.rows(rfmHistogramSql('log_csv', { dialect: 'duckdb', columns, ...window }))) as unknown as {
      frequency: number;
      recency: number;
      T: number;
      monetaryValue: number;
      customers: number;
    }[];
    expect(histogram.reduce((s, r) => s + r.customers, 0)).toBe(library.rows.length);
    // One row per customer here (every mean spend differs), sorted by the key where the library's
    // rows come in order of first appearance. The fits sum over distinct histories in a canonical
    // order, and DuckDB's recency and T equal the library's bit for bit: BG/NBD and Pareto/NBD,
    // which read (x, tₓ, T) only, give the same fit bit for bit. (A Pareto/NBD fit here costs
    // ~10 s of CPU per side, on a supremum at s → ∞; its log-likelihood, a function of the same
    // canonical sums the fit reads, is compared bit for bit instead, at CDNOW-like values.) DuckDB sums the DECIMAL amounts
    // exactly and the library compensates over doubles, so some mean spends differ in the last
    // bit: Gamma-Gamma's estimates agree to 1e-9 relative (the fit ends with Newton steps on the
    // analytic gradient, which pin the maximum down far below the optimizer's stopping rule).
    const weight = { weight: (r: { customers: number }) => r.customers };
    const content = (fit: object): Record<string, unknown> => Object.fromEntries(Object.entries(fit).filter(([k]) => k !== 'rows'));
    expect(content(fitBgNbd(histogram, weight))).toEqual(content(fitBgNbd(library.rows)));
    const pareto = { r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 };
    expect(paretoNbdLogLikelihood(pareto, histogram, weight)).toBe(paretoNbdLogLikelihood(pareto, library.rows));
    const [fromHistogram, reference] = [fitGammaGamma(histogram, weight), fitGammaGamma(library.rows)];
    expect(fromHistogram.n).toBe(reference.n);
    expect(fromHistogram.converged).toBe(reference.converged);
    for (const k of ['p', 'q', 'gamma', 'logLikelihood'] as const) expect(Math.abs(fromHistogram[k] - reference[k]), k).toBeLessThanOrEqual(1e-9 * Math.abs(reference[k]));
  }, HEAVY);

  it('surveyCountsSql and cohortCountsSql from Parquet equal nps and cohortRetention', async () => {
    const counts = (await db.rows(surveyCountsSql('log_parquet', { dialect: 'duckdb', columns: { score: 'score', group: 'segment' } }))) as unknown as {
      group: number;
      score: number;
      responses: number;
    }[];
    // The scores of each segment, counted in one pass.
    const scores = Array.from({ length: 5 }, () => new Array<number>(11).fill(0));
    for (let i = 0; i < N; i++) {
      const segment = scores[customerOf(i) % 5] as number[];
      segment[i % 11] = (segment[i % 11] as number) + 1;
    }
    for (let segment = 0; segment < 5; segment++) {
      const mine = counts.filter((r) => r.group === segment);
      const weighted = nps(mine, { accessor: (r) => r.score, weight: (r) => r.responses });
      const n = scores[segment] as number[];
      const sum = (from: number, to: number) => n.slice(from, to + 1).reduce((s, v) => s + v, 0);
      const expected = npsFromCounts({ promoters: sum(9, 10), passives: sum(7, 8), detractors: sum(0, 6) });
      expect(weighted.score).toBeCloseTo(expected.score as number, 10);
      expect(weighted.weights?.total).toBe(expected.total);
    }
    const cohorts = (await db.rows(cohortCountsSql('log_parquet', { dialect: 'duckdb', columns: { customerId: 'customer_id', at: 'ordered_at' }, unit: 'quarter' }))) as unknown as {
      cohort: Date;
      offset: number;
      size: number;
      active: number;
    }[];
    const retention = cohortRetention(log, { unit: 'quarter', customerId: byIndex.customerId, at: byIndex.at });
    expect(cohortRetentionFromCounts(cohorts as never, { unit: 'quarter' }).cohorts).toEqual(retention.cohorts);
    for (const c of retention.cohorts) {
      const active = c.active.map((_, k) => cohorts.find((r) => r.cohort.getTime() === c.start && r.offset === k)?.active ?? 0);
      expect(active).toEqual(c.active);
    }
  }, HEAVY);
});
