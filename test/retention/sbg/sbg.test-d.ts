import { expectTypeOf } from 'vitest';
import { sbg, type RenewalHistory, type RetentionModel, type SbgFit, type SbgParams } from '../../../src/retention';

expectTypeOf(sbg).toMatchTypeOf<RetentionModel<'sbg', SbgParams, RenewalHistory, SbgFit>>();
expectTypeOf(sbg.model).toEqualTypeOf<'sbg'>();
expectTypeOf(sbg.fit([{ renewals: 1, churned: true }])).toEqualTypeOf<SbgFit>();
expectTypeOf(sbg.survival).parameters.toEqualTypeOf<[SbgParams, number]>();
// @ts-expect-error the descriptor's fit reads renewal histories, not survivor counts
sbg.fit([1000, 631]);
