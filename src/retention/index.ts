// The retention domain barrel: one line per exported function file.
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
