import { describe, expectTypeOf, it } from 'vitest';
import { surveyBreakdown, type CesResult, type CsatResult, type NpsResult, type SurveyBreakdownResult } from '../../src/survey/index';
import type { Interaction, Interval } from '../../src/models/index';

declare const interactions: Interaction[];

// Type tests (tsc over test/): inputs, outputs (the detail follows the metric), and misuse.
describe('surveyBreakdown types', () => {
  it('the metric types the detail of each group', () => {
    const n = surveyBreakdown(interactions, { metric: 'nps', by: 'channel' });
    expectTypeOf(n).toEqualTypeOf<SurveyBreakdownResult<'nps'>>();
    expectTypeOf(n.groups[0]!.detail).toEqualTypeOf<NpsResult>();
    expectTypeOf(surveyBreakdown(interactions, { metric: 'csat' }).groups[0]!.detail).toEqualTypeOf<CsatResult>();
    expectTypeOf(surveyBreakdown(interactions, { metric: 'ces', period: 'month' }).groups[0]!.detail).toEqualTypeOf<CesResult>();
  });
  it('a group is named by group (null when missing) and period; one Interval', () => {
    type G = SurveyBreakdownResult<'nps'>['groups'][number];
    expectTypeOf<G['group']>().toEqualTypeOf<string | null>();
    expectTypeOf<G['period']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<G['interval']>().toEqualTypeOf<Interval | undefined>();
    expectTypeOf<G>().not.toHaveProperty('key');
  });
  it('a custom grouping accessor reads a survey response', () => {
    surveyBreakdown(interactions, { metric: 'nps', by: (r) => r.touchpoint ?? null, minimumSize: 10, level: 0.9 });
  });
  it('misuse does not type-check', () => {
    // @ts-expect-error the metric is required
    surveyBreakdown(interactions, { by: 'channel' });
    // @ts-expect-error responses are interactions
    surveyBreakdown([9, 10], { metric: 'nps' });
    // @ts-expect-error the old name of the cut-off
    surveyBreakdown(interactions, { metric: 'nps', minResponses: 30 });
  });
});
