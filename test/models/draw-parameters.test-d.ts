import { describe, expectTypeOf, it } from 'vitest';
import { bgNbd, fitBgNbd, paretoNbd, type BgNbdParams, type ParetoNbdFit } from '../../src/clv';
import { fitSbg, sbg, type SbgParams } from '../../src/retention';
import { drawParameters } from '../../src/models';

describe('drawParameters types', () => {
  it('returns the parameters of the model it is given', () => {
    const fit = fitBgNbd([{ frequency: 1, recency: 2, T: 3 }]);
    expectTypeOf(drawParameters(bgNbd, fit)).toEqualTypeOf<readonly BgNbdParams[]>();
    expectTypeOf(drawParameters(sbg, fitSbg([100, 80, 70]), { draws: 10, seed: 2 })).toEqualTypeOf<readonly SbgParams[]>();
    // @ts-expect-error a fit of another model
    drawParameters(bgNbd, {} as ParetoNbdFit);
    // @ts-expect-error the fit is required
    drawParameters(paretoNbd);
    // @ts-expect-error unknown option
    drawParameters(bgNbd, fit, { drwas: 5 });
  });
});
