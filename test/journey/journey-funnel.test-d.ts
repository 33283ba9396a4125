import { describe, expectTypeOf, it } from 'vitest';
import { journeyFunnel, type JourneyFunnelResult } from '../../src/journey';
import type { Interval, Journey } from '../../src/models';

declare const journeys: Journey[];

describe('journeyFunnel types', () => {
  it('takes journeys, then the stages option', () => {
    expectTypeOf(journeyFunnel(journeys, { stages: ['a', 'b'] })).toEqualTypeOf<JourneyFunnelResult>();
    journeyFunnel([...journeys, null], { stages: ['a'], level: 0.9, groupBy: 'channel' });
    journeyFunnel(journeys, { stages: ['a'], groupBy: (j) => j.segment ?? null });
    // @ts-expect-error the stage list is the stages option, not a positional argument
    journeyFunnel(journeys, ['a', 'b']);
    // @ts-expect-error stages is required
    journeyFunnel(journeys, { level: 0.9 });
    // @ts-expect-error a group accessor returns a string, null or undefined
    journeyFunnel(journeys, { stages: ['a'], groupBy: () => 3 });
    // @ts-expect-error records must be journeys
    journeyFunnel([{ s: 1 }], { stages: ['a'] });
  });
  it('returns its documented shape', () => {
    const r = journeyFunnel(journeys, { stages: ['a'], groupBy: 'segment' });
    expectTypeOf(r.steps[0]!.fromFirstInterval).toEqualTypeOf<Interval | undefined>();
    expectTypeOf(r.groups![0]!.group).toEqualTypeOf<string | null>();
  });
});
