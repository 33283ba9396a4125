import { describe, expectTypeOf, it } from 'vitest';
import { compareNps, type CompareNpsResult, type SampleComparison } from '../../src/survey/index';
import type { Interval } from '../../src/models/index';

// Type tests (tsc over test/): inputs, outputs, and the calls that must not type-check.
describe('compareNps types', () => {
  it('two samples of scores, counts or records with an accessor', () => {
    expectTypeOf(compareNps([9], [3])).toEqualTypeOf<CompareNpsResult | undefined>();
    expectTypeOf(compareNps({ promoters: 1, passives: 1, detractors: 1 }, [9], { method: 'wald' })).toEqualTypeOf<CompareNpsResult | undefined>();
    expectTypeOf(compareNps([{ s: 9 }], [{ s: 2 }], { accessor: (r) => r.s })).toEqualTypeOf<CompareNpsResult | undefined>();
  });
  it('one comparison shape with an Interval', () => {
    expectTypeOf<CompareNpsResult>().toMatchTypeOf<SampleComparison>();
    expectTypeOf<CompareNpsResult['interval']>().toEqualTypeOf<Interval>();
    expectTypeOf<CompareNpsResult['statistic']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<CompareNpsResult['degreesOfFreedom']>().toEqualTypeOf<undefined>();
  });
  it('misuse does not type-check', () => {
    // @ts-expect-error records need an accessor
    compareNps([{ s: 9 }], [{ s: 2 }]);
    // @ts-expect-error strings are not scores
    compareNps(['9'], ['3']);
  });
});
