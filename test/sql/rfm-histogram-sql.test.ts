import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bgNbd, fitBgNbd, fitGammaGamma, fitParetoNbd, predictClv, rfmHistogramTally, summarizeTransactions } from '../../src/clv';
import { rfmHistogramSql, transactionSummarySql } from '../../src/sql';
import { thrownBy } from '../support/error-code';
import { CDNOW, loadCdnow, openDuckDb, type TestDuckDb } from './duckdb';

const columns = { customerId: 'customer_id', at: 'ordered_at', amount: 'amount' } as const;
const observationEnd = Date.UTC(1998, 5, 30);
const calibrationEnd = Date.UTC(1997, 8, 30);

let db: TestDuckDb;
beforeAll(async () => {
  db = await openDuckDb();
  await loadCdnow(db);
});
afterAll(() => db.close());

/** The fit without `rows` (the number of input rows: a histogram has fewer by design). */
const content = (fit: object): Record<string, unknown> => Object.fromEntries(Object.entries(fit).filter(([k]) => k !== 'rows'));

/**
 * The same estimates from inputs that differ in rounding only (DuckDB's mean spends differ from
 * the library's in the last bit for some customers: it sums the amounts exactly as DECIMAL, or
 * as doubles in its own order, where the library compensates in input order): the same number
 * of customers, and every parameter and the log-likelihood within 1e-9 relative. The fits end
 * with Newton steps on the analytic gradient, so they agree to about 1e-12 (measured on CDNOW).
 */
function expectSameEstimates(fit: { logLikelihood: number; n: number }, others: readonly { logLikelihood: number; n: number }[], keys: readonly string[]): void {
  for (const other of others) {
    expect(fit.n).toBe(other.n);
    const far = [...keys, 'logLikelihood'].filter((k) => {
      const [x, y] = [(fit as Record<string, number>)[k]!, (other as Record<string, number>)[k]!];
      return !(Math.abs(x - y) <= 1e-9 * Math.abs(y));
    });
    expect(far).toEqual([]);
  }
}

const params = (fit: { r?: number; alpha?: number; a?: number; b?: number; s?: number; beta?: number; p?: number; q?: number; gamma?: number; logLikelihood: number }) => {
  const { r, alpha, a, b, s, beta, p, q, gamma, logLikelihood } = fit;
  return Object.fromEntries(Object.entries({ r, alpha, a, b, s, beta, p, q, gamma, logLikelihood }).filter(([, v]) => v !== undefined));
};

describe('rfmHistogramSql on DuckDB: fits from the histogram equal fits from the raw rows', () => {
  const window = { observationEnd, calibrationEnd };
  const raw = summarizeTransactions(CDNOW, { customerId: (d) => d.sampleId, at: (d) => d.at, amount: (d) => d.amount, ...window }).rows;
  let histogram: Record<string, unknown>[] = [];
  let timing: Record<string, unknown>[] = [];
  beforeAll(async () => {
    histogram = await db.rows(rfmHistogramSql('cdnow_csv', { dialect: 'duckdb', columns, ...window }));
    timing = await db.rows(rfmHistogramSql('cdnow_parquet', { dialect: 'duckdb', columns, ...window, groupBy: 'timing' }));
  });
  const weight = (r: Record<string, unknown>) => r['customers'] as number;

  it('counts every customer once, in fewer rows', () => {
    expect(histogram.reduce((s, r) => s + weight(r), 0)).toBe(2357);
    expect(timing.reduce((s, r) => s + weight(r), 0)).toBe(2357);
    expect(timing.length).toBeLessThan(histogram.length);
    expect(histogram.length).toBeLessThan(2357);
    expect(Object.keys(timing[0] as object).sort()).toEqual(['T', 'customers', 'frequency', 'recency']);
  });

  it('BG/NBD (timing-only histogram): the same fit, bit for bit', () => {
    const rows = timing as unknown as { frequency: number; recency: number; T: number; customers: number }[];
    expect(content(fitBgNbd(rows, { weight: (r) => r.customers }))).toEqual(content(fitBgNbd(raw)));
  });

  it('Pareto/NBD: the same fit, bit for bit, as the raw rows in any order', () => {
    const rows = histogram as unknown as { frequency: number; recency: number; T: number; customers: number }[];
    // DuckDB's recency and T equal the library's bit for bit, and the fit sums over distinct
    // histories in a canonical order: nothing is left to differ.
    const fromHistogram = content(fitParetoNbd(rows, { weight: (r) => r.customers }));
    expect(fromHistogram).toEqual(content(fitParetoNbd(raw)));
    expect(fromHistogram).toEqual(content(fitParetoNbd([...raw].reverse())));
  });

  it('Gamma-Gamma (spend histogram): the per-customer rows of the same engine bit for bit, the library’s rows to 1e-9', async () => {
    const rows = histogram as unknown as { frequency: number; monetaryValue: number; customers: number }[];
    const perCustomer = (await db.rows(transactionSummarySql('cdnow_csv', { dialect: 'duckdb', columns, ...window }))) as unknown as {
      frequency: number;
      monetaryValue: number;
    }[];
    const fromHistogram = fitGammaGamma(rows, { weight: (r) => r.customers });
    expect(content(fromHistogram)).toEqual(content(fitGammaGamma(perCustomer)));
    const fromRaw = fitGammaGamma(raw);
    expect(content(fitGammaGamma([...raw].reverse()))).toEqual(content(fromRaw));
    expectSameEstimates(fromHistogram, [fromRaw], ['p', 'q', 'gamma']);
  });

  it('predictClv per histogram row, times its customers, totals the per-customer CLV', () => {
    const rows = histogram as unknown as { frequency: number; recency: number; T: number; monetaryValue: number; customers: number }[];
    const bg = fitBgNbd(raw);
    const gg = fitGammaGamma(raw);
    const options = { timeUnit: 'week', horizon: 12, horizonUnit: 'month', discountRate: 0.01 } as const;
    const perRow = predictClv(bgNbd, bg, { gammaGamma: gg }, rows, options);
    const perCustomer = predictClv(bgNbd, bg, { gammaGamma: gg }, raw, options);
    const total = (clv: Float64Array, w: (i: number) => number) => clv.reduce((s, v, i) => s + v * w(i), 0);
    const histogramTotal = total(perRow.clv, (i) => (rows[perRow.index[i] as number] as { customers: number }).customers);
    expect(Math.abs(histogramTotal - total(perCustomer.clv, () => 1))).toBeLessThan(1e-9 * histogramTotal);
  });

  it('rfmHistogramTally merges histograms of customer shards into the histogram of all', async () => {
    await db.connection.run('CREATE TEMP VIEW shard0 AS SELECT * FROM cdnow_csv WHERE customer_id % 3 = 0');
    await db.connection.run('CREATE TEMP VIEW shard12 AS SELECT * FROM cdnow_csv WHERE customer_id % 3 <> 0');
    const shards = await Promise.all(['shard0', 'shard12'].map((t) => db.rows(rfmHistogramSql(t, { dialect: 'duckdb', columns, ...window }))));
    const states = shards.map((rows) => rows.reduce((s, r, i) => rfmHistogramTally.add(s, r as never, i), rfmHistogramTally.create()));
    const merged = rfmHistogramTally.result(rfmHistogramTally.merge(states[0]!, states[1]!));
    const whole = rfmHistogramTally.result(histogram.reduce((s, r, i) => rfmHistogramTally.add(s, r as never, i), rfmHistogramTally.create()));
    expect(merged).toEqual(whole);
    expect(merged.customers).toBe(2357);
  });
});

describe('rfmHistogramSql: text and bad input', () => {
  const options = { dialect: 'duckdb', columns, observationEnd, calibrationEnd } as const;
  for (const dialect of ['bigquery', 'snowflake', 'spark', 'postgres', 'duckdb'] as const) {
    it(`golden text: ${dialect}`, async () => {
      await expect(rfmHistogramSql('shop.orders', { ...options, dialect }).sql).toMatchFileSnapshot(`golden/rfm-histogram-sql.${dialect}.sql`);
    });
  }
  it('groups by timing only on request', () => {
    expect(rfmHistogramSql('o', { ...options, groupBy: 'timing' }).sql).not.toContain('"monetaryValue"');
    expect(rfmHistogramSql('o', options).sql).toContain('"monetaryValue"');
  });
  const code = (run: () => unknown) => (thrownBy(run) as { code?: string } | undefined)?.code;
  it.each([
    ['an unknown groupBy', () => rfmHistogramSql('o', { ...options, groupBy: 'money' as never }), 'INVALID_OPTION'],
    ['an unknown dialect', () => rfmHistogramSql('o', { ...options, dialect: 'oracle' as never }), 'INVALID_OPTION'],
    ['a bad identifier', () => rfmHistogramSql('o', { ...options, columns: { ...columns, amount: '1amount' } }), 'INVALID_OPTION'],
    ['a calibration end after the observation end', () => rfmHistogramSql('o', { ...options, calibrationEnd: observationEnd + 86_400_000 }), 'ORDER_VIOLATION'],
    ['an unknown unit', () => rfmHistogramSql('o', { ...options, unit: 'decade' as never }), 'INVALID_OPTION'],
  ])('%s', (_name, run, expected) => {
    expect(code(run)).toBe(expected);
  });
});
