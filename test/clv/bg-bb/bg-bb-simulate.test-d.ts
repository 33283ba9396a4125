import { expectTypeOf } from 'vitest';
import { simulateBgBb, type DiscreteCustomerHistory } from '../../../src/clv';

const params = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };
expectTypeOf(simulateBgBb(params, { customers: 10, periods: 6 })).toEqualTypeOf<DiscreteCustomerHistory[]>();
expectTypeOf(simulateBgBb(params, { customers: 10, periods: (i) => 1 + i, seed: 3 })).toEqualTypeOf<DiscreteCustomerHistory[]>();
// @ts-expect-error customers is required
simulateBgBb(params, { periods: 6 });
// @ts-expect-error periods as a string
simulateBgBb(params, { customers: 10, periods: '6' });
