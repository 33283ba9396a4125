import { expectTypeOf } from 'vitest';
import { bgBbDert, type DertOptions } from '../../../src/clv';

const params = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };
const customer = { frequency: 2, recency: 4, periods: 6 };
expectTypeOf(bgBbDert(params, customer, { discountRate: 0.1 })).toEqualTypeOf<number>();
expectTypeOf<DertOptions>().toEqualTypeOf<{ readonly discountRate: number }>();
// @ts-expect-error discountRate is required
bgBbDert(params, customer, {});
// @ts-expect-error the rate as a positional number
bgBbDert(params, customer, 0.1);
