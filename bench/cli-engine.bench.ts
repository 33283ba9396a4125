/**
 * `cx-metrics fit gamma-gamma` on a generated purchase file: the memory engine on the CSV
 * against `--engine duckdb` on the same purchases as CSV and as Parquet, each run its own process
 * (the command line from the sources, with bench/cli-engine-probe.ts sampling its peak heap and
 * RSS). 1,000,000 and 3,000,000 purchases of ~5,000 customers by default
 * (`CLI_BENCH_SIZES=1e6,3e6`); the memory engine parses every purchase into an object, the
 * DuckDB engine receives the histogram only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const DAY = 86_400_000;
const generate = (n: number): string => `
  WITH g AS (SELECT i, (i * 48271) % 1000003 AS u FROM range(${n}) AS r(i)),
  c AS (SELECT i, CAST((u * u) // 4000012 AS INTEGER) % 5003 AS customer_id FROM g)
  SELECT CAST(customer_id AS VARCHAR) AS customer_id,
    strftime(make_timestamp(((9862 + (customer_id * 37) % 365 + CASE WHEN i % 4 = 0 THEN 0 ELSE (i * 31) % (1 + customer_id % 731) END) * ${DAY}) * 1000), '%Y-%m-%d') AS date,
    ((i * 13) % 10000 + 1) / 100 AS amount
  FROM c`;

function measure(args: readonly string[]): { seconds: number; peakHeapMb: number; peakRssMb: number; ok: boolean } {
  const started = performance.now();
  const probe = join(import.meta.dirname, 'cli-engine-probe.ts');
  const main = join(import.meta.dirname, '..', 'src', 'cli', 'main.ts');
  const result = spawnSync(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', '--import', probe, main, 'fit', 'gamma-gamma', ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const seconds = (performance.now() - started) / 1000;
  const line = result.stderr.trim().split('\n').pop() ?? '{}';
  return { seconds, ok: result.status === 0, ...(JSON.parse(line) as { peakHeapMb: number; peakRssMb: number }) };
}

export async function main(): Promise<void> {
  const sizes = (process.env['CLI_BENCH_SIZES'] ?? '1e6,3e6').split(',').map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'cx-metrics-cli-bench-'));
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  console.log('\n### cx-metrics fit gamma-gamma: memory engine vs --engine duckdb\n');
  console.log('| purchases | engine, file | time | peak JS heap | peak RSS |');
  console.log('|---|---|---:|---:|---:|');
  try {
    for (const n of sizes) {
      const csv = join(dir, `purchases-${n}.csv`);
      const parquet = join(dir, `purchases-${n}.parquet`);
      await connection.run(`COPY (${generate(n)}) TO '${csv}' (HEADER)`);
      await connection.run(`COPY (SELECT * FROM read_csv('${csv}', header = true, all_varchar = true)) TO '${parquet}' (FORMAT parquet)`);
      for (const [label, args] of [
        ['memory, CSV (baseline)', ['--purchases', csv]],
        ['duckdb, CSV', ['--purchases', csv, '--engine', 'duckdb']],
        ['duckdb, Parquet', ['--purchases', parquet, '--engine', 'duckdb']],
      ] as const) {
        const r = measure(args);
        const cell = (x: number, unit: string): string => (r.ok ? `${x.toFixed(x < 10 ? 1 : 0)} ${unit}` : 'failed');
        console.log(`| ${n.toLocaleString('en')} | ${label} | ${cell(r.seconds, 's')} | ${cell(r.peakHeapMb, 'MB')} | ${cell(r.peakRssMb, 'MB')} |`);
      }
      rmSync(csv);
      rmSync(parquet);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
