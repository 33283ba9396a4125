import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { gammaGammaExpectedSpend } from '../../../src/clv';
import { errorCode } from '../../support/error-code';
import { wideParameter } from '../wide-arbitraries';

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
      // Both distances are differences from z̄, so each carries rounding of a few ulps of z̄.
      expect(Math.abs(more - z)).toBeLessThanOrEqual(Math.abs(value - z) * (1 + 1e-12) + 4 * Number.EPSILON * z);
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

describe('gammaGammaExpectedSpend: properties over the whole fitted range (p, q, γ in [e^-30, e^30])', () => {
  test.prop(
    [fc.record({ p: wideParameter, q: wideParameter, gamma: wideParameter }), fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: -6, max: 8, noNaN: true })],
    { numRuns: 300 },
  )('finite, between the prior mean pγ/(q − 1) and z̄ (a weighted average of both), or OUT_OF_RANGE when p·x + q ≤ 1', (params, x, e) => {
    const z = 10 ** e;
    if (params.p * x + params.q <= 1 - 1e-9) {
      expect(errorCode(() => gammaGammaExpectedSpend(params, { frequency: x, monetaryValue: z }))).toBe('OUT_OF_RANGE');
      return;
    }
    if (params.p * x + params.q < 1 + 1e-9) return; // too close to call in plain arithmetic here
    const value = gammaGammaExpectedSpend(params, { frequency: x, monetaryValue: z });
    expect(Number.isFinite(value)).toBe(true);
    if (x === 0 || params.q > 1) {
      const prior = (params.p * params.gamma) / (params.q - 1);
      const lo = x === 0 ? prior : Math.min(prior, z);
      const hi = x === 0 ? prior : Math.max(prior, z);
      expect(value).toBeGreaterThanOrEqual(lo * (1 - 1e-12));
      expect(value).toBeLessThanOrEqual(hi * (1 + 1e-12));
    } else {
      // q ≤ 1: no prior mean; p·x/(p·x + q − 1) ≥ 1, so the estimate is at least z̄.
      expect(value).toBeGreaterThanOrEqual(z * (1 - 1e-12));
    }
  });
});
