import { describe, expectTypeOf, it } from 'vitest';
import { stageTiming, type StageTimingResult } from '../../src/journey';
import type { DurationUnit, Journey } from '../../src/models';

declare const journeys: Journey[];

describe('stageTiming types', () => {
  it('takes journeys, then stages and a duration unit', () => {
    expectTypeOf(stageTiming(journeys, { stages: ['a', 'b'], unit: 'hour' })).toEqualTypeOf<StageTimingResult>();
    stageTiming(journeys, { stages: ['a', 'b'], unit: 'day', percentiles: [0.9], asOf: new Date() });
    // @ts-expect-error the stage list is the stages option
    stageTiming(journeys, ['a', 'b'], { unit: 'day' });
    // @ts-expect-error the unit is required
    stageTiming(journeys, { stages: ['a'] });
    // @ts-expect-error units are the DurationUnit vocabulary
    stageTiming(journeys, { stages: ['a'], unit: 'fortnight' });
  });
  it('returns its documented shape', () => {
    const r = stageTiming(journeys, { stages: ['a', 'b'], unit: 'day' });
    expectTypeOf(r.unit).toEqualTypeOf<DurationUnit>();
    expectTypeOf(r.steps[0]!.inStage.kaplanMeierMedian).toEqualTypeOf<number | undefined>();
  });
});
