import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bgBbLogLikelihood } from '../../../src/clv';
import { wideBgBb } from '../wide-arbitraries';

/** A history (x, tₓ, n), n up to 2,000 (the likelihood costs O(n); the n-range is the kernels' own tests'). */
const history = fc
  .tuple(fc.integer({ min: 0, max: 2000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([n, u, v]) => {
    const tx = Math.round(u * n);
    return { frequency: tx === 0 ? 0 : Math.max(1, Math.round(v * tx)), recency: tx, periods: n };
  });
const weighted = fc.array(fc.record({ c: history, w: fc.oneof(fc.constant(1), fc.integer({ min: 0, max: 1000 })) }), { maxLength: 6 });

describe('bgBbLogLikelihood per customer: properties over the whole fitted range (every parameter in [e^-30, e^30])', () => {
  test.prop([wideBgBb, weighted], { numRuns: 40 })('Σ wᵢ ln Lᵢ = total = the plain log-likelihood; each ln Lᵢ ≤ 0 and that of its row alone', (p, rows) => {
    const options = { weight: (d: { w: number }) => d.w };
    const records = rows.map(({ c, w }) => ({ ...c, w }));
    let each;
    try {
      each = bgBbLogLikelihood(p, records, { ...options, perCustomer: true });
    } catch (error) {
      // The documented refusal (the plain function refuses the same rows at the same parameters).
      expect((error as { code?: string }).code).toBe('OUT_OF_RANGE');
      expect(() => bgBbLogLikelihood(p, records, options)).toThrow();
      return;
    }
    expect(each.total).toBe(bgBbLogLikelihood(p, records, options));
    let sum = 0;
    let magnitude = 0;
    each.logLikelihood.forEach((l, i) => {
      expect(l).toBeLessThanOrEqual(0);
      expect(l).toBe(bgBbLogLikelihood(p, [records[each.index[i] as number]!]));
      sum += (records[i]!.w as number) * l;
      magnitude += (records[i]!.w as number) * Math.abs(l);
    });
    // The total is summed by (x, n) runs, the per-row values one by one; each ln Lᵢ is accurate
    // in relative terms over the whole range (reference/bg_bb_extreme_reference.py), so the two
    // sums agree relative to the magnitude of their terms, concentrations of 1e13 included
    // (once 500·ε·(α + β) off: α = 14,399, β = 3.5e11, γ = δ = 1, rows n = 0 ×260, 129, 10).
    expect(Math.abs(sum - each.total)).toBeLessThanOrEqual(1e-10 * magnitude);
  });
});
