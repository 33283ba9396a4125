import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../src/models/index';
import { compareGroups } from '../../src/survey/index';
import { BAD_LEVELS, BAD_NPS_SCORES, BAD_WEIGHTS, codeOf, expectRejected } from './helpers';
import { csatResponses, npsResponses, reference, response } from './significance-data';

// Independent values: reference/significance_reference.py (scipy, statsmodels proportions_ztest,
// confint_proportions_2indep, ttest_ind(equal_var=False), CompareMeans.tconfint_diff, multipletests).

const npsGroups = reference.compareGroupsNps.groups as Record<string, number[]>;
const npsData: Interaction[] = Object.entries(npsGroups).flatMap(([channel, counts]) => npsResponses(counts, { channel }));

// NPS: the reference's `standardError` is the one the adjusted-Wald interval is built from (what
// compareGroups reports); `waldStandardError` is the one of the z test (z = difference / SE).
describe('compareGroups known values: NPS', () => {
  it.each<[string, string, number, number, unknown]>(reference.compareGroupsNps.cases.map((c: { versus: string; correction: string; level: number; minimumSize: number }) => [c.versus, c.correction, c.level, c.minimumSize, c] as const))(
    'versus %s, %s, level %f, minimum %i',
    (versus, correction, level, minimumSize, c) => {
      const v = versus === 'rest' || versus === 'overall' ? versus : { group: versus };
      const r = compareGroups(npsData, { metric: 'nps', by: 'channel', versus: v, correction: correction as never, level, minimumSize })!;
      expect(r.groups.map((g) => g.group)).toEqual(Object.keys(npsGroups).sort());
      for (const g of r.groups) {
        const want = (c as { rows: Record<string, Record<string, number | string>> }).rows[g.group!]!;
        expect(g.status).toBe(want.status);
        if (want.status !== 'tested') {
          expect(g.pValue).toBeUndefined();
          expect(g.adjustedPValue).toBeUndefined();
          expect(g.significant).toBe(false);
          continue;
        }
        expect(g.difference).toBeCloseTo(want.difference as number, 9);
        expect(g.standardError).toBeCloseTo(want.standardError as number, 9);
        expect(g.statistic).toBeCloseTo(want.z as number, 10);
        if (versus !== 'overall') expect(g.difference! / g.statistic!).toBeCloseTo(want.waldStandardError as number, 8);
        expect(g.pValue! / (want.p as number)).toBeCloseTo(1, 9);
        expect(g.adjustedPValue! / (want.adjusted as number)).toBeCloseTo(1, 9);
        expect(g.interval!.lower).toBeCloseTo(want.lower as number, 8);
        expect(g.interval!.upper).toBeCloseTo(want.upper as number, 8);
        expect(g.significant).toBe((want.adjusted as number) < 1 - level);
      }
      expect(r.tested).toBe(Object.values((c as { rows: Record<string, { status: string }> }).rows).filter((x) => x.status === 'tested').length);
    },
  );

  it('weighted answers use the weighted shares and Kish effective n of the group and of the rest', () => {
    const groups = reference.compareGroupsNpsWeighted.groups as Record<string, { scores: number[]; weights: number[] }>;
    const weights = new Map<Interaction, number>();
    const data = Object.entries(groups).flatMap(([channel, g]) =>
      g.scores.map((s, i) => {
        const r = response('nps', s, { channel });
        weights.set(r, g.weights[i]!);
        return r;
      }),
    );
    const r = compareGroups(data, { metric: 'nps', by: 'channel', weight: (d) => weights.get(d) })!;
    for (const g of r.groups) {
      const want = reference.compareGroupsNpsWeighted.rows[g.group!];
      expect(g.difference).toBeCloseTo(want.difference, 9);
      expect(g.standardError).toBeCloseTo(want.standardError, 9);
      expect(g.difference! / g.statistic! / 100).toBeCloseTo(want.waldStandardError / 100, 9);
      expect(g.pValue! / want.p).toBeCloseTo(1, 9);
      expect(g.adjustedPValue! / want.adjusted).toBeCloseTo(1, 9);
      expect(g.interval!.lower).toBeCloseTo(want.lower, 8);
      expect(g.interval!.upper).toBeCloseTo(want.upper, 8);
    }
  });
});

describe('compareGroups known values: CSAT and CES', () => {
  it('CSAT: pooled two-proportion z test, unpooled Wald interval, Holm and BH', () => {
    const groups = reference.compareGroupsCsat.groups as Record<string, [number, number]>;
    const data = Object.entries(groups).flatMap(([channel, [x, n]]) => csatResponses(x, n, { channel }));
    for (const correction of ['holm', 'benjamini-hochberg'] as const) {
      const r = compareGroups(data, { metric: 'csat', by: 'channel', correction })!;
      for (const g of r.groups) {
        const want = reference.compareGroupsCsat.rows[g.group!];
        expect(g.difference).toBeCloseTo(want.difference, 12);
        expect(g.standardError).toBeCloseTo(want.standardError, 12);
        expect(g.statistic).toBeCloseTo(want.z, 10);
        expect(g.pValue! / want.p).toBeCloseTo(1, 9);
        expect(g.adjustedPValue! / want[correction]).toBeCloseTo(1, 9);
        expect(g.interval!.lower).toBeCloseTo(want.lower, 10);
        expect(g.interval!.upper).toBeCloseTo(want.upper, 10);
      }
    }
  });
  it('CES: Welch t test with Welch–Satterthwaite df', () => {
    const groups = reference.compareGroupsCes.groups as Record<string, number[]>;
    const data = Object.entries(groups).flatMap(([channel, scores]) => scores.map((s) => response('ces', s, { channel })));
    const r = compareGroups(data, { metric: 'ces', by: 'channel' })!;
    expect(r.tested).toBe(4);
    for (const g of r.groups) {
      const want = reference.compareGroupsCes.rows[g.group!];
      expect(g.difference).toBeCloseTo(want.difference, 12);
      expect(g.standardError).toBeCloseTo(want.standardError, 12);
      expect(g.statistic).toBeCloseTo(want.t, 10);
      expect(g.degreesOfFreedom).toBeCloseTo(want.df, 8);
      expect(g.pValue! / want.p).toBeCloseTo(1, 8);
      expect(g.adjustedPValue! / want.adjusted).toBeCloseTo(1, 8);
      expect(g.interval!.lower).toBeCloseTo(want.lower, 9);
      expect(g.interval!.upper).toBeCloseTo(want.upper, 9);
    }
  });
});

describe('compareGroups behaviour', () => {
  it('two groups against the rest are one test: raw and adjusted p-values agree, and the differences mirror', () => {
    const data = [...npsResponses([30, 20, 10], { channel: 'a' }), ...npsResponses([20, 20, 25], { channel: 'b' })];
    const [a, b] = compareGroups(data, { metric: 'nps', by: 'channel' })!.groups;
    expect(a!.adjustedPValue).toBe(a!.pValue);
    expect(b!.pValue).toBeCloseTo(a!.pValue!, 14);
    expect(b!.difference).toBeCloseTo(-a!.difference!, 12);
  });
  it('versus overall: the gap to the overall score, with the p-value of the test against the rest', () => {
    const rest = compareGroups(npsData, { metric: 'nps', by: 'channel' })!;
    const overall = compareGroups(npsData, { metric: 'nps', by: 'channel', versus: 'overall' })!;
    overall.groups.forEach((g, k) => {
      expect(g.baseline).toBeCloseTo(overall.overall, 12);
      expect(g.status).toBe(rest.groups[k]!.status);
      if (g.status !== 'tested') return;
      expect(g.difference).toBeCloseTo(g.score! - overall.overall, 12);
      expect(g.pValue).toBe(rest.groups[k]!.pValue);
    });
  });
  it('counts skipped answers and ignores other metrics and non-survey interactions', () => {
    const data = [...npsData, { ...response('nps', 9, { channel: 'alpha' }), score: null } as unknown as Interaction, response('csat', 5, { channel: 'alpha' })];
    const r = compareGroups(data, { metric: 'nps', by: 'channel' })!;
    expect(r.skipped).toBe(1);
    expect(r.ignored).toBe(1);
  });
  it('groups by calendar period alone, or by label and period, as surveyBreakdown does', () => {
    const data = [...npsResponses([30, 20, 10], { at: Date.UTC(2024, 0, 9) }), ...npsResponses([20, 20, 25], { at: Date.UTC(2024, 1, 9) })];
    const r = compareGroups(data, { metric: 'nps', period: 'month' })!;
    expect(r.groups.map((g) => [g.group, g.period])).toEqual([[null, '2024-01'], [null, '2024-02']]);
    // The same two samples as a reference comparison: the difference of the two NPS.
    const ref = compareGroups(data, { metric: 'nps', period: 'month', versus: { period: '2024-01' } })!;
    expect(ref.groups[1]!.difference).toBeCloseTo(100 * (20 - 25) / 65 - 100 * (30 - 10) / 60, 12);
    const cells = compareGroups(data.map((d, i) => ({ ...d, touchpoint: i % 2 ? 'a' : 'b' })), { metric: 'nps', by: 'touchpoint', period: 'month', minimumSize: 0 })!;
    expect(cells.groups.map((g) => [g.group, g.period])).toEqual([['a', '2024-01'], ['a', '2024-02'], ['b', '2024-01'], ['b', '2024-02']]);
    const cell = compareGroups(data.map((d, i) => ({ ...d, touchpoint: i % 2 ? 'a' : 'b' })), { metric: 'nps', by: 'touchpoint', period: 'month', minimumSize: 0, versus: { group: 'b', period: '2024-02' } })!;
    expect(cell.groups.map((g) => g.status)).toEqual(['tested', 'tested', 'tested', 'reference']);
  });
  it('groups by the customers’ segment, or by an accessor, exactly as by a field carrying the same labels', () => {
    const byChannel = compareGroups(npsData, { metric: 'nps', by: 'channel' })!;
    const customers = npsData.map((d) => ({ id: d.customerId, segment: (d as { channel: string }).channel }));
    const bySegment = compareGroups(npsData, { metric: 'nps', by: 'segment', customers })!;
    const byAccessor = compareGroups(npsData, { metric: 'nps', by: (d) => (d as { channel?: string }).channel })!;
    for (const other of [bySegment, byAccessor]) {
      expect(other.groups.map((g) => [g.group, g.status, g.pValue, g.adjustedPValue])).toEqual(byChannel.groups.map((g) => [g.group, g.status, g.pValue, g.adjustedPValue]));
    }
  });
  it('twelve segments, one truly below the rest: Holm flags that one and only that one', () => {
    // Eleven segments answer alike (50 % promoters, 30 % passives, 20 % detractors: NPS +30);
    // segment "l" has NPS −10. Differences of sampling noise only among the eleven.
    const alike = [50, 30, 20];
    const labels = 'abcdefghijk'.split('');
    const data = [...labels.flatMap((channel) => npsResponses(alike, { channel })), ...npsResponses([30, 30, 40], { channel: 'l' })];
    const r = compareGroups(data, { metric: 'nps', by: 'channel' })!;
    expect(r.tested).toBe(12);
    expect(r.groups.filter((g) => g.significant).map((g) => g.group)).toEqual(['l']);
    const l = r.groups.find((g) => g.group === 'l')!;
    expect(l.difference).toBeCloseTo(-10 - 30, 12);
    expect(l.interval!.upper).toBeLessThan(0);
    // Holm multiplies the smallest p-value by the family size, 12.
    expect(l.adjustedPValue).toBeCloseTo(Math.min(1, 12 * l.pValue!), 14);
  });
  it('answers without a label form their own group, group: null (sorted last, usable as the reference)', () => {
    const data = [...npsResponses([30, 20, 10], { channel: 'a' }), ...npsResponses([20, 20, 25])];
    expect(compareGroups(data, { metric: 'nps', by: 'channel' })!.groups.map((g) => g.group)).toEqual(['a', null]);
    const r = compareGroups(data, { metric: 'nps', by: 'channel', versus: { group: null } })!;
    expect(r.groups.map((g) => g.status)).toEqual(['tested', 'reference']);
    expect(r.groups[0]!.difference).toBeCloseTo(100 * (30 - 10) / 60 - 100 * (20 - 25) / 65, 12);
  });
  it('unanimous groups on different answers cannot be Wald-tested: no-variance', () => {
    const data = [...npsResponses([40, 0, 0], { channel: 'a' }), ...npsResponses([0, 0, 40], { channel: 'b' })];
    const r = compareGroups(data, { metric: 'nps', by: 'channel' })!;
    expect(r.groups.map((g) => g.status)).toEqual(['no-variance', 'no-variance']);
    expect(r.tested).toBe(0);
  });
  it('returns undefined without answers', () => {
    expect(compareGroups([], { metric: 'csat', by: 'channel' })).toBeUndefined();
    expect(compareGroups([{ ...response('nps', 9), score: null } as unknown as Interaction], { metric: 'nps', by: 'channel' })).toBeUndefined();
  });
});

describe('compareGroups bad input', () => {
  const two = [...npsResponses([5, 5, 5], { channel: 'a' }), ...npsResponses([5, 5, 5], { channel: 'b' })];
  it('fewer than two groups → INSUFFICIENT_DATA', () => {
    expectRejected(() => compareGroups(npsResponses([5, 5, 5], { channel: 'a' }), { metric: 'nps', by: 'channel' }), 'INSUFFICIENT_DATA', 'compareGroups', undefined);
    expect(codeOf(() => compareGroups(two, { metric: 'nps' }))).toBe('INSUFFICIENT_DATA');
  });
  it.each(BAD_LEVELS)('level %o → %s', (level, code) => {
    expectRejected(() => compareGroups(two, { metric: 'nps', by: 'channel', level: level as number }), code, 'compareGroups', level);
  });
  it.each(BAD_NPS_SCORES)('score %o → %s with its index', (bad, code) => {
    const data = [...two, response('nps', bad as number, { channel: 'a' })];
    expectRejected(() => compareGroups(data, { metric: 'nps', by: 'channel' }), code, 'compareGroups', bad, 30);
  });
  it.each(BAD_WEIGHTS)('weight %o → %s with its index', (w, code) => {
    expectRejected(() => compareGroups(two, { metric: 'nps', by: 'channel', weight: (_d, i) => (i === 4 ? (w as number) : 1) }), code, 'compareGroups', w, 4);
  });
  it('unknown reference → UNKNOWN_REFERENCE; unknown versus, correction, method, metric → INVALID_OPTION', () => {
    expectRejected(() => compareGroups(two, { metric: 'nps', by: 'channel', versus: { group: 'z' } }), 'UNKNOWN_REFERENCE', 'compareGroups', 'z');
    expectRejected(() => compareGroups(two, { metric: 'nps', by: 'channel', versus: { reference: 'a' } as never }), 'INVALID_OPTION', 'compareGroups', 'a');
    expectRejected(() => compareGroups(two, { metric: 'nps', by: 'channel', versus: { period: '2024-01' } }), 'INVALID_OPTION', 'compareGroups', undefined);
    expectRejected(() => compareGroups(two, { metric: 'nps', versus: { group: 'a' } }), 'INVALID_OPTION', 'compareGroups', 'a');
    expectRejected(() => compareGroups(two, { metric: 'nps', by: 'channel', versus: 'all' as never }), 'INVALID_OPTION', 'compareGroups', 'all');
    expectRejected(() => compareGroups(two, { metric: 'nps', by: 'channel', correction: 'bonferroni' as never }), 'INVALID_OPTION', 'compareGroups', 'bonferroni');
    expectRejected(() => compareGroups(two, { metric: 'nps', by: 'channel', method: 'exact' as never }), 'INVALID_OPTION', 'compareGroups', 'exact');
    expectRejected(() => compareGroups(two, { metric: 'csat', by: 'channel', method: 'wald' }), 'INVALID_OPTION', 'compareGroups', 'wald');
    expectRejected(() => compareGroups(two, { metric: 'score' as never }), 'INVALID_OPTION', 'compareGroups', 'score');
    expect(codeOf(() => compareGroups(two, undefined as never))).toBe('INVALID_OPTION');
    expect(codeOf(() => compareGroups(two, { metric: 'nps', by: 'segment' }))).toBe('INVALID_OPTION');
  });
  it('bad minimum size → NEGATIVE_VALUE / NOT_AN_INTEGER', () => {
    expectRejected(() => compareGroups(two, { metric: 'nps', by: 'channel', minimumSize: -1 }), 'NEGATIVE_VALUE', 'compareGroups', -1);
    expectRejected(() => compareGroups(two, { metric: 'nps', by: 'channel', minimumSize: 2.5 }), 'NOT_AN_INTEGER', 'compareGroups', 2.5);
  });
});
