// The clv domain barrel: one line per exported function file.
export {};
export * from './summarize-transactions';
export * from './simple-clv';
export * from './historical-clv';
export * from './discounted-clv';
export * from './bg-nbd-fit';
export * from './bg-nbd-expected-purchases';
export * from './bg-nbd-conditional-expected-purchases';
export * from './bg-nbd-probability-alive';
export * from './bg-nbd-purchase-count-probability';
export * from './gamma-gamma-fit';
export * from './gamma-gamma-expected-spend';
export * from './predict-clv';
export * from './rank-customers';
export * from './transaction-summary-tally';
