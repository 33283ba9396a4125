import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../src/models/index';
import { trendTest } from '../../src/survey/index';
import { BAD_LEVELS, BAD_NPS_SCORES, codeOf, expectRejected } from './helpers';
import { csatResponses, instantOf, npsResponses, reference, response } from './significance-data';

// Independent values: reference/significance_reference.py (scipy Wald / Welch tests, statsmodels
// multipletests, and statsmodels WLS with cov_type='fixed scale' for the line with known variances).

const months = reference.trendNps.months as [string, number[]][];
const npsData: Interaction[] = months.flatMap(([label, counts]) => npsResponses(counts, { at: instantOf(label) }));

// NPS: the reference's `standardError` is the one the adjusted-Wald interval is built from (what
// trendTest reports); `waldStandardError` is the one of the z test (z = change / SE).
describe('trendTest known values', () => {
  it.each<[string, number, unknown]>(reference.trendNps.cases.map((c: { correction: string; minimumSize: number }) => [c.correction, c.minimumSize, c] as const))(
    'NPS by month, %s, minimum %i (a gap in April, a small March)',
    (correction, minimumSize, c) => {
      const r = trendTest(npsData, { metric: 'nps', period: 'month', correction: correction as never, minimumSize })!;
      const want = c as { rows: Record<string, number | string>[]; trend: Record<string, number> };
      expect(r.periods.map((p) => p.period)).toEqual(months.map(([label]) => label));
      r.periods.forEach((p, k) => {
        const w = want.rows[k]!;
        expect(p.status).toBe(w.status);
        if (w.status !== 'tested') return;
        expect(p.previous).toBe(w.previous);
        expect(p.change).toBeCloseTo(w.difference as number, 9);
        expect(p.standardError).toBeCloseTo(w.standardError as number, 9);
        expect(p.statistic).toBeCloseTo(w.z as number, 10);
        expect(p.change! / p.statistic! / 100).toBeCloseTo((w.waldStandardError as number) / 100, 9);
        expect(p.pValue! / (w.p as number)).toBeCloseTo(1, 9);
        expect(p.adjustedPValue! / (w.adjusted as number)).toBeCloseTo(1, 9);
        expect(p.interval!.lower).toBeCloseTo(w.lower as number, 8);
        expect(p.interval!.upper).toBeCloseTo(w.upper as number, 8);
      });
      const t = r.trend!;
      expect(t.slope).toBeCloseTo(want.trend.slope!, 10);
      expect(t.standardError).toBeCloseTo(want.trend.standardError!, 10);
      expect(t.z).toBeCloseTo(want.trend.z!, 9);
      expect(t.pValue / want.trend.p!).toBeCloseTo(1, 8);
      expect(t.intercept).toBeCloseTo(want.trend.intercept!, 9);
      expect(t.interval!.lower).toBeCloseTo(want.trend.lower!, 9);
      expect(t.interval!.upper).toBeCloseTo(want.trend.upper!, 9);
      expect(t.periods).toBe(want.trend.periods);
    },
  );
  it('NPS by month with weights: Kish effective n in every test and in the variances of the line', () => {
    const ref = reference.trendNpsWeighted as {
      months: Record<string, { scores: number[]; weights: number[] }>;
      rows: Record<string, number | string>[];
      effectiveSampleSizes: number[];
      trend: Record<string, number>;
    };
    const weights = new Map<Interaction, number>();
    const data = Object.entries(ref.months).flatMap(([label, m]) =>
      m.scores.map((s, i) => {
        const r = response('nps', s, { at: instantOf(label) });
        weights.set(r, m.weights[i]!);
        return r;
      }),
    );
    const r = trendTest(data, { metric: 'nps', period: 'month', weight: (d) => weights.get(d) })!;
    expect(r.periods.map((p) => p.period)).toEqual(Object.keys(ref.months));
    r.periods.forEach((p, k) => {
      const w = ref.rows[k]!;
      expect(p.effectiveSampleSize).toBeCloseTo(ref.effectiveSampleSizes[k]!, 9);
      expect(p.status).toBe(w.status);
      if (w.status !== 'tested') return;
      expect(p.previous).toBe(w.previous);
      expect(p.change).toBeCloseTo(w.difference as number, 9);
      expect(p.standardError).toBeCloseTo(w.standardError as number, 9);
      expect(p.statistic).toBeCloseTo(w.z as number, 10);
      expect(p.pValue! / (w.p as number)).toBeCloseTo(1, 9);
      expect(p.adjustedPValue! / (w.adjusted as number)).toBeCloseTo(1, 9);
      expect(p.interval!.lower).toBeCloseTo(w.lower as number, 8);
      expect(p.interval!.upper).toBeCloseTo(w.upper as number, 8);
    });
    expect(r.trend!.slope).toBeCloseTo(ref.trend.slope!, 9);
    expect(r.trend!.standardError).toBeCloseTo(ref.trend.standardError!, 9);
    expect(r.trend!.z).toBeCloseTo(ref.trend.z!, 9);
    expect(r.trend!.pValue / ref.trend.p!).toBeCloseTo(1, 8);
    expect(r.trend!.intercept).toBeCloseTo(ref.trend.intercept!, 9);
  });
  it('CES by quarter: Welch t between quarters, WLS on the means with s²/n', () => {
    const quarters = reference.trendCes.quarters as Record<string, number[]>;
    const data = Object.entries(quarters).flatMap(([q, scores]) => scores.map((s) => response('ces', s, { at: instantOf(q) })));
    const r = trendTest(data, { metric: 'ces', period: 'quarter' })!;
    r.periods.forEach((p, k) => {
      const w = reference.trendCes.rows[k];
      expect(p.period).toBe(w.period);
      expect(p.status).toBe(w.status);
      if (w.status !== 'tested') return;
      expect(p.change).toBeCloseTo(w.change, 12);
      expect(p.standardError).toBeCloseTo(w.standardError, 12);
      expect(p.statistic).toBeCloseTo(w.t, 10);
      expect(p.degreesOfFreedom).toBeCloseTo(w.df, 8);
      expect(p.interval!.lower).toBeCloseTo(w.lower, 9);
      expect(p.interval!.upper).toBeCloseTo(w.upper, 9);
      expect(p.pValue! / w.p).toBeCloseTo(1, 8);
      expect(p.adjustedPValue! / w.adjusted).toBeCloseTo(1, 8);
    });
    expect(r.trend!.slope).toBeCloseTo(reference.trendCes.trend.slope, 10);
    expect(r.trend!.standardError).toBeCloseTo(reference.trendCes.trend.standardError, 10);
    expect(r.trend!.pValue / reference.trendCes.trend.p).toBeCloseTo(1, 8);
    expect(r.trend!.intercept).toBeCloseTo(reference.trendCes.trend.intercept, 10);
  });
});

describe('trendTest behaviour', () => {
  it('CSAT through two quarters a year apart: the line is the change per quarter, with variance p(1 − p)/n of each end', () => {
    // By hand: two points determine the line; slope = (p₂ − p₁)/Δx, SE = √(v₁ + v₂)/Δx with v = p(1 − p)/n.
    const data = [...csatResponses(120, 200, { at: instantOf('2023-Q1') }), ...csatResponses(150, 180, { at: instantOf('2024-Q1') })];
    const r = trendTest(data, { metric: 'csat', period: 'quarter' })!;
    const [p1, p2] = [120 / 200, 150 / 180];
    const se = Math.sqrt((p1 * (1 - p1)) / 200 + (p2 * (1 - p2)) / 180) / 4;
    expect(r.periods.map((p) => p.period)).toEqual(['2023-Q1', '2024-Q1']);
    expect(r.trend!.slope).toBeCloseTo((p2 - p1) / 4, 14);
    expect(r.trend!.standardError).toBeCloseTo(se, 14);
    expect(r.trend!.intercept).toBeCloseTo(p1, 13);
    // The period-to-period test is the pooled two-proportion z test of compareCsat.
    const pooled = 270 / 380;
    expect(r.periods[1]!.statistic).toBeCloseTo((p2 - p1) / Math.sqrt(pooled * (1 - pooled) * (1 / 200 + 1 / 180)), 12);
  });
  it('no trend when fewer than two periods are large enough, or a period is unanimous', () => {
    const small = [...npsResponses([10, 5, 5], { at: instantOf('2024-01') }), ...npsResponses([40, 30, 30], { at: instantOf('2024-02') })];
    expect(trendTest(small, { metric: 'nps', period: 'month' })!.trend).toBeUndefined();
    const unanimous = [...npsResponses([40, 0, 0], { at: instantOf('2024-01') }), ...npsResponses([40, 30, 30], { at: instantOf('2024-02') })];
    const r = trendTest(unanimous, { metric: 'nps', period: 'month' })!;
    expect(r.trend).toBeUndefined();
    expect(r.periods[1]!.status).toBe('tested');
  });
  it('returns undefined without answers; counts skipped and ignored', () => {
    expect(trendTest([], { metric: 'nps', period: 'month' })).toBeUndefined();
    const r = trendTest([...npsData, { ...response('nps', 9), score: null } as unknown as Interaction, response('ces', 5)], { metric: 'nps', period: 'month' })!;
    expect(r.skipped).toBe(1);
    expect(r.ignored).toBe(1);
  });
});

describe('trendTest bad input', () => {
  it('one period → INSUFFICIENT_DATA', () => {
    expectRejected(() => trendTest(npsResponses([5, 5, 5]), { metric: 'nps', period: 'month' }), 'INSUFFICIENT_DATA', 'trendTest', 'month');
  });
  it.each(BAD_LEVELS)('level %o → %s', (level, code) => {
    expectRejected(() => trendTest(npsData, { metric: 'nps', period: 'month', level: level as number }), code, 'trendTest', level);
  });
  it.each(BAD_NPS_SCORES)('score %o → %s with its index', (bad, code) => {
    expectRejected(() => trendTest([...npsData.slice(0, 3), response('nps', bad as number)], { metric: 'nps', period: 'month' }), code, 'trendTest', bad, 3);
  });
  it('missing or unknown period, correction, method → INVALID_OPTION; a bad date → INVALID_DATE', () => {
    expectRejected(() => trendTest(npsData, { metric: 'nps' } as never), 'INVALID_OPTION', 'trendTest', undefined);
    expectRejected(() => trendTest(npsData, { metric: 'nps', period: 'fortnight' as never }), 'INVALID_OPTION', 'trendTest', 'fortnight');
    expectRejected(() => trendTest(npsData, { metric: 'nps', period: 'month', correction: 'none' as never }), 'INVALID_OPTION', 'trendTest', 'none');
    expectRejected(() => trendTest(npsData, { metric: 'ces', period: 'month', method: 'wald' }), 'INVALID_OPTION', 'trendTest', 'wald');
    expect(codeOf(() => trendTest(npsData, null as never))).toBe('INVALID_OPTION');
    expect(codeOf(() => trendTest([{ ...response('nps', 9), at: Number.NaN } as Interaction], { metric: 'nps', period: 'month' }))).toBe('INVALID_DATE');
  });
});
