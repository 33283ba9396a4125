import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { journeyPaths } from '../../src/journey';
import { journeyArb as sharedJourneyArb } from '../support/arbitraries';
import { journeyArb } from './fixtures';

describe('journeyPaths properties', () => {
  test.prop(
    [
      fc.array(journeyArb, { maxLength: 50 }),
      fc.boolean(),
      fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    ],
    { numRuns: 80 },
  )('shares of all paths sum to 1, in every population', (journeys, collapseRepeats, maxLength) => {
    const p = journeyPaths(journeys, { collapseRepeats, ...(maxLength ? { maxLength } : {}), top: 1000, converted: 'purchase' });
    for (const ranking of [p, p.converting!, p.droppingOff!]) {
      if (ranking.journeys === 0) continue;
      expect(ranking.other).toBe(0);
      expect(ranking.paths.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 12);
      expect(ranking.paths.reduce((s, x) => s + x.count, 0)).toBe(ranking.journeys);
      for (const x of ranking.paths) {
        if (maxLength) expect(x.path.length).toBeLessThanOrEqual(maxLength);
        if (collapseRepeats) x.path.forEach((t, i) => expect(t).not.toBe(x.path[i - 1]));
      }
    }
    expect(p.converting!.journeys + p.droppingOff!.journeys).toBe(p.journeys);
  });

  test.prop([fc.array(journeyArb, { maxLength: 50 }), fc.integer({ min: 1, max: 5 })], { numRuns: 60 })(
    'listed shares plus the other share is 1, counts descending',
    (journeys, top) => {
      const p = journeyPaths(journeys, { top });
      if (p.journeys === 0) return;
      expect(p.paths.reduce((s, x) => s + x.share, 0) + p.otherShare!).toBeCloseTo(1, 12);
      p.paths.forEach((x, i) => i > 0 && expect(x.count).toBeLessThanOrEqual(p.paths[i - 1]!.count));
    },
  );

  // The library-wide arbitraries: every interaction type, some without a touchpoint.
  test.prop([fc.array(sharedJourneyArb, { maxLength: 25 })], { numRuns: 40 })('over the shared arbitraries: shares sum to 1', (journeys) => {
    const p = journeyPaths(journeys, { top: 1000, converted: 'purchase' });
    if (p.journeys > 0) expect(p.paths.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 12);
    expect(journeyPaths([...journeys].reverse(), { top: 1000, converted: 'purchase' })).toEqual(p);
  });
});
