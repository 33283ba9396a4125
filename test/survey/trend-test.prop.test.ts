import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { trendTest } from '../../src/survey/index';
import { shuffle } from './helpers';
import { npsResponses } from './significance-data';

const month = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }));
const months = fc.array(month, { minLength: 2, maxLength: 8 });

function build(spec: [number, number, number][], shift = 0) {
  return spec.flatMap((c, k) => npsResponses(c, { at: Date.UTC(2023, k + shift, 12) }));
}

describe('trendTest properties', () => {
  test.prop([months, fc.constantFrom('holm' as const, 'benjamini-hochberg' as const), fc.integer({ min: 0, max: 50 })], { numRuns: 120 })(
    'adjusted ≥ raw, in [0, 1] and monotone in raw; the slope interval holds the slope; input order and a shift in time change nothing',
    (spec, correction, minimumSize) => {
      const data = build(spec);
      const live = spec.filter((c) => c[0] + c[1] + c[2] > 0).length;
      if (live < 2) {
        if (live === 0) expect(trendTest(data, { metric: 'nps', period: 'month' })).toBeUndefined();
        else expect(() => trendTest(data, { metric: 'nps', period: 'month' })).toThrow(/at least two/);
        return;
      }
      const r = trendTest(data, { metric: 'nps', period: 'month', correction, minimumSize })!;
      expect(r.periods.length).toBe(live);
      expect(r.periods[0]!.status).toBe('first');
      for (const p of r.periods) {
        if (p.pValue === undefined) continue;
        expect(p.adjustedPValue).toBeGreaterThanOrEqual(p.pValue);
        expect(p.adjustedPValue).toBeLessThanOrEqual(1);
        expect(p.change).toBeCloseTo(p.score! - r.periods.find((q) => q.period === p.previous)!.score!, 9);
      }
      const tested = r.periods.filter((p) => p.pValue !== undefined);
      for (const a of tested) for (const b of tested) if (a.pValue! <= b.pValue!) expect(a.adjustedPValue).toBeLessThanOrEqual(b.adjustedPValue!);
      if (r.trend !== undefined) {
        expect(r.trend.interval!.lower).toBeLessThanOrEqual(r.trend.slope);
        expect(r.trend.interval!.upper).toBeGreaterThanOrEqual(r.trend.slope);
        expect(r.trend.pValue).toBeGreaterThanOrEqual(0);
        expect(r.trend.pValue).toBeLessThanOrEqual(1);
        // A line through NPS values in [−100, 100] cannot rise faster than 200 points per period.
        expect(Math.abs(r.trend.slope)).toBeLessThanOrEqual(200 + 1e-9);
      }
      const again = trendTest(shuffle(build(spec, 5), 31), { metric: 'nps', period: 'month', correction, minimumSize })!;
      again.periods.forEach((p, k) => expect(p.adjustedPValue).toBe(r.periods[k]!.adjustedPValue));
      if (r.trend === undefined) expect(again.trend).toBeUndefined();
      else {
        expect(again.trend!.slope).toBeCloseTo(r.trend.slope, 9);
        expect(again.trend!.pValue).toBeCloseTo(r.trend.pValue, 12);
      }
    },
  );
});
