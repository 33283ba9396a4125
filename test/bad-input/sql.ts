/** Bad-input rows of the sql domain: the SQL generators (their "data" is the table name). */
import { cohortCountsSql, rfmHistogramSql, surveyCountsSql, transactionSummarySql } from '../../src/sql/index';
import type { NumberSite, Row } from './table';

const WINDOW = {
  dialect: 'duckdb',
  columns: { customerId: 'customer_id', at: 'ordered_at', amount: 'amount' },
  observationEnd: Date.UTC(2024, 11, 31),
  calibrationEnd: Date.UTC(2024, 5, 30),
} as const;

/** The instants of a window: each must be a Date or epoch ms (INVALID_DATE otherwise). */
function instants(options: object): NumberSite[] {
  return (['observationEnd', 'calibrationEnd'] as const)
    .filter((key) => key in options)
    .map((key) => ({ what: key, code: 'INVALID_DATE', put: (bad: unknown) => ({ data: 'orders', options: { ...options, [key]: bad } }) }));
}

export const sqlRows: readonly Row[] = [
  {
    name: 'transactionSummarySql',
    call: (data, options) => transactionSummarySql(data as never, options as never),
    valid: { data: 'orders', options: WINDOW },
    optionKeys: ['dialect', 'columns', 'observationEnd', 'calibrationEnd', 'unit', 'period'],
    numbers: instants(WINDOW),
  },
  {
    name: 'rfmHistogramSql',
    call: (data, options) => rfmHistogramSql(data as never, options as never),
    valid: { data: 'orders', options: { ...WINDOW, groupBy: 'timing' } },
    optionKeys: ['dialect', 'columns', 'observationEnd', 'calibrationEnd', 'unit', 'period', 'groupBy'],
    numbers: instants(WINDOW).map((site) => ({ ...site, put: (bad: unknown) => ({ ...site.put(bad), options: { ...(site.put(bad).options as object), groupBy: 'timing' } }) })),
  },
  {
    name: 'surveyCountsSql',
    call: (data, options) => surveyCountsSql(data as never, options as never),
    valid: { data: 'answers', options: { dialect: 'postgres', columns: { score: 'nps', group: 'channel', at: 'answered_at' }, period: 'month' } },
    optionKeys: ['dialect', 'columns', 'period'],
  },
  {
    name: 'cohortCountsSql',
    call: (data, options) => cohortCountsSql(data as never, options as never),
    valid: { data: 'events', options: { dialect: 'spark', columns: { customerId: 'user_id', at: 'seen_at' }, unit: 'week', observationEnd: 0 } },
    optionKeys: ['dialect', 'columns', 'unit', 'observationEnd'],
    numbers: [
      {
        what: 'observationEnd',
        code: 'INVALID_DATE',
        put: (bad) => ({ data: 'events', options: { dialect: 'spark', columns: { customerId: 'user_id', at: 'seen_at' }, observationEnd: bad } }),
      },
    ],
  },
];
