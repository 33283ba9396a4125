/**
 * One measured run of bench/sql.bench.ts, in its own process so that its peak memory is its
 * own: `duckdb` (DuckDB aggregates the Parquet file with rfmHistogramSql, the fits run on the
 * histogram) or `in-process` (the purchases are read into typed arrays, summarizeTransactions
 * and the fits run in Node). Prints one JSON line: seconds and peak RSS.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { fitBgNbd, fitGammaGamma, summarizeTransactions } from '../src/clv';
import { rfmHistogramSql } from '../src/sql';

const [mode, file] = process.argv.slice(2) as [string, string];
const window = { observationEnd: Date.UTC(1999, 11, 31), calibrationEnd: Date.UTC(1999, 0, 1) };
const columns = { customerId: 'customer_id', at: 'ordered_at', amount: 'amount' } as const;
const started = performance.now();
const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const connection = await instance.connect();
// DuckDB runs inside this process: cap its memory so that its aggregation spills to disk
// rather than growing with the purchases.
await connection.run("SET memory_limit = '300MB'");
await connection.run('SET preserve_insertion_order = false');
await connection.run(`CREATE VIEW purchases AS SELECT * FROM read_parquet('${file.replaceAll("'", "''")}')`);
let customers = 0;
if (mode === 'duckdb') {
  const query = rfmHistogramSql('purchases', { dialect: 'duckdb', columns, ...window });
  const rows = (await connection.runAndReadAll(query.sql, [...query.values])).getRowObjectsJS() as unknown as {
    frequency: number; recency: number; T: number; monetaryValue: number; customers: number;
  }[];
  customers = rows.reduce((s, r) => s + r.customers, 0);
  fitBgNbd(rows, { weight: (r) => r.customers });
  fitGammaGamma(rows, { weight: (r) => r.customers });
} else {
  // Columns streamed chunk by chunk into typed arrays: the least memory an in-process summary can take.
  const result = await connection.stream('SELECT customer_id, epoch_ms(ordered_at) AS at, CAST(amount AS DOUBLE) AS amount FROM purchases');
  const ids: number[] = [];
  const at: number[] = [];
  const amount: number[] = [];
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    const [c, a, m] = [0, 1, 2].map((k) => chunk.getColumnVector(k));
    for (let i = 0; i < chunk.rowCount; i++) {
      ids.push(c!.getItem(i) as number);
      at.push(Number(a!.getItem(i) as bigint));
      amount.push(m!.getItem(i) as number);
    }
  }
  const placeholders = new Uint8Array(ids.length);
  const summary = summarizeTransactions(placeholders, {
    customerId: (_, i) => ids[i] as number,
    at: (_, i) => at[i] as number,
    amount: (_, i) => amount[i] as number,
    ...window,
  });
  customers = summary.rows.length;
  fitBgNbd(summary.rows);
  fitGammaGamma(summary.rows);
}
connection.closeSync();
instance.closeSync();
console.log(JSON.stringify({ mode, customers, seconds: (performance.now() - started) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
