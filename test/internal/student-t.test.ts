import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { normalCdf, normalQuantile } from '../../src/internal/normal';
import { studentTCdf, studentTQuantile } from '../../src/internal/student-t';
import { expectClose } from './close';

describe('studentTCdf', () => {
  // mpmath (mp.dps = 40): betainc(df/2, 1/2, 0, df/(df + t²), regularized=True)/2 for t < 0, 1 − that for t > 0
  const known: [number, number, number][] = [
    [-2, 1, 0.14758361765043326],
    [0.5, 1, 0.6475836176504333],
    [-3, 2, 0.04773298313335456],
    [2.2, 5, 0.9604530510484088],
    [-1.7, 30, 0.04973893779425844],
    [-40, 3, 1.7190340394579263e-5],
    [1e-9, 10, 0.5000000003891084],
    [-4, 1000, 3.400495960439079e-5],
    [2.5, 0.7, 0.840147818659363],
  ];
  it.each(known)('studentTCdf(%s, %s) matches mpmath', (t, df, want) => expectClose(studentTCdf(t, df), want, 1e-13));

  test.prop([fc.double({ min: -1e6, max: 1e6, noNaN: true })], { numRuns: 200 })('df = 1 is the Cauchy distribution', (t) => {
    // Lower tail 1/2 + atan(t)/π, written as atan(−1/t)/π for t < 0 to avoid cancellation.
    const want = t < 0 ? Math.atan(-1 / t) / Math.PI : 0.5 + Math.atan(t) / Math.PI;
    expectClose(studentTCdf(t, 1), want, 1e-13);
  });

  it('approaches the normal distribution for large df', () => {
    // The gap is O(t⁴/df) relative in the tail.
    for (const t of [-6, -1.96, 0.3, 2.5]) {
      expectClose(studentTCdf(t, 1e7), normalCdf(t), 1e-4);
      expect(studentTCdf(t, 1e16)).toBe(normalCdf(t));
    }
  });

  it('handles infinities and rejects bad arguments as internal errors', () => {
    expect(studentTCdf(Infinity, 3)).toBe(1);
    expect(studentTCdf(-Infinity, 3)).toBe(0);
    expect(studentTCdf(0, 3)).toBe(0.5);
    expect(() => studentTCdf(1, 0)).toThrow(/internal studentTCdf/);
    expect(() => studentTCdf(Number.NaN, 3)).toThrow(/internal studentTCdf/);
  });
});

describe('studentTQuantile', () => {
  // mpmath.findroot(lambda t: tcdf(t, df) - p, scipy.stats.t.ppf(p, df)) with tcdf as above
  const known: [number, number, number][] = [
    [0.975, 1, 12.706204736174694],
    [0.975, 2, 4.302652729749462],
    [0.975, 5, 2.5705818356363146],
    [0.975, 30, 2.0422724563012378],
    [0.025, 1000, -1.9623390808264085],
    [0.995, 12, 3.0545395893929017],
    [1e-10, 4, -416.1751403296041],
    [0.6, 7, 0.2631668613520228],
    [0.975, 2.5, 3.5746548420036817],
    // Far tails, where 1 − 2p rounds to 1 (the inverse beta must still use p itself).
    [1e-300, 4, -1.3160740129524924e75],
    [1e-300, 30, -50178575360.50508],
  ];
  it.each(known)('studentTQuantile(%s, %s) matches mpmath', (p, df, want) => expectClose(studentTQuantile(p, df), want, 1e-13));

  // Large df, where inverting the incomplete beta loses digits (~df·ε) and the Cornish–Fisher
  // expansion takes over: mpmath (mp.dps = 60) findroot of tcdf(t, df) − p, tcdf as above.
  const large: [number, number, number][] = [
    [0.975, 1e4, 1.960201239890626],
    [0.995, 1e4, 2.5763210466685287],
    [1e-10, 1e4, -6.367941351482803],
    [0.6, 1e4, 0.2533538434457268],
    [0.975, 1e5, 1.9599877075346093],
    [0.995, 1e5, 2.575878469908375],
    [1e-10, 1e5, -6.3620004198436915],
    [0.6, 1e5, 0.2533477771571799],
    [0.975, 1e6, 1.9599663568141066],
    [0.995, 1e6, 2.575834220105334],
    [1e-10, 1e6, -6.361406848876743],
    [0.6, 1e6, 0.2533471705378416],
    [0.975, 1e7, 1.959964221767205],
    [0.995, 1e7, 2.5758297952037488],
    [1e-10, 1e7, -6.361347496998616],
    [0.6, 1e7, 0.25334710987600295],
    [0.975, 1e8, 1.9599640082627665],
    [0.995, 1e8, 2.5758293527143774],
    [1e-10, 1e8, -6.361341561862985],
    [0.6, 1e8, 0.25334710380982006],
    [0.975, 1e10, 1.959963984777281],
    [0.995, 1e10, 2.575829304040555],
    [1e-10, 1e10, -6.361340908998645],
    [0.6, 1e10, 0.25334710314253994],
    [0.975, 1e12, 1.9599639845424262],
    [0.995, 1e12, 2.575829303553817],
    [1e-10, 1e12, -6.361340902470002],
    [0.6, 1e12, 0.25334710313586717],
    [0.975, 1e14, 1.9599639845400776],
    [0.995, 1e14, 2.5758293035489497],
    [1e-10, 1e14, -6.361340902404716],
    [0.6, 1e14, 0.2533471031358004],
    // Far tails with large df, below the expansion's range (df < 250·z²): the inverse beta.
    [1e-300, 1e5, -37.174670665466216],
    [1e-100, 2e4, -21.394636651281658],
    [1e-20, 2e4, -9.272397894762687],
  ];
  it.each(large)('studentTQuantile(%s, %s) matches mpmath for large df', (p, df, want) => expectClose(studentTQuantile(p, df), want, 2e-15));

  it('approaches the normal quantile and handles the ends', () => {
    expectClose(studentTQuantile(0.975, 1e7), normalQuantile(0.975), 1e-6);
    // t(0.975; 1e16) = z + (z³ + z)/(4·1e16) ≈ z + 1.2e-16 with z = 1.9599639845400538 (mpmath, p = fl(0.975)).
    expectClose(studentTQuantile(0.975, 1e16), 1.9599639845400538, 2.3e-16);
    expect(studentTQuantile(0.975, Infinity)).toBe(normalQuantile(0.975));
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0, 7)).toBe(-Infinity);
    expect(studentTQuantile(1, 7)).toBe(Infinity);
    expect(() => studentTQuantile(2, 7)).toThrow(/internal studentTQuantile/);
    expect(() => studentTQuantile(0.5, -1)).toThrow(/internal studentTQuantile/);
  });

  // Far below one degree of freedom (a weighted CES whose effective n is barely above 1):
  // mpmath (60 digits, findroot on the incomplete-beta CDF) where the quantile is a double,
  // ±Infinity where it is not (|t| ≈ √ν·(2p)^(−1/ν) ≈ 10^(10¹⁶) for ν = 1e-16).
  it.each<[number, number, number]>([
    [0.975, 0.01, 6.3641819284000115e128],
    [0.75, 0.004, 5.73074679455418e73],
    [0.6, 0.001, 1.285764641292127e95],
  ])('studentTQuantile(%s, %s) matches mpmath for a fraction of a degree of freedom', (p, df, want) => expectClose(studentTQuantile(p, df), want, 1e-9));
  it('overflows to ±Infinity, not an error, when ν is so small that |t| is no double', () => {
    expect(studentTQuantile(0.975, 1e-16)).toBe(Infinity);
    expect(studentTQuantile(0.025, 1e-16)).toBe(-Infinity);
    expect(studentTQuantile(0.5000001, 1e-16)).toBe(Infinity);
  });

  test.prop([fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), fc.oneof(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0.5, max: 1e7, noNaN: true }))], {
    numRuns: 200,
  })('round trip studentTCdf(studentTQuantile(p)) = p, and antisymmetry', (p, df) => {
    const t = studentTQuantile(p, df);
    expectClose(studentTCdf(t, df), p, 1e-9);
    // 1 − p is rounded: a relative shift ε/min(p, 1 − p) in the tail probability.
    expectClose(studentTQuantile(1 - p, df), -t, 1e-12 + 2.3e-16 / Math.min(p, 1 - p));
  });
});
