import { describe, expectTypeOf, it } from 'vitest';
import { npsFromCounts, npsTally, type NpsCounts, type NpsResult } from '../../src/survey/index';

// Type tests (tsc over test/): inputs, outputs, and the calls that must not type-check.
describe('npsFromCounts types', () => {
  it('counts, a tally state, a result', () => {
    expectTypeOf(npsFromCounts({ promoters: 5, passives: 3, detractors: 2 } satisfies NpsCounts)).toEqualTypeOf<NpsResult>();
    expectTypeOf(npsFromCounts(npsTally.create())).toEqualTypeOf<NpsResult>();
    expectTypeOf(npsFromCounts(npsFromCounts({ promoters: 1, passives: 0, detractors: 0 }))).toEqualTypeOf<NpsResult>();
  });
  it('misuse does not type-check', () => {
    // @ts-expect-error scores are nps's
    npsFromCounts([9, 10]);
    // @ts-expect-error every count is required
    npsFromCounts({ promoters: 5, passives: 3 });
    // @ts-expect-error counts are numbers
    npsFromCounts({ promoters: '5', passives: 3, detractors: 2 });
  });
});
