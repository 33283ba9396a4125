import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { surveyBreakdown } from '../../src/survey/survey-breakdown';
import { surveyBreakdownFromCounts } from '../../src/survey/survey-breakdown-from-counts';
import type { SurveyResponse } from '../../src/models';

const MONTHS = [Date.UTC(2023, 11, 1), Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 1)];
const answer = fc.record({
  channel: fc.constantFrom('web', 'phone', null),
  month: fc.integer({ min: 0, max: 2 }),
  score: fc.option(fc.integer({ min: 0, max: 10 }), { freq: 8 }),
});

test.prop([fc.array(answer, { maxLength: 120 }), fc.constantFrom('nps', 'csat', 'ces'), fc.boolean()], { numRuns: 100 })(
  'counting the answers first (in any row order) gives surveyBreakdown of the answers',
  (answers, metric, byMonth) => {
    const top = metric === 'nps' ? 10 : metric === 'csat' ? 5 : 7;
    const scored = answers.map((a) => ({ ...a, score: a.score === null ? null : metric === 'nps' ? a.score : 1 + (a.score % top) }));
    const responses = scored.map((a, i) => ({
      type: 'survey',
      metric,
      customerId: `c${i}`,
      at: MONTHS[a.month],
      score: a.score,
      ...(a.channel === null ? {} : { channel: a.channel }),
    })) as unknown as SurveyResponse[];
    // What a GROUP BY (group, period, score) returns, in reverse order of first appearance.
    const cells = new Map<string, { group: string | null; period?: number; score: number | null; responses: number }>();
    for (const a of scored) {
      const key = `${a.channel}|${byMonth ? a.month : ''}|${a.score}`;
      const cell = cells.get(key) ?? { group: a.channel, ...(byMonth ? { period: MONTHS[a.month] as number } : {}), score: a.score, responses: 0 };
      cell.responses++;
      cells.set(key, cell);
    }
    const rows = [...cells.values()].reverse();
    const period = byMonth ? ({ period: 'month' } as const) : {};
    expect(surveyBreakdownFromCounts(rows, { metric, ...period, minimumSize: 3 })).toEqual(
      surveyBreakdown(responses, { metric, by: 'channel', ...period, minimumSize: 3 }),
    );
  },
);
