/**
 * A purchase file far bigger than the process may hold: 2,000,000 purchases written as Parquet
 * by DuckDB, fitted (Gamma-Gamma) by the command line with `--engine duckdb` in a child process whose
 * JavaScript heap is capped at 48 MB. The purchases as objects would need several hundred MB
 * (the memory engine parses every one), so the run succeeding shows that only aggregates
 * reach Node: the RFM histogram of a few thousand rows.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/doc-examples';

const N = 2_000_000;
const HEAP_MB = 48;
const DAY = 86_400_000;
const dir = mkdtempSync(join(tmpdir(), 'cx-big-'));
const parquet = join(dir, 'purchases.parquet');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Purchase i: one of 5,003 skewed customers, a first day in 1997 per customer and, on three
// purchases in four, a repeat day within the customer's own lifetime (as test/sql/ten-million.test.ts).
beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' }); // one per vitest worker (test/sql/duckdb.ts)
  const connection = await instance.connect();
  await connection.run(`COPY (
    WITH g AS (SELECT i, (i * 48271) % 1000003 AS u FROM range(${N}) AS r(i)),
    c AS (SELECT i, CAST((u * u) // 4000012 AS INTEGER) % 5003 AS customer_id FROM g)
    SELECT CAST(customer_id AS VARCHAR) AS customer_id,
      make_timestamp(((9862 + (customer_id * 37) % 365 + CASE WHEN i % 4 = 0 THEN 0 ELSE (i * 31) % (1 + customer_id % 731) END) * ${DAY} + (i * 1000) % ${DAY}) * 1000) AS date,
      ((i * 13) % 10000 + 1) / 100 AS amount
    FROM c) TO '${parquet}' (FORMAT parquet)`);
  connection.closeSync();
  instance.closeSync();
}, 60_000);

describe(`${N.toLocaleString('en')} purchases through --engine duckdb with a ${HEAP_MB} MB heap`, () => {
  it('fits Gamma-Gamma without loading the purchases', () => {
    const stdout = execFileSync(
      process.execPath,
      [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', 'src/cli/main.ts', 'fit', 'gamma-gamma', '--purchases', parquet, '--engine', 'duckdb'],
      { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const out = JSON.parse(stdout) as { data: { files: { records: number }[]; customers: number }; parameters: Record<string, number>; diagnostics: { logLikelihood: number } };
    expect(out.data.files[0]?.records).toBe(N);
    expect(out.data.customers).toBe(5003);
    expect(Number.isFinite(out.diagnostics.logLikelihood)).toBe(true);
    for (const value of Object.values(out.parameters)) expect(Number.isFinite(value) && value > 0).toBe(true);
  }, 60_000);
});
