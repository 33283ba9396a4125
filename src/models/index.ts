// The models barrel: one `export *` line per public file of the folder (test/repository/subpaths.test.ts).
export * from '../internal/errors';
export * from './channel';
export * from './customer';
export * from './interaction';
export * from './journey';
export * from './parse-customer';
export * from './parse-interaction';
export * from './parse-interactions';
export * from './parse-journey';
export * from './parse-journeys';
export * from './parse-touchpoint';
export * from './reducer';
export * from './time';
export * from './interval';
export * from './touchpoint';
export * from './values';
export * from './model';
