/**
 * The embedded default: a purchase file (Parquet or CSV, any size: DuckDB streams it and spills
 * to disk) aggregated in DuckDB with `rfmHistogramSql`, then BG/NBD and Gamma-Gamma fitted on
 * the histogram in process. The library does not depend on DuckDB: this script takes any
 * function that runs a query (see {@link QueryRunner}) and only its command line opens DuckDB.
 *
 *   npx tsx scripts/duckdb-summary.ts purchases.parquet --customer-id customer_id --at ordered_at \
 *     --amount amount --observation-end 1998-06-30 [--calibration-end 1997-09-30] [--unit week]
 */
import { fitBgNbd, fitGammaGamma, type BgNbdFit, type GammaGammaFit } from '../src/clv';
import { rfmHistogramSql } from '../src/sql';
import type { TimeUnit } from '../src/models';

/** Runs one SQL statement with positional values (`$1`…) and returns its rows as plain objects. */
export type QueryRunner = (sql: string, values: readonly (string | number)[]) => Promise<Record<string, unknown>[]>;

/** What {@link summarizeFile} reads. */
export interface SummarizeFileOptions {
  readonly customerId: string;
  readonly at: string;
  readonly amount: string;
  readonly observationEnd: number;
  readonly calibrationEnd?: number;
  readonly unit?: TimeUnit;
}

/** What {@link summarizeFile} returns. */
export interface FileSummary {
  readonly customers: number;
  readonly histogramRows: number;
  readonly bgNbd: BgNbdFit;
  readonly gammaGamma: GammaGammaFit;
}

/** A DuckDB string literal: the path quoted with '' doubled (DuckDB views take no bind parameters). */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Aggregate `file` in the engine behind `run` and fit BG/NBD and Gamma-Gamma on what comes back. */
export async function summarizeFile(run: QueryRunner, file: string, options: SummarizeFileOptions): Promise<FileSummary> {
  const reader = /\.parquet$/i.test(file) ? `read_parquet(${literal(file)})` : `read_csv(${literal(file)}, header = true)`;
  await run(`CREATE OR REPLACE TEMP VIEW cx_metrics_purchases AS SELECT * FROM ${reader}`, []);
  const { customerId, at, amount, ...window } = options;
  const query = rfmHistogramSql('cx_metrics_purchases', { dialect: 'duckdb', columns: { customerId, at, amount }, ...window });
  const rows = (await run(query.sql, query.values)) as unknown as { frequency: number; recency: number; T: number; monetaryValue: number; customers: number }[];
  const weight = (r: { customers: number }) => r.customers;
  return {
    customers: rows.reduce((s, r) => s + r.customers, 0),
    histogramRows: rows.length,
    bgNbd: fitBgNbd(rows, { weight }),
    gammaGamma: fitGammaGamma(rows, { weight }),
  };
}

async function main(argv: readonly string[]): Promise<void> {
  const [file, ...rest] = argv;
  const flag = (name: string): string | undefined => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const day = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(`${iso}T00:00:00Z`));
  const observationEnd = day(flag('observation-end'));
  if (file === undefined || observationEnd === undefined) {
    console.error('usage: npx tsx scripts/duckdb-summary.ts FILE.parquet|FILE.csv --observation-end YYYY-MM-DD [--calibration-end YYYY-MM-DD] [--customer-id COL] [--at COL] [--amount COL] [--unit week]');
    process.exitCode = 2;
    return;
  }
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const run: QueryRunner = async (sql, values) => (await connection.runAndReadAll(sql, [...values])).getRowObjectsJS() as Record<string, unknown>[];
  const calibrationEnd = day(flag('calibration-end'));
  const started = performance.now();
  const summary = await summarizeFile(run, file, {
    customerId: flag('customer-id') ?? 'customer_id',
    at: flag('at') ?? 'at',
    amount: flag('amount') ?? 'amount',
    observationEnd,
    ...(calibrationEnd === undefined ? {} : { calibrationEnd }),
    unit: (flag('unit') ?? 'week') as TimeUnit,
  });
  const { bgNbd: b, gammaGamma: g } = summary;
  console.log(`${summary.customers} customers in ${summary.histogramRows} histogram rows, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`BG/NBD       r ${b.r.toFixed(4)}  alpha ${b.alpha.toFixed(4)}  a ${b.a.toFixed(4)}  b ${b.b.toFixed(4)}  (log-likelihood ${b.logLikelihood.toFixed(2)})`);
  console.log(`Gamma-Gamma  p ${g.p.toFixed(4)}  q ${g.q.toFixed(4)}  gamma ${g.gamma.toFixed(4)}  (log-likelihood ${g.logLikelihood.toFixed(2)})`);
  connection.closeSync();
  instance.closeSync();
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
