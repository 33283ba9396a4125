import { describe, expectTypeOf, it } from 'vitest';
import { trendTest, type TrendTestResult } from '../../src/survey/index';
import type { Interaction, Interval } from '../../src/models/index';

declare const interactions: Interaction[];

// Type tests (tsc over test/): inputs, outputs, and the calls that must not type-check.
describe('trendTest types', () => {
  it('metric and period required; intervals are Interval', () => {
    const r = trendTest(interactions, { metric: 'nps', period: 'month', minimumSize: 10, method: 'wald' });
    expectTypeOf(r).toEqualTypeOf<TrendTestResult | undefined>();
    expectTypeOf<TrendTestResult['periods'][number]['interval']>().toEqualTypeOf<Interval | undefined>();
    expectTypeOf<NonNullable<TrendTestResult['trend']>['interval']>().toEqualTypeOf<Interval>();
  });
  it('misuse does not type-check', () => {
    // @ts-expect-error the period is required
    trendTest(interactions, { metric: 'nps' });
    // @ts-expect-error no grouping in a trend test
    trendTest(interactions, { metric: 'nps', period: 'month', by: 'channel' });
    // @ts-expect-error not a calendar period
    trendTest(interactions, { metric: 'nps', period: 'second' });
  });
});
