import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { mbgNbdDert } from '../../../src/clv';
import { bgNbdCustomerWholeRange, bgNbdParamsWholeRange } from '../bg-nbd/bg-nbd-arbitraries';
import { valueOrRefusal } from './refusal';

const rate = fc.double({ min: Math.log(1e-6), max: Math.log(10), noNaN: true }).map(Math.exp);

describe('mbgNbdDert: properties over every parameter in [e^−30, e^30]', () => {
  test.prop([bgNbdParamsWholeRange, bgNbdCustomerWholeRange, rate, fc.double({ min: 1.01, max: 100, noNaN: true })], { numRuns: 6 })(
    'finite, > 0 where the customer may be alive, and decreasing in the discount rate, or a documented refusal',
    (p, c, delta, k) => {
      const d1 = valueOrRefusal(() => mbgNbdDert(p, c, { discountRate: delta }));
      const d2 = valueOrRefusal(() => mbgNbdDert(p, c, { discountRate: delta * k }));
      if (d1 === undefined || d2 === undefined) return;
      expect(Number.isFinite(d1) && Number.isFinite(d2)).toBe(true);
      expect(d1).toBeGreaterThanOrEqual(0);
      expect(d2).toBeLessThanOrEqual(d1 * (1 + 1e-10));
      // Bounded by the undiscounted rate (r+x)/(α+T) over the mean discounted time 1/δ.
      expect(d1).toBeLessThanOrEqual(((p.r + c.frequency) / ((p.alpha + c.T) * delta)) * (1 + 1e-9));
    },
  );
});
