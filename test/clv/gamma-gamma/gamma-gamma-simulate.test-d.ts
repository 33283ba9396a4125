import { expectTypeOf } from 'vitest';
import { simulateGammaGamma, type GammaGammaCustomer } from '../../../src/clv';

const params = { p: 6.25, q: 3.74, gamma: 15.44 };
expectTypeOf(simulateGammaGamma(params, { customers: 5, frequency: 2 })).toEqualTypeOf<GammaGammaCustomer[]>();
expectTypeOf(simulateGammaGamma(params, { customers: 5, frequency: (i) => i, seed: 2 })).toEqualTypeOf<GammaGammaCustomer[]>();
// @ts-expect-error frequency is required
simulateGammaGamma(params, { customers: 5 });
