import { describe, expectTypeOf, it } from 'vitest';
import { surveyBreakdownFromCounts, type SurveyBreakdownResult } from '../../src/survey';

describe('surveyBreakdownFromCounts types', () => {
  it('takes count rows and returns the breakdown of its metric', () => {
    const rows = [{ group: 'web', period: new Date(0), score: 9, responses: 3 }];
    expectTypeOf(surveyBreakdownFromCounts(rows, { metric: 'nps', period: 'month' })).toEqualTypeOf<SurveyBreakdownResult<'nps'>>();
    expectTypeOf(surveyBreakdownFromCounts([{ score: null, responses: 2 }], { metric: 'ces' })).toEqualTypeOf<SurveyBreakdownResult<'ces'>>();
    // @ts-expect-error the metric is required
    surveyBreakdownFromCounts(rows, {});
    // @ts-expect-error a count row needs its responses
    surveyBreakdownFromCounts([{ score: 9 }], { metric: 'nps' });
    // @ts-expect-error by and weight do not apply to counts
    surveyBreakdownFromCounts(rows, { metric: 'nps', by: 'channel' });
  });
});
