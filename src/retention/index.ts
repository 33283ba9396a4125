// The retention barrel: one `export *` line per public file of the folder (test/repository/subpaths.test.ts).
export * from './retention-rate';
export * from './churn-rate';
export * from './fit-sbg';
export * from './sbg-survival';
export * from './sbg-retention-rate';
export * from './sbg-expected-lifetime';
export * from './sbg-derl';
export * from './activity';
export * from './period-retention';
export * from './cohort-retention';
export * from './kaplan-meier';
export * from './kaplan-meier-tally';
export * from './log-rank-test';
