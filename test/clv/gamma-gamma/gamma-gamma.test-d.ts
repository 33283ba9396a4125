import { expectTypeOf } from 'vitest';
import { gammaGamma, type GammaGammaCustomer, type GammaGammaFit, type GammaGammaParams, type SpendModel } from '../../../src/clv';

expectTypeOf(gammaGamma).toMatchTypeOf<SpendModel<'gamma-gamma', GammaGammaParams, GammaGammaCustomer, GammaGammaFit>>();
expectTypeOf(gammaGamma.model).toEqualTypeOf<'gamma-gamma'>();
expectTypeOf(gammaGamma.expectedSpend).parameters.toEqualTypeOf<[GammaGammaParams, GammaGammaCustomer]>();
// @ts-expect-error the descriptor reads its own row shape only
gammaGamma.fit([[2, 10]]);
