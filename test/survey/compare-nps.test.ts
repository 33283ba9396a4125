import { describe, expect, it } from 'vitest';
import { compareNps, nps, npsTally } from '../../src/survey/index';
import { BAD_COUNTS, BAD_LEVELS, BAD_NPS_SCORES, BAD_WEIGHTS, codeOf, expectRejected } from './helpers';

// python3 + scipy.stats.norm: V = p + d − (p − d)²; se = √(Va/na + Vb/nb); z = diff/se;
// p = 2·norm.sf(|z|); adjusted interval with (P + .75)/(n + 3), (D + .75)/(n + 3) per sample.
// The reported standard error is the interval's: Wald se for 'wald'; for 'adjusted-wald' the
// half-width of python's adjusted interval over norm.ppf(1 − α/2) (neither interval is clipped here).
const Z_CRITICAL: Record<number, number> = { 0.9: 1.6448536269514722, 0.95: 1.959963984540054 };
describe('compareNps known values', () => {
  it.each<[[number, number, number], [number, number, number], number, number[]]>([
    [[30, 10, 60], [45, 35, 20], 0.9, [-55, 11.8215904175, -4.65250427882, 3.27927931761e-6, -72.5077071381, -34.2884093667, -74.4447858746, -35.5552141254]],
    [[60, 25, 15], [50, 30, 20], 0.95, [15, 10.7587173957, 1.39421823702, 0.163251712433, -6.24727181527, 35.3734854075, -6.08669861537, 36.0866986154]],
  ])('%o vs %o at %f', (a, b, level, want) => {
    const [diff, se, z, p, lower, upper, wLower, wUpper] = want as [number, number, number, number, number, number, number, number];
    const ca = { promoters: a[0], passives: a[1], detractors: a[2] };
    const cb = { promoters: b[0], passives: b[1], detractors: b[2] };
    const r = compareNps(ca, cb, { level })!;
    expect(r.difference).toBeCloseTo(diff, 9);
    expect(r.standardError).toBeCloseTo((upper - lower) / 2 / Z_CRITICAL[level]!, 8);
    expect(r.statistic).toBeCloseTo(z, 9);
    expect(r.pValue! / p).toBeCloseTo(1, 8);
    expect(r.interval!.lower).toBeCloseTo(lower, 8);
    expect(r.interval!.upper).toBeCloseTo(upper, 8);
    const w = compareNps(ca, cb, { level, method: 'wald' })!;
    expect(w.interval!.lower).toBeCloseTo(wLower, 8);
    expect(w.interval!.upper).toBeCloseTo(wUpper, 8);
    expect(w.standardError).toBeCloseTo(se, 9);
    expect(w.statistic).toBe(r.statistic);
  });
  it('accepts raw scores and nps results; undefined when a sample is empty', () => {
    const a = [10, 10, 9, 3, 7];
    const b = [0, 5, 9, 8];
    expect(compareNps(a, b)).toEqual(compareNps(nps(a), nps(b)));
    expect(compareNps(a, [null])).toBeUndefined();
  });
  it('unanimous samples: z undefined when they differ, 0 when equal', () => {
    const r = compareNps([10, 10], [0, 0])!;
    expect(r.difference).toBe(200);
    expect(r.statistic).toBeUndefined();
    expect(r.pValue).toBeUndefined();
    expect(r.interval!.upper).toBeLessThanOrEqual(200);
    expect(compareNps([10], [9])).toMatchObject({ difference: 0, statistic: 0, pValue: 1 });
  });
  it('weighted samples use Kish effective n (python: n_a = 36/14, n_b = 2)', () => {
    // a: scores 10, 8, 2 with weights 3, 1, 2 → p = 1/2, d = 1/3, n = 36/14;  b: 9, 0 unweighted → p = d = 1/2, n = 2.
    // V = p + d − (p − d)²; SE = √(V_a/n_a + V_b/n_b) = √((5/6 − 1/36)·14/36 + 1/2) = 0.9472...
    const a = npsTally.result([{ score: 10, weight: 3 }, { score: 8, weight: 1 }, { score: 2, weight: 2 }].reduce(npsTally.add, npsTally.create()));
    const r = compareNps(a, [9, 0], { method: 'wald' })!;
    const se = Math.sqrt(((5 / 6 - 1 / 36) * 14) / 36 + 1 / 2);
    expect(r.difference).toBeCloseTo(100 / 6, 12);
    expect(r.standardError).toBeCloseTo(100 * se, 10);
    expect(r.statistic).toBeCloseTo(1 / 6 / se, 12);
  });
});

describe('compareNps bad input', () => {
  it.each(BAD_LEVELS)('level %o → %s', (level, code) => {
    expectRejected(() => compareNps([10], [9], { level: level as number }), code, 'compareNps', level);
  });
  it.each(BAD_NPS_SCORES)('score %o → %s with its index, in either sample', (bad, code) => {
    expectRejected(() => compareNps([10, bad as number], [9]), code, 'compareNps', bad, 1);
    expectRejected(() => compareNps([10], [9, 9, bad as number]), code, 'compareNps', bad, 2);
  });
  it.each(BAD_WEIGHTS)('weight %o → %s with its index', (w, code) => {
    expectRejected(() => compareNps([9], [9, 9], { weight: (_d, i) => (i === 1 ? (w as number) : 1) }), code, 'compareNps', w, 1);
  });
  it.each(BAD_COUNTS)('count %o → %s', (bad, code) => {
    expectRejected(() => compareNps({ promoters: bad as number, passives: 0, detractors: 0 }, [9]), code, 'compareNps', bad);
  });
  it('rejects unknown methods and non-object options', () => {
    expect(() => compareNps([10], [11])).toThrow(/^compareNps: score 11 at index 0/);
    expect(codeOf(() => compareNps([9], [9], { method: 'x' as never }))).toBe('INVALID_OPTION');
    expect(codeOf(() => compareNps([9], [9], 3 as never))).toBe('INVALID_OPTION');
  });
});
