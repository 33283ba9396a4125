import { expectTypeOf } from 'vitest';
import { simulateSbg, type RenewalHistory } from '../../../src/retention';

expectTypeOf(simulateSbg({ alpha: 0.7, beta: 1.2 }, { customers: 10, periods: 7 })).toEqualTypeOf<RenewalHistory[]>();
expectTypeOf(simulateSbg({ alpha: 0.7, beta: 1.2 }, { customers: 10, periods: (i) => i, seed: 4 })).toEqualTypeOf<RenewalHistory[]>();
// @ts-expect-error periods is required
simulateSbg({ alpha: 0.7, beta: 1.2 }, { customers: 10 });
