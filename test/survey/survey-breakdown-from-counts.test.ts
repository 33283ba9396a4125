import { describe, expect, it } from 'vitest';
import { surveyBreakdown } from '../../src/survey/survey-breakdown';
import { surveyBreakdownFromCounts } from '../../src/survey/survey-breakdown-from-counts';
import type { SurveyResponse } from '../../src/models';
import { errorCode } from '../support/error-code';

const JAN = Date.UTC(2024, 0, 1);
const FEB = Date.UTC(2024, 1, 1);

/** The raw answers a list of count rows stands for, one response per counted answer. */
function expand(rows: readonly { group?: string | null; period?: number; score: number | null; responses: number }[], metric: 'nps' | 'csat' | 'ces'): SurveyResponse[] {
  return rows.flatMap((r, i) =>
    Array.from({ length: r.responses }, (_, k) => ({
      type: 'survey',
      metric,
      customerId: `c${i}-${k}`,
      at: r.period ?? JAN,
      score: r.score,
      ...(r.group === undefined || r.group === null ? {} : { channel: r.group }),
    })),
  ) as unknown as SurveyResponse[];
}

describe('surveyBreakdownFromCounts', () => {
  it('equals surveyBreakdown on the answers the counts stand for: NPS per channel and month', () => {
    const rows = [
      { group: 'web', period: JAN, score: 10, responses: 12 },
      { group: 'web', period: JAN, score: 3, responses: 4 },
      { group: 'web', period: FEB, score: 8, responses: 7 },
      { group: null, period: FEB, score: 9, responses: 2 },
      { group: 'phone', period: JAN, score: null, responses: 3 },
      { group: 'phone', period: JAN, score: 0, responses: 31 },
    ];
    expect(surveyBreakdownFromCounts(rows, { metric: 'nps', period: 'month', level: 0.9 })).toEqual(
      surveyBreakdown(expand(rows, 'nps'), { metric: 'nps', by: 'channel', period: 'month', level: 0.9 }),
    );
  });

  it('equals surveyBreakdown for CSAT and CES with their options', () => {
    const csat = [
      { group: 'a', score: 5, responses: 20 },
      { group: 'a', score: 2, responses: 6 },
      { group: 'b', score: 4, responses: 3 },
    ];
    expect(surveyBreakdownFromCounts(csat, { metric: 'csat', threshold: 4, method: 'clopper-pearson' })).toEqual(
      surveyBreakdown(expand(csat, 'csat'), { metric: 'csat', by: 'channel', threshold: 4, method: 'clopper-pearson' }),
    );
    const ces = [
      { group: 'a', score: 7, responses: 9 },
      { group: 'a', score: 1, responses: 2 },
      { group: 'a', score: 4, responses: 5 },
    ];
    expect(surveyBreakdownFromCounts(ces, { metric: 'ces', easy: { from: 6, to: 7 } })).toEqual(
      surveyBreakdown(expand(ces, 'ces'), { metric: 'ces', by: 'channel', easy: { from: 6, to: 7 } }),
    );
  });

  it('labels numeric groups by their text, reads Dates, and counts rows of 0 answers', () => {
    const r = surveyBreakdownFromCounts(
      [
        { group: 3, period: new Date(JAN), score: 9, responses: 1 },
        { group: 3, period: new Date(JAN), score: 6, responses: 0 },
        null,
      ],
      { metric: 'nps', period: 'month', minimumSize: 0 },
    );
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]).toMatchObject({ group: '3', period: '2024-01', periodStart: JAN, score: 100, n: 1, belowMinimum: false });
    expect(r.skipped).toBe(1);
    expect(surveyBreakdownFromCounts([], { metric: 'csat' })).toMatchObject({ metric: 'csat', groups: [], skipped: 0, ignored: 0 });
  });

  it.each([
    ['a score off the scale', [{ score: 11, responses: 1 }], { metric: 'nps' }, 'OUT_OF_RANGE'],
    ['a fractional score', [{ score: 4.5, responses: 1 }], { metric: 'csat' }, 'NOT_AN_INTEGER'],
    ['fractional responses', [{ score: 4, responses: 1.5 }], { metric: 'nps' }, 'NOT_AN_INTEGER'],
    ['negative responses', [{ score: 4, responses: -1 }], { metric: 'nps' }, 'NEGATIVE_VALUE'],
    ['a period without its unit', [{ period: JAN, score: 4, responses: 1 }], { metric: 'nps' }, 'INCONSISTENT_INPUT'],
    ['a period that is not a period start', [{ period: JAN + 86_400_000, score: 4, responses: 1 }], { metric: 'nps', period: 'month' }, 'INCONSISTENT_INPUT'],
    ['a group that is an object', [{ group: {} as never, score: 4, responses: 1 }], { metric: 'nps' }, 'INVALID_RECORD'],
    ['a scale with NPS', [{ score: 4, responses: 1 }], { metric: 'nps', scale: { min: 1, max: 5 } }, 'INVALID_OPTION'],
    ['a method with CES', [{ score: 4, responses: 1 }], { metric: 'ces', method: 'wald' }, 'INVALID_OPTION'],
    ['no metric', [{ score: 4, responses: 1 }], {}, 'INVALID_OPTION'],
  ])('refuses %s', (_what, rows, options, code) => {
    expect(errorCode(() => surveyBreakdownFromCounts(rows as never, options as never))).toBe(code);
  });
});
