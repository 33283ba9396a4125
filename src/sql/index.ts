// The sql domain barrel: one line per exported file.
export * from './sql-query';
export * from './transaction-summary-sql';
export * from './rfm-histogram-sql';
export * from './survey-counts-sql';
export * from './cohort-counts-sql';
