// The survey domain barrel: one line per exported function file.
export * from './classify-nps';
export * from './nps';
export * from './nps-tally';
export * from './nps-interval';
export * from './csat';
export * from './csat-tally';
export * from './ces';
export * from './ces-tally';
export * from './csat-interval';
export * from './compare-nps';
export * from './compare-csat';
export * from './survey-breakdown';
export * from './nps-revenue';
export * from './rake-weights';
export * from './key-drivers';
