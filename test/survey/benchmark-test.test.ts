import { describe, expect, it } from 'vitest';
import { benchmarkTest, ces, csat, nps } from '../../src/survey/index';
import { BAD_COUNTS, BAD_LEVELS, BAD_NPS_SCORES, BAD_SCORES_1_TO_5, BAD_SCORES_1_TO_7, BAD_WEIGHTS, codeOf, expectRejected } from './helpers';
import { reference } from './significance-data';

// Independent values: reference/significance_reference.py — NPS: the adjusted-Wald z by formula
// (scipy.stats.norm); CSAT: statsmodels proportions_ztest(prop_var = p0), proportion_confint
// (wilson); CES: scipy.stats.ttest_1samp, statsmodels DescrStatsW.tconfint_mean.

describe('benchmarkTest known values', () => {
  it.each<[number[], number, string, unknown]>(reference.benchmarkNps.map((c: { counts: number[]; benchmark: number; alternative: string }) => [c.counts, c.benchmark, c.alternative, c] as const))(
    'NPS %o against %f, %s',
    (counts, benchmark, alternative, c) => {
      const w = c as Record<string, number>;
      const [promoters, passives, detractors] = counts as number[];
      const r = benchmarkTest({ promoters: promoters!, passives: passives!, detractors: detractors! }, { metric: 'nps', benchmark: benchmark as number, alternative: alternative as never, level: w.level! })!;
      expect(r.score).toBeCloseTo(w.score!, 12);
      expect(r.estimate).toBeCloseTo(w.estimate!, 10);
      expect(r.standardError).toBeCloseTo(w.standardError!, 10);
      expect(r.statistic).toBeCloseTo(w.z!, 10);
      expect(r.pValue! / w.p!).toBeCloseTo(1, 9);
      expect(r.interval!.lower).toBeCloseTo(w.lower!, 9);
      expect(r.interval!.upper).toBeCloseTo(w.upper!, 9);
      expect(r.difference).toBeCloseTo(w.estimate! - (benchmark as number), 10);
    },
  );
  it.each<[number, number, number, string, unknown]>(reference.benchmarkCsat.map((c: { satisfied: number; total: number; benchmark: number; alternative: string }) => [c.satisfied, c.total, c.benchmark, c.alternative, c] as const))(
    'CSAT %i of %i against %f, %s',
    (satisfied, total, benchmark, alternative, c) => {
      const w = c as Record<string, number>;
      const r = benchmarkTest({ satisfied: satisfied as number, total: total as number }, { metric: 'csat', benchmark: benchmark as number, alternative: alternative as never, level: w.level! })!;
      expect(r.score).toBeCloseTo((satisfied as number) / (total as number), 14);
      expect(r.standardError).toBeCloseTo(w.standardError!, 14);
      expect(r.statistic).toBeCloseTo(w.z!, 10);
      expect(r.pValue! / w.p!).toBeCloseTo(1, 9);
      expect(r.interval!.lower).toBeCloseTo(w.lower!, 10);
      expect(r.interval!.upper).toBeCloseTo(w.upper!, 10);
      expect(r.n).toBe(total);
    },
  );
  it.each<[number, number, string, unknown]>(reference.benchmarkCes.map((c: { values: number[]; benchmark: number; alternative: string }) => [c.values.length, c.benchmark, c.alternative, c] as const))(
    'CES, %i answers against %f, %s',
    (_n, benchmark, alternative, c) => {
      const w = c as { values: number[] } & Record<string, number>;
      const r = benchmarkTest(w.values, { metric: 'ces', benchmark: benchmark as number, alternative: alternative as never, level: w.level! })!;
      expect(r.score).toBeCloseTo(w.mean!, 12);
      expect(r.standardError).toBeCloseTo(w.standardError!, 12);
      expect(r.statistic).toBeCloseTo(w.t!, 10);
      expect(r.degreesOfFreedom).toBe(w.df);
      expect(r.pValue! / w.p!).toBeCloseTo(1, 9);
      expect(r.interval!.lower).toBeCloseTo(w.lower!, 10);
      expect(r.interval!.upper).toBeCloseTo(w.upper!, 10);
      // The same test from a ces() result computed at another level.
      expect(benchmarkTest(ces(w.values, { level: 0.5 }), { metric: 'ces', benchmark: benchmark as number, alternative: alternative as never, level: w.level! })).toEqual(r);
    },
  );
});

describe('benchmarkTest behaviour', () => {
  it('reads raw scores, records, counts and results alike', () => {
    const scores = [10, 9, 9, 8, 7, 6, 3, 10, 10, 0];
    const counts = { promoters: 5, passives: 2, detractors: 3 };
    const opts = { metric: 'nps', benchmark: 20 } as const;
    expect(benchmarkTest(scores, opts)).toEqual(benchmarkTest(counts, opts));
    expect(benchmarkTest(nps(scores), opts)).toEqual(benchmarkTest(counts, opts));
    expect(benchmarkTest(scores.map((score) => ({ score })), { ...opts, accessor: (d) => d.score })).toEqual(benchmarkTest(counts, opts));
    const c = [5, 4, 4, 3, 1, 5];
    expect(benchmarkTest(c, { metric: 'csat', benchmark: 0.5 })).toEqual(benchmarkTest(csat(c), { metric: 'csat', benchmark: 0.5 }));
  });
  it('one-sided p-values split the two-sided one', () => {
    const counts = { promoters: 60, passives: 20, detractors: 20 };
    const two = benchmarkTest(counts, { metric: 'nps', benchmark: 30 })!.pValue!;
    const greater = benchmarkTest(counts, { metric: 'nps', benchmark: 30, alternative: 'greater' })!.pValue!;
    const less = benchmarkTest(counts, { metric: 'nps', benchmark: 30, alternative: 'less' })!.pValue!;
    expect(greater + less).toBeCloseTo(1, 14);
    expect(two).toBeCloseTo(2 * Math.min(greater, less), 14);
  });
  it('CES: one answer has no t test; identical answers test only when they equal the benchmark', () => {
    expect(benchmarkTest([5], { metric: 'ces', benchmark: 4 })).toMatchObject({ score: 5, statistic: undefined, pValue: undefined, interval: undefined });
    expect(benchmarkTest([5, 5, 5], { metric: 'ces', benchmark: 4 })).toMatchObject({ standardError: 0, statistic: undefined, pValue: undefined });
    expect(benchmarkTest([5, 5, 5], { metric: 'ces', benchmark: 5 })).toMatchObject({ statistic: 0, pValue: 1, interval: { lower: 5, upper: 5 } });
  });
  it('counts skipped answers', () => {
    expect(benchmarkTest([9, null, 10, undefined], { metric: 'nps', benchmark: 0 })!.skipped).toBe(2);
    expect(benchmarkTest([5, null], { metric: 'csat', benchmark: 0.5 })!.skipped).toBe(1);
    expect(benchmarkTest([5, null, 4], { metric: 'ces', benchmark: 4 })!.skipped).toBe(1);
  });
  it('undefined without answers', () => {
    expect(benchmarkTest([null], { metric: 'nps', benchmark: 0 })).toBeUndefined();
    expect(benchmarkTest({ satisfied: 0, total: 0 }, { metric: 'csat', benchmark: 0.5 })).toBeUndefined();
    expect(benchmarkTest([], { metric: 'ces', benchmark: 4 })).toBeUndefined();
  });
});

describe('benchmarkTest bad input', () => {
  it.each(BAD_LEVELS)('level %o → %s', (level, code) => {
    expectRejected(() => benchmarkTest([9], { metric: 'nps', benchmark: 0, level: level as number }), code, 'benchmarkTest', level);
  });
  it.each(BAD_NPS_SCORES)('NPS score %o → %s with its index', (bad, code) => {
    expectRejected(() => benchmarkTest([9, bad as number], { metric: 'nps', benchmark: 0 }), code, 'benchmarkTest', bad, 1);
  });
  it.each(BAD_SCORES_1_TO_5)('CSAT score %o → %s with its index', (bad, code) => {
    expectRejected(() => benchmarkTest([5, bad as number], { metric: 'csat', benchmark: 0.5 }), code, 'benchmarkTest', bad, 1);
  });
  it.each(BAD_SCORES_1_TO_7)('CES score %o → %s with its index', (bad, code) => {
    expectRejected(() => benchmarkTest([5, bad as number], { metric: 'ces', benchmark: 4 }), code, 'benchmarkTest', bad, 1);
  });
  it.each(BAD_WEIGHTS)('weight %o → %s with its index', (w, code) => {
    expectRejected(() => benchmarkTest([9, 9], { metric: 'nps', benchmark: 0, weight: (_d, i) => (i === 1 ? (w as number) : 1) }), code, 'benchmarkTest', w, 1);
  });
  it.each(BAD_COUNTS)('count %o → %s', (bad, code) => {
    expectRejected(() => benchmarkTest({ satisfied: bad as number, total: 10 }, { metric: 'csat', benchmark: 0.5 }), code, 'benchmarkTest', bad);
  });
  it('benchmarks off the metric scale → OUT_OF_RANGE; not a number → INVALID_NUMBER', () => {
    expectRejected(() => benchmarkTest([9], { metric: 'nps', benchmark: 101 }), 'OUT_OF_RANGE', 'benchmarkTest', 101);
    expectRejected(() => benchmarkTest([5], { metric: 'csat', benchmark: 80 }), 'OUT_OF_RANGE', 'benchmarkTest', 80);
    expectRejected(() => benchmarkTest([5], { metric: 'csat', benchmark: 1 }), 'OUT_OF_RANGE', 'benchmarkTest', 1);
    expectRejected(() => benchmarkTest([5], { metric: 'csat', benchmark: 0 }), 'OUT_OF_RANGE', 'benchmarkTest', 0);
    expectRejected(() => benchmarkTest([5], { metric: 'ces', benchmark: 8 }), 'OUT_OF_RANGE', 'benchmarkTest', 8);
    expectRejected(() => benchmarkTest([5], { metric: 'ces', benchmark: Number.NaN }), 'INVALID_NUMBER', 'benchmarkTest', Number.NaN);
    expectRejected(() => benchmarkTest([5], { metric: 'ces', benchmark: '4' as never }), 'INVALID_NUMBER', 'benchmarkTest', '4');
  });
  it('unknown metric or alternative, missing options → INVALID_OPTION; satisfied > total → INCONSISTENT_INPUT', () => {
    expectRejected(() => benchmarkTest([5], { metric: 'x' as never, benchmark: 1 }), 'INVALID_OPTION', 'benchmarkTest', 'x');
    expectRejected(() => benchmarkTest([5], { metric: 'ces', benchmark: 4, alternative: 'larger' as never }), 'INVALID_OPTION', 'benchmarkTest', 'larger');
    expect(codeOf(() => benchmarkTest([5], undefined as never))).toBe('INVALID_OPTION');
    expect(codeOf(() => benchmarkTest({ satisfied: 5, total: 4 }, { metric: 'csat', benchmark: 0.5 }))).toBe('INCONSISTENT_INPUT');
  });
});
