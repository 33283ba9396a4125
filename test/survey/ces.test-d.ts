import { describe, expectTypeOf, it } from 'vitest';
import { ces, type CesResult } from '../../src/survey/index';
import type { Interval } from '../../src/models/index';

// Type tests (tsc over test/): inputs, outputs, and the calls that must not type-check.
describe('ces types', () => {
  it('plain scores, records with an accessor', () => {
    expectTypeOf(ces([7, 6, null])).toEqualTypeOf<CesResult>();
    expectTypeOf(ces([{ e: 6 }], { accessor: (d) => d.e, level: 0.9 })).toEqualTypeOf<CesResult>();
  });
  it('the interval is one Interval or undefined', () => {
    expectTypeOf<CesResult['interval']>().toEqualTypeOf<Interval | undefined>();
    expectTypeOf<CesResult>().not.toHaveProperty('lower');
  });
  it('misuse does not type-check', () => {
    // @ts-expect-error strings are not scores
    ces(['6']);
    // @ts-expect-error records need an accessor
    ces([{ e: 6 }]);
  });
});
