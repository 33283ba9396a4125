import { expectTypeOf } from 'vitest';
import { gammaGammaExpectedSpend } from '../../../src/clv';

const params = { p: 6.25, q: 3.74, gamma: 15.44 };
expectTypeOf(gammaGammaExpectedSpend(params, { frequency: 2, monetaryValue: 10 })).toEqualTypeOf<number>();
// @ts-expect-error the customer misses monetaryValue
gammaGammaExpectedSpend(params, { frequency: 2 });
