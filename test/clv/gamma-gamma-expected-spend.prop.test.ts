import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { gammaGammaExpectedSpend } from '../../src/clv';

const params = fc.record({
  p: fc.double({ min: 0.1, max: 50, noNaN: true }),
  q: fc.double({ min: 1.01, max: 50, noNaN: true }),
  gamma: fc.double({ min: 0.1, max: 1e4, noNaN: true }),
});

describe('gammaGammaExpectedSpend: properties', () => {
  test.prop([params, fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0.01, max: 1e5, noNaN: true })], { numRuns: 200 })(
    'lies between the population mean and the customer mean, moving towards z̄ with x',
    (p, x, z) => {
      const population = gammaGammaExpectedSpend(p, { frequency: 0, monetaryValue: 0 });
      const value = gammaGammaExpectedSpend(p, { frequency: x, monetaryValue: z });
      expect(value).toBeGreaterThanOrEqual(Math.min(population, z) * (1 - 1e-12));
      expect(value).toBeLessThanOrEqual(Math.max(population, z) * (1 + 1e-12));
      const more = gammaGammaExpectedSpend(p, { frequency: x + 1, monetaryValue: z });
      expect(Math.abs(more - z)).toBeLessThanOrEqual(Math.abs(value - z) * (1 + 1e-12) + 1e-12);
    },
  );

  test.prop([params, fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0.01, max: 1e4, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true })], { numRuns: 100 })(
    'scales with the currency: z̄ and γ times k give k times the spend',
    (p, x, z, k) => {
      const value = gammaGammaExpectedSpend(p, { frequency: x, monetaryValue: z });
      const scaled = gammaGammaExpectedSpend({ ...p, gamma: p.gamma * k }, { frequency: x, monetaryValue: z * k });
      expect(Math.abs(scaled - k * value)).toBeLessThanOrEqual(1e-12 * k * value);
    },
  );
});
