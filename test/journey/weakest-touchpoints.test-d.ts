import { describe, expectTypeOf, it } from 'vitest';
import { touchpointScores, weakestTouchpoints, type WeakestTouchpointsResult } from '../../src/journey';
import type { Interaction, Interval } from '../../src/models';

declare const interactions: Interaction[];

describe('weakestTouchpoints types', () => {
  it('ranks a touchpointScores result', () => {
    const scores = touchpointScores(interactions);
    expectTypeOf(weakestTouchpoints(scores, { metric: 'csat', minimumSize: 5, limit: 3 })).toEqualTypeOf<WeakestTouchpointsResult>();
    expectTypeOf(weakestTouchpoints(scores).ranking[0]!.interval).toEqualTypeOf<Interval>();
    // @ts-expect-error the cut-off is minimumSize
    weakestTouchpoints(scores, { minResponses: 5 });
    // @ts-expect-error it ranks a touchpointScores result, not answers
    weakestTouchpoints(interactions);
  });
});
