// The journey barrel: one `export *` line per public file of the folder (test/repository/subpaths.test.ts).
export * from './journey-funnel';
export * from './journey-funnel-step';
export * from './journey-funnel-tally';
export * from './journey-paths';
export * from './rfm-segments';
export * from './service-levels';
export * from './stage-timing';
export * from './touchpoint-scores';
export * from './weakest-touchpoints';
export * from './journey-satisfaction';
