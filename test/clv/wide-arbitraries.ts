/** Arbitraries over the whole range the fitters can return (not a test file itself). */
import { fc } from '@fast-check/vitest';

/** A parameter anywhere in the range the fitters can return, [e^-30, e^30], log-uniform. */
export const wideParameter = fc.double({ min: -30, max: 30, noNaN: true }).map(Math.exp);

/** A time from 1e-3 to 1e5. */
export const wideTime = fc.double({ min: -3, max: 5, noNaN: true }).map((e) => 10 ** e);

/** A Pareto/NBD customer (x, tₓ, T): x up to 10,000, tₓ anywhere in [0, T] (0 with x ≥ 1 included). */
export const wideCustomer = fc
  .tuple(fc.oneof(fc.constantFrom(0, 1, 2, 10_000), fc.integer({ min: 0, max: 10_000 })), wideTime, fc.constantFrom(0, 1, 0.5, 0.999999), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([x, T, share, u]) => ({ frequency: x, recency: x === 0 ? 0 : T * (share === 0.5 ? u : share), T }));

/** BG/BB parameters, each anywhere in [e^-30, e^30]. */
export const wideBgBb = fc.record({ alpha: wideParameter, beta: wideParameter, gamma: wideParameter, delta: wideParameter });
/** A BG/BB history (x, tₓ, n) with x ≤ tₓ ≤ n, x = 0 exactly when tₓ = 0, n up to 100,000. */
export const wideBgBbHistory = fc
  .tuple(fc.oneof(fc.constantFrom(1, 6, 100_000), fc.integer({ min: 1, max: 100_000 })), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([n, u, v]) => {
    const tx = Math.round(u * n);
    const x = tx === 0 ? 0 : Math.max(1, Math.round(v * tx));
    return { frequency: x, recency: tx, periods: n };
  });
