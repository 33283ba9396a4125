import { expectTypeOf } from 'vitest';
import { sbgDerl } from '../../../src/retention';

expectTypeOf(sbgDerl({ alpha: 0.7, beta: 1.2 }, { discountRate: 0.1 })).toEqualTypeOf<number>();
expectTypeOf(sbgDerl({ alpha: 0.7, beta: 1.2 }, { discountRate: 0.1, renewals: 3 })).toEqualTypeOf<number>();
// @ts-expect-error discountRate is required
sbgDerl({ alpha: 0.7, beta: 1.2 }, { renewals: 3 });
