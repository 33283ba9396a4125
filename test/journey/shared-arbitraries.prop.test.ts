/**
 * Properties over the library-wide arbitraries of test/support (Date and epoch instants mixed,
 * every interaction type, varied survey scales), complementing each function's own tests.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { journeyFunnel, journeyPaths, journeySatisfaction, serviceLevels, stageTiming, touchpointScores } from '../../src/journey';
import { STAGE_NAMES, interactionArb, journeyArb, supportContactArb } from '../support/arbitraries';
import { errorCode } from '../support/error-code';

const journeys = fc.array(journeyArb, { maxLength: 25 });

describe('journey functions over the shared arbitraries', () => {
  test.prop([journeys], { numRuns: 40 })('funnel: monotone counts, rates in [0, 1], groups add up', (js) => {
    const f = journeyFunnel(js, STAGE_NAMES, { groupBy: 'channel' });
    f.steps.forEach((s, k) => {
      if (k > 0) expect(s.reached).toBeLessThanOrEqual(f.steps[k - 1]!.reached);
      for (const r of [s.fromPrevious, s.fromFirst, s.dropOffRate]) if (r !== undefined) expect(r >= 0 && r <= 1).toBe(true);
      expect(f.groups!.reduce((acc, g) => acc + g.steps[k]!.reached, 0)).toBe(s.reached);
    });
  });

  test.prop([journeys], { numRuns: 40 })('timing: the same for any order; durations are never negative', (js) => {
    const t = stageTiming(js, STAGE_NAMES, { unit: 'hour' });
    expect(stageTiming([...js].reverse(), STAGE_NAMES, { unit: 'hour' })).toEqual(t);
    for (const s of t.steps) if (s.inStage.min !== undefined) expect(s.inStage.min).toBeGreaterThanOrEqual(0);
  });

  test.prop([journeys], { numRuns: 40 })('paths: shares sum to 1', (js) => {
    const p = journeyPaths(js, { top: 1000, converted: 'purchase' });
    if (p.journeys > 0) expect(p.paths.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 12);
  });

  test.prop([fc.array(interactionArb, { maxLength: 60 })], { numRuns: 40 })(
    'touchpoint scores: every survey answer counted once, or a scale conflict reported',
    (interactions) => {
      const code = errorCode(() => touchpointScores(interactions, { by: 'touchpoint-channel' }));
      if (code !== undefined) {
        expect(code).toBe('INCONSISTENT_INPUT');
        return;
      }
      const s = touchpointScores(interactions, { by: 'touchpoint-channel' });
      expect(s.responses).toBe(interactions.filter((x) => x.type === 'survey').length);
      expect(s.responses + s.ignored).toBe(interactions.length);
    },
  );

  test.prop([journeys], { numRuns: 40 })('journey satisfaction: one row per journey, or a scale conflict reported', (js) => {
    const code = errorCode(() => journeySatisfaction(js, { converted: 'purchase' }));
    if (code !== undefined) {
      expect(code).toBe('INCONSISTENT_INPUT');
      return;
    }
    const s = journeySatisfaction(js, { converted: 'purchase' });
    expect(s.journeys).toHaveLength(js.length);
    for (const row of s.journeys) if (row.latestNps !== undefined) expect(row.latestNps >= 0 && row.latestNps <= 10).toBe(true);
  });

  test.prop([fc.array(supportContactArb, { maxLength: 60 })], { numRuns: 40 })('service levels: channel counts add up, order does not matter', (contacts) => {
    const s = serviceLevels(contacts, { unit: 'hour', firstResponseTarget: 1 });
    expect(Object.values(s.byChannel).reduce((acc, g) => acc + g.contacts, 0)).toBe(contacts.length);
    expect(serviceLevels([...contacts].reverse(), { unit: 'hour', firstResponseTarget: 1 })).toEqual(s);
  });
});
