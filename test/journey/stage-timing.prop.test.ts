import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { stageTiming } from '../../src/journey';
import { STAGE_NAMES, journeyArb as sharedJourneyArb } from '../support/arbitraries';
import { STAGES, journeyArb } from './fixtures';

describe('stageTiming properties', () => {
  test.prop([fc.array(journeyArb, { maxLength: 40 }), fc.nat()], { numRuns: 60 })(
    'is invariant under reordering of journeys',
    (journeys, seed) => {
      const shuffled = [...journeys];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = (seed + i * 7919) % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      const options = { unit: 'day', percentiles: [0.1, 0.9], asOf: Date.UTC(2025, 0, 1) } as const;
      expect(stageTiming(shuffled, { stages: STAGES, ...options })).toEqual(stageTiming(journeys, { stages: STAGES, ...options }));
    },
  );

  test.prop([fc.array(journeyArb, { maxLength: 40 })], { numRuns: 60 })(
    'counts every stage entry once: observed + censored = journeys that entered it; min ≤ median ≤ max',
    (journeys) => {
      const t = stageTiming(journeys, { stages: STAGES, unit: 'day' });
      t.steps.forEach((step, k) => {
        const entered = journeys.filter((j) => j.stages.some((s) => s.name === STAGES[k])).length;
        expect(step.inStage.count + step.inStage.censored).toBe(entered);
        expect(step.toFinal.count + step.toFinal.censored).toBe(entered);
        if (step.inStage.count > 0) {
          expect(step.inStage.min!).toBeLessThanOrEqual(step.inStage.median!);
          expect(step.inStage.median!).toBeLessThanOrEqual(step.inStage.max!);
          expect(step.inStage.min!).toBeGreaterThanOrEqual(0);
        }
      });
    },
  );

  test.prop([fc.array(journeyArb, { maxLength: 40 })], { numRuns: 40 })('a duration in hours is 24 times the same duration in days', (journeys) => {
    const days = stageTiming(journeys, { stages: STAGES, unit: 'day', percentiles: [0.9] });
    const hours = stageTiming(journeys, { stages: STAGES, unit: 'hour', percentiles: [0.9] });
    days.steps.forEach((step, k) => {
      for (const part of ['inStage', 'toFinal'] as const) {
        const d = step[part];
        const h = hours.steps[k]![part];
        expect(h.count).toBe(d.count);
        for (const [x, y] of [[d.mean, h.mean], [d.median, h.median], [d.max, h.max], [d.percentiles[0]!.value, h.percentiles[0]!.value]]) {
          if (x === undefined) expect(y).toBeUndefined();
          else expect(y!).toBeCloseTo(24 * x, 6);
        }
      }
    });
  });

  // The library-wide arbitraries: Date and epoch instants mixed, ties in entry times.
  test.prop([fc.array(sharedJourneyArb, { maxLength: 25 })], { numRuns: 40 })('over the shared arbitraries: the same for any order; durations never negative', (journeys) => {
    const t = stageTiming(journeys, { stages: STAGE_NAMES, unit: 'hour' });
    expect(stageTiming([...journeys].reverse(), { stages: STAGE_NAMES, unit: 'hour' })).toEqual(t);
    for (const s of t.steps) if (s.inStage.min !== undefined) expect(s.inStage.min).toBeGreaterThanOrEqual(0);
  });
});
