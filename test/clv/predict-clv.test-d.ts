import { expectTypeOf } from 'vitest';
import {
  bgBb,
  bgNbd,
  fitBgBb,
  fitBgNbd,
  fitGammaGamma,
  paretoNbd,
  predictClv,
  rankCustomers,
  type CustomerHistory,
  type PredictClvCustomer,
  type PredictClvIntervals,
  type PredictClvResult,
  type PredictClvResultWithIntervals,
  type RankedCustomer,
} from '../../src/clv';

const customers: PredictClvCustomer[] = [{ frequency: 2, recency: 30, T: 38, monetaryValue: 22 }];
const tuples: [number, number, number, number][] = [[2, 30, 38, 22]];
const bgParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const paretoParams = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const spend = { p: 6.25, q: 3.74, gamma: 15.44 };
const options = { timeUnit: 'week', horizon: 12, horizonUnit: 'month' } as const;

// Any transaction model, its own parameters (or fit) second.
expectTypeOf(predictClv(bgNbd, bgParams, { gammaGamma: spend }, customers, options)).toEqualTypeOf<PredictClvResult>();
expectTypeOf(predictClv(paretoNbd, paretoParams, { gammaGamma: spend }, customers, { ...options, discountRate: 0.01, margin: 0.3 })).toEqualTypeOf<PredictClvResult>();
predictClv(bgNbd, fitBgNbd(customers), { gammaGamma: spend }, customers, options);
// @ts-expect-error: Pareto/NBD parameters with the BG/NBD model
predictClv(bgNbd, paretoParams, { gammaGamma: spend }, customers, options);
// @ts-expect-error: a BG/NBD fit with the Pareto/NBD model
predictClv(paretoNbd, fitBgNbd(customers), { gammaGamma: spend }, customers, options);
// @ts-expect-error: parameters where the model belongs
predictClv(bgParams, spend, { gammaGamma: customers }, options);
// Other record types need all four accessors.
predictClv(bgNbd, bgParams, { gammaGamma: spend }, tuples, { ...options, frequency: (d) => d[0], recency: (d) => d[1], T: (d) => d[2], monetaryValue: (d) => d[3] });
// @ts-expect-error: tuples without accessors
predictClv(bgNbd, bgParams, { gammaGamma: spend }, tuples, options);
// @ts-expect-error: timeUnit, horizon and horizonUnit are required
predictClv(bgNbd, bgParams, { gammaGamma: spend }, customers, { horizon: 12 });
// @ts-expect-error: a unit that does not exist
predictClv(bgNbd, bgParams, { gammaGamma: spend }, customers, { ...options, timeUnit: 'fortnight' });

// rankCustomers takes the result.
expectTypeOf(rankCustomers(predictClv(bgNbd, bgParams, { gammaGamma: spend }, customers, options), { by: 'probabilityAlive', top: 5 })).toEqualTypeOf<RankedCustomer[]>();
// @ts-expect-error: not a column
rankCustomers(predictClv(bgNbd, bgParams, { gammaGamma: spend }, customers, options), { by: 'recency' });

// The spend argument: Gamma-Gamma, a fixed value, or each customer's own monetaryValue.
const histories: CustomerHistory[] = [{ frequency: 2, recency: 30, T: 38 }];
expectTypeOf(predictClv(bgNbd, bgParams, { valuePerPurchase: 20 }, histories, options)).toEqualTypeOf<PredictClvResult>();
predictClv(bgNbd, bgParams, { valuePerPurchase: 'monetaryValue' }, customers, options);
// @ts-expect-error: Gamma-Gamma reads monetaryValue, which these rows lack
predictClv(bgNbd, bgParams, { gammaGamma: spend }, histories, options);
// @ts-expect-error: each customer's own monetaryValue, which these rows lack
predictClv(bgNbd, bgParams, { valuePerPurchase: 'monetaryValue' }, histories, options);
// @ts-expect-error: one spend model per call
predictClv(bgNbd, bgParams, { gammaGamma: spend, valuePerPurchase: 20 }, customers, options);
// @ts-expect-error: not a column name
predictClv(bgNbd, bgParams, { valuePerPurchase: 'spend' }, customers, options);
// @ts-expect-error: the old form, bare Gamma-Gamma parameters
predictClv(bgNbd, bgParams, spend, customers, options);
// Tuples with a fixed spend need the history's accessors only.
predictClv(bgNbd, bgParams, { valuePerPurchase: 20 }, tuples, { ...options, frequency: (d) => d[0], recency: (d) => d[1], T: (d) => d[2] });

// BG/BB: the horizon counts opportunities, no time units; its rows have periods.
const donors = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
const donorRows = [{ frequency: 3, recency: 5, periods: 6, monetaryValue: 20 }];
expectTypeOf(predictClv(bgBb, donors, { valuePerPurchase: 'monetaryValue' }, donorRows, { horizon: 5, discountRate: 0.1 })).toEqualTypeOf<PredictClvResult>();
predictClv(bgBb, donors, { valuePerPurchase: 20 }, [{ frequency: 3, recency: 5, periods: 6 }], { horizon: 5, window: { from: 0, to: 2 } });
// @ts-expect-error: a time unit with a discrete-time model
predictClv(bgBb, donors, { valuePerPurchase: 20 }, donorRows, { horizon: 5, timeUnit: 'year', horizonUnit: 'year' });
// @ts-expect-error: continuous-time rows with BG/BB
predictClv(bgBb, donors, { valuePerPurchase: 20 }, histories, { horizon: 5 });
// @ts-expect-error: BG/NBD parameters with BG/BB
predictClv(bgBb, bgParams, { valuePerPurchase: 20 }, donorRows, { horizon: 5 });
// @ts-expect-error: a continuous-time model without its time units
predictClv(bgNbd, bgParams, { valuePerPurchase: 20 }, customers, { horizon: 5 });

// Intervals need fits (with their covariance), of the spend model too.
const fit = fitBgNbd(customers);
const spendFit = fitGammaGamma(customers);
const withIntervals = predictClv(bgNbd, fit, { gammaGamma: spendFit }, customers, { ...options, intervals: { draws: 100 } });
expectTypeOf(withIntervals).toEqualTypeOf<PredictClvResultWithIntervals>();
expectTypeOf(withIntervals.intervals).toEqualTypeOf<PredictClvIntervals>();
expectTypeOf(predictClv(bgNbd, fit, { gammaGamma: spendFit }, customers, options).intervals).toEqualTypeOf<PredictClvIntervals | undefined>();
predictClv(bgNbd, fit, { valuePerPurchase: 20 }, customers, { ...options, intervals: {} });
predictClv(bgBb, fitBgBb(donorRows), { valuePerPurchase: 20 }, donorRows, { horizon: 5, intervals: { level: 0.8 } });
// @ts-expect-error: bare parameters with intervals
predictClv(bgNbd, bgParams, { valuePerPurchase: 20 }, customers, { ...options, intervals: {} });
// @ts-expect-error: bare Gamma-Gamma parameters with intervals
predictClv(bgNbd, fit, { gammaGamma: spend }, customers, { ...options, intervals: {} });
// @ts-expect-error: bare BG/BB parameters with intervals
predictClv(bgBb, donors, { valuePerPurchase: 20 }, donorRows, { horizon: 5, intervals: {} });
