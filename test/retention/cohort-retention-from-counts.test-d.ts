import { describe, expectTypeOf, it } from 'vitest';
import { cohortRetentionFromCounts, type CohortRetentionResult } from '../../src/retention';

describe('cohortRetentionFromCounts types', () => {
  it('takes count rows and returns the cohort table', () => {
    const rows = [{ cohort: new Date(0), offset: 0, size: 1, active: 1, activeUnbounded: 1 }];
    expectTypeOf(cohortRetentionFromCounts(rows, { unit: 'quarter' })).toEqualTypeOf<CohortRetentionResult>();
    expectTypeOf(cohortRetentionFromCounts([null, undefined])).toEqualTypeOf<CohortRetentionResult>();
    // @ts-expect-error a count row needs every column
    cohortRetentionFromCounts([{ cohort: 0, offset: 0, size: 1, active: 1 }]);
    // @ts-expect-error the cohort is a Date or epoch ms, not a string
    cohortRetentionFromCounts([{ cohort: '2024-01-01', offset: 0, size: 1, active: 1, activeUnbounded: 1 }]);
    // @ts-expect-error unknown unit
    cohortRetentionFromCounts(rows, { unit: 'hour' });
  });
});
