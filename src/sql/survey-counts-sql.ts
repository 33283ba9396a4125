import type { TimeUnit } from '../models/time';
import { requireTimeUnit } from '../internal/calendar';
import { readOptions } from '../internal/options';
import { fail } from '../internal/validate';
import { countExpr, dayExpr, periodExpr, periodStartExpr, readColumns, requireDialect, tableName, Parameters } from './dialects';
import type { SqlDialect, SqlQuery } from './sql-query';

/** The survey table's columns read by {@link surveyCountsSql}. */
export interface SurveyCountsSqlColumns {
  /** The score column (NPS 0–10, CSAT 1–5…, CES 1–7). Required. */
  readonly score: string;
  /** The group column (touchpoint, channel, segment…); needed for `"group"`. */
  readonly group?: string;
  /** The response time (DATE, TIMESTAMP read as UTC, or TIMESTAMP WITH TIME ZONE); needed with `period`. */
  readonly at?: string;
}

/** Options of {@link surveyCountsSql}. */
export interface SurveyCountsSqlOptions {
  /** The SQL dialect to write. Required. */
  readonly dialect: SqlDialect;
  /** The column names. Required. */
  readonly columns: SurveyCountsSqlColumns;
  /** UTC calendar period to count by (needs `columns.at`); adds the column `"period"`, the DATE the period starts. Default: no periods. */
  readonly period?: TimeUnit;
}

const FN = 'surveyCountsSql';

/**
 * The SQL that counts survey answers per group, calendar period and score: the score histogram
 * every survey metric is a function of. Columns `"group"` (with `columns.group`), `"period"`
 * (with `period`: the UTC DATE the period starts, ISO weeks starting on Monday), `"score"` (as
 * stored, invalid scores included so that the library rejects them) and `"responses"`.
 *
 * ```text
 * SELECT group, period_start(at), score, CAST(COUNT(*) AS DOUBLE) AS "responses" FROM table GROUP BY the keys
 *
 * nps(rows, { accessor: (r) => r.score, weight: (r) => r.responses })    per group and period: the same score,
 * csat(rows, { … }), ces(rows, { … })                                     shares, mean and counts as the raw answers
 * npsFromCounts({ promoters, passives, detractors })  with the counts summed by score (for intervals on counts)
 * ```
 *
 * The weighted call gives the same score, shares, means and per-category counts as the raw
 * answers (integer weights sum exactly); its interval sample size is Kish's, so for intervals
 * fold the rows into counts (`npsFromCounts({ promoters, passives, detractors })`,
 * `csatInterval({ satisfied, total })`), as the warehouse guide shows. A `NULL` score is a row
 * of its own, which the library skips. Safety: see {@link transactionSummarySql}.
 *
 * @param table - The survey table (or view).
 * @param options - The dialect, columns and period.
 * @returns A frozen {@link SqlQuery} (no parameters).
 * @throws {@link models!CxMetricsError} `INVALID_OPTION` for an unknown or missing `dialect`, an
 *   unknown `period`, a `period` without `columns.at`, a table or column name that is not an
 *   identifier, options or columns that are not plain objects or hold an unknown key.
 *
 * @example
 * ```ts
 * import { surveyCountsSql } from 'cx-metrics/sql';
 * const query = surveyCountsSql('answers', { dialect: 'duckdb', columns: { score: 'nps', group: 'channel', at: 'answered_at' }, period: 'month' });
 * query.sql.startsWith('SELECT t."channel" AS "group"'); // => true
 * surveyCountsSql('answers', { dialect: 'duckdb', columns: { score: 'nps' }, period: 'month' }); // => throws INVALID_OPTION
 * ```
 */
export function surveyCountsSql(table: string, options: SurveyCountsSqlOptions): SqlQuery {
  const o = readOptions(FN, options, ['dialect', 'columns', 'period']) as Partial<SurveyCountsSqlOptions>;
  const d = requireDialect(FN, o.dialect);
  const from = tableName(FN, d, table);
  const columns = readColumns(FN, d, o.columns, ['score'] as const, ['group', 'at'] as const) as { score: string; group?: string; at?: string };
  const period = o.period === undefined ? undefined : requireTimeUnit(FN, 'period', o.period);
  if (period !== undefined && columns.at === undefined) {
    throw fail('INVALID_OPTION', FN, `period '${period}' needs the time column columns.at`, { field: 'columns.at' });
  }
  const q = d.quote;
  const keys: [string, string][] = [];
  if (columns.group !== undefined) keys.push([`t.${columns.group}`, 'group']);
  if (period !== undefined) keys.push([periodStartExpr(d, periodExpr(d, dayExpr(d, `t.${columns.at as string}`), period), period), 'period']);
  keys.push([`t.${columns.score}`, 'score']);
  const sql = [
    `SELECT ${keys.map(([e, name]) => `${e} AS ${q(name)}`).join(', ')}, ${countExpr(d, 'COUNT(*)')} AS ${q('responses')}`,
    `FROM ${from} AS t`,
    `GROUP BY ${keys.map(([e]) => e).join(', ')}`,
  ].join('\n');
  return new Parameters(d).query(sql);
}
