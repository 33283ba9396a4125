import { expectTypeOf } from 'vitest';
import { simpleClv, type SimpleClvOptions } from '../../src/clv';

expectTypeOf(simpleClv({ averageOrderValue: 50, purchaseFrequency: 4, lifespan: 3 })).toEqualTypeOf<number>();
expectTypeOf(simpleClv).parameter(0).toEqualTypeOf<SimpleClvOptions>();
simpleClv({ averageOrderValue: 50, purchaseFrequency: 1, lifespan: 36, grossMargin: 0.3, frequencyUnit: 'month', lifespanUnit: 'month' });
// @ts-expect-error the three figures are required
simpleClv({ averageOrderValue: 50, purchaseFrequency: 4 });
// @ts-expect-error numbers, not strings
simpleClv({ averageOrderValue: '50', purchaseFrequency: 4, lifespan: 3 });
// @ts-expect-error a unit that does not exist
simpleClv({ averageOrderValue: 50, purchaseFrequency: 4, lifespan: 3, lifespanUnit: 'fortnight' });
// @ts-expect-error positional arguments are gone: one options object
simpleClv(50, 4, 3);
