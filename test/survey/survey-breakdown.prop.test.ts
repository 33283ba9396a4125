import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { SurveyResponse } from '../../src/models/index';
import { ces, nps, npsInterval, surveyBreakdown } from '../../src/survey/index';
import { shuffle } from './helpers';

function response(score: number | null, extra: Partial<SurveyResponse> = {}): SurveyResponse {
  return { type: 'survey', metric: 'nps', customerId: 'c', at: 0, score: score as number, ...extra };
}

describe('surveyBreakdown properties', () => {
  const row = fc.record({
    score: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null, freq: 8 }),
    channel: fc.constantFrom('web' as const, 'app' as const, undefined),
    at: fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2025, 0, 1) }),
  });
  test.prop([fc.array(row, { maxLength: 120 })], { numRuns: 60 })('groups partition the answers and are order independent', (rows) => {
    const responses = rows.map((r) => response(r.score, { at: r.at, ...(r.channel ? { channel: r.channel } : {}) }));
    const result = surveyBreakdown(responses, { metric: 'nps', by: 'channel', period: 'quarter' });
    const total = result.groups.reduce((s, g) => s + g.n, 0);
    expect(total).toBe(nps(rows.map((r) => r.score)).total);
    expect(result.skipped).toBe(rows.filter((r) => r.score === null).length);
    expect(surveyBreakdown([...responses].reverse(), { metric: 'nps', by: 'channel', period: 'quarter' })).toEqual(result);
    expect(surveyBreakdown(shuffle(responses, rows.length), { metric: 'nps', by: 'channel', period: 'quarter' })).toEqual(result);
    for (const g of result.groups) {
      if (g.score === undefined) continue;
      expect(g.score).toBeGreaterThanOrEqual(-100);
      expect(g.score).toBeLessThanOrEqual(100);
      expect(g.belowMinimum).toBe(g.effectiveSampleSize < 30);
    }
  });

  test.prop([fc.array(row, { maxLength: 120 }), fc.constantFrom('week' as const, 'month' as const, 'quarter' as const)], { numRuns: 40 })(
    'each group equals nps and npsInterval over its own answers',
    (rows, unit) => {
      const responses = rows.map((r) => response(r.score, { at: r.at, ...(r.channel ? { channel: r.channel } : {}) }));
      const result = surveyBreakdown(responses, { metric: 'nps', by: 'channel', period: unit });
      // Members recomputed independently from each group's labels (period by hand, below).
      for (const g of result.groups) {
        const scores = responses.filter((d) => (d.channel ?? null) === g.group && periodOf(+d.at, unit) === g.period).map((d) => d.score);
        expect(g.detail).toEqual(nps(scores));
        expect(g.interval?.lower).toBe(npsInterval(scores)?.lower);
        expect(g.interval?.upper).toBe(npsInterval(scores)?.upper);
      }
    },
  );
  test.prop([fc.array(fc.record({ score: fc.integer({ min: 1, max: 7 }), channel: fc.constantFrom('web', 'app') }), { maxLength: 80 })], { numRuns: 40 })(
    'CES groups equal ces over their answers',
    (rows) => {
      const responses = rows.map((r) => response(r.score, { metric: 'ces', channel: r.channel }));
      for (const g of surveyBreakdown(responses, { metric: 'ces', by: 'channel', level: 0.9 }).groups) {
        expect(g.detail).toEqual(ces(rows.filter((r) => r.channel === g.group).map((r) => r.score), { level: 0.9 }));
      }
    },
  );
});

/** Period label by hand: ISO week (Thursday rule), month or quarter, in UTC. */
function periodOf(ms: number, unit: 'week' | 'month' | 'quarter'): string {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (unit === 'month') return `${y}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  if (unit === 'quarter') return `${y}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
  const day = (d.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(Date.UTC(y, d.getUTCMonth(), d.getUTCDate() - day + 3));
  const isoYear = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * 86_400_000));
  return `${isoYear}-W${String(week).padStart(2, '0')}`;
}
