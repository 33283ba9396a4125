export * from './models/index';
export * from './survey/index';
export * from './retention/index';
export * from './clv/index';
export * from './journey/index';
export * from './sql/index';
