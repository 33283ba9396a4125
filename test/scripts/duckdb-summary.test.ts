import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitBgNbd, fitGammaGamma, summarizeTransactions } from '../../src/clv';
import { summarizeFile } from '../../scripts/duckdb-summary';
import { repoRoot } from '../support/doc-examples';
import { CDNOW, loadCdnow, openDuckDb, type TestDuckDb } from '../sql/duckdb';

let db: TestDuckDb;
beforeAll(async () => {
  db = await openDuckDb();
  await loadCdnow(db);
});
afterAll(() => db.close());

describe('scripts/duckdb-summary.ts', () => {
  const window = { observationEnd: Date.UTC(1998, 5, 30), calibrationEnd: Date.UTC(1997, 8, 30) };
  it('fits BG/NBD and Gamma-Gamma from a Parquet file aggregated in DuckDB', async () => {
    const run = async (sql: string, values: readonly (string | number)[]) => (await db.connection.runAndReadAll(sql, [...values])).getRowObjectsJS() as Record<string, unknown>[];
    const summary = await summarizeFile(run, join(db.dir, 'cdnow.parquet'), { customerId: 'customer_id', at: 'ordered_at', amount: 'amount', ...window });
    const raw = summarizeTransactions(CDNOW, { customerId: (d) => d.sampleId, at: (d) => d.at, amount: (d) => d.amount, ...window }).rows;
    expect(summary.customers).toBe(2357);
    const bg = fitBgNbd(raw);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(summary.bgNbd[k]).toBeCloseTo(bg[k], 8);
    expect(summary.gammaGamma.logLikelihood).toBeCloseTo(fitGammaGamma(raw).logLikelihood, 8);
  });

  it('runs as a command on a CSV file', () => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'scripts', 'duckdb-summary.ts'), join(db.dir, 'cdnow.csv'), '--customer-id', 'customer_id', '--at', 'ordered_at', '--amount', 'amount', '--observation-end', '1998-06-30', '--calibration-end', '1997-09-30'],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(out).toMatch(/^2357 customers in \d+ histogram rows/);
    expect(out).toContain('BG/NBD       r 0.2426  alpha 4.4136  a 0.7929  b 2.4259');
  });
});
