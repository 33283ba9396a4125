import { describe, expect, it } from 'vitest';
import type { Interaction, SurveyResponse } from '../../src/models/index';
import { ces, csat, csatInterval, nps, npsInterval, surveyBreakdown } from '../../src/survey/index';
import { BAD_LEVELS, BAD_NPS_SCORES, BAD_SCORES_1_TO_5, BAD_SCORES_1_TO_7, BAD_WEIGHTS, codeOf, expectRejected } from './helpers';

const day = 86_400_000;
const jan = Date.UTC(2024, 0, 10);
const feb = Date.UTC(2024, 1, 10);
function response(score: number | null, extra: Partial<SurveyResponse> = {}): SurveyResponse {
  return { type: 'survey', metric: 'nps', customerId: 'c', at: jan, score: score as number, ...extra };
}

describe('surveyBreakdown', () => {
  const data: Interaction[] = [
    response(10, { channel: 'web', touchpoint: 'checkout' }),
    response(9, { channel: 'web', touchpoint: 'checkout', at: feb }),
    response(3, { channel: 'phone', touchpoint: 'support' }),
    response(null, { channel: 'phone' }),
    response(8, { touchpoint: 'support', at: new Date(feb) }),
    { type: 'survey', metric: 'csat', customerId: 'c', at: jan, score: 5, channel: 'web' },
    { type: 'purchase', customerId: 'c', at: jan, amount: 10, currency: 'EUR' },
  ];
  it('groups by channel; each group equals nps and npsInterval on its answers', () => {
    const r = surveyBreakdown(data, { metric: 'nps', by: 'channel' });
    expect(r.groups.map((g) => g.group)).toEqual(['phone', 'web', null]);
    const web = r.groups[1]!;
    expect(web.detail).toEqual(nps([10, 9]));
    expect(web.interval!.lower).toBe(npsInterval([10, 9])!.lower);
    expect(web).toMatchObject({ group: 'web', score: 100, n: 2, belowMinimum: true, period: undefined });
    expect(r.groups[0]!.detail).toEqual(nps([3, null]));
    expect(r.groups[2]!.group).toBeNull();
    expect(r).toMatchObject({ skipped: 1, ignored: 2, minimumSize: 30, level: 0.95 });
  });
  it('trends by month (UTC) within touchpoints', () => {
    const r = surveyBreakdown(data, { metric: 'nps', by: 'touchpoint', period: 'month' });
    expect(r.groups.map((g) => [g.group, g.period])).toEqual([['checkout', '2024-01'], ['checkout', '2024-02'], ['support', '2024-01'], ['support', '2024-02'], [null, '2024-01']]);
    expect(r.groups[1]!.periodStart).toBe(Date.UTC(2024, 1, 1));
  });
  it('a single group without `by`; ISO weeks across a year boundary', () => {
    const r = surveyBreakdown(data, { metric: 'nps' });
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]).toMatchObject({ group: null, n: 4 });
    const weeks = surveyBreakdown([response(10, { at: Date.UTC(2024, 11, 30) }), response(0, { at: Date.UTC(2024, 11, 29) })], { metric: 'nps', period: 'week' });
    expect(weeks.groups.map((g) => g.period)).toEqual(['2024-W52', '2025-W01']);
  });
  it('segments come from the customers; custom accessors work', () => {
    const customers = [
      { id: 'a', segment: 'smb' },
      { id: 'b', segment: 'enterprise' },
      { id: 'c' },
    ];
    const rows = [response(10, { customerId: 'a' }), response(0, { customerId: 'b' }), response(9, { customerId: 'c' }), response(9, { customerId: 'zz' })];
    const r = surveyBreakdown(rows, { metric: 'nps', by: 'segment', customers });
    expect(r.groups.map((g) => [g.group, g.n])).toEqual([
      ['enterprise', 1],
      ['smb', 1],
      [null, 2],
    ]);
    const custom = surveyBreakdown(rows, { metric: 'nps', by: (d) => (d.score >= 9 ? 'high' : 'low'), minimumSize: 1 });
    expect(custom.groups.map((g) => [g.group, g.belowMinimum])).toEqual([
      ['high', false],
      ['low', false],
    ]);
  });
  it('CSAT and CES groups match the batch functions', () => {
    const rows: SurveyResponse[] = [5, 4, 1, 2, 5].map((s, i) => ({ type: 'survey', metric: 'csat', customerId: String(i), at: jan + i * day, score: s, channel: i % 2 ? 'web' : 'app' }));
    const r = surveyBreakdown(rows, { metric: 'csat', by: 'channel', method: 'clopper-pearson' });
    expect(r.groups[0]!.detail).toEqual(csat([5, 1, 5]));
    expect(r.groups[0]!.interval!.upper).toBe(csatInterval([5, 1, 5], { method: 'clopper-pearson' })!.upper);
    const cesRows = rows.map((d) => ({ ...d, metric: 'ces' as const, score: d.score + 2 }));
    const c = surveyBreakdown(cesRows, { metric: 'ces', level: 0.9 });
    expect(c.groups[0]!.detail).toEqual(ces([7, 6, 3, 4, 7], { level: 0.9 }));
    expect(c.groups[0]!.score).toBe(5.4);
  });
  it('weights: effective n decides the flag', () => {
    const rows = [response(10), response(0)];
    const r = surveyBreakdown(rows, { metric: 'nps', weight: (d) => (d.score === 10 ? 3 : 1), minimumSize: 2 });
    expect(r.groups[0]!.effectiveSampleSize).toBeCloseTo(16 / 10, 12);
    expect(r.groups[0]!.belowMinimum).toBe(true);
    expect(r.groups[0]!.score).toBe(50);
  });
  it('rejects bad input with codes', () => {
    expect(codeOf(() => surveyBreakdown([response(11)], { metric: 'nps' }))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => surveyBreakdown([response(7.5)], { metric: 'nps' }))).toBe('NOT_AN_INTEGER');
    expect(codeOf(() => surveyBreakdown([response('9' as unknown as number)], { metric: 'nps' }))).toBe('INVALID_NUMBER');
    expect(codeOf(() => surveyBreakdown([response(Number.NaN)], { metric: 'nps' }))).toBe('INVALID_NUMBER');
    expect(codeOf(() => surveyBreakdown([response(9, { at: Number.NaN })], { metric: 'nps', period: 'month' }))).toBe('INVALID_DATE');
    expect(codeOf(() => surveyBreakdown([response(9)], { metric: 'nps', weight: () => -1 }))).toBe('NEGATIVE_VALUE');
    expect(codeOf(() => surveyBreakdown([response(9)], { metric: 'x' as never }))).toBe('INVALID_OPTION');
    expect(codeOf(() => surveyBreakdown([response(9)], { metric: 'nps', by: 'city' as never }))).toBe('INVALID_OPTION');
    expect(codeOf(() => surveyBreakdown([response(9)], { metric: 'nps', period: 'hour' as never }))).toBe('INVALID_OPTION');
    expect(codeOf(() => surveyBreakdown([response(9)], { metric: 'nps', method: 'wilson' }))).toBe('INVALID_OPTION');
    // A setting of another metric is an error, not silently ignored.
    expect(codeOf(() => surveyBreakdown([response(9)], { metric: 'nps', scale: { min: 1, max: 5 } }))).toBe('INVALID_OPTION');
    expect(codeOf(() => surveyBreakdown([response(9)], { metric: 'nps', threshold: 4 }))).toBe('INVALID_OPTION');
    expect(codeOf(() => surveyBreakdown([response(4, { metric: 'csat' })], { metric: 'csat', easy: { from: 4, to: 5 } }))).toBe('INVALID_OPTION');
    expect(codeOf(() => surveyBreakdown([response(4, { metric: 'ces' })], { metric: 'ces', threshold: 4 }))).toBe('INVALID_OPTION');
    expect(codeOf(() => surveyBreakdown([response(9)], { metric: 'nps', customers: 5 as never }))).toBe('INVALID_INPUT');
    expect(surveyBreakdown([response(4, { metric: 'csat' })], { metric: 'csat', scale: { min: 1, max: 5 }, threshold: 4 }).groups.length).toBe(1);
    expect(codeOf(() => surveyBreakdown([response(9)], { metric: 'nps', minimumSize: -1 }))).toBe('NEGATIVE_VALUE');
    expect(codeOf(() => surveyBreakdown([response(9)], { metric: 'nps', minimumSize: 2.5 }))).toBe('NOT_AN_INTEGER');
    expect(codeOf(() => surveyBreakdown([response(9)], { metric: 'nps', by: () => 3 as never }))).toBe('INVALID_RECORD');
    expect(codeOf(() => surveyBreakdown([response(9, { metric: 'csat', scale: { min: 1, max: 7 } })], { metric: 'csat' }))).toBe('INCONSISTENT_INPUT');
    expect(codeOf(() => surveyBreakdown([3 as never], { metric: 'nps' }))).toBe('INVALID_RECORD');
    // A null entry is a missing response: skipped and counted, like a missing score.
    expect(surveyBreakdown([null as never, response(9)], { metric: 'nps' }).skipped).toBe(1);
    expect(codeOf(() => surveyBreakdown([response(9)], undefined as never))).toBe('INVALID_OPTION');
  });
  it.each(BAD_LEVELS)('level %o → %s', (level, code) => {
    expectRejected(() => surveyBreakdown([response(9)], { metric: 'nps', level: level as number }), code, 'surveyBreakdown', level);
  });
  it.each(BAD_NPS_SCORES)('NPS score %o → %s with the response index', (bad, code) => {
    expectRejected(() => surveyBreakdown([response(9), response(bad as number)], { metric: 'nps', by: 'channel' }), code, 'surveyBreakdown', bad, 1);
  });
  it.each(BAD_SCORES_1_TO_5)('CSAT score %o → %s with the response index', (bad, code) => {
    const rows = [5, bad].map((score) => response(score as number, { metric: 'csat' }));
    expectRejected(() => surveyBreakdown(rows, { metric: 'csat' }), code, 'surveyBreakdown', bad, 1);
  });
  it.each(BAD_SCORES_1_TO_7)('CES score %o → %s with the response index', (bad, code) => {
    const rows = [7, bad].map((score) => response(score as number, { metric: 'ces' }));
    expectRejected(() => surveyBreakdown(rows, { metric: 'ces', period: 'week' }), code, 'surveyBreakdown', bad, 1);
  });
  it.each(BAD_WEIGHTS)('weight %o → %s with the response index', (w, code) => {
    expectRejected(() => surveyBreakdown([response(9), response(7)], { metric: 'nps', weight: (_d, i) => (i === 1 ? (w as number) : 1) }), code, 'surveyBreakdown', w, 1);
  });
});

describe('surveyBreakdown periods (UTC)', () => {
  const at = (iso: string) => response(10, { at: new Date(iso) });
  it('quarters split at UTC midnight, whatever offset the instant was written in', () => {
    // 2024-03-31T23:30-02:00 is 2024-04-01T01:30Z: Q2.
    const r = surveyBreakdown([at('2024-03-31T23:59:59.999Z'), at('2024-03-31T23:30:00-02:00'), at('2023-12-31T23:00:00Z')], { metric: 'nps', period: 'quarter' });
    expect(r.groups.map((g) => [g.period, g.periodStart, g.n])).toEqual([
      ['2023-Q4', Date.UTC(2023, 9, 1), 1],
      ['2024-Q1', Date.UTC(2024, 0, 1), 1],
      ['2024-Q2', Date.UTC(2024, 3, 1), 1],
    ]);
  });
  it('ISO weeks start on Monday 00:00 UTC; week 1 holds the first Thursday of the year', () => {
    // 2024-01-01 is a Monday (2024-W01); 2021-01-03 is a Sunday in 2020-W53; 2026-12-31 (Thursday) is 2026-W53.
    const r = surveyBreakdown([at('2024-01-07T23:59:59Z'), at('2024-01-08T00:00:00Z'), at('2021-01-03T12:00:00Z'), at('2026-12-31T12:00:00Z')], { metric: 'nps', period: 'week' });
    expect(r.groups.map((g) => [g.period, new Date(g.periodStart!).toISOString().slice(0, 10)])).toEqual([
      ['2020-W53', '2020-12-28'],
      ['2024-W01', '2024-01-01'],
      ['2024-W02', '2024-01-08'],
      ['2026-W53', '2026-12-28'],
    ]);
  });
  it('months and epoch-millisecond instants', () => {
    const r = surveyBreakdown([response(9, { at: Date.UTC(2024, 1, 29, 23, 59) }), response(0, { at: Date.UTC(2024, 2, 1) })], { metric: 'nps', period: 'month' });
    expect(r.groups.map((g) => [g.period, g.score])).toEqual([
      ['2024-02', 100],
      ['2024-03', -100],
    ]);
  });
});

describe('surveyBreakdown small groups', () => {
  const many = (n: number, channel: 'web' | 'app') => Array.from({ length: n }, (_, i) => response(i % 11, { channel }));
  it('flags groups under the default minimum of 30, and keeps them', () => {
    const r = surveyBreakdown([...many(29, 'app'), ...many(30, 'web')], { metric: 'nps', by: 'channel' });
    expect(r.groups.map((g) => [g.group, g.n, g.belowMinimum])).toEqual([
      ['app', 29, true],
      ['web', 30, false],
    ]);
    expect(r.groups[0]!.interval!.lower).toBe(npsInterval(many(29, 'app').map((d) => d.score))!.lower);
  });
  it('uses the configured minimum and interval method for every group', () => {
    const rows = many(12, 'web');
    const r = surveyBreakdown(rows, { metric: 'nps', minimumSize: 12, method: 'wald', level: 0.8 });
    const want = npsInterval(rows.map((d) => d.score), { method: 'wald', level: 0.8 })!;
    expect(r.groups[0]).toMatchObject({ belowMinimum: false, interval: { lower: want.lower, upper: want.upper } });
    expect(surveyBreakdown(rows, { metric: 'nps', minimumSize: 0 }).groups[0]!.belowMinimum).toBe(false);
  });
});
