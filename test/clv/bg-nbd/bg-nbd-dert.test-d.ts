import { expectTypeOf } from 'vitest';
import { bgNbd, bgNbdDert, type BgNbdParams, type CustomerHistory, type DertOptions } from '../../../src/clv';

const params: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const customer: CustomerHistory = { frequency: 2, recency: 30.43, T: 38.86 };

expectTypeOf(bgNbdDert(params, customer, { discountRate: 0.01 })).toEqualTypeOf<number>();
expectTypeOf(bgNbdDert).parameter(2).toEqualTypeOf<DertOptions>();
expectTypeOf(bgNbd.dert).toEqualTypeOf<((params: BgNbdParams, customer: CustomerHistory, options: DertOptions) => number) | undefined>();
// @ts-expect-error the discount rate is required
bgNbdDert(params, customer, {});
// @ts-expect-error the options are required
bgNbdDert(params, customer);
// @ts-expect-error a rate is a number
bgNbdDert(params, customer, { discountRate: '0.1' });
