/**
 * The per-customer summary query shared by transactionSummarySql and rfmHistogramSql (not
 * exported): the conventions of `summarizeTransactions`, written once for every dialect.
 */
import type { TimeUnit } from '../models/time';
import { countExpr, dayExpr, durationExpr, periodExpr, type Dialect, type Parameters } from './dialects';

/** The validated inputs of the summary query. */
export interface SummaryParts {
  readonly d: Dialect;
  readonly table: string;
  readonly customerId: string;
  readonly at: string;
  readonly amount: string;
  readonly unit: TimeUnit;
  readonly period: TimeUnit;
  readonly endPeriod: number;
  readonly calibrationPeriod: number | undefined;
}

/**
 * `WITH …` common table expressions ending in `summary`, one row per customer with a purchase
 * in the calibration window: `customer_id`, `frequency`, `recency`, `T`, `monetary_value` and,
 * with a split, `holdout_frequency`, `holdout_monetary_value`, `holdout_duration`.
 */
export function summaryCtes(s: SummaryParts, params: Parameters): string {
  const { d, unit, period } = s;
  const q = d.quote;
  const end = params.add('endPeriod', s.endPeriod);
  const calibration = s.calibrationPeriod === undefined ? undefined : params.add('calibrationPeriod', s.calibrationPeriod);
  const split = s.calibrationPeriod !== undefined;
  const inCalibration = 'c.period <= c.calibration_period';
  const frequency = `COUNT(CASE WHEN ${inCalibration} THEN 1 END) - 1`;
  const holdoutCount = `COUNT(CASE WHEN c.period > c.calibration_period THEN 1 END)`;
  const lines = [
    'WITH w AS (',
    calibration === undefined
      ? `  SELECT v.end_period, v.end_period AS calibration_period FROM (SELECT ${end} AS end_period) AS v`
      : `  SELECT ${end} AS end_period, ${calibration} AS calibration_period`,
    '), purchases AS (',
    `  SELECT t.${s.customerId} AS customer_id, ${dayExpr(d, `t.${s.at}`)} AS utc_day, t.${s.amount} AS amount`,
    `  FROM ${s.table} AS t`,
    `  WHERE t.${s.customerId} IS NOT NULL AND t.${s.at} IS NOT NULL AND t.${s.amount} IS NOT NULL`,
    '), dated AS (',
    `  SELECT p.customer_id, ${periodExpr(d, 'p.utc_day', period)} AS period, p.amount FROM purchases AS p`,
    '), periods AS (',
    '  SELECT p.customer_id, p.period, SUM(p.amount) AS amount',
    '  FROM dated AS p CROSS JOIN w',
    '  WHERE p.period <= w.end_period',
    '  GROUP BY p.customer_id, p.period',
    '), customer_periods AS (',
    '  SELECT p.customer_id, p.period, p.amount, MIN(p.period) OVER (PARTITION BY p.customer_id) AS first_period, w.end_period, w.calibration_period',
    '  FROM periods AS p CROSS JOIN w',
    '), summary AS (',
    '  SELECT',
    '    c.customer_id,',
    `    ${countExpr(d, frequency)} AS frequency,`,
    `    ${durationExpr(d, `MAX(CASE WHEN ${inCalibration} THEN c.period END) - MIN(c.first_period)`, period, unit)} AS recency,`,
    `    ${durationExpr(d, 'MIN(c.calibration_period) - MIN(c.first_period)', period, unit)} AS ${q('T')},`,
    `    COALESCE(CAST(SUM(CASE WHEN ${inCalibration} AND c.period > c.first_period THEN c.amount END) AS ${d.double}) / NULLIF(${frequency}, 0), 0) AS monetary_value${split ? ',' : ''}`,
    ...(split
      ? [
          `    ${countExpr(d, holdoutCount)} AS holdout_frequency,`,
          `    COALESCE(CAST(SUM(CASE WHEN c.period > c.calibration_period THEN c.amount END) AS ${d.double}) / NULLIF(${holdoutCount}, 0), 0) AS holdout_monetary_value,`,
          `    ${durationExpr(d, 'MIN(c.end_period) - MIN(c.calibration_period)', period, unit)} AS holdout_duration`,
        ]
      : []),
    '  FROM customer_periods AS c',
    '  GROUP BY c.customer_id',
    '  HAVING MIN(c.first_period) <= MIN(c.calibration_period)',
    ')',
  ];
  return lines.join('\n');
}
