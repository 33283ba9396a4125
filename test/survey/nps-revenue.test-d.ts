import { describe, expectTypeOf, it } from 'vitest';
import { npsRevenue, type NpsRevenueResult } from '../../src/survey/index';
import type { Interaction } from '../../src/models/index';

declare const interactions: Interaction[];

// Type tests (tsc over test/): inputs, outputs, and the calls that must not type-check.
describe('npsRevenue types', () => {
  it('interactions in, revenue by NPS category out', () => {
    expectTypeOf(npsRevenue(interactions)).toEqualTypeOf<NpsRevenueResult>();
    expectTypeOf(npsRevenue(interactions, { currency: 'EUR' }).score).toEqualTypeOf<number | undefined>();
  });
  it('misuse does not type-check', () => {
    // @ts-expect-error interactions, not scores
    npsRevenue([9, 10]);
  });
});
