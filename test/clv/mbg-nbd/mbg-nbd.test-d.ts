import { expectTypeOf } from 'vitest';
import {
  fitBgNbd,
  fitMbgNbd,
  mbgNbd,
  mbgNbdConditionalExpectedPurchases,
  mbgNbdConditionalPurchaseCountProbability,
  mbgNbdDert,
  mbgNbdExpectedPurchases,
  mbgNbdLogLikelihood,
  mbgNbdProbabilityAlive,
  mbgNbdPurchaseCountProbability,
  predictClv,
  simulateMbgNbd,
  type ContinuousTransactionModel,
  type CustomerHistory,
  type MbgNbdFit,
  type MbgNbdParams,
} from '../../../src/clv';
import type { CustomerLogLikelihoods, StandardErrors } from '../../../src/models/model';

const rows: CustomerHistory[] = [{ frequency: 1, recency: 2, T: 3 }];
const tuples: [number, number, number][] = [[1, 2, 3]];
const params: MbgNbdParams = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
const customer: CustomerHistory = { frequency: 2, recency: 30.43, T: 38.86 };

// fitMbgNbd: CustomerHistory rows need no accessors; any other record type needs all three.
const fit = fitMbgNbd(rows);
expectTypeOf(fit).toEqualTypeOf<MbgNbdFit>();
expectTypeOf(fit.model).toEqualTypeOf<'mbg-nbd'>();
expectTypeOf(fit.standardErrors).toEqualTypeOf<StandardErrors<MbgNbdParams> | undefined>();
fitMbgNbd(tuples, { frequency: (d) => d[0], recency: (d) => d[1], T: (d) => d[2], maxIterations: 50 });
// @ts-expect-error: tuples without accessors
fitMbgNbd(tuples);
// @ts-expect-error: numbers are not customer histories
fitMbgNbd([1, 2, 3]);

// mbgNbdLogLikelihood: the result type follows perCustomer.
expectTypeOf(mbgNbdLogLikelihood(params, rows)).toEqualTypeOf<number>();
expectTypeOf(mbgNbdLogLikelihood(params, rows, { perCustomer: false })).toEqualTypeOf<number>();
expectTypeOf(mbgNbdLogLikelihood(params, rows, { perCustomer: true })).toEqualTypeOf<CustomerLogLikelihoods>();
expectTypeOf(mbgNbdLogLikelihood(params, tuples, { frequency: (d) => d[0], recency: (d) => d[1], T: (d) => d[2], perCustomer: true })).toEqualTypeOf<CustomerLogLikelihoods>();
// @ts-expect-error: tuples without accessors
mbgNbdLogLikelihood(params, tuples);
// @ts-expect-error: perCustomer is a boolean
mbgNbdLogLikelihood(params, rows, { perCustomer: 1 });

// The predictions.
expectTypeOf(mbgNbdExpectedPurchases(params, 52)).toEqualTypeOf<number>();
expectTypeOf(mbgNbdConditionalExpectedPurchases(params, customer, 52)).toEqualTypeOf<number>();
expectTypeOf(mbgNbdProbabilityAlive(params, customer)).toEqualTypeOf<number>();
expectTypeOf(mbgNbdProbabilityAlive(params, customer, 52)).toEqualTypeOf<number>();
expectTypeOf(mbgNbdPurchaseCountProbability(params, 0, 52)).toEqualTypeOf<number>();
expectTypeOf(mbgNbdConditionalPurchaseCountProbability(params, customer, 0, 52)).toEqualTypeOf<number>();
expectTypeOf(mbgNbdDert(params, customer, { discountRate: Math.log(1.15) / 52 })).toEqualTypeOf<number>();
expectTypeOf(mbgNbdExpectedPurchases(fit, 52)).toEqualTypeOf<number>();
// @ts-expect-error: a parameter is missing
mbgNbdExpectedPurchases({ r: 1, alpha: 1, a: 1 }, 52);
// @ts-expect-error: t is a number
mbgNbdConditionalExpectedPurchases(params, customer, '52');
// @ts-expect-error: the discount rate is required
mbgNbdDert(params, customer, {});
// @ts-expect-error: the customer needs a recency
mbgNbdProbabilityAlive(params, { frequency: 1, T: 3 });

// simulateMbgNbd returns customer histories.
expectTypeOf(simulateMbgNbd(params, { customers: 10, T: 39, seed: 1 })).toEqualTypeOf<CustomerHistory[]>();

// The descriptor: a continuous transaction model with every optional door field.
expectTypeOf(mbgNbd).toEqualTypeOf<ContinuousTransactionModel<'mbg-nbd', MbgNbdParams, MbgNbdFit>>();
predictClv(mbgNbd, fit, { gammaGamma: { p: 6, q: 4, gamma: 15 } }, [{ ...customer, monetaryValue: 20 }], { timeUnit: 'week', horizon: 12, horizonUnit: 'month' });
// @ts-expect-error: a BG/NBD fit is not MBG/NBD parameters of the MBG/NBD model's fit type
const wrong: MbgNbdFit = fitBgNbd(rows);
void wrong;
