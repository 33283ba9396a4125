import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { CxMetricsError } from '../../../src/models';
import { bgNbdConditionalExpectedPurchases, bgNbdDert, bgNbdProbabilityAlive } from '../../../src/clv';
import { bgNbdCustomer, bgNbdParams } from '../clv-arbitraries';
import { bgNbdCustomerWholeRange, bgNbdParamsWholeRange } from './bg-nbd-arbitraries';

/** A discount rate per unit of time from 1e-6 to 10. */
const rate = fc.double({ min: Math.log(1e-6), max: Math.log(10), noNaN: true }).map(Math.exp);

/** The documented refusal (a value that cannot be certified to 1e-10), or rethrow. */
function refused(e: unknown): true {
  if (e instanceof CxMetricsError && e.code === 'OUT_OF_RANGE') return true;
  throw e;
}

describe('bgNbdDert: properties', () => {
  test.prop([bgNbdParams, bgNbdCustomer, rate], { numRuns: 25 })(
    '> 0, decreasing in δ, between e^(−δH)·E[Y(H)] and E[Y(H)] + e^(−δH)·P(alive)(r+x)/((α+T)δ)',
    (p, c, delta) => {
      let value: number;
      let doubled: number;
      try {
        value = bgNbdDert(p, c, { discountRate: delta });
        doubled = bgNbdDert(p, c, { discountRate: 2 * delta });
      } catch (e) {
        refused(e);
        return;
      }
      // P(alive) can underflow to 0 (thousands of purchases long ago): DERT is then 0.
      if (bgNbdProbabilityAlive(p, c) > 0) expect(value).toBeGreaterThan(0);
      else expect(value).toBe(0);
      expect(doubled).toBeLessThanOrEqual(value * (1 + 1e-9));
      const H = 3 / delta;
      const within = bgNbdConditionalExpectedPurchases(p, c, H);
      const ceiling = (bgNbdProbabilityAlive(p, c) * (p.r + c.frequency)) / ((p.alpha + c.T) * delta);
      expect(value).toBeGreaterThanOrEqual(Math.exp(-delta * H) * within * (1 - 1e-9));
      expect(value).toBeLessThanOrEqual((within + Math.exp(-delta * H) * ceiling) * (1 + 1e-9));
      expect(value).toBeLessThanOrEqual(ceiling * (1 + 1e-9));
    },
  );
});

describe('bgNbdDert: properties over every parameter in [e^−30, e^30]', () => {
  test.prop([bgNbdParamsWholeRange, bgNbdCustomerWholeRange, rate], { numRuns: 30 })(
    'finite, > 0 (or 0 for a customer certainly gone), ≤ P(alive)(r+x)/((α+T)δ), non-increasing in δ, or a documented refusal',
    (p, c, delta) => {
      let value: number;
      let doubled: number;
      try {
        value = bgNbdDert(p, c, { discountRate: delta });
        doubled = bgNbdDert(p, c, { discountRate: 2 * delta });
      } catch (e) {
        refused(e);
        return;
      }
      const alive = bgNbdProbabilityAlive(p, c);
      expect(Number.isFinite(value)).toBe(true);
      if (alive > 0) expect(value).toBeGreaterThan(0);
      // + 1e-300: at the edge of the subnormal range P(alive) may round to 0 while the DERT keeps a subnormal.
      expect(value).toBeLessThanOrEqual(((alive * (p.r + c.frequency)) / ((p.alpha + c.T) * delta)) * (1 + 1e-9) + 1e-300);
      expect(doubled).toBeLessThanOrEqual(value * (1 + 1e-9));
    },
  );
});
