import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { benchmarkTest } from '../../src/survey/index';

const counts = fc.record({
  promoters: fc.integer({ min: 0, max: 400 }),
  passives: fc.integer({ min: 0, max: 400 }),
  detractors: fc.integer({ min: 0, max: 400 }),
});
const alternative = fc.constantFrom('two-sided' as const, 'greater' as const, 'less' as const);

describe('benchmarkTest properties', () => {
  test.prop([counts, fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }), alternative])(
    'NPS: p in [0, 1]; "greater" p rises with the benchmark, "less" p falls; the interval is npsInterval’s',
    (c, b1, b2, alt) => {
      const r1 = benchmarkTest(c, { metric: 'nps', benchmark: b1, alternative: alt });
      if (c.promoters + c.passives + c.detractors === 0) {
        expect(r1).toBeUndefined();
        return;
      }
      const r2 = benchmarkTest(c, { metric: 'nps', benchmark: b2, alternative: alt })!;
      for (const r of [r1!, r2]) {
        expect(r.pValue).toBeGreaterThanOrEqual(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
        expect(r.interval!.lower).toBeGreaterThanOrEqual(-100);
        expect(r.interval!.upper).toBeLessThanOrEqual(100);
      }
      const [lo, hi] = b1 <= b2 ? [r1!, r2] : [r2, r1!];
      if (alt === 'greater') expect(lo.pValue!).toBeLessThanOrEqual(hi.pValue! + 1e-15);
      if (alt === 'less') expect(lo.pValue!).toBeGreaterThanOrEqual(hi.pValue! - 1e-15);
    },
  );
  test.prop([fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0.5, max: 0.999, noNaN: true })])(
    'CSAT: the Wilson interval holds the benchmark exactly when the two-sided test does not reject',
    (total, raw, p0, level) => {
      const satisfied = raw % (total + 1);
      const r = benchmarkTest({ satisfied, total }, { metric: 'csat', benchmark: p0, level })!;
      const inside = r.interval!.lower <= p0 && p0 <= r.interval!.upper;
      // Away from the boundary (floating ties), inversion is exact.
      if (Math.abs(r.pValue! - (1 - level)) > 1e-9) expect(inside).toBe(r.pValue! > 1 - level);
    },
  );
});
