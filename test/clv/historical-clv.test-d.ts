import { expectTypeOf } from 'vitest';
import { historicalClv, type HistoricalClvResult, type Purchase } from '../../src/index';

const purchases: Purchase[] = [{ type: 'purchase', customerId: 'ann', at: 0, amount: 30, currency: 'EUR' }];
const tuples: [string, number][] = [['ann', 30]];

// Purchases need no accessor; the result is the same type either way.
expectTypeOf(historicalClv(purchases)).toEqualTypeOf<HistoricalClvResult>();
expectTypeOf(historicalClv(purchases, { grossMargin: 0.3 })).toEqualTypeOf<HistoricalClvResult>();
expectTypeOf(historicalClv(purchases).averageValue).toEqualTypeOf<number | undefined>();
expectTypeOf(historicalClv(purchases).rows[0]?.customerId).toEqualTypeOf<string | number | undefined>();
// Other record types name both accessors.
expectTypeOf(historicalClv(tuples, { customerId: (d) => d[0], amount: (d) => d[1] })).toEqualTypeOf<HistoricalClvResult>();
// @ts-expect-error records of another type need the accessors
historicalClv(tuples);
// @ts-expect-error both accessors, not one
historicalClv(tuples, { customerId: (d) => d[0] });
// @ts-expect-error the amount accessor reads a number
historicalClv(tuples, { customerId: (d) => d[0], amount: (d) => String(d[1]) });
// @ts-expect-error grossMargin is a number
historicalClv(purchases, { grossMargin: '30%' });
