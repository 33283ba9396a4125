import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { paretoNbdDert, paretoNbdProbabilityAlive } from '../../../src/clv';
import { wideCustomer, wideParameter } from '../wide-arbitraries';

const wideParams = fc.record({ r: wideParameter, alpha: wideParameter, s: wideParameter, beta: wideParameter });
/** A discount rate per unit of time from 1e-6 to 1 (15 % a year is 0.0027 a week, 0.00038 a day). */
const rate = fc.double({ min: -6, max: 0, noNaN: true }).map((e) => 10 ** e);

describe('paretoNbdDert: properties over the whole fitted range (every parameter in [e^-30, e^30])', () => {
  test.prop([wideParams, wideCustomer, rate, fc.double({ min: 1.001, max: 100, noNaN: true })], { numRuns: 150 })(
    'is finite, > 0 (unless P(alive) underflows), at most P(alive)·(r+x)/((α+T)δ), and decreasing in δ',
    (p, c, delta, k) => {
      const value = paretoNbdDert(p, c, { discountRate: delta });
      const alive = paretoNbdProbabilityAlive(p, c);
      expect(Number.isFinite(value)).toBe(true);
      if (alive > 1e-250) expect(value).toBeGreaterThan(0);
      // E[1/(μ+δ)] < 1/δ: no more than the purchases of a customer who never leaves. Below 1e-300
      // both sides are at the edge of the subnormal range, where P(alive) may round to 0 while the
      // DERT keeps a subnormal (CI counterexample: r = α = s = β = 1, x = 1,084, tₓ = 0, T = 1,
      // δ = 1 gives P(alive) 0 and DERT 5.1e-322).
      expect(value).toBeLessThanOrEqual(((alive * (p.r + c.frequency)) / ((p.alpha + c.T) * delta)) * (1 + 1e-12) + 1e-300);
      expect(paretoNbdDert(p, c, { discountRate: delta * k })).toBeLessThanOrEqual(value * (1 + 1e-12));
    },
  );
});
