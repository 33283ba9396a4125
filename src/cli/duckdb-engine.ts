/**
 * `--engine duckdb`: the purchase file (CSV or Parquet, any size) is read and aggregated by
 * DuckDB, and only aggregates reach Node: the RFM histogram of `rfmHistogramSql` and the
 * holdout totals grouped by the few keys the predictions depend on. DuckDB streams the file and
 * spills to disk, so a file larger than memory works; the process holds a few thousand rows.
 *
 * `@duckdb/node-api` is an optional peer dependency of the package, loaded here by a dynamic
 * `import()` only when the engine is asked for: the library subpaths never import it, and
 * without it `--engine duckdb` is a usage error (exit 2) that says what to install.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { rfmHistogramSql, transactionSummarySql, type SqlQuery } from '../sql/index';
import { UsageError, type FlagSpec, type ParsedArgs } from './args';
import { sampleDir, type InputOptions } from './input';
import { InputFileError, type InputProblem } from './load';
import type { FileSummary } from './sections/types';

/** Where the purchases are aggregated: in process (`memory`, the default) or in DuckDB. */
export type Engine = 'memory' | 'duckdb';

/** The `--engine` flag, for the commands that read purchases. */
export const ENGINE_FLAG = { '--engine': 'value' } as const satisfies FlagSpec;

/** The usage error without the optional peer dependency. */
export const DUCKDB_MISSING = 'install @duckdb/node-api to use --engine duckdb (npm install @duckdb/node-api)';

/** The engine the arguments ask for. */
export function readEngine(args: ParsedArgs): Engine {
  const value = args.flags['--engine'];
  if (value === undefined) return 'memory';
  if (value === 'memory' || value === 'duckdb') return value;
  throw new UsageError(`--engine expects memory or duckdb, got ${JSON.stringify(value)}`);
}

/** A row as DuckDB returns it, numbers as JavaScript numbers (every count is cast to DOUBLE). */
type DbRow = Record<string, unknown>;

/** An open in-memory DuckDB database. */
export interface DuckDb {
  /** Run one statement with positional values and return its rows as plain objects. */
  readonly rows: (sql: string, values?: readonly number[]) => Promise<DbRow[]>;
  /** Run a generated query. */
  readonly query: (query: SqlQuery) => Promise<DbRow[]>;
  readonly close: () => void;
}

/**
 * Open an in-memory DuckDB: time zone UTC (DATE and TIMESTAMP columns are UTC instants), and
 * aggregations past DuckDB's memory limit spill to a folder in the system's temporary directory
 * (not `.tmp` in the working directory, DuckDB's default).
 */
export async function openDuckDb(): Promise<DuckDb> {
  let api: typeof import('@duckdb/node-api');
  try {
    api = await import('@duckdb/node-api');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw new UsageError(DUCKDB_MISSING);
    throw new UsageError(`--engine duckdb: @duckdb/node-api is installed but does not load: ${(error as Error).message}`);
  }
  const instance = await api.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const rows = async (sql: string, values: readonly number[] = []): Promise<DbRow[]> => (await connection.runAndReadAll(sql, [...values])).getRowObjectsJS() as DbRow[];
  await rows("SET TimeZone = 'UTC'");
  await rows(`SET temp_directory = ${literal(join(tmpdir(), `cx-metrics-duckdb-${process.pid}`))}`);
  return {
    rows,
    query: (q) => rows(q.sql, q.values),
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** A DuckDB string literal (file names cannot be bind parameters of a table function). */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** The view the queries read: `customer_id` VARCHAR, `purchased_at` TIMESTAMPTZ, `amount` DOUBLE, `currency` VARCHAR. */
export const PURCHASES_VIEW = 'cx_metrics_purchases';

/** The columns of {@link PURCHASES_VIEW}, as the SQL generators name them. */
export const PURCHASE_COLUMNS = { customerId: 'customer_id', at: 'purchased_at', amount: 'amount' } as const;

/** What DuckDB found in the purchase file. */
export interface PurchaseFile {
  /** The file as the report names it (`sample/purchases.csv` for the sample). */
  readonly summary: FileSummary;
  /** Distinct customers with a purchase. */
  readonly buyers: number;
  /** The earliest and latest purchase instants (epoch ms); `undefined` for an empty file. */
  readonly first: number | undefined;
  readonly last: number | undefined;
}

/** The first line of a DuckDB error, without its kind (`Invalid Input Error: `). */
function firstLine(error: unknown): string {
  return ((error as Error).message.split('\n')[0] as string).replace(/^[A-Za-z ]*Error: /, '');
}

/** A plain decimal number, as the in-memory loader accepts in a CSV cell. */
const DECIMAL = '^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$';

/**
 * The purchase date of a text cell as TIMESTAMPTZ, NULL when it is not one of the accepted forms:
 * `YYYYMMDD`, `YYYY-MM-DD` (midnight UTC) or an ISO date-time with a time zone.
 */
function textInstant(cell: string): string {
  return [
    `CASE WHEN regexp_full_match(${cell}, '[0-9]{8}') THEN CAST(try_strptime(${cell}, '%Y%m%d') AS TIMESTAMPTZ)`,
    `WHEN regexp_full_match(${cell}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN CAST(try_cast(${cell} AS DATE) AS TIMESTAMPTZ)`,
    `WHEN regexp_full_match(${cell}, '[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.]+(Z|[+-][0-9]{2}:?[0-9]{2})') THEN try_cast(${cell} AS TIMESTAMPTZ)`,
    'END',
  ].join(' ');
}

/** Check that the purchase file exists and is CSV or Parquet (before DuckDB is loaded); returns its extension. */
export function checkPurchaseFile(file: string): '.csv' | '.parquet' {
  const ext = extname(file).toLowerCase();
  if (!existsSync(file)) throw new InputFileError(file, [{ code: 'FILE_NOT_FOUND', line: undefined, field: undefined, message: 'no such file' }]);
  if (ext !== '.csv' && ext !== '.parquet') {
    throw new InputFileError(file, [{ code: 'UNKNOWN_FILE_TYPE', line: undefined, field: undefined, message: `unknown file type "${ext}": --engine duckdb reads .csv or .parquet purchase files` }]);
  }
  return ext;
}

/**
 * Point {@link PURCHASES_VIEW} at the purchase file and check every record as the in-memory
 * loader does (customer, date, amount ≥ 0, one currency); problems are reported by count with
 * an example, without line numbers (DuckDB reads the file in parallel).
 */
export async function openPurchases(db: DuckDb, file: string, shownAs: string): Promise<PurchaseFile> {
  const ext = checkPurchaseFile(file);
  const reader = ext === '.parquet' ? `read_parquet(${literal(file)})` : `read_csv(${literal(file)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`;
  let described: DbRow[];
  try {
    described = await db.rows(`DESCRIBE SELECT * FROM ${reader}`);
  } catch (error) {
    throw new InputFileError(file, [{ code: ext === '.csv' ? 'CSV_SYNTAX' : 'FILE_UNREADABLE', line: undefined, field: undefined, message: firstLine(error) }]);
  }
  const types = new Map(described.map((r) => [String(r['column_name']), String(r['column_type'])]));
  const missing = ['customer_id', 'date', 'amount'].filter((c) => !types.has(c));
  if (missing.length > 0) {
    throw new InputFileError(file, [{ code: 'MISSING_COLUMN', line: 1, field: missing[0], message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (columns: ${[...types.keys()].join(',')})` }]);
  }
  const dateType = types.get('date') as string;
  const at = dateType === 'DATE' || dateType.startsWith('TIMESTAMP') ? 'CAST(r."date" AS TIMESTAMPTZ)' : textInstant('CAST(r."date" AS VARCHAR)');
  const amountText = 'CAST(r."amount" AS VARCHAR)';
  const amount = types.get('amount') === 'VARCHAR' ? `CASE WHEN regexp_full_match(${amountText}, '${DECIMAL}') THEN try_cast(${amountText} AS DOUBLE) END` : 'CAST(r."amount" AS DOUBLE)';
  const currency = types.has('currency') ? `COALESCE(NULLIF(CAST(r."currency" AS VARCHAR), ''), 'USD')` : `'USD'`;
  await db.rows(
    `CREATE OR REPLACE TEMP VIEW ${PURCHASES_VIEW} AS SELECT NULLIF(CAST(r."customer_id" AS VARCHAR), '') AS customer_id, ${at} AS purchased_at, ${amount} AS amount, ${currency} AS currency FROM ${reader} AS r`,
  );
  let stats: DbRow | undefined;
  try {
    [stats] = await db.rows(
      [
        'SELECT CAST(COUNT(*) AS DOUBLE) AS records,',
        '  CAST(COUNT(*) FILTER (WHERE customer_id IS NULL) AS DOUBLE) AS no_customer,',
        '  CAST(COUNT(*) FILTER (WHERE purchased_at IS NULL) AS DOUBLE) AS bad_date,',
        '  CAST(COUNT(*) FILTER (WHERE amount IS NULL OR NOT isfinite(amount) OR amount < 0) AS DOUBLE) AS bad_amount,',
        "  CAST(COUNT(*) FILTER (WHERE NOT regexp_full_match(currency, '[A-Z]{3}')) AS DOUBLE) AS bad_currency,",
        '  CAST(COUNT(DISTINCT customer_id) AS DOUBLE) AS buyers,',
        '  CAST(MIN(epoch_ms(purchased_at)) AS DOUBLE) AS first, CAST(MAX(epoch_ms(purchased_at)) AS DOUBLE) AS last,',
        '  list_sort(list(DISTINCT currency)) AS currencies',
        `FROM ${PURCHASES_VIEW}`,
      ].join('\n'),
    );
  } catch (error) {
    // A malformed file shows itself only when DuckDB scans it (a ragged CSV row, a bad Parquet page).
    throw new InputFileError(file, [{ code: ext === '.csv' ? 'CSV_SYNTAX' : 'FILE_UNREADABLE', line: undefined, field: undefined, message: firstLine(error) }]);
  }
  const s = stats as DbRow;
  const problems: InputProblem[] = [];
  const check = async (count: unknown, field: string, where: string, what: string): Promise<void> => {
    if (count === 0) return;
    const [example] = await db.rows(`SELECT CAST(r."${field}" AS VARCHAR) AS v FROM ${reader} AS r WHERE ${where} LIMIT 1`);
    problems.push({ code: 'INVALID_RECORD', line: undefined, field, message: `${count as number} record${count === 1 ? '' : 's'} ${what} (for example ${JSON.stringify(example?.['v'] ?? null)})` });
  };
  await check(s['no_customer'], 'customer_id', `NULLIF(CAST(r."customer_id" AS VARCHAR), '') IS NULL`, 'without a customer id');
  await check(s['bad_date'], 'date', `(${at}) IS NULL`, 'without a valid date (YYYY-MM-DD, YYYYMMDD or an ISO date-time with a time zone)');
  await check(s['bad_amount'], 'amount', `(${amount}) IS NULL OR NOT isfinite(${amount}) OR (${amount}) < 0`, 'without a finite amount ≥ 0');
  if (types.has('currency')) await check(s['bad_currency'], 'currency', `NOT regexp_full_match(${currency}, '[A-Z]{3}')`, 'with a currency that is not 3 capital letters');
  if (problems.length > 0) throw new InputFileError(file, problems);
  const currencies = (s['currencies'] as string[] | null) ?? [];
  if (currencies.length > 1) {
    const message = `purchases are in ${currencies.length} currencies (${currencies.join(', ')}): convert them to one before running the report`;
    throw new InputFileError(file, [{ code: 'MIXED_CURRENCIES', line: undefined, field: 'currency', message }]);
  }
  const records = s['records'] as number;
  return {
    summary: { kind: 'purchases', file: shownAs, records },
    buyers: s['buyers'] as number,
    first: records === 0 ? undefined : (s['first'] as number),
    last: records === 0 ? undefined : (s['last'] as number),
  };
}

/** The purchase file the options name (the bundled sample's with `--sample`) and its name as shown. */
export function purchaseFile(options: InputOptions): { file: string; shownAs: string } | undefined {
  if (options.sample) return { file: join(sampleDir(), 'purchases.csv'), shownAs: 'sample/purchases.csv' };
  const file = options.files.purchases;
  return file === undefined ? undefined : { file, shownAs: file };
}

/** The window of the aggregates: as `summarizeTransactions` takes it (weeks, days as periods). */
export interface EngineWindow {
  readonly observationEnd: number;
  readonly calibrationEnd?: number;
}

/** One row of the RFM histogram: a group of `customers` identical summaries. */
export interface HistogramRow {
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  /** Present with `groupBy: 'spend'`. */
  readonly monetaryValue: number;
  readonly customers: number;
}

/** The RFM histogram of the purchases in the window (`rfmHistogramSql`). */
export async function histogram(db: DuckDb, window: EngineWindow, groupBy: 'spend' | 'timing'): Promise<HistogramRow[]> {
  return (await db.query(rfmHistogramSql(PURCHASES_VIEW, { dialect: 'duckdb', columns: PURCHASE_COLUMNS, ...window, groupBy }))) as unknown as HistogramRow[];
}

/**
 * The holdout counts by calibration summary: per distinct (frequency, recency, T) the customers
 * and their repeat purchases (distinct purchase days) after the calibration end, with the holdout
 * length. This is what the count models' holdout prediction needs: Σ customers × E[X(t) | x, tₓ, T].
 */
export interface HoldoutCountRow {
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  readonly holdoutDuration: number;
  readonly customers: number;
  readonly holdoutFrequency: number;
}

/** The per-customer summary of `transactionSummarySql` (with its holdout columns), grouped in DuckDB. */
function grouped(window: EngineWindow & { readonly calibrationEnd: number }, select: string, where: string, keys: readonly string[]): { sql: string; values: readonly number[] } {
  const summary = transactionSummarySql(PURCHASES_VIEW, { dialect: 'duckdb', columns: PURCHASE_COLUMNS, ...window });
  const list = keys.map((k) => `"${k}"`).join(', ');
  return { sql: `SELECT ${list}, ${select}\nFROM (\n${summary.sql}\n) AS s${where}\nGROUP BY ${list}\nORDER BY ${list}`, values: summary.values };
}

/** {@link HoldoutCountRow}s, sorted by their keys. */
export async function holdoutCounts(db: DuckDb, window: EngineWindow & { readonly calibrationEnd: number }): Promise<HoldoutCountRow[]> {
  const q = grouped(window, 'CAST(COUNT(*) AS DOUBLE) AS "customers", CAST(SUM("holdoutFrequency") AS DOUBLE) AS "holdoutFrequency"', '', ['frequency', 'recency', 'T', 'holdoutDuration']);
  return (await db.rows(q.sql, q.values)) as unknown as HoldoutCountRow[];
}

/**
 * The holdout spend of repeat customers who bought again after the calibration end, by
 * calibration (frequency, monetaryValue): the holdout purchase periods and their spend.
 */
export interface HoldoutSpendRow {
  readonly frequency: number;
  readonly monetaryValue: number;
  readonly periods: number;
  readonly spend: number;
}

/** {@link HoldoutSpendRow}s, sorted by their keys. */
export async function holdoutSpend(db: DuckDb, window: EngineWindow & { readonly calibrationEnd: number }): Promise<HoldoutSpendRow[]> {
  const q = grouped(
    window,
    'CAST(SUM("holdoutFrequency") AS DOUBLE) AS "periods", CAST(SUM("holdoutFrequency" * "holdoutMonetaryValue") AS DOUBLE) AS "spend"',
    '\nWHERE "frequency" > 0 AND "holdoutFrequency" > 0',
    ['frequency', 'monetaryValue'],
  );
  return (await db.rows(q.sql, q.values)) as unknown as HoldoutSpendRow[];
}
