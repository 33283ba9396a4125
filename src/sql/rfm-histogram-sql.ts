import { readOptions } from '../internal/options';
import { requireOneOf } from '../internal/validate';
import { Parameters, countExpr, readColumns, readWindow, requireDialect, tableName } from './dialects';
import type { SqlQuery } from './sql-query';
import { summaryCtes } from './summary-query';
import type { TransactionSqlColumns, TransactionSummarySqlOptions } from './transaction-summary-sql';

/** Options of {@link rfmHistogramSql}: those of {@link transactionSummarySql} plus the grouping. */
export interface RfmHistogramSqlOptions extends TransactionSummarySqlOptions {
  /**
   * `'spend'` (default): group by (frequency, recency, T, monetaryValue), what every fitter
   * needs, Gamma-Gamma included. `'timing'`: group by (frequency, recency, T) only, far fewer
   * rows, enough for BG/NBD and Pareto/NBD (the column `"monetaryValue"` is then absent).
   */
  readonly groupBy?: 'spend' | 'timing';
}

const FN = 'rfmHistogramSql';

/**
 * The SQL that reduces a purchase table, in the user's engine, to the RFM histogram: the
 * per-customer summary of {@link transactionSummarySql} grouped to distinct
 * (frequency, recency, T, monetaryValue) with the number of customers of each, in the column
 * `"customers"`. This is what a million or a billion customers shrink to before leaving the
 * warehouse; the fitters read it with one accessor:
 *
 * ```text
 * SELECT "frequency", "recency", "T", "monetaryValue", CAST(COUNT(*) AS DOUBLE) AS "customers"
 * FROM (summary of transactionSummarySql) GROUP BY the four ORDER BY the four
 *
 * fitBgNbd(rows, { weight: (r) => r.customers })       fitParetoNbd(rows, { weight: … })
 * fitGammaGamma(rows, { weight: (r) => r.customers })  predictClv(bgNbd, p, { gammaGamma: g }, rows, …)  (per row; × customers for totals)
 * rfmHistogramTally merges histograms of disjoint customer shards
 * ```
 *
 * The fits equal the fits on the per-customer rows (the conformance tests check 1e-9): the
 * likelihoods are sums over customers, and equal rows contribute equal terms. The Gamma-Gamma
 * likelihood has no sufficient statistic smaller than the (x, z̄) pairs (its term
 * (px + q)·ln(γ + x·z̄) ties p, q and γ to each pair), so exact spend fits keep
 * `monetaryValue` in the key (`groupBy: 'spend'`); `'timing'` drops it for BG/NBD and Pareto/NBD
 * alone. Rows come sorted by the keys (the same text gives the same rows in the same order, so
 * the fits are reproducible bit for bit). Counts are doubles, exact up to 2^53 customers. Conventions, safety and parameters: see
 * {@link transactionSummarySql} (holdout columns are not part of a histogram).
 *
 * @param table - The purchase table (or view).
 * @param options - The dialect, columns, window and units, and `groupBy`.
 * @returns A frozen {@link SqlQuery}.
 * @throws {@link models!CxMetricsError} As {@link transactionSummarySql}; `INVALID_OPTION` for
 *   a `groupBy` other than `'spend'` or `'timing'`.
 *
 * @example
 * ```ts
 * import { rfmHistogramSql } from 'cx-metrics/sql';
 * const options = {
 *   dialect: 'bigquery',
 *   columns: { customerId: 'customer_id', at: 'ordered_at', amount: 'total' },
 *   observationEnd: Date.UTC(1997, 8, 30),
 * } as const;
 * const query = rfmHistogramSql('shop.orders', options);
 * query.namedValues; // => { endPeriod: 10134 }
 * query.sql.includes('FROM `shop`.`orders` AS t'); // => true
 * rfmHistogramSql('orders', { ...options, groupBy: 'money' as 'spend' }); // => throws INVALID_OPTION
 * ```
 */
export function rfmHistogramSql(table: string, options: RfmHistogramSqlOptions): SqlQuery {
  const o = readOptions(FN, options, ['dialect', 'columns', 'observationEnd', 'calibrationEnd', 'unit', 'period', 'groupBy']) as Partial<RfmHistogramSqlOptions>;
  const d = requireDialect(FN, o.dialect);
  const from = tableName(FN, d, table);
  const columns = readColumns(FN, d, o.columns, ['customerId', 'at', 'amount'] as const) as Record<keyof TransactionSqlColumns, string>;
  const window = readWindow(FN, o);
  const spend = requireOneOf(FN, 'groupBy', o.groupBy ?? 'spend', ['spend', 'timing'] as const) === 'spend';
  const params = new Parameters(d);
  const ctes = summaryCtes({ d, table: from, ...columns, ...window }, params);
  const q = d.quote;
  const keys = ['frequency', 'recency', q('T'), ...(spend ? ['monetary_value'] : [])];
  const select = [
    `SELECT frequency AS ${q('frequency')}, recency AS ${q('recency')}, ${q('T')} AS ${q('T')}, ${spend ? `monetary_value AS ${q('monetaryValue')}, ` : ''}${countExpr(d, 'COUNT(*)')} AS ${q('customers')}`,
    'FROM summary',
    `GROUP BY ${keys.join(', ')}`,
    `ORDER BY ${keys.join(', ')}`,
  ];
  return params.query(`${ctes}\n${select.join('\n')}`);
}
