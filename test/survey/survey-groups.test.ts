// Direct unit tests of collectSurveyGroups (it serves surveyBreakdown, compareGroups and trendTest).
import { describe, expect, it } from 'vitest';
import { collectSurveyGroups } from '../../src/survey/survey-groups';
import { response } from './significance-data';

describe('collectSurveyGroups', () => {
  it('one bucket per (group, period); missing group is null and sorted last', () => {
    const data = [response('nps', 9, { channel: 'web' }), response('nps', 3), response('nps', 10, { channel: 'app' }), response('csat', 5, { channel: 'web' }), null];
    const r = collectSurveyGroups('t', data as never, { by: 'channel' }, 'nps', 0.95);
    expect(r.buckets.map((b) => b.group)).toEqual(['app', 'web', null]);
    expect(r.ignored).toBe(1);
    expect(r.missing).toBe(1);
    expect(collectSurveyGroups('t', data as never, {}, 'nps', 0.95).buckets.map((b) => b.group)).toEqual([null]);
  });
  it('segments come from customers: an unknown customer or no segment is the null group', () => {
    const data = [response('nps', 9), response('nps', 3)].map((d, i) => ({ ...d, customerId: `c${i}` }));
    const r = collectSurveyGroups('t', data, { by: 'segment', customers: [{ id: 'c0', segment: 'smb' }] }, 'nps', 0.95);
    expect(r.buckets.map((b) => b.group)).toEqual(['smb', null]);
  });
  it('a group label that is not a string is INVALID_RECORD', () => {
    expect(() => collectSurveyGroups('t', [response('nps', 9)], { by: () => 3 as never }, 'nps', 0.95)).toThrow(/^t: group 3 at index 0/);
  });
});
