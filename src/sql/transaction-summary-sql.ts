import type { Instant, TimeUnit } from '../models/time';
import { readOptions } from '../internal/options';
import { Parameters, readColumns, readWindow, requireDialect, tableName } from './dialects';
import type { SqlDialect, SqlQuery } from './sql-query';
import { summaryCtes } from './summary-query';

/** The purchase table's columns read by {@link transactionSummarySql} and {@link rfmHistogramSql}. */
export interface TransactionSqlColumns {
  /** The customer id column (any type the engine can group by). */
  readonly customerId: string;
  /** The purchase time: a DATE, TIMESTAMP (read as UTC) or TIMESTAMP WITH TIME ZONE column. */
  readonly at: string;
  /** The purchase value, a number ≥ 0 (DECIMAL sums exactly before the one conversion to double). */
  readonly amount: string;
}

/** Options of {@link transactionSummarySql}: the engine, the columns, and the window and units of `summarizeTransactions`. */
export interface TransactionSummarySqlOptions {
  /** The SQL dialect to write. Required. */
  readonly dialect: SqlDialect;
  /** The column names. Required. */
  readonly columns: TransactionSqlColumns;
  /**
   * End of observation (required), inclusive at the period level. Purchases in later periods
   * are left out (the warehouse table may run past it), where `summarizeTransactions`, given
   * an array meant to end there, throws.
   */
  readonly observationEnd: Instant;
  /** End of calibration, inclusive at the period level; adds the holdout columns. Default: no split. */
  readonly calibrationEnd?: Instant;
  /** Unit of `recency`, `T` and `holdoutDuration`. Default `'week'`. */
  readonly unit?: TimeUnit;
  /** UTC calendar period within which purchases count once (ISO weeks). Default `'day'`. */
  readonly period?: TimeUnit;
}

const FN = 'transactionSummarySql';

/**
 * The SQL that computes {@link clv!summarizeTransactions}' per-customer rows inside the user's
 * engine (DuckDB, PostgreSQL, BigQuery, Snowflake, Spark): one row per customer with a purchase
 * in the calibration window, with the columns `"customerId"`, `"frequency"`, `"recency"`,
 * `"T"`, `"monetaryValue"` (and with `calibrationEnd`: `"holdoutFrequency"`,
 * `"holdoutMonetaryValue"`, `"holdoutDuration"`), named as the fields of
 * {@link clv!TransactionSummaryRow}, so the rows read back feed the fitters unchanged.
 *
 * ```text
 * period(at)   = UTC calendar period of the purchase (ISO week, month, …) as an integer index
 * periods      = distinct (customer, period) with their summed amount, period ≤ observation-end period
 * frequency    = |periods ≤ calibration-end period| − 1
 * recency      = (last − first period) · ms(period) / ms(unit)      T = (calibration-end − first period) · …
 * monetary     = Σ amount of the periods after the first (≤ calibration end) / frequency   (0 when frequency = 0)
 * holdout      = distinct periods after the calibration end; their mean summed amount; (end − calibration end) · …
 * ```
 *
 * The conventions, source and tests are those of `summarizeTransactions` (Fader, Hardie & Lee
 * 2005; `lifetimes`): the DuckDB and PostgreSQL conformance tests check the rows equal it,
 * customer for customer, on CDNOW and on 10 million generated purchases. Rows with a `NULL`
 * customer, time or amount are left out, as the library skips them. Money is summed by the
 * engine (exact for DECIMAL columns; a DOUBLE column's sum may differ from the library's
 * compensated sum in its last bits). Rows come in no particular order.
 *
 * Safety: the table and column names must be identifiers (letters, digits, `_`, `$`, `-`;
 * `schema.table` allowed) and are quoted in the dialect's way (so they are case-sensitive);
 * the window enters as bind parameters (integer period indexes); the only literals are the
 * library's constants (milliseconds per unit, the epoch date).
 *
 * @param table - The purchase table (or view), `name` or `schema.name` (`project.dataset.name` in BigQuery).
 * @param options - The dialect, the column names, and the window and units (see {@link TransactionSummarySqlOptions}).
 * @returns A frozen {@link SqlQuery}: the text and the values to bind (`endPeriod`, then `calibrationPeriod` with a split).
 * @throws {@link models!CxMetricsError} `INVALID_OPTION` for an unknown or missing `dialect`,
 *   `unit` or `period`, a missing `observationEnd` or column, a table or column name that is
 *   not an identifier, options or columns that are not plain objects or hold an unknown key;
 *   `INVALID_DATE` for an `observationEnd` or `calibrationEnd` that is not a valid `Date` or
 *   epoch ms; `ORDER_VIOLATION` for a calibration end after the observation end.
 *
 * @example
 * ```ts
 * import { transactionSummarySql } from 'cx-metrics/sql';
 * const query = transactionSummarySql('sales.orders', {
 *   dialect: 'postgres',
 *   columns: { customerId: 'customer_id', at: 'ordered_at', amount: 'total' },
 *   observationEnd: new Date('1998-06-30T00:00:00Z'),
 *   calibrationEnd: new Date('1997-09-30T00:00:00Z'),
 * });
 * query.values; // => [10407, 10134]
 * query.sql.includes('FROM "sales"."orders" AS t'); // => true
 * const columns = { customerId: 'c', at: 'a', amount: 'm' };
 * transactionSummarySql('orders; DROP TABLE orders', { dialect: 'duckdb', columns, observationEnd: 0 }); // => throws INVALID_OPTION
 * transactionSummarySql('orders', { dialect: 'mysql' as 'duckdb', columns, observationEnd: 0 }); // => throws INVALID_OPTION
 * transactionSummarySql('orders', { dialect: 'duckdb', columns, observationEnd: 0, calibrationEnd: 86_400_000 }); // => throws ORDER_VIOLATION
 * ```
 */
export function transactionSummarySql(table: string, options: TransactionSummarySqlOptions): SqlQuery {
  const o = readOptions(FN, options, ['dialect', 'columns', 'observationEnd', 'calibrationEnd', 'unit', 'period']) as Partial<TransactionSummarySqlOptions>;
  const d = requireDialect(FN, o.dialect);
  const from = tableName(FN, d, table);
  const columns = readColumns(FN, d, o.columns, ['customerId', 'at', 'amount'] as const) as Record<keyof TransactionSqlColumns, string>;
  const window = readWindow(FN, o);
  const params = new Parameters(d);
  const ctes = summaryCtes({ d, table: from, ...columns, ...window }, params);
  const q = d.quote;
  const split = window.calibrationPeriod !== undefined;
  const select = [
    `SELECT customer_id AS ${q('customerId')}, frequency AS ${q('frequency')}, recency AS ${q('recency')}, ${q('T')} AS ${q('T')}, monetary_value AS ${q('monetaryValue')}${split ? ',' : ''}`,
    ...(split
      ? [`  holdout_frequency AS ${q('holdoutFrequency')}, holdout_monetary_value AS ${q('holdoutMonetaryValue')}, holdout_duration AS ${q('holdoutDuration')}`]
      : []),
    'FROM summary',
  ];
  return params.query(`${ctes}\n${select.join('\n')}`);
}
