import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { simpleClv } from '../../src/clv/simple-clv';

describe('simpleClv: properties', () => {
  const money = fc.double({ min: 0, max: 1e4, noNaN: true });
  test.prop([money, money, money, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })], { numRuns: 100 })(
    'non-negative and non-decreasing in the margin',
    (aov, f, life, g1, g2) => {
      const at = (g: number) => simpleClv({ averageOrderValue: aov, purchaseFrequency: f, lifespan: life, grossMargin: g });
      expect(at(Math.min(g1, g2))).toBeLessThanOrEqual(at(Math.max(g1, g2)));
      expect(at(g1)).toBeGreaterThanOrEqual(0);
    },
  );
});

describe('simpleClv: monotonicity in every factor', () => {
  const money = fc.double({ min: 0, max: 1e4, noNaN: true });
  test.prop([money, money, money, money, fc.constantFrom('averageOrderValue', 'purchaseFrequency', 'lifespan')], { numRuns: 100 })(
    'raising one of order value, frequency or lifespan never lowers the value',
    (aov, f, life, more, field) => {
      const base = { averageOrderValue: aov, purchaseFrequency: f, lifespan: life, grossMargin: 0.4 };
      expect(simpleClv({ ...base, [field]: base[field] + more })).toBeGreaterThanOrEqual(simpleClv(base));
    },
  );
});
