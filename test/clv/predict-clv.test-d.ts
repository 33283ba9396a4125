import { expectTypeOf } from 'vitest';
import { bgNbd, fitBgNbd, paretoNbd, predictClv, rankCustomers, type PredictClvCustomer, type PredictClvResult, type RankedCustomer } from '../../src/clv';

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
