import { expectTypeOf } from 'vitest';
import { gammaGammaLogLikelihood } from '../../../src/clv';
import type { CustomerLogLikelihoods } from '../../../src/models';

const params = { p: 6.25, q: 3.74, gamma: 15.44 };
expectTypeOf(gammaGammaLogLikelihood(params, [{ frequency: 2, monetaryValue: 10 }])).toEqualTypeOf<number>();
gammaGammaLogLikelihood(params, [[2, 10]] as [number, number][], { frequency: (d) => d[0], monetaryValue: (d) => d[1], weight: () => 1 });
// @ts-expect-error records without accessors
gammaGammaLogLikelihood(params, [[2, 10]]);
// @ts-expect-error parameters missing gamma
gammaGammaLogLikelihood({ p: 1, q: 2 }, [{ frequency: 2, monetaryValue: 10 }]);
expectTypeOf(gammaGammaLogLikelihood(params, [{ frequency: 2, monetaryValue: 10 }], { perCustomer: true })).toEqualTypeOf<CustomerLogLikelihoods>();
expectTypeOf(
  gammaGammaLogLikelihood(params, [[2, 10]] as [number, number][], { frequency: (d) => d[0], monetaryValue: (d) => d[1], perCustomer: true }),
).toEqualTypeOf<CustomerLogLikelihoods>();
// @ts-expect-error perCustomer is a boolean
gammaGammaLogLikelihood(params, [{ frequency: 2, monetaryValue: 10 }], { perCustomer: 1 });
