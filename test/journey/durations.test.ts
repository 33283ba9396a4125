import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { kaplanMeierMedian } from '../../src/journey/durations';
import { kaplanMeier } from '../../src/retention';

describe('kaplanMeierMedian', () => {
  it('matches hand computations', () => {
    // events 1, 2, 3, 5; censored 10: Ŝ = 0.8, 0.6, 0.4 → 3
    expect(kaplanMeierMedian([5, 1, 3, 2], [10])).toBe(3);
    // events 1, 2, 3; censored 10: Ŝ(2) = 0.5 exactly → midpoint of 2 and 3
    expect(kaplanMeierMedian([1, 3, 2], [10])).toBe(2.5);
    // censored at the event time stays at risk: events 2, 4; censored 2, 9: Ŝ(2) = 3/4, Ŝ(4) = 3/4 · 1/2 → 4
    expect(kaplanMeierMedian([2, 4], [2, 9])).toBe(4);
    expect(kaplanMeierMedian([], [])).toBeUndefined();
    expect(kaplanMeierMedian([1], [5, 6])).toBeUndefined();
    expect(kaplanMeierMedian([7], [])).toBe(7);
  });

  test.prop(
    [fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 40 })],
    { numRuns: 200 },
  )('agrees with the retention domain kaplanMeier', (events, censored) => {
    const subjects = [...events.map((t) => ({ t, churned: true })), ...censored.map((t) => ({ t, churned: false }))];
    const km = kaplanMeier(subjects, { duration: (d) => d.t, churned: (d) => d.churned });
    expect(kaplanMeierMedian(events, censored)).toBe(km.median);
  });
});
