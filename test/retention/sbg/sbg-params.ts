/** Shared arbitrary of realistic sBG parameters for the prediction property tests. */
import { fc } from '@fast-check/vitest';

export const sbgParamsArb = fc.record({
  alpha: fc.double({ min: 0.05, max: 50, noNaN: true }),
  beta: fc.double({ min: 0.05, max: 50, noNaN: true }),
});

/** Any positive parameters a fit or a user could hand in, from 1e-13 to 1e300. */
export const extremeParamsArb = fc.record({
  alpha: fc.double({ min: 1e-13, max: 1e300, noNaN: true }),
  beta: fc.double({ min: 1e-13, max: 1e300, noNaN: true }),
});
