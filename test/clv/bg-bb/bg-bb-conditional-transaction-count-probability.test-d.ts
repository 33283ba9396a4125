import { expectTypeOf } from 'vitest';
import { bgBb, bgBbConditionalTransactionCountProbability, type BgBbParams, type DiscreteCustomerHistory } from '../../../src/clv';

const params = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };
const customer = { frequency: 2, recency: 4, periods: 6 };
expectTypeOf(bgBbConditionalTransactionCountProbability(params, customer, 0, 5)).toEqualTypeOf<number>();
expectTypeOf(bgBb.conditionalPurchaseCountProbability).toEqualTypeOf<
  ((params: BgBbParams, customer: DiscreteCustomerHistory, n: number, t: number) => number) | undefined
>();
// @ts-expect-error the customer's periods are missing
bgBbConditionalTransactionCountProbability(params, { frequency: 2, recency: 4 }, 0, 5);
// @ts-expect-error the opportunities are required
bgBbConditionalTransactionCountProbability(params, customer, 0);
// @ts-expect-error customer and parameters swapped
bgBbConditionalTransactionCountProbability(customer, params, 0, 5);
