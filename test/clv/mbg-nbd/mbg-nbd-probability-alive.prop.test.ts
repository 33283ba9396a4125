import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { mbgNbdProbabilityAlive } from '../../../src/clv';
import { bgNbdCustomerWholeRange, bgNbdParamsWholeRange, wholeTime } from '../bg-nbd/bg-nbd-arbitraries';
import { valueOrRefusal } from './refusal';

describe('mbgNbdProbabilityAlive: properties over every parameter in [e^−30, e^30]', () => {
  test.prop([bgNbdParamsWholeRange, bgNbdCustomerWholeRange, wholeTime, fc.double({ min: 1, max: 1000, noNaN: true })], { numRuns: 80 })(
    'in [0, 1], and non-increasing in t (0 = now), or a documented refusal',
    (p, c, t, k) => {
      const now = mbgNbdProbabilityAlive(p, c);
      const p1 = valueOrRefusal(() => mbgNbdProbabilityAlive(p, c, t));
      const p2 = valueOrRefusal(() => mbgNbdProbabilityAlive(p, c, t * k));
      expect(now).toBeGreaterThanOrEqual(0);
      expect(now).toBeLessThanOrEqual(1);
      if (p1 === undefined || p2 === undefined) return;
      expect(p1).toBeGreaterThanOrEqual(0);
      expect(p1).toBeLessThanOrEqual(now);
      expect(p2).toBeLessThanOrEqual(p1 * (1 + 1e-10));
    },
  );

  test.prop([bgNbdParamsWholeRange, bgNbdCustomerWholeRange, fc.double({ min: 0, max: 1, noNaN: true })], { numRuns: 80 })(
    'non-increasing as the last purchase moves back from T',
    (p, c, share) => {
      const earlier = { ...c, recency: c.recency * share };
      expect(mbgNbdProbabilityAlive(p, earlier)).toBeLessThanOrEqual(mbgNbdProbabilityAlive(p, c) * (1 + 1e-12));
    },
  );
});
