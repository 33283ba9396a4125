import { describe, expectTypeOf, it } from 'vitest';
import { touchpointScores, type TouchpointScoresResult } from '../../src/journey';
import type { Interaction, Journey } from '../../src/models';

declare const interactions: Interaction[];
declare const journeys: Journey[];

describe('touchpointScores types', () => {
  it('takes journeys or interactions', () => {
    expectTypeOf(touchpointScores(interactions)).toEqualTypeOf<TouchpointScoresResult>();
    touchpointScores(journeys, { by: 'touchpoint-channel', level: 0.9 });
    // @ts-expect-error records must be journeys or interactions
    touchpointScores([{ score: 9 }]);
    // @ts-expect-error scores alone are not answers
    touchpointScores([9, 10]);
  });
});
