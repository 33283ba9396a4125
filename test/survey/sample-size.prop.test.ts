import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { sampleSize } from '../../src/survey/index';

const level = fc.double({ min: 0.5, max: 0.999, noNaN: true });
const power = fc.double({ min: 0.5, max: 0.99, noNaN: true });
const shares = fc
  .tuple(fc.double({ min: 0.01, max: 0.98, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([p, f]) => ({ promoters: p, detractors: (1 - p) * f }));

describe('sampleSize properties', () => {
  test.prop([shares, fc.double({ min: 1, max: 30, noNaN: true }), fc.double({ min: 1.01, max: 2, noNaN: true }), level])(
    'NPS: n shrinks as the margin grows; the planned n meets the margin; n for a margin ↔ the margin of n',
    (s, margin, factor, l) => {
      const a = sampleSize({ metric: 'nps', margin, shares: s, level: l });
      const b = sampleSize({ metric: 'nps', margin: margin * factor, shares: s, level: l });
      expect(b.n).toBeLessThanOrEqual(a.n);
      expect(a.margin).toBeLessThanOrEqual(margin * (1 + 1e-9));
      if (a.n > 1) expect(sampleSize({ metric: 'nps', n: a.n - 1, shares: s, level: l }).margin).toBeGreaterThan(margin * (1 - 1e-9));
    },
  );
  test.prop([fc.double({ min: 0.05, max: 3, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true }), level, fc.double({ min: 1, max: 3, noNaN: true })])(
    'CES (t margin): the smallest n that meets the margin',
    (sd, margin, l, deff) => {
      const r = sampleSize({ metric: 'ces', margin, standardDeviation: sd, level: l, designEffect: deff });
      expect(r.margin).toBeLessThanOrEqual(margin);
      if (r.n - 1 > deff) expect(sampleSize({ metric: 'ces', n: r.n - 1, standardDeviation: sd, level: l, designEffect: deff }).margin).toBeGreaterThan(margin);
    },
  );
  test.prop([fc.double({ min: 0.05, max: 0.8, noNaN: true }), fc.double({ min: 0.01, max: 0.09, noNaN: true }), power, power, level])(
    'CSAT and NPS: more power or a smaller difference needs more answers',
    (share, difference, p1, p2, l) => {
      const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
      expect(sampleSize({ metric: 'csat', difference, share, power: lo, level: l }).n).toBeLessThanOrEqual(sampleSize({ metric: 'csat', difference, share, power: hi, level: l }).n);
      expect(sampleSize({ metric: 'csat', difference: difference * 1.5, share, power: lo, level: l }).n).toBeLessThanOrEqual(sampleSize({ metric: 'csat', difference, share, power: lo, level: l }).n);
      expect(sampleSize({ metric: 'nps', difference: 100 * difference, power: lo, level: l }).n).toBeLessThanOrEqual(sampleSize({ metric: 'nps', difference: 100 * difference, power: hi, level: l }).n);
    },
  );
  test.prop([fc.integer({ min: 2, max: 1e6 }), level, fc.constantFrom('nps' as const, 'csat' as const, 'ces' as const)])('margins are positive, finite, and fall as n grows', (n, l, metric) => {
    const a = sampleSize({ metric, n, level: l });
    const b = sampleSize({ metric, n: n + 1, level: l });
    expect(a.margin).toBeGreaterThan(0);
    expect(Number.isFinite(a.margin)).toBe(true);
    expect(b.margin).toBeLessThan(a.margin);
  });
});
