import { describe, expect, it } from 'vitest';
import { compareCsat, csat } from '../../src/survey/index';
import { BAD_COUNTS, BAD_LEVELS, BAD_SCORES_1_TO_5, BAD_WEIGHTS, codeOf, expectRejected } from './helpers';

// python3 + scipy.stats.norm: pooled z, p = 2·norm.sf(|z|), unpooled Wald interval; z² equals
// scipy.stats.chi2_contingency(correction=False)'s statistic (45/60 vs 30/55: 5.2926).
describe('compareCsat known values', () => {
  it.each<[number, number, number, number, number, number[]]>([
    [80, 100, 65, 100, 0.95, [0.15, 2.375422747394688, 0.01752886126037272, 0.02799322588401197, 0.27200677411598806]],
    [45, 60, 30, 55, 0.9, [0.20454545454545459, 2.3005681116549535, 0.02141605522326669, 0.0608405056281896, 0.34825040346271957]],
    [3, 10, 9, 12, 0.99, [-0.45, -2.110687091920543, 0.034799216209864314, -0.9429534339188661, 0.042953433918866135]],
  ])('%i/%i vs %i/%i at %f', (x1, n1, x2, n2, level, want) => {
    const [difference, z, p, lower, upper] = want as [number, number, number, number, number];
    const r = compareCsat({ satisfied: x1, total: n1 }, { satisfied: x2, total: n2 }, { level })!;
    expect(r).toMatchObject({ a: x1 / n1, b: x2 / n2, level });
    expect(r.difference).toBeCloseTo(difference, 12);
    expect(r.statistic).toBeCloseTo(z, 10);
    expect(r.pValue / p).toBeCloseTo(1, 10);
    expect(r.interval!.lower).toBeCloseTo(lower, 10);
    expect(r.interval!.upper).toBeCloseTo(upper, 10);
  });
  it('identical unanimous samples: z = 0, p = 1', () => {
    const r = compareCsat({ satisfied: 5, total: 5 }, { satisfied: 9, total: 9 })!;
    expect(r).toMatchObject({ difference: 0, statistic: 0, pValue: 1, interval: { lower: 0, upper: 0 } });
  });
  it('raw scores, counts and csat results agree; undefined when a sample is empty', () => {
    const a = [5, 5, 1, 4];
    const b = [1, 2, 4, 5, 2];
    const want = compareCsat({ satisfied: 3, total: 4 }, { satisfied: 2, total: 5 });
    expect(compareCsat(a, b)).toEqual(want);
    expect(compareCsat(csat(a), csat(b))).toEqual(want);
    expect(compareCsat([], [5])).toBeUndefined();
    expect(compareCsat([5], [null])).toBeUndefined();
  });
  it('applies scale and threshold to both samples', () => {
    const r = compareCsat([7, 6, 1], [7, 2], { scale: { min: 1, max: 7 } })!;
    expect(r.a).toBeCloseTo(2 / 3, 15);
    expect(r.b).toBe(0.5);
  });
});

describe('compareCsat bad input', () => {
  it.each(BAD_LEVELS)('level %o → %s', (level, code) => {
    expectRejected(() => compareCsat([5], [4], { level: level as number }), code, 'compareCsat', level);
  });
  it.each(BAD_SCORES_1_TO_5)('score %o → %s with its index, in either sample', (bad, code) => {
    expectRejected(() => compareCsat([5, bad as number], [4]), code, 'compareCsat', bad, 1);
    expectRejected(() => compareCsat([5], [bad as number]), code, 'compareCsat', bad, 0);
  });
  it.each(BAD_WEIGHTS)('weight %o → %s with its index', (w, code) => {
    expectRejected(() => compareCsat([5], [5, 4], { weight: (_d, i) => (i === 1 ? (w as number) : 1) }), code, 'compareCsat', w, 1);
  });
  it.each(BAD_COUNTS)('count %o → %s', (bad, code) => {
    expectRejected(() => compareCsat({ satisfied: 1, total: 2 }, { satisfied: bad as number, total: 2 ** 53 - 1 }), code, 'compareCsat', bad);
  });
  it('rejects satisfied > total and non-object options', () => {
    expect(codeOf(() => compareCsat({ satisfied: 3, total: 2 }, [5]))).toBe('INCONSISTENT_INPUT');
    expect(codeOf(() => compareCsat([5], [5], 0.9 as never))).toBe('INVALID_OPTION');
  });
});
