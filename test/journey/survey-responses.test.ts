// Direct unit tests of addResponse / forEachInteraction (they serve touchpointScores and journeySatisfaction).
import { describe, expect, it } from 'vitest';
import { addResponse, forEachInteraction, isJourney, MetricBuffers } from '../../src/journey/survey-responses';
import { createScratch } from '../../src/models/journey-reader';

const survey = (metric: string, score: number, scale?: { min: number; max: number }) =>
  ({ type: 'survey', metric, customerId: 'c', at: 0, score, ...(scale ? { scale } : {}) }) as never;

describe('survey-responses', () => {
  it('adds each score to its metric buffer, remembering the scale', () => {
    const b = new MetricBuffers();
    addResponse('t', b, survey('nps', 9), 0);
    addResponse('t', b, survey('csat', 8, { min: 1, max: 10 }), 1);
    expect([...b.nps.view()]).toEqual([9]);
    expect([...b.csat.view()]).toEqual([8]);
    expect(b.csatScale).toEqual({ min: 1, max: 10 });
    b.reset();
    expect(b.nps.length + b.csat.length + b.ces.length).toBe(0);
  });
  it('rejects an unknown metric, a score off the scale, a scale that changes within a group', () => {
    const b = new MetricBuffers();
    expect(() => addResponse('t', b, survey('effort', 3), 2)).toThrow(/^t: metric .*index 2/);
    expect(() => addResponse('t', b, survey('nps', 11), 3)).toThrow(/^t: /);
    addResponse('t', b, survey('csat', 4), 4);
    expect(() => addResponse('t', b, survey('csat', 4, { min: 1, max: 10 }), 5)).toThrow(/^t: /);
  });
  it('forEachInteraction visits an interaction, or every interaction of a journey', () => {
    const seen: number[] = [];
    forEachInteraction('t', survey('nps', 1), 0, createScratch(), (x) => seen.push((x as { score: number }).score));
    const journey = { id: 'j', customerId: 'c', stages: [{ name: 's', enteredAt: 0, interactions: [survey('nps', 2), survey('nps', 3)] }] };
    expect(isJourney(journey)).toBe(true);
    forEachInteraction('t', journey, 1, createScratch(), (x, _i, j) => {
      seen.push((x as { score: number }).score);
      expect(j).toBe(journey);
    });
    expect(seen).toEqual([1, 2, 3]);
  });
});
