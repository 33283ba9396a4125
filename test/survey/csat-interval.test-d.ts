import { describe, expectTypeOf, it } from 'vitest';
import { csat, csatInterval, type CsatIntervalResult } from '../../src/survey/index';
import type { Interval } from '../../src/models/index';

// Type tests (tsc over test/): inputs, outputs, and the calls that must not type-check.
describe('csatInterval types', () => {
  it('scores, counts, results, records with an accessor', () => {
    expectTypeOf(csatInterval([5, 4])).toEqualTypeOf<CsatIntervalResult | undefined>();
    expectTypeOf(csatInterval({ satisfied: 8, total: 10 }, { method: 'clopper-pearson' })).toEqualTypeOf<CsatIntervalResult | undefined>();
    expectTypeOf(csatInterval(csat([5]))).toEqualTypeOf<CsatIntervalResult | undefined>();
    expectTypeOf(csatInterval([{ r: 5 }], { accessor: (d) => d.r })).toEqualTypeOf<CsatIntervalResult | undefined>();
  });
  it('the result is an Interval', () => {
    expectTypeOf<CsatIntervalResult>().toMatchTypeOf<Interval>();
  });
  it('misuse does not type-check', () => {
    // @ts-expect-error records need an accessor
    csatInterval([{ r: 5 }]);
    // @ts-expect-error unknown method
    csatInterval([5], { method: 'wald' });
  });
});
