import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { gammaGammaLogLikelihood } from '../../../src/clv';
import { wideParameter } from '../wide-arbitraries';

const rows = fc.array(
  fc.record({
    frequency: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10_000 })),
    monetaryValue: fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
    w: fc.oneof(fc.constant(1), fc.integer({ min: 0, max: 1000 })),
  }),
  { maxLength: 8 },
);

describe('gammaGammaLogLikelihood per customer: properties over the whole fitted range (every parameter in [e^-30, e^30])', () => {
  test.prop([fc.record({ p: wideParameter, q: wideParameter, gamma: wideParameter }), rows], { numRuns: 100 })(
    'finite, 0 for x = 0, Σ wᵢ ln Lᵢ = total = the plain log-likelihood',
    (params, records) => {
      const options = { weight: (d: { w: number }) => d.w };
      const each = gammaGammaLogLikelihood(params, records, { ...options, perCustomer: true });
      expect(each.total).toBe(gammaGammaLogLikelihood(params, records, options));
      let sum = 0;
      let magnitude = 0;
      each.logLikelihood.forEach((l, i) => {
        expect(Number.isFinite(l)).toBe(true);
        if (records[i]!.frequency === 0) expect(l).toBe(0);
        const { frequency: x, monetaryValue: z, w } = records[i]!;
        sum += w * l;
        // The size of the terms of ln f before they cancel: (px + q)·ln(γ + x z̄) and its kin.
        // (lnΓ(y) ≈ −ln y for a small y: lnΓ(q), lnΓ(px) are as large as ln q, ln px.)
        if (x > 0) {
          const terms = (params.p * x + params.q) * (1 + Math.abs(Math.log(params.gamma + x * z)) + Math.abs(Math.log(z)) + Math.log(x) + Math.abs(Math.log(params.gamma)));
          magnitude += w * (terms + Math.abs(Math.log(params.q)) + Math.abs(Math.log(params.p * x)));
        }
      });
      // Grouped by x in the total, one by one here: equal up to the rounding of those terms.
      expect(Math.abs(sum - each.total)).toBeLessThanOrEqual(1e-13 * Math.max(1, magnitude));
    },
  );
});
