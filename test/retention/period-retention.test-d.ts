import { describe, expectTypeOf, it } from 'vitest';
import { periodRetention, type PeriodRetentionResult } from '../../src/retention';
import type { Interaction } from '../../src/models';

declare const interactions: Interaction[];
const visits = [{ customerId: 'a', at: 0 }];
const other = [{ id: 'a', when: new Date() }];

describe('periodRetention types', () => {
  it('reads documented rows without accessors, other rows only through them', () => {
    expectTypeOf(periodRetention(interactions)).toEqualTypeOf<PeriodRetentionResult>();
    expectTypeOf(periodRetention(visits, { unit: 'week' })).toEqualTypeOf<PeriodRetentionResult>();
    periodRetention(other, { customerId: (d) => d.id, at: (d) => d.when });
    periodRetention(other, { firstActive: (d) => d.when, lastActive: () => null });
    periodRetention(other, { customerId: (d) => d.id, at: (d) => d.when, type: () => 'purchase', activity: 'purchases' });
    // @ts-expect-error another row type needs its accessors
    periodRetention(other);
    // @ts-expect-error another row type needs both record accessors
    periodRetention(other, { customerId: (d) => d.id });
    // @ts-expect-error 'purchases' on another row type needs the type accessor
    periodRetention(other, { customerId: (d) => d.id, at: (d) => d.when, activity: 'purchases' });
    // @ts-expect-error record and span accessors exclude each other
    periodRetention(visits, { firstActive: () => 0, lastActive: () => null, customerId: () => 'a' });
    // @ts-expect-error spans have no type to filter on
    periodRetention(visits, { firstActive: () => 0, lastActive: () => null, activity: 'purchases' });
    // @ts-expect-error units are the TimeUnit vocabulary
    periodRetention(visits, { unit: 'hour' });
    // @ts-expect-error an accessor returns an instant, not a string
    periodRetention(other, { customerId: (d) => d.id, at: () => '2024-01-01' });
  });
  it('returns its documented shape', () => {
    expectTypeOf(periodRetention(visits).periods[0]!.retentionRate).toEqualTypeOf<number | undefined>();
    expectTypeOf(periodRetention(visits).skipped).toEqualTypeOf<number>();
  });
});
