/**
 * The bundled sample's purchases as files for the `--engine duckdb` tests: Parquet (a DATE
 * column, DOUBLE amounts) and a CSV whose dates mix the three accepted forms (YYYYMMDD,
 * YYYY-MM-DD, ISO date-time with Z), written by DuckDB into a fresh temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

/** The folder and its files; `remove` deletes the folder. */
export interface SampleFiles {
  readonly dir: string;
  readonly parquet: string;
  readonly csv: string;
  readonly remove: () => void;
}

export async function writeSampleFiles(): Promise<SampleFiles> {
  const dir = mkdtempSync(join(tmpdir(), 'cx-engine-'));
  const parquet = join(dir, 'purchases.parquet');
  const csv = join(dir, 'purchases.csv');
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' }); // one per vitest worker (test/sql/duckdb.ts)
  const connection = await instance.connect();
  const sample = join('sample', 'purchases.csv');
  await connection.run(`COPY (SELECT customer_id, CAST(date AS DATE) AS date, CAST(amount AS DOUBLE) AS amount FROM read_csv('${sample}', header = true, all_varchar = true)) TO '${parquet}' (FORMAT parquet)`);
  await connection.run(
    `COPY (SELECT customer_id, CASE WHEN row_number() OVER () % 3 = 0 THEN strftime(CAST(date AS DATE), '%Y%m%d') WHEN row_number() OVER () % 3 = 1 THEN strftime(CAST(date AS DATE), '%Y-%m-%dT00:00:00Z') ELSE date END AS date, amount FROM read_csv('${sample}', header = true, all_varchar = true)) TO '${csv}' (HEADER)`,
  );
  connection.closeSync();
  instance.closeSync();
  return { dir, parquet, csv, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
