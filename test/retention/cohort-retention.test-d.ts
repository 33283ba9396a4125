import { describe, expectTypeOf, it } from 'vitest';
import { cohortRetention, type CohortRetentionResult } from '../../src/retention';

const visits = [{ customerId: 'a', at: new Date(), type: 'purchase' }];
const other = [{ id: 1, when: 0 }];

describe('cohortRetention types', () => {
  it('reads documented rows without accessors, other rows only through them', () => {
    expectTypeOf(cohortRetention(visits)).toEqualTypeOf<CohortRetentionResult>();
    expectTypeOf(cohortRetention(visits, { activity: 'purchases', unit: 'month' })).toEqualTypeOf<CohortRetentionResult>();
    expectTypeOf(cohortRetention(other, { customerId: (d) => d.id, at: (d) => d.when })).toEqualTypeOf<CohortRetentionResult>();
    // @ts-expect-error another row type needs its accessors
    cohortRetention(other);
    // @ts-expect-error numbers alone are not activity records
    cohortRetention([1, 2, 3]);
    // @ts-expect-error an unknown option
    cohortRetention(visits, { units: 'month' });
  });
  it('returns its documented shape', () => {
    expectTypeOf(cohortRetention(visits).cohorts[0]!.retention).toEqualTypeOf<readonly number[]>();
  });
});
