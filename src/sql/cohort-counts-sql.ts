import type { Instant, TimeUnit } from '../models/time';
import { periodIndex, requireTimeUnit, toEpochMs } from '../internal/calendar';
import { readOptions } from '../internal/options';
import { countExpr, dayExpr, periodExpr, periodStartExpr, readColumns, requireDialect, tableName, Parameters } from './dialects';
import type { SqlDialect, SqlQuery } from './sql-query';

/** The activity table's columns read by {@link cohortCountsSql}. */
export interface CohortCountsSqlColumns {
  /** The customer id column. */
  readonly customerId: string;
  /** The activity time (DATE, TIMESTAMP read as UTC, or TIMESTAMP WITH TIME ZONE). */
  readonly at: string;
}

/** Options of {@link cohortCountsSql}. */
export interface CohortCountsSqlOptions {
  /** The SQL dialect to write. Required. */
  readonly dialect: SqlDialect;
  /** The column names. Required. */
  readonly columns: CohortCountsSqlColumns;
  /** UTC calendar period of cohorts and offsets. Default `'month'`, as `cohortRetention`. */
  readonly unit?: TimeUnit;
  /** End of observation: activity in later periods is left out. Default: all activity. */
  readonly observationEnd?: Instant;
}

const FN = 'cohortCountsSql';

/**
 * The SQL that computes {@link retention!cohortRetention}'s counts in the user's engine: per
 * cohort (customers whose first activity fell in one UTC period) and period offset, the cohort's
 * size, the customers active at that offset (classic) and those active at that offset or later
 * (unbounded). Columns `"cohort"` (the DATE the cohort's period starts), `"offset"`, `"size"`,
 * `"active"`, `"activeUnbounded"`.
 *
 * ```text
 * activity         = distinct (customer, period(at))          cohort = first period, last = last period
 * active(c, k)     = |{ i ∈ c : i active in period c + k }|
 * unbounded(c, k)  = |{ i ∈ c : last(i) ≥ c + k }| = Σ_{j ≥ k} |{ i ∈ c : last(i) = c + j }|
 * ```
 *
 * Rows exist for the offsets at which someone in the cohort was active; an offset without a row
 * (up to the observation end) has `active` 0 and the `activeUnbounded` of the next row of its
 * cohort (0 after the last). So `cohortRetention(…).cohorts[i].active[k]` is the row's `active`
 * or 0, and `retention = active / size`, as the conformance tests check. Rows with a `NULL`
 * customer or time are left out. Safety: see {@link transactionSummarySql}.
 *
 * @param table - The activity table (or view): one row per interaction or purchase.
 * @param options - The dialect, columns, unit and observation end.
 * @returns A frozen {@link SqlQuery} (the parameter `endPeriod` when `observationEnd` is given).
 * @throws {@link models!CxMetricsError} `INVALID_OPTION` for an unknown or missing `dialect`, an
 *   unknown `unit`, a missing column, a table or column name that is not an identifier, options
 *   or columns that are not plain objects or hold an unknown key; `INVALID_DATE` for an
 *   `observationEnd` that is not a valid `Date` or epoch ms.
 *
 * @example
 * ```ts
 * import { cohortCountsSql } from 'cx-metrics/sql';
 * const query = cohortCountsSql('events', { dialect: 'snowflake', columns: { customerId: 'USER_ID', at: 'TS' }, observationEnd: Date.UTC(2024, 5, 30) });
 * query.values; // => [24293]
 * query.sql.includes(':1'); // => true
 * cohortCountsSql('events', { dialect: 'snowflake', columns: { customerId: 'USER ID', at: 'TS' } }); // => throws INVALID_OPTION
 * ```
 */
export function cohortCountsSql(table: string, options: CohortCountsSqlOptions): SqlQuery {
  const o = readOptions(FN, options, ['dialect', 'columns', 'unit', 'observationEnd']) as Partial<CohortCountsSqlOptions>;
  const d = requireDialect(FN, o.dialect);
  const from = tableName(FN, d, table);
  const columns = readColumns(FN, d, o.columns, ['customerId', 'at'] as const) as Record<keyof CohortCountsSqlColumns, string>;
  const unit = requireTimeUnit(FN, 'unit', o.unit ?? 'month');
  const params = new Parameters(d);
  const endFilter = o.observationEnd === undefined ? '' : `\n  WHERE a.period <= ${params.add('endPeriod', periodIndex(toEpochMs(FN, 'observationEnd', o.observationEnd), unit))}`;
  const q = d.quote;
  const sql = [
    'WITH days AS (',
    `  SELECT t.${columns.customerId} AS customer_id, ${dayExpr(d, `t.${columns.at}`)} AS utc_day`,
    `  FROM ${from} AS t`,
    `  WHERE t.${columns.customerId} IS NOT NULL AND t.${columns.at} IS NOT NULL`,
    '), periods AS (',
    `  SELECT a.customer_id, ${periodExpr(d, 'a.utc_day', unit)} AS period FROM days AS a`,
    '), activity AS (',
    `  SELECT DISTINCT a.customer_id, a.period FROM periods AS a${endFilter}`,
    '), customers AS (',
    '  SELECT customer_id, MIN(period) AS cohort, MAX(period) AS last_period FROM activity GROUP BY customer_id',
    '), sizes AS (',
    '  SELECT cohort, COUNT(*) AS size FROM customers GROUP BY cohort',
    '), classic AS (',
    '  SELECT c.cohort, a.period - c.cohort AS period_offset, COUNT(*) AS active',
    '  FROM activity AS a JOIN customers AS c ON a.customer_id = c.customer_id',
    '  GROUP BY c.cohort, a.period - c.cohort',
    '), lasts AS (',
    '  SELECT cohort, last_period - cohort AS period_offset, COUNT(*) AS leaving FROM customers GROUP BY cohort, last_period - cohort',
    '), cells AS (',
    '  SELECT k.cohort, k.period_offset, k.active, COALESCE(l.leaving, 0) AS leaving',
    '  FROM classic AS k LEFT JOIN lasts AS l ON k.cohort = l.cohort AND k.period_offset = l.period_offset',
    ')',
    `SELECT ${periodStartExpr(d, 'x.cohort', unit)} AS ${q('cohort')}, ${countExpr(d, 'x.period_offset')} AS ${q('offset')}, ${countExpr(d, 's.size')} AS ${q('size')},`,
    `  ${countExpr(d, 'x.active')} AS ${q('active')},`,
    `  ${countExpr(d, 'SUM(x.leaving) OVER (PARTITION BY x.cohort ORDER BY x.period_offset DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)')} AS ${q('activeUnbounded')}`,
    'FROM cells AS x JOIN sizes AS s ON x.cohort = s.cohort',
  ].join('\n');
  return params.query(sql);
}
