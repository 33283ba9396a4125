/**
 * Type tests of `nps`, checked by `npm run typecheck` (tsc over test/): what the signature
 * accepts, what it returns, and (with `// @ts-expect-error`) the misuse it must reject.
 * Misuse the types still accept is listed in test/repository/type-misuse.test.ts until it fails
 * here.
 */
import { expectTypeOf } from 'vitest';
import { nps, type NpsCounts, type NpsResult } from '../../src/index';

// Numbers, typed arrays and iterables of numbers; null/undefined are "no answer".
expectTypeOf(nps([9, 10, 3])).toEqualTypeOf<NpsResult>();
expectTypeOf(nps(new Uint8Array([9, 10, 3]))).toEqualTypeOf<NpsResult>();
expectTypeOf(nps(new Set([9, null, undefined]))).toEqualTypeOf<NpsResult>();
expectTypeOf(nps([])).toEqualTypeOf<NpsResult>();

// Records need an accessor, and the accessor sees the record type.
nps([{ s: 9 }, { s: null }], { accessor: (r) => r.s });
nps([{ s: 9, w: 2 }], {
  accessor: (r, i) => {
    expectTypeOf(r).toEqualTypeOf<{ s: number; w: number }>();
    expectTypeOf(i).toEqualTypeOf<number>();
    return r.s;
  },
  weight: (r) => r.w,
});

// Counts of a summary are accepted as they are.
const counts: NpsCounts = { promoters: 5, passives: 3, detractors: 2 };
expectTypeOf(nps(counts)).toEqualTypeOf<NpsResult>();

// The result: a score that may be undefined, counts, optional weights.
const result = nps([9, 10, 3]);
expectTypeOf(result.score).toEqualTypeOf<number | undefined>();
expectTypeOf(result.total).toEqualTypeOf<number>();
expectTypeOf(result.shares).toEqualTypeOf<NpsResult['shares']>();
expectTypeOf(result.weights).toEqualTypeOf<NpsResult['weights']>();

// An accessor must return a score, not a string.
// @ts-expect-error the accessor returns a string
nps([{ s: '9' }], { accessor: (r) => r.s });

// Unknown options are rejected (readOptions also rejects them at run time).
// @ts-expect-error `accesor` is not an option of nps
nps([9], { accesor: (x: number) => x });
