import { expectTypeOf } from 'vitest';
import { discountedClv, type DiscountedClvOptions } from '../../src/clv';

expectTypeOf(discountedClv({ margin: 100, retention: 0.8, discountRate: 0.1 })).toEqualTypeOf<number>();
expectTypeOf(discountedClv).parameter(0).toEqualTypeOf<DiscountedClvOptions>();
discountedClv({ margin: 100, retention: 0.8, discountRate: 0.1, horizon: 5, countAcquisitionPeriod: true });
// @ts-expect-error retention and discountRate are required
discountedClv({ margin: 100 });
// @ts-expect-error a boolean flag, not a number
discountedClv({ margin: 100, retention: 0.8, discountRate: 0.1, countAcquisitionPeriod: 1 });
// @ts-expect-error an unknown option
discountedClv({ margin: 100, retention: 0.8, discountRate: 0.1, rate: 0.1 });
