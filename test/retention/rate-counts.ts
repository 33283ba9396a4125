/** Valid period counts for the rate property tests: S ≥ 1, 0 ≤ E − N ≤ S, any N. */
import { fc } from '@fast-check/vitest';

export const countsArb = fc
  .integer({ min: 1, max: 10_000 })
  .chain((start) => fc.tuple(fc.constant(start), fc.integer({ min: 0, max: start }), fc.integer({ min: 0, max: 10_000 })))
  .map(([start, kept, acquired]) => ({ start, end: kept + acquired, acquired }));
