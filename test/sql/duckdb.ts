/**
 * DuckDB for the conformance tests (tests only): an in-memory database per test file, the
 * CDNOW purchases as CSV and Parquet files in a temporary directory, and a runner for the
 * generated queries.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { SqlQuery } from '../../src/sql';
import { cdnowTransactions, type CdnowPurchase } from '../clv/clv-data';

/** An open database and its scratch directory; `close` removes both. */
export interface TestDuckDb {
  readonly connection: DuckDBConnection;
  readonly dir: string;
  /** Run a generated query (its values bound by position) and return plain row objects. */
  readonly rows: (query: SqlQuery) => Promise<Record<string, unknown>[]>;
  readonly close: () => void;
}

export async function openDuckDb(): Promise<TestDuckDb> {
  const dir = mkdtempSync(join(tmpdir(), 'cx-metrics-duckdb-'));
  // One thread: vitest already runs a worker per core, and a second DuckDB thread only added the
  // cost of merging partial aggregates (the 10,000,000-purchase file: 63 s of CPU with two, 55 s with one).
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  return {
    connection,
    dir,
    rows: async (query) => (await connection.runAndReadAll(query.sql, [...query.values])).getRowObjectsJS() as Record<string, unknown>[],
    close: () => {
      connection.closeSync();
      instance.closeSync();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** CDNOW's purchases (`test/fixtures/data/CDNOW_sample.txt`), parsed by the test helper the clv tests use. */
export const CDNOW: readonly CdnowPurchase[] = cdnowTransactions();

/**
 * Create the views `cdnow_csv` (DATE, DECIMAL amounts, from a CSV file) and `cdnow_parquet`
 * (TIMESTAMP, DOUBLE amounts, from a Parquet file) over the same CDNOW purchases.
 */
export async function loadCdnow(db: TestDuckDb): Promise<void> {
  const csv = join(db.dir, 'cdnow.csv');
  const lines = CDNOW.map((t) => `${t.sampleId},${new Date(t.at).toISOString().slice(0, 10)},${t.amount}`);
  writeFileSync(csv, `customer_id,ordered_at,amount\n${lines.join('\n')}\n`);
  const parquet = join(db.dir, 'cdnow.parquet');
  await db.connection.run(
    `CREATE VIEW cdnow_csv AS SELECT * FROM read_csv('${csv}', header = true, columns = {'customer_id': 'INTEGER', 'ordered_at': 'DATE', 'amount': 'DECIMAL(12,2)'})`,
  );
  await db.connection.run(
    `COPY (SELECT customer_id, CAST(ordered_at AS TIMESTAMP) AS ordered_at, CAST(amount AS DOUBLE) AS amount FROM cdnow_csv) TO '${parquet}' (FORMAT parquet)`,
  );
  await db.connection.run(`CREATE VIEW cdnow_parquet AS SELECT * FROM read_parquet('${parquet}')`);
}
