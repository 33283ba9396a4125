import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compareGroups } from '../../src/survey/index';
import { shuffle } from './helpers';
import { response } from './significance-data';

const metric = fc.constantFrom('nps' as const, 'csat' as const, 'ces' as const);
const scale = { nps: 10, csat: 5, ces: 7 };
// 2–6 groups of 0–80 answers each, scores drawn per group around its own centre.
const groups = fc.array(
  fc.record({ size: fc.integer({ min: 0, max: 80 }), centre: fc.double({ min: 0, max: 1, noNaN: true }), seed: fc.integer({ min: 1, max: 1e6 }) }),
  { minLength: 2, maxLength: 6 },
);

function build(m: 'nps' | 'csat' | 'ces', spec: { size: number; centre: number; seed: number }[]) {
  const min = m === 'nps' ? 0 : 1;
  return spec.flatMap((g, k) =>
    Array.from({ length: g.size }, (_, i) => {
      const u = ((g.seed * (i + 1) * 2654435761) >>> 0) / 2 ** 32;
      const score = Math.min(scale[m], Math.max(min, Math.round(min + (scale[m] - min) * (0.6 * g.centre + 0.4 * u))));
      return response(m, score, { channel: `g${k}` });
    }),
  );
}

describe('compareGroups properties', () => {
  test.prop([metric, groups, fc.constantFrom('holm' as const, 'benjamini-hochberg' as const), fc.integer({ min: 0, max: 40 })], { numRuns: 150 })(
    'p-values in [0, 1], adjusted ≥ raw and monotone in raw; untested groups carry no test; input order does not matter',
    (m, spec, correction, minimumSize) => {
      const data = build(m, spec);
      const live = spec.filter((g) => g.size > 0).length;
      if (live < 2) {
        if (live === 0) expect(compareGroups(data, { metric: m, by: 'channel' })).toBeUndefined();
        else expect(() => compareGroups(data, { metric: m, by: 'channel' })).toThrow(/at least two/);
        return;
      }
      const r = compareGroups(data, { metric: m, by: 'channel', correction, minimumSize })!;
      const tested = r.groups.filter((g) => g.status === 'tested');
      expect(r.tested).toBe(tested.length);
      for (const g of r.groups) {
        if (g.status !== 'tested') {
          expect([g.pValue, g.adjustedPValue, g.difference]).toEqual([undefined, undefined, undefined]);
          expect(g.significant).toBe(false);
          continue;
        }
        expect(g.pValue).toBeGreaterThanOrEqual(0);
        expect(g.adjustedPValue).toBeLessThanOrEqual(1);
        expect(g.adjustedPValue).toBeGreaterThanOrEqual(g.pValue!);
        expect(g.interval!.lower).toBeLessThanOrEqual(g.interval!.upper!);
        expect(g.effectiveSampleSize).toBeGreaterThanOrEqual(minimumSize);
        expect(Number.isFinite(g.statistic)).toBe(true);
      }
      for (const a of tested) for (const b of tested) if (a.pValue! <= b.pValue!) expect(a.adjustedPValue).toBeLessThanOrEqual(b.adjustedPValue!);
      const again = compareGroups(shuffle(data, data.length + 17), { metric: m, by: 'channel', correction, minimumSize })!;
      again.groups.forEach((g, k) => {
        const h = r.groups[k]!;
        expect(g.group).toBe(h.group);
        expect(g.status).toBe(h.status);
        if (g.pValue !== undefined) {
          expect(g.pValue).toBeCloseTo(h.pValue!, 12);
          expect(g.adjustedPValue).toBeCloseTo(h.adjustedPValue!, 12);
          expect(g.difference).toBeCloseTo(h.difference!, 10);
        }
      });
    },
  );
  test.prop([groups], { numRuns: 60 })('renaming groups reorders them but changes no test (group order invariance)', (spec) => {
    const data = build('nps', spec);
    if (spec.filter((g) => g.size > 0).length < 2) return;
    const r = compareGroups(data, { metric: 'nps', by: 'channel', minimumSize: 5 })!;
    const renamed = compareGroups(data, { metric: 'nps', by: (d) => `z${99 - Number((d.channel as string).slice(1))}`, minimumSize: 5 })!;
    for (const g of r.groups) {
      const h = renamed.groups.find((x) => x.group === `z${99 - Number(g.group!.slice(1))}`)!;
      expect(h.status).toBe(g.status);
      expect(h.pValue).toBe(g.pValue);
      expect(h.adjustedPValue).toBe(g.adjustedPValue);
    }
  });
});
