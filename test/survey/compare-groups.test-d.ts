import { describe, expectTypeOf, it } from 'vitest';
import { compareGroups, type CompareGroupsResult } from '../../src/survey/index';
import type { Interaction, Interval } from '../../src/models/index';

declare const interactions: Interaction[];

// Type tests (tsc over test/): inputs, outputs, and the calls that must not type-check.
describe('compareGroups types', () => {
  it('versus rest, overall, or a reference group named by group and period', () => {
    expectTypeOf(compareGroups(interactions, { metric: 'nps', by: 'channel' })).toEqualTypeOf<CompareGroupsResult | undefined>();
    compareGroups(interactions, { metric: 'csat', by: 'channel', versus: 'overall', correction: 'benjamini-hochberg' });
    compareGroups(interactions, { metric: 'nps', by: 'channel', versus: { group: null } });
    compareGroups(interactions, { metric: 'ces', by: 'segment', period: 'month', versus: { group: 'smb', period: '2024-03' }, minimumSize: 0 });
  });
  it('group null for the missing group; one Interval', () => {
    type G = CompareGroupsResult['groups'][number];
    expectTypeOf<G['group']>().toEqualTypeOf<string | null>();
    expectTypeOf<G['interval']>().toEqualTypeOf<Interval | undefined>();
    expectTypeOf<G>().not.toHaveProperty('key');
  });
  it('misuse does not type-check', () => {
    // @ts-expect-error the reference is named by group / period now
    compareGroups(interactions, { metric: 'nps', by: 'channel', versus: { reference: 'web' } });
    // @ts-expect-error unknown correction
    compareGroups(interactions, { metric: 'nps', correction: 'bonferroni' });
    // @ts-expect-error options are required
    compareGroups(interactions);
  });
});
