import { describe, expectTypeOf, it } from 'vitest';
import { journeyFunnelTally, type JourneyFunnelResult, type JourneyFunnelTallyState } from '../../src/journey';
import type { Journey } from '../../src/models';

declare const journey: Journey;

describe('journeyFunnelTally types', () => {
  it('folds journeys with a serialisable grouping', () => {
    const state = journeyFunnelTally.create({ stages: ['a', 'b'], groupBy: 'segment' });
    expectTypeOf(state).toEqualTypeOf<JourneyFunnelTallyState>();
    expectTypeOf(state.groups[0]!.group).toEqualTypeOf<string | null>();
    journeyFunnelTally.add(state, journey);
    journeyFunnelTally.add(state, null);
    expectTypeOf(journeyFunnelTally.result(state)).toEqualTypeOf<JourneyFunnelResult>();
    // @ts-expect-error accessors are not serialisable: no function groupBy
    journeyFunnelTally.create({ stages: ['a'], groupBy: () => 'x' });
    // @ts-expect-error records must be journeys
    journeyFunnelTally.add(state, { s: 1 });
  });
});
