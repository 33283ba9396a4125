import { describe, expectTypeOf, it } from 'vitest';
import { csat, type CsatResult } from '../../src/survey/index';

// Type tests (tsc over test/): inputs, outputs, and the calls that must not type-check.
describe('csat types', () => {
  it('plain scores and typed arrays; options optional', () => {
    expectTypeOf(csat([5, 4, null])).toEqualTypeOf<CsatResult>();
    expectTypeOf(csat(new Uint8Array([5]), { scale: { min: 1, max: 5 }, threshold: 4 })).toEqualTypeOf<CsatResult>();
    expectTypeOf<CsatResult['share']>().toEqualTypeOf<number | undefined>();
  });
  it('records with an accessor', () => {
    expectTypeOf(csat([{ r: 5 }], { accessor: (d) => d.r })).toEqualTypeOf<CsatResult>();
  });
  it('misuse does not type-check', () => {
    // @ts-expect-error strings are not scores
    csat(['5']);
    // @ts-expect-error records need an accessor
    csat([{ r: 5 }]);
    // @ts-expect-error records need an accessor, even with other options
    csat([{ r: 5 }], { threshold: 4 });
  });
});
