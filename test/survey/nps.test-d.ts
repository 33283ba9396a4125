import { describe, expectTypeOf, it } from 'vitest';
import { nps, type NpsResult } from '../../src/survey/index';

// Type tests (tsc over test/): inputs, outputs, and the calls that must not type-check.
describe('nps types', () => {
  it('plain scores, typed arrays: options optional', () => {
    expectTypeOf(nps([9, 10, null, undefined])).toEqualTypeOf<NpsResult>();
    expectTypeOf(nps(new Uint8Array([9, 3]))).toEqualTypeOf<NpsResult>();
    expectTypeOf(nps([9, 10], { weight: (_s, i) => i + 1 })).toEqualTypeOf<NpsResult>();
    expectTypeOf(nps(new Set([1, 2]))).toEqualTypeOf<NpsResult>();
  });
  it('records: any row type with an accessor, contextually typed', () => {
    const rows = [{ s: 9, w: 2 }];
    expectTypeOf(nps(rows, { accessor: (r) => r.s, weight: (r) => r.w })).toEqualTypeOf<NpsResult>();
    nps(rows, { accessor: (r) => (r.s > 0 ? r.s : null) });
  });
  it('result fields', () => {
    expectTypeOf<NpsResult['score']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<NpsResult['total']>().toEqualTypeOf<number>();
  });
  it('misuse does not type-check', () => {
    // @ts-expect-error strings are not scores (never coerced)
    nps(['9']);
    // @ts-expect-error records need an accessor
    nps([{ s: 9 }]);
    // @ts-expect-error an options bag without accessor is still not enough for records
    nps([{ s: 9 }], { weight: () => 1 });
    // @ts-expect-error the accessor reads a number
    nps([{ s: '9' }], { accessor: (r) => r.s });
    // @ts-expect-error counts are npsFromCounts's
    nps({ promoters: 5, passives: 3, detractors: 2 });
    // @ts-expect-error unknown option
    nps([9], { acessor: (x: number) => x });
  });
});
