/** fast-check arbitraries shared by the CLV property tests (not a test file itself). */
import { fc } from '@fast-check/vitest';

/** BG/NBD parameters over two to three orders of magnitude each. */
export const bgNbdParams = fc.record({
  r: fc.double({ min: 0.05, max: 20, noNaN: true }),
  alpha: fc.double({ min: 0.05, max: 200, noNaN: true }),
  a: fc.double({ min: 0.05, max: 20, noNaN: true }),
  b: fc.double({ min: 0.05, max: 20, noNaN: true }),
});

/** A valid (x, tₓ, T): x up to 10,000, tₓ = 0 when x = 0, else 0 < tₓ ≤ T. */
export const bgNbdCustomer = fc
  .record({ x: fc.integer({ min: 0, max: 10_000 }), T: fc.double({ min: 0.01, max: 500, noNaN: true }), share: fc.double({ min: 0.001, max: 1, noNaN: true }) })
  .map(({ x, T, share }) => ({ frequency: x, recency: x === 0 ? 0 : T * share, T }));

/** A valid predictClv customer: (x, tₓ, T) and a positive z̄ when x > 0. */
export const clvCustomer = fc
  .record({
    x: fc.integer({ min: 0, max: 200 }),
    T: fc.double({ min: 0.5, max: 100, noNaN: true }),
    share: fc.double({ min: 0.01, max: 1, noNaN: true }),
    z: fc.double({ min: 0.5, max: 1000, noNaN: true }),
  })
  .map(({ x, T, share, z }) => ({ frequency: x, recency: x === 0 ? 0 : T * share, T, monetaryValue: x === 0 ? 0 : z }));
