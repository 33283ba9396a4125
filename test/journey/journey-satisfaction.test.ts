import { describe, expect, it } from 'vitest';
import { journeySatisfaction } from '../../src/journey';
import { compareNps, nps } from '../../src/survey';
import type { CxMetricsError } from '../../src/internal/errors';
import { expectCxMetricsError, thrownBy } from '../support/error-code';
import type { Interaction, SurveyMetric } from '../../src/models';
import { DAY, journey } from './fixtures';

const ask = (metric: SurveyMetric, score: number, day: number, extra: object = {}) =>
  ({ type: 'survey', metric, score, at: day * DAY, ...extra }) as unknown as Partial<Interaction>;

const data = [
  // converted; NPS answers on day 1 (3) and day 2 (10) → latest 10; CSAT 4, 5 → 4.5; CES 6
  journey('a', [['visit', 0, [ask('nps', 3, 1), ask('csat', 4, 1)]], ['buy', 2, [ask('nps', 10, 2), ask('csat', 5, 2), ask('ces', 6, 2)]]], { id: 'j-a' }),
  // converted; latest NPS 9
  journey('b', [['visit', 0, [ask('nps', 9, 0)]], ['buy', 1]]),
  // dropped off; NPS 2, CES 2 and 3
  journey('c', [['visit', 0, [ask('nps', 2, 0), ask('ces', 2, 0), ask('ces', 3, 0)]]]),
  // dropped off; equal times: the later-listed answer counts
  journey('d', [['visit', 0, [ask('nps', 10, 0), ask('nps', 8, 0)]]]),
  // dropped off, no answers
  journey('e', [['visit', 0]]),
];

describe('journeySatisfaction', () => {
  it('rolls up each journey: latest NPS, its category, mean CSAT and CES', () => {
    const s = journeySatisfaction(data, { converted: 'buy' });
    expect(s.journeys.map((r) => [r.customerId, r.latestNps, r.npsCategory, r.csatMean, r.cesMean, r.converted, r.responses])).toEqual([
      ['a', 10, 'promoter', 4.5, 6, true, 5],
      ['b', 9, 'promoter', undefined, undefined, true, 1],
      ['c', 2, 'detractor', undefined, 2.5, false, 3],
      ['d', 8, 'passive', undefined, undefined, false, 2],
      ['e', undefined, undefined, undefined, undefined, false, 0],
    ]);
    expect(s.journeys[0]).toMatchObject({ index: 0, id: 'j-a' });
  });

  it('gives the NPS of each outcome over one answer per journey, ready for compareNps', () => {
    const s = journeySatisfaction(data, { converted: 'buy' });
    expect(s.nps).toEqual(nps([10, 9, 2, 8]));
    expect(s.byOutcome!.converted).toMatchObject({ journeys: 2, nps: { score: 100, total: 2 } });
    expect(s.byOutcome!.notConverted).toMatchObject({ journeys: 3, nps: { score: -50, total: 2 } });
    expect(compareNps(s.byOutcome!.converted.nps, s.byOutcome!.notConverted.nps)).toEqual(compareNps([10, 9], [2, 8]));
    expect(journeySatisfaction(data).byOutcome).toBeUndefined();
    expect(journeySatisfaction(data, { converted: (j) => j.customerId === 'c' }).byOutcome!.converted.nps.score).toBe(-100);
  });

  it('skips null journeys and unanswered questions', () => {
    const s = journeySatisfaction([null, journey('x', [['visit', 0, [{ ...ask('nps', 0, 0), score: null } as never]]])]);
    expect(s.skipped).toBe(2);
    expect(s.journeys[0]).toMatchObject({ index: 1, latestNps: undefined, responses: 0 });
    expect(s.nps.score).toBeUndefined();
  });

  it.each<[string, () => unknown, string]>([
    ['an NPS of 11', () => journeySatisfaction([journey('a', [['visit', 0, [ask('nps', 11, 0)]]])]), 'OUT_OF_RANGE'],
    ['a CSAT of 4.5', () => journeySatisfaction([journey('a', [['visit', 0, [ask('csat', 4.5, 0)]]])]), 'NOT_AN_INTEGER'],
    ['an unknown metric', () => journeySatisfaction([journey('a', [['visit', 0, [ask('nss' as never, 1, 0)]]])]), 'UNKNOWN_REFERENCE'],
    ['an invalid answer time', () => journeySatisfaction([journey('a', [['visit', 0, [{ ...ask('nps', 1, 0), at: Number.NaN } as never]]])]), 'INVALID_DATE'],
    ['another customer inside', () => journeySatisfaction([journey('a', [['visit', 0, [{ ...ask('nps', 1, 0), customerId: 'b' } as never]]])]), 'UNKNOWN_REFERENCE'],
    ['an empty journey', () => journeySatisfaction([{ customerId: 'a', stages: [] }]), 'INVALID_RECORD'],
    ['an end before a start', () => journeySatisfaction([journey('a', [['visit', 3], ['buy', 1]])]), 'ORDER_VIOLATION'],
    ['an unknown stage', () => journeySatisfaction(data, { stages: ['visit'] }), 'UNKNOWN_REFERENCE'],
    ['stages out of order', () => journeySatisfaction(data, { stages: ['buy', 'visit'] }), 'ORDER_VIOLATION'],
    ['an empty stage list', () => journeySatisfaction(data, { stages: [] }), 'INVALID_OPTION'],
    ['an interaction of no known type', () => journeySatisfaction([journey('a', [['visit', 0, [{ type: 'click' as never }]]])]), 'INVALID_RECORD'],
    ['a CES answer off its scale', () => journeySatisfaction([journey('a', [['visit', 0, [ask('ces', 8, 0)]]])]), 'OUT_OF_RANGE'],
    ['CSAT answers on two scales in one journey', () => journeySatisfaction([journey('a', [['visit', 0, [ask('csat', 4, 0), ask('csat', 4, 0, { scale: { min: 1, max: 7 } })]]])]), 'INCONSISTENT_INPUT'],
    ['an unknown converted stage', () => journeySatisfaction(data, { stages: ['visit', 'buy'], converted: 'paid' }), 'UNKNOWN_REFERENCE'],
    ['a non-boolean predicate', () => journeySatisfaction(data, { converted: () => 1 as never }), 'INVALID_OPTION'],
    ['a numeric converted option', () => journeySatisfaction(data, { converted: 1 as never }), 'INVALID_OPTION'],
  ])('rejects %s', (_name, run, code) => {
    expectCxMetricsError(run, code, 'journeySatisfaction');
  });

  it('names the journey of a bad answer', () => {
    const error = thrownBy(() => journeySatisfaction([data[0]!, journey('x', [['visit', 0, [ask('nps', 12, 0)]]])])) as CxMetricsError;
    expect(error.details).toMatchObject({ function: 'journeySatisfaction', index: 1, value: 12 });
  });
});
