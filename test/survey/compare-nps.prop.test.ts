import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compareNps, nps, npsFromCounts, npsInterval } from '../../src/survey/index';

const counts = fc.record({
  promoters: fc.integer({ min: 0, max: 300 }),
  passives: fc.integer({ min: 0, max: 300 }),
  detractors: fc.integer({ min: 0, max: 300 }),
});
const level = fc.double({ min: 0.5, max: 0.999, noNaN: true });
const method = fc.constantFrom('adjusted-wald' as const, 'wald' as const);
const size = (c: { promoters: number; passives: number; detractors: number }) => c.promoters + c.passives + c.detractors;

describe('compareNps properties', () => {
  test.prop([counts, counts, level, method], { numRuns: 200 })('finite, antisymmetric, p in [0, 1], interval within [−200, 200]', (a, b, l, m) => {
    const ab = compareNps(a, b, { level: l, method: m });
    if (size(a) === 0 || size(b) === 0) {
      expect(ab).toBeUndefined();
      return;
    }
    const ba = compareNps(b, a, { level: l, method: m })!;
    expect(ab!.difference).toBeCloseTo(npsFromCounts(a).score! - npsFromCounts(b).score!, 9);
    expect(ba.difference).toBeCloseTo(-ab!.difference, 9);
    expect(ba.standardError).toBeCloseTo(ab!.standardError, 9);
    expect(ba.interval!.lower).toBeCloseTo(-ab!.interval!.upper, 9);
    expect(ab!.interval!.lower).toBeGreaterThanOrEqual(-200);
    expect(ab!.interval!.upper).toBeLessThanOrEqual(200);
    expect(ab!.interval!.lower).toBeLessThanOrEqual(ab!.interval!.upper);
    if (ab!.pValue !== undefined) {
      expect(ab!.pValue).toBeGreaterThanOrEqual(0);
      expect(ab!.pValue).toBeLessThanOrEqual(1);
      expect(ba.pValue).toBeCloseTo(ab!.pValue, 12);
    } else {
      // No z test: the Wald SE of the observed shares is 0, every answer of each sample in one
      // category. The reported SE is the interval method's, nonzero under adjusted Wald (CI
      // counterexample: one passive against one detractor at level 0.5).
      const oneCategory = (c: typeof a) => [c.promoters, c.passives, c.detractors].filter((k) => k > 0).length === 1;
      expect(oneCategory(a) && oneCategory(b)).toBe(true);
      if (m === 'wald') expect(ab!.standardError).toBe(0);
    }
    // Wald: the interval contains the observed difference.
    if (m === 'wald') {
      expect(ab!.interval!.lower).toBeLessThanOrEqual(ab!.difference + 1e-9);
      expect(ab!.interval!.upper).toBeGreaterThanOrEqual(ab!.difference - 1e-9);
    }
  });
  test.prop([counts, level, method], { numRuns: 100 })('a sample against itself: difference 0, z 0, p 1', (a, l, m) => {
    if (size(a) === 0) return;
    const r = compareNps(a, a, { level: l, method: m })!;
    expect(r).toMatchObject({ difference: 0, statistic: 0, pValue: 1 });
  });
  test.prop([counts, counts, method], { numRuns: 100 })('against an empty-variance reference: SE equals the single-sample SE', (a, b, m) => {
    // b unanimous (all passives): V_b = 0, so the Wald SE of the difference is a's own SE.
    if (size(a) === 0 || size(b) === 0) return;
    const passives = { promoters: 0, passives: size(b), detractors: 0 };
    const r = compareNps(a, passives, { method: 'wald' })!;
    expect(r.standardError).toBeCloseTo(npsInterval(a, { method: 'wald' })!.standardError, 9);
    // Whatever the method, the standard error is the one the interval was built from: the
    // variances of the two samples' own intervals (npsInterval, same method) add up.
    const s = compareNps(a, b, { method: m })!;
    const own = (x: typeof a) => npsInterval(x, { method: m })!.standardError;
    expect(s.standardError).toBeCloseTo(Math.hypot(own(a), own(b)), 9);
  });
  test.prop([counts, counts, fc.integer({ min: 2, max: 10 })], { numRuns: 100 })('the p-value falls as both samples grow with the same shares', (a, b, k) => {
    const small = compareNps(a, b);
    const scale = (c: typeof a) => ({ promoters: k * c.promoters, passives: k * c.passives, detractors: k * c.detractors });
    const big = compareNps(scale(a), scale(b));
    if (small?.pValue === undefined || big?.pValue === undefined) return;
    expect(big.pValue).toBeLessThanOrEqual(small.pValue + 1e-12);
  });
});
