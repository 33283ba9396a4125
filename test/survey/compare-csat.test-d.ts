import { describe, expectTypeOf, it } from 'vitest';
import { compareCsat, type CompareCsatResult, type SampleComparison } from '../../src/survey/index';

// Type tests (tsc over test/): inputs, outputs, and the calls that must not type-check.
describe('compareCsat types', () => {
  it('two samples of scores, counts or records with an accessor', () => {
    expectTypeOf(compareCsat([5], { satisfied: 1, total: 2 })).toEqualTypeOf<CompareCsatResult | undefined>();
    expectTypeOf(compareCsat([{ r: 5 }], [{ r: 2 }], { accessor: (d) => d.r, level: 0.9 })).toEqualTypeOf<CompareCsatResult | undefined>();
  });
  it('one comparison shape; the z test always has a statistic', () => {
    expectTypeOf<CompareCsatResult>().toMatchTypeOf<SampleComparison>();
    expectTypeOf<CompareCsatResult['statistic']>().toEqualTypeOf<number>();
    expectTypeOf<CompareCsatResult['pValue']>().toEqualTypeOf<number>();
  });
  it('misuse does not type-check', () => {
    // @ts-expect-error records need an accessor
    compareCsat([{ r: 5 }], [{ r: 2 }]);
  });
});
