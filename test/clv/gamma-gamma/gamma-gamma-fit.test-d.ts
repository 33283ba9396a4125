import { expectTypeOf } from 'vitest';
import { fitGammaGamma, type GammaGammaCustomer, type GammaGammaFit } from '../../../src/clv';

const rows: GammaGammaCustomer[] = [{ frequency: 2, monetaryValue: 10 }];
expectTypeOf(fitGammaGamma(rows)).toEqualTypeOf<GammaGammaFit>();
expectTypeOf(fitGammaGamma(rows).model).toEqualTypeOf<'gamma-gamma'>();
expectTypeOf(fitGammaGamma(rows).withoutRepeat).toEqualTypeOf<number>();
expectTypeOf(fitGammaGamma(rows).frequencySpendCorrelation).toEqualTypeOf<number | undefined>();
expectTypeOf(fitGammaGamma(rows).standardErrors).toEqualTypeOf<{ readonly p: number; readonly q: number; readonly gamma: number } | undefined>();
const table: [number, number][] = [[2, 10]];
fitGammaGamma(table, { frequency: (d) => d[0], monetaryValue: (d) => d[1] });
// @ts-expect-error records without accessors
fitGammaGamma(table);
// @ts-expect-error monetaryValue accessor missing
fitGammaGamma(table, { frequency: (d) => d[0] });
