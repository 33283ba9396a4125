/**
 * File → fitted BG/NBD + Gamma-Gamma: DuckDB aggregating a Parquet file with rfmHistogramSql
 * (the fits on the histogram) against reading the purchases into Node and running
 * summarizeTransactions in process, on generated logs of 1 M and 10 M purchases (100 M with
 * `SQL_BENCH_SIZES=1e6,1e7,1e8`; `SQL_BENCH_MODES=duckdb` skips the in-process runs). Each run is its own process (bench/sql-child.ts) so its peak
 * RSS is its own. The log is the one of test/sql/ten-million.test.ts, scaled: ~2.5 % as many
 * customers as purchases.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const DAY = 86_400_000;
function generate(n: number): string {
  const customers = Math.round(n / 40);
  const prime = 1_000_003;
  return `
  WITH g AS (SELECT i, (i * 48271) % ${prime} AS u FROM range(${n}) AS r(i)),
  c AS (SELECT i, CAST(floor((u * u) / ${prime * prime}.0 * ${customers}) AS INTEGER) AS customer_id FROM g)
  SELECT customer_id,
    make_timestamp(((9862 + (customer_id * 37) % 365 + CASE WHEN i % 4 = 0 THEN 0 ELSE (i * 31) % 731 END) * ${DAY} + (i * 1000) % ${DAY}) * 1000) AS ordered_at,
    ((i * 13) % 10000 + 1) / 100 AS amount
  FROM c`;
}

export async function main(): Promise<void> {
  const sizes = (process.env['SQL_BENCH_SIZES'] ?? '1e6,1e7').split(',').map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'cx-metrics-sql-bench-'));
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  console.log('\n### SQL: file → fitted BG/NBD + Gamma-Gamma\n');
  console.log('| purchases | Parquet | DuckDB + fit on histogram | peak RSS | in-process summarizeTransactions + fit | peak RSS |');
  console.log('|---|---|---|---|---|---|');
  try {
    for (const n of sizes) {
      const file = join(dir, `log-${n}.parquet`);
      await connection.run(`COPY (${generate(n)}) TO '${file}' (FORMAT parquet)`);
      const modes = (process.env['SQL_BENCH_MODES'] ?? 'duckdb,in-process').split(',');
      const runs = ['duckdb', 'in-process'].map((mode) => {
        if (!modes.includes(mode)) return { seconds: Number.NaN, peakRssMb: Number.NaN, customers: 0 };
        const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'sql-child.ts'), mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
        return JSON.parse(out.trim().split('\n').pop() as string) as { seconds: number; peakRssMb: number; customers: number };
      });
      const [d, p] = runs as [(typeof runs)[0], (typeof runs)[0]];
      const mb = (statSync(file).size / 1e6).toFixed(0);
      console.log(`| ${n.toLocaleString('en')} | ${mb} MB | ${d.seconds.toFixed(1)} s | ${d.peakRssMb.toFixed(0)} MB | ${p.seconds.toFixed(1)} s | ${p.peakRssMb.toFixed(0)} MB |`);
      rmSync(file);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
