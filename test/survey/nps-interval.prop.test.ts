import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { nps, npsInterval } from '../../src/survey/index';

const counts = fc.record({
  promoters: fc.integer({ min: 0, max: 500 }),
  passives: fc.integer({ min: 0, max: 500 }),
  detractors: fc.integer({ min: 0, max: 500 }),
});
const level = fc.double({ min: 0.5, max: 0.999, noNaN: true });
const method = fc.constantFrom('adjusted-wald' as const, 'wald' as const);

describe('npsInterval properties', () => {
  test.prop([fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 200 }), level, method], { numRuns: 100 })(
    'raw scores, counts and an nps result give the same interval; weights of 1 equal none',
    (scores, l, m) => {
      const r = nps(scores);
      const want = npsInterval(scores, { level: l, method: m });
      expect(npsInterval({ promoters: r.promoters, passives: r.passives, detractors: r.detractors }, { level: l, method: m })).toEqual(want);
      expect(npsInterval(r, { level: l, method: m })).toEqual(want);
      const weighted = npsInterval(scores, { level: l, method: m, weight: () => 1 });
      expect(weighted?.lower).toBe(want?.lower);
      expect(weighted?.upper).toBe(want?.upper);
    },
  );
  test.prop([counts, level, method], { numRuns: 200 })('contains its estimate and stays within [−100, 100]', (c, l, m) => {
    const r = npsInterval(c, { level: l, method: m });
    if (c.promoters + c.passives + c.detractors === 0) {
      expect(r).toBeUndefined();
      return;
    }
    expect(r!.lower).toBeGreaterThanOrEqual(-100);
    expect(r!.upper).toBeLessThanOrEqual(100);
    expect(r!.lower).toBeLessThanOrEqual(r!.estimate + 1e-9);
    expect(r!.upper).toBeGreaterThanOrEqual(r!.estimate - 1e-9);
    if (m === 'wald') expect(r!.estimate).toBeCloseTo(r!.score, 9);
  });
  test.prop([counts, level, method, fc.integer({ min: 2, max: 20 })], { numRuns: 200 })('narrows as n grows with the same shares', (c, l, m, k) => {
    if (c.promoters + c.passives + c.detractors === 0) return;
    const small = npsInterval(c, { level: l, method: m })!;
    const big = npsInterval({ promoters: k * c.promoters, passives: k * c.passives, detractors: k * c.detractors }, { level: l, method: m })!;
    expect(big.upper - big.lower).toBeLessThanOrEqual(small.upper - small.lower + 1e-9);
  });
  test.prop([counts, method], { numRuns: 100 })('widens with the level', (c, m) => {
    if (c.promoters + c.passives + c.detractors === 0) return;
    const a = npsInterval(c, { level: 0.8, method: m })!;
    const b = npsInterval(c, { level: 0.99, method: m })!;
    expect(b.upper - b.lower).toBeGreaterThanOrEqual(a.upper - a.lower - 1e-9);
  });
});
