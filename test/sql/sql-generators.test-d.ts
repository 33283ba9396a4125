import { expectTypeOf } from 'vitest';
import { cohortCountsSql, rfmHistogramSql, surveyCountsSql, transactionSummarySql, type SqlQuery } from '../../src/sql';

const columns = { customerId: 'c', at: 'a', amount: 'm' } as const;
expectTypeOf(transactionSummarySql('t', { dialect: 'duckdb', columns, observationEnd: 0 })).toEqualTypeOf<SqlQuery>();
expectTypeOf(rfmHistogramSql('t', { dialect: 'spark', columns, observationEnd: new Date(), groupBy: 'timing' })).toEqualTypeOf<SqlQuery>();
expectTypeOf(surveyCountsSql('t', { dialect: 'bigquery', columns: { score: 's' } })).toEqualTypeOf<SqlQuery>();
expectTypeOf(cohortCountsSql('t', { dialect: 'snowflake', columns: { customerId: 'c', at: 'a' }, unit: 'week' })).toEqualTypeOf<SqlQuery>();
expectTypeOf<SqlQuery['values']>().toEqualTypeOf<readonly number[]>();

// @ts-expect-error an unknown dialect
transactionSummarySql('t', { dialect: 'mysql', columns, observationEnd: 0 });
// @ts-expect-error the observation end is required
transactionSummarySql('t', { dialect: 'duckdb', columns });
// @ts-expect-error a column is missing
transactionSummarySql('t', { dialect: 'duckdb', columns: { customerId: 'c', at: 'a' }, observationEnd: 0 });
// @ts-expect-error columns are names, not accessors
transactionSummarySql('t', { dialect: 'duckdb', columns: { ...columns, amount: (d: { m: number }) => d.m }, observationEnd: 0 });
// @ts-expect-error groupBy is 'spend' or 'timing'
rfmHistogramSql('t', { dialect: 'duckdb', columns, observationEnd: 0, groupBy: 'money' });
// @ts-expect-error an unknown period
surveyCountsSql('t', { dialect: 'duckdb', columns: { score: 's', at: 'a' }, period: 'hour' });
