import { describe, expectTypeOf, it } from 'vitest';
import { journeyPaths, type JourneyPathsResult } from '../../src/journey';
import type { Journey } from '../../src/models';

declare const journeys: Journey[];

describe('journeyPaths types', () => {
  it('takes journeys, then options with the stages option', () => {
    expectTypeOf(journeyPaths(journeys)).toEqualTypeOf<JourneyPathsResult>();
    journeyPaths(journeys, { stages: ['a', 'b'], converted: 'b', top: 3, maxLength: 4, collapseRepeats: true });
    journeyPaths(journeys, { converted: (j) => j.stages.length > 2 });
    // @ts-expect-error a conversion predicate returns a boolean
    journeyPaths(journeys, { converted: () => 1 });
    // @ts-expect-error records must be journeys
    journeyPaths([{ s: 1 }]);
  });
  it('returns its documented shape', () => {
    expectTypeOf(journeyPaths(journeys).paths[0]!.conversionRate).toEqualTypeOf<number | undefined>();
  });
});
