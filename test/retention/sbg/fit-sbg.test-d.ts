import { expectTypeOf } from 'vitest';
import { fitSbg, type RenewalHistory, type SbgFit } from '../../../src/retention';

expectTypeOf(fitSbg([1000, 631, 468])).toEqualTypeOf<SbgFit>();
expectTypeOf(fitSbg([1000, 631, 468]).model).toEqualTypeOf<'sbg'>();
expectTypeOf(fitSbg([1000, 631, 468]).churned).toEqualTypeOf<number>();
expectTypeOf(fitSbg(new Uint16Array([1000, 631]), { maxIterations: 10 })).toEqualTypeOf<SbgFit>();
const rows: RenewalHistory[] = [{ renewals: 1, churned: true }];
expectTypeOf(fitSbg(rows, { renewals: (c) => c.renewals, churned: (c) => c.churned })).toEqualTypeOf<SbgFit>();
// @ts-expect-error records need both accessors
fitSbg(rows, { renewals: (c) => c.renewals });
// @ts-expect-error records without accessors
fitSbg(rows);
// @ts-expect-error survivor counts as strings
fitSbg(['1000', '631']);
// @ts-expect-error the old count name
fitSbg([1000, 631]).customers;
