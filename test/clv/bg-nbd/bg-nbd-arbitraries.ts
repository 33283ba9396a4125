/** fast-check arbitraries over the whole BG/NBD range the fitters can return (not a test file itself). */
import { fc } from '@fast-check/vitest';
import { LOG_PARAMETER_LIMIT } from '../../../src/internal/log-scale-fit';

/** e^u for u in [−30, 30], the ends themselves drawn often. */
const logScaled = fc
  .oneof(fc.double({ min: -LOG_PARAMETER_LIMIT, max: LOG_PARAMETER_LIMIT, noNaN: true }), fc.constantFrom(-LOG_PARAMETER_LIMIT, LOG_PARAMETER_LIMIT, 0))
  .map(Math.exp);

/** BG/NBD parameters, each anywhere in [e^−30, e^30]. */
export const bgNbdParamsWholeRange = fc.record({ r: logScaled, alpha: logScaled, a: logScaled, b: logScaled });

/** A time from 1e-6 to 1e9. */
export const wholeTime = fc.double({ min: Math.log(1e-6), max: Math.log(1e9), noNaN: true }).map(Math.exp);

/** A valid (x, tₓ, T): x up to 10⁵, T from 0 to 10⁶, tₓ anywhere in [0, T] (0 included: rounded data). */
export const bgNbdCustomerWholeRange = fc
  .record({
    x: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 100_000 })),
    T: fc.oneof(fc.constant(0), fc.double({ min: Math.log(1e-6), max: Math.log(1e6), noNaN: true }).map(Math.exp)),
    share: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
  })
  .map(({ x, T, share }) => ({ frequency: x, recency: x === 0 ? 0 : Math.min(T, T * share), T }));
