import { expectTypeOf } from 'vitest';
import { bgBb, type BgBbFit, type BgBbParams, type DiscreteCustomerHistory, type TransactionModel } from '../../../src/clv';

expectTypeOf(bgBb).toMatchTypeOf<TransactionModel<'bg-bb', BgBbParams, DiscreteCustomerHistory, BgBbFit>>();
expectTypeOf(bgBb.model).toEqualTypeOf<'bg-bb'>();
expectTypeOf(bgBb.fit([{ frequency: 1, recency: 1, periods: 2 }])).toEqualTypeOf<BgBbFit>();
expectTypeOf(bgBb.expectedPurchases).parameters.toEqualTypeOf<[BgBbParams, number]>();
// @ts-expect-error the descriptor's fit reads its own row shape only
bgBb.fit([[1, 1, 2]]);
