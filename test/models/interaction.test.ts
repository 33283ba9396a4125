import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY_SCALES, INTERACTION_TYPES, SURVEY_METRICS, type InteractionType, type SurveyMetric } from '../../src/models';

describe('the interaction constants', () => {
  it('list every type and metric once, frozen', () => {
    // Records over the unions fail to compile if a type gains or loses a member.
    const types: Record<InteractionType, true> = { survey: true, purchase: true, support: true, visit: true };
    const metrics: Record<SurveyMetric, true> = { nps: true, csat: true, ces: true };
    expect([...INTERACTION_TYPES].sort()).toEqual(Object.keys(types).sort());
    expect([...SURVEY_METRICS].sort()).toEqual(Object.keys(metrics).sort());
    expect(Object.isFrozen(INTERACTION_TYPES)).toBe(true);
    expect(Object.isFrozen(SURVEY_METRICS)).toBe(true);
  });

  it('default to NPS 0–10, CSAT 1–5 and CES 1–7, frozen all the way down', () => {
    expect(DEFAULT_SURVEY_SCALES).toEqual({ nps: { min: 0, max: 10 }, csat: { min: 1, max: 5 }, ces: { min: 1, max: 7 } });
    expect(Object.isFrozen(DEFAULT_SURVEY_SCALES)).toBe(true);
    for (const metric of SURVEY_METRICS) expect(Object.isFrozen(DEFAULT_SURVEY_SCALES[metric])).toBe(true);
  });
});
