import { describe, expectTypeOf, it } from 'vitest';
import { nps, npsInterval, type NpsIntervalResult } from '../../src/survey/index';
import type { Interval } from '../../src/models/index';

// Type tests (tsc over test/): inputs, outputs, and the calls that must not type-check.
describe('npsInterval types', () => {
  it('scores, counts, results, records with an accessor', () => {
    expectTypeOf(npsInterval([9, 3])).toEqualTypeOf<NpsIntervalResult | undefined>();
    expectTypeOf(npsInterval({ promoters: 1, passives: 0, detractors: 1 }, { method: 'wald', level: 0.9 })).toEqualTypeOf<NpsIntervalResult | undefined>();
    expectTypeOf(npsInterval(nps([9]))).toEqualTypeOf<NpsIntervalResult | undefined>();
    expectTypeOf(npsInterval([{ s: 9 }], { accessor: (r) => r.s })).toEqualTypeOf<NpsIntervalResult | undefined>();
  });
  it('the result is an Interval', () => {
    expectTypeOf<NpsIntervalResult>().toMatchTypeOf<Interval>();
  });
  it('misuse does not type-check', () => {
    // @ts-expect-error records need an accessor
    npsInterval([{ s: 9 }]);
    // @ts-expect-error strings are not scores
    npsInterval(['9']);
    // @ts-expect-error unknown method
    npsInterval([9], { method: 'wilson' });
  });
});
