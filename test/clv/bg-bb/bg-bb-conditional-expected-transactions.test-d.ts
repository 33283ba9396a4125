import { expectTypeOf } from 'vitest';
import { bgBbConditionalExpectedTransactions } from '../../../src/clv';

const params = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };
const customer = { frequency: 2, recency: 4, periods: 6 };
expectTypeOf(bgBbConditionalExpectedTransactions(params, customer, 5)).toEqualTypeOf<number>();
// @ts-expect-error the customer misses periods
bgBbConditionalExpectedTransactions(params, { frequency: 2, recency: 4 }, 5);
// @ts-expect-error the horizon is required
bgBbConditionalExpectedTransactions(params, customer);
