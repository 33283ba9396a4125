import { expectTypeOf } from 'vitest';
import { compareModels, fitBgNbd, fitParetoNbd, type CompareModelsResult } from '../../src/clv';

const rows = [{ frequency: 2, recency: 30, T: 38 }];
expectTypeOf(compareModels({ bg: fitBgNbd(rows), pareto: fitParetoNbd(rows) })).toEqualTypeOf<CompareModelsResult>();
compareModels({ nbd: { logLikelihood: -1, n: 1, parameters: 2 }, bg: fitBgNbd(rows) }, { nested: [{ restricted: 'nbd', full: 'bg' }] });
// @ts-expect-error: a fit of elsewhere needs its number of parameters
compareModels({ nbd: { logLikelihood: -1, n: 1 } });
// @ts-expect-error: nested pairs name both fits
compareModels({ bg: fitBgNbd(rows) }, { nested: [{ restricted: 'bg' }] });
