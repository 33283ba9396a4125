import { describe, expectTypeOf, it } from 'vitest';
import { churnRate, retentionRate } from '../../src/retention';

describe('retentionRate and churnRate types', () => {
  it('take the counts and may have nothing to measure', () => {
    expectTypeOf(retentionRate({ start: 10, end: 9, acquired: 1 })).toEqualTypeOf<number | undefined>();
    expectTypeOf(churnRate({ start: 10, end: 9 })).toEqualTypeOf<number | undefined>();
    // @ts-expect-error counts are numbers
    retentionRate({ start: '10', end: 9 });
    // @ts-expect-error end is required
    churnRate({ start: 10 });
  });
});
