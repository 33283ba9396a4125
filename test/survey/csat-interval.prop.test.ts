import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { csat, csatInterval } from '../../src/survey/index';

const level = fc.double({ min: 0.5, max: 0.999, noNaN: true });
const method = fc.constantFrom('wilson' as const, 'clopper-pearson' as const);

describe('csatInterval properties', () => {
  test.prop([fc.integer({ min: 1, max: 400 }), fc.double({ min: 0, max: 1, noNaN: true }), level, method], { numRuns: 150 })(
    'intervals contain the share, stay in [0, 1] and narrow as n grows',
    (n, fraction, l, m) => {
      const satisfied = Math.round(fraction * n);
      const r = csatInterval({ satisfied, total: n }, { level: l, method: m })!;
      expect(r.lower).toBeGreaterThanOrEqual(0);
      expect(r.upper).toBeLessThanOrEqual(1);
      expect(r.lower).toBeLessThanOrEqual(r.share);
      expect(r.upper).toBeGreaterThanOrEqual(r.share);
      const big = csatInterval({ satisfied: 4 * satisfied, total: 4 * n }, { level: l, method: m })!;
      expect(big.upper - big.lower).toBeLessThanOrEqual(r.upper - r.lower + 1e-12);
    },
  );
  test.prop([fc.integer({ min: 1, max: 60 }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), level], { numRuns: 100 })(
    'Clopper–Pearson is exact: its coverage is at least the level for every true share',
    (n, share, l) => {
      // Coverage = Σ over x of Binomial(n, share) P(x) for the x whose interval contains share.
      let coverage = 0;
      let logChoose = 0; // log C(n, x), built up as x grows
      for (let x = 0; x <= n; x++) {
        if (x > 0) logChoose += Math.log((n - x + 1) / x);
        const r = csatInterval({ satisfied: x, total: n }, { level: l, method: 'clopper-pearson' })!;
        if (r.lower <= share && share <= r.upper) coverage += Math.exp(logChoose + x * Math.log(share) + (n - x) * Math.log1p(-share));
      }
      expect(coverage).toBeGreaterThanOrEqual(l - 1e-9);
    },
  );
  test.prop([fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 150 }), level, method], { numRuns: 80 })(
    'raw scores and counts give the same interval; weights of 1 equal none',
    (scores, l, m) => {
      const r = csat(scores);
      const want = csatInterval(scores, { level: l, method: m });
      expect(csatInterval({ satisfied: r.satisfied, total: r.total }, { level: l, method: m })).toEqual(want);
      expect(csatInterval(scores, { level: l, method: m, weight: () => 1 })).toEqual(want);
    },
  );
  test.prop([fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 1, noNaN: true }), method], { numRuns: 80 })('widens with the level', (n, fraction, m) => {
    const counts = { satisfied: Math.round(fraction * n), total: n };
    const a = csatInterval(counts, { level: 0.8, method: m })!;
    const b = csatInterval(counts, { level: 0.99, method: m })!;
    expect(b.upper - b.lower).toBeGreaterThanOrEqual(a.upper - a.lower - 1e-12);
  });
});
