import { expectTypeOf } from 'vitest';
import { bgNbd, bgNbdConditionalPurchaseCountProbability, bgNbdLogLikelihood, bgNbdProbabilityAlive, type BgNbdParams, type CustomerHistory } from '../../../src/clv';
import type { CustomerLogLikelihoods } from '../../../src/models/model';

const params: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const customer: CustomerHistory = { frequency: 2, recency: 30.43, T: 38.86 };

expectTypeOf(bgNbdConditionalPurchaseCountProbability(params, customer, 0, 39)).toEqualTypeOf<number>();
expectTypeOf(bgNbd.conditionalPurchaseCountProbability).toEqualTypeOf<((params: BgNbdParams, customer: CustomerHistory, n: number, t: number) => number) | undefined>();
// @ts-expect-error n and t are both required
bgNbdConditionalPurchaseCountProbability(params, customer, 0);
// @ts-expect-error n is a number
bgNbdConditionalPurchaseCountProbability(params, customer, '0', 39);

// P(alive) at T + t: t optional.
expectTypeOf(bgNbdProbabilityAlive(params, customer)).toEqualTypeOf<number>();
expectTypeOf(bgNbdProbabilityAlive(params, customer, 52)).toEqualTypeOf<number>();
// @ts-expect-error t is a number
bgNbdProbabilityAlive(params, customer, '52');

// The log-likelihood's return type follows perCustomer.
expectTypeOf(bgNbdLogLikelihood(params, [customer])).toEqualTypeOf<number>();
expectTypeOf(bgNbdLogLikelihood(params, [customer], { perCustomer: false })).toEqualTypeOf<number>();
expectTypeOf(bgNbdLogLikelihood(params, [customer], { perCustomer: true })).toEqualTypeOf<CustomerLogLikelihoods>();
const tuples: [number, number, number][] = [[2, 30.43, 38.86]];
expectTypeOf(bgNbdLogLikelihood(params, tuples, { frequency: (d) => d[0], recency: (d) => d[1], T: (d) => d[2], perCustomer: true })).toEqualTypeOf<CustomerLogLikelihoods>();
// @ts-expect-error other records still need their accessors
bgNbdLogLikelihood(params, tuples, { perCustomer: true });
// @ts-expect-error perCustomer is a boolean
bgNbdLogLikelihood(params, [customer], { perCustomer: 'yes' });
