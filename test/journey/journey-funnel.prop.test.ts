import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { journeyFunnel } from '../../src/journey';
import { STAGE_NAMES, journeyArb as sharedJourneyArb } from '../support/arbitraries';
import { STAGES, journeyArb } from './fixtures';

describe('journeyFunnel properties', () => {
  test.prop([fc.array(journeyArb, { maxLength: 60 })], { numRuns: 80 })(
    'counts never increase along the stages and every rate lies in [0, 1] inside its interval',
    (journeys) => {
      const f = journeyFunnel(journeys, { stages: STAGES });
      f.steps.forEach((step, k) => {
        if (k > 0) expect(step.reached).toBeLessThanOrEqual(f.steps[k - 1]!.reached);
        expect(step.entered).toBeLessThanOrEqual(step.reached);
        for (const [rate, interval] of [
          [step.fromPrevious, step.fromPreviousInterval],
          [step.fromFirst, step.fromFirstInterval],
          [step.dropOffRate, step.dropOffInterval],
        ] as const) {
          if (rate === undefined) continue;
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
          expect(interval!.lower).toBeLessThanOrEqual(rate);
          expect(interval!.upper).toBeGreaterThanOrEqual(rate);
          expect(interval!.lower).toBeGreaterThanOrEqual(0);
          expect(interval!.upper).toBeLessThanOrEqual(1);
        }
      });
      expect(f.steps[0]!.reached).toBe(journeys.length);
    },
  );

  test.prop([fc.array(journeyArb, { maxLength: 60 }), fc.constantFrom('segment' as const, 'channel' as const)], { numRuns: 80 })(
    'group counts add up to the ungrouped funnel',
    (journeys, groupBy) => {
      const whole = journeyFunnel(journeys, { stages: STAGES });
      const grouped = journeyFunnel(journeys, { stages: STAGES, groupBy });
      expect(grouped.steps).toEqual(whole.steps);
      const sum = (pick: (g: (typeof grouped.groups & object)[number], k: number) => number, k: number) =>
        grouped.groups!.reduce((acc, g) => acc + pick(g, k), 0);
      expect(sum((g) => g.journeys, 0)).toBe(whole.journeys);
      whole.steps.forEach((step, k) => {
        expect(sum((g, i) => g.steps[i]!.reached, k)).toBe(step.reached);
        expect(sum((g, i) => g.steps[i]!.entered, k)).toBe(step.entered);
        expect(sum((g, i) => g.steps[i]!.droppedOff, k)).toBe(step.droppedOff);
      });
    },
  );

  test.prop([fc.array(journeyArb, { maxLength: 40 })], { numRuns: 40 })('does not depend on the order of the journeys', (journeys) => {
    expect(journeyFunnel([...journeys].reverse(), { stages: STAGES, groupBy: 'segment' })).toEqual(journeyFunnel(journeys, { stages: STAGES, groupBy: 'segment' }));
  });

  // The library-wide arbitraries: Date and epoch instants mixed, every interaction type and channel.
  test.prop([fc.array(sharedJourneyArb, { maxLength: 25 }), fc.constantFrom('segment' as const, 'channel' as const)], { numRuns: 40 })(
    'over the shared arbitraries: monotone counts, rates in [0, 1], groups add up',
    (journeys, groupBy) => {
      const f = journeyFunnel(journeys, { stages: STAGE_NAMES, groupBy });
      f.steps.forEach((s, k) => {
        if (k > 0) expect(s.reached).toBeLessThanOrEqual(f.steps[k - 1]!.reached);
        for (const r of [s.fromPrevious, s.fromFirst, s.dropOffRate]) if (r !== undefined) expect(r >= 0 && r <= 1).toBe(true);
        expect(f.groups!.reduce((acc, g) => acc + g.steps[k]!.reached, 0)).toBe(s.reached);
      });
    },
  );
});
