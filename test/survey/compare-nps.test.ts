import { describe, expect, it } from 'vitest';
import { compareNps, nps } from '../../src/survey/index';
import { BAD_LEVELS, codeOf } from './helpers';

// python3 + scipy.stats.norm: V = p + d − (p − d)²; se = √(Va/na + Vb/nb); z = diff/se;
// p = 2·norm.sf(|z|); adjusted interval with (P + .75)/(n + 3), (D + .75)/(n + 3) per sample.
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
    expect(r.standardError).toBeCloseTo(se, 9);
    expect(r.z).toBeCloseTo(z, 9);
    expect(r.pValue! / p).toBeCloseTo(1, 8);
    expect(r.lower).toBeCloseTo(lower, 8);
    expect(r.upper).toBeCloseTo(upper, 8);
    const w = compareNps(ca, cb, { level, method: 'wald' })!;
    expect(w.lower).toBeCloseTo(wLower, 8);
    expect(w.upper).toBeCloseTo(wUpper, 8);
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
    expect(r.z).toBeUndefined();
    expect(r.pValue).toBeUndefined();
    expect(r.upper).toBeLessThanOrEqual(200);
    expect(compareNps([10], [9])).toMatchObject({ difference: 0, z: 0, pValue: 1 });
  });
  it.each(BAD_LEVELS)('level %o → %s', (level, code) => {
    expect(codeOf(() => compareNps([10], [9], { level: level as number }))).toBe(code);
  });
  it('rejects bad scores, counts and weights naming compareNps', () => {
    expect(() => compareNps([10], [11])).toThrow(/^compareNps: score 11 at index 0/);
    expect(codeOf(() => compareNps([10], ['9' as unknown as number]))).toBe('INVALID_NUMBER');
    expect(codeOf(() => compareNps([7.5], [9]))).toBe('NOT_AN_INTEGER');
    expect(codeOf(() => compareNps({ promoters: -1, passives: 0, detractors: 0 }, [9]))).toBe('NEGATIVE_VALUE');
    expect(codeOf(() => compareNps([9], [9], { weight: () => -2 }))).toBe('NEGATIVE_VALUE');
    expect(codeOf(() => compareNps([9], [9], { method: 'x' as never }))).toBe('INVALID_OPTION');
  });
});
