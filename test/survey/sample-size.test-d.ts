import { describe, expectTypeOf, it } from 'vitest';
import { sampleSize, type SampleSizeResult } from '../../src/survey/index';

// Type tests (tsc over test/): inputs, outputs, and the calls that must not type-check.
describe('sampleSize types', () => {
  it('options in, a plan out', () => {
    expectTypeOf(sampleSize({ metric: 'nps', margin: 5 })).toEqualTypeOf<SampleSizeResult>();
    expectTypeOf(sampleSize({ metric: 'csat', difference: 0.05, power: 0.8, share: 0.8 }).power).toEqualTypeOf<number | undefined>();
  });
  it('misuse does not type-check', () => {
    // @ts-expect-error the metric is required
    sampleSize({ margin: 5 });
    // @ts-expect-error options, not data
    sampleSize([9, 10]);
  });
});
