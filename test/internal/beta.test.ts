import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { betaQuantile, betaQuantileFromTails, regularizedBeta } from '../../src/internal/beta';
import { expectClose } from './close';

// Reference values: mpmath 1.3, mp.dps = 40, arguments taken as mpf(float(s)).
describe('regularizedBeta', () => {
  // mpmath.betainc(a, b, 0, x, regularized=True)
  const known: [number, number, number, number][] = [
    [0.3, 2, 5, 0.5798249999999999],
    [0.5, 0.5, 0.5, 0.5],
    [1e-10, 0.5, 3, 1.874999999875e-5],
    [0.999, 30, 0.7, 0.9069094062481132],
    [0.2, 100, 400, 0.5089235030888362],
    [0.01, 1, 1000, 0.9999568287525893],
    [0.9, 0.01, 0.02, 0.6809152058570812],
    [0.7, 1000, 430, 0.5199465337380428],
  ];
  it.each(known)('I_%s(%s, %s) matches mpmath', (x, a, b, want) => expectClose(regularizedBeta(x, a, b), want, 1e-13));

  it('is 0 and 1 at the ends and rejects bad arguments as internal errors', () => {
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
    expect(() => regularizedBeta(1.5, 2, 3)).toThrow(/internal regularizedBeta/);
    expect(() => regularizedBeta(0.5, 0, 3)).toThrow(/internal regularizedBeta/);
    expect(() => regularizedBeta(Number.NaN, 1, 3)).toThrow(/internal regularizedBeta/);
  });

  test.prop([fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.05, max: 500, noNaN: true }), fc.double({ min: 0.05, max: 500, noNaN: true })], { numRuns: 200 })(
    'closed forms and symmetry: I_x(a, 1) = xᵃ, I_x(1, b) = 1 − (1 − x)ᵇ, I_x(a, b) = 1 − I_{1−x}(b, a)',
    (x, a, b) => {
      expectClose(regularizedBeta(x, a, 1), Math.pow(x, a), 1e-12, 1e-300);
      expectClose(regularizedBeta(x, 1, b), -Math.expm1(b * Math.log1p(-x)), 1e-12, 1e-300);
      if (1 - (1 - x) === x) expectClose(regularizedBeta(x, a, b) + regularizedBeta(1 - x, b, a), 1, 0, 1e-13);
    },
  );
});

describe('betaQuantile', () => {
  // mpmath.findroot(lambda x: betainc(a, b, 0, x, regularized=True) - p, scipy.special.betaincinv(a, b, p)).
  // The first four are Clopper–Pearson bounds: 3/20 successes (lower: (0.025, 3, 18); upper: (0.975, 4, 17)),
  // 1/1000 and 999/1000.
  const known: [number, number, number, number][] = [
    [0.025, 3, 18, 0.03207093718546371],
    [0.975, 4, 17, 0.3789268265453139],
    [0.025, 1, 1000, 2.5317487491294045e-5],
    [0.975, 1000, 1, 0.9999746825125088],
    [0.5, 0.5, 0.5, 0.5],
    [1e-10, 2, 3, 4.082494015808333e-6],
    [0.999999, 2, 3, 0.9936904263297945],
    [0.025, 0.2, 5, 1.382739202931144e-9],
    [0.3, 200, 800, 0.19322339863669624],
    // p so small that 1 − p rounds to 1: the quantile is still found from p.
    [1e-20, 2, 3, 4.082482904749741e-11],
    [2e-300, 5e4, 0.5, 0.9863688155988037],
    [1e-300, 3, 18, 9.572639770585561e-102],
  ];
  it.each(known)('betaQuantile(%s, %s, %s) matches mpmath', (p, a, b, want) => expectClose(betaQuantile(p, a, b), want, 1e-13));

  it('is 0 when the quantile lies below the smallest double (I at 5e-324 already exceeds p)', () => {
    // A shape near 0 puts the quantile far out, yet still a double (mpmath; x ∝ p^(1/a), so a
    // relative error ε in I is ε/a in x: 1e-12 for a = 0.01).
    expectClose(betaQuantile(0.05, 0.01, 0.5), 3.1046979706126071e-130, 1e-12);
    // mpmath: I_{2^-1074}(0.002, 0.5) = 0.2250, so the 0.2-quantile underflows and the 0.25-quantile does not.
    expect(betaQuantile(0.2, 0.002, 0.5)).toBe(0);
    expect(betaQuantile(0.25, 0.002, 0.5)).toBeGreaterThan(0);
    // a = 5e-17 (Student t with ν = 1e-16): every quantile below 1 − 1e-13 is 0, the upper tail given exactly.
    expect(betaQuantileFromTails(0.9999998, 2e-7, 5e-17, 0.5)).toBe(0);
    expect(betaQuantile(0.05, 1e-16, 0.5)).toBe(0);
  });

  it('handles p = 0, p = 1, tiny and huge shapes', () => {
    expect(betaQuantile(0, 2, 3)).toBe(0);
    expect(betaQuantile(1, 2, 3)).toBe(1);
    // I_x(a, 1) = xᵃ ⇒ x = p^(1/a), even for a = 1e-3 (the quantile underflows gracefully to tiny values).
    expectClose(betaQuantile(0.5, 1e-3, 1), Math.pow(0.5, 1000), 1e-10);
    expectClose(betaQuantile(0.025, 1e6, 1), Math.pow(0.025, 1e-6), 1e-14);
    expect(() => betaQuantile(1.2, 1, 1)).toThrow(/internal betaQuantile/);
    expect(() => betaQuantile(0.5, -1, 1)).toThrow(/internal betaQuantile/);
  });

  it('uses an explicitly given upper tail', () => {
    // 1 − fl(1 − 2e-12) loses 4 digits; passing q = 2e-12 keeps them. I_x(1, b) = 1 − (1 − x)ᵇ.
    const q = 2e-12;
    const x = betaQuantileFromTails(1 - q, q, 1, 3);
    expectClose(-Math.expm1(3 * Math.log1p(-x)), 1 - q, 1e-15);
    expectClose(Math.pow(1 - x, 3), q, 1e-9);
  });

  test.prop([fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), fc.double({ min: 0.05, max: 2000, noNaN: true }), fc.double({ min: 0.05, max: 2000, noNaN: true })], { numRuns: 200 })(
    'betaQuantile(p) is bracketed: I at x ∓ 1e-11·min(x, 1 − x) straddles p',
    (p, a, b) => {
      const x = betaQuantile(p, a, b);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
      fc.pre(x > 1e-300 && x < 1);
      // The quantile is exact up to rounding of x; test in the variable that holds its digits.
      // (At least 2 ulps near 1, where x itself has only absolute precision.)
      const delta = p <= 0.5 ? x * 1e-11 : Math.max((1 - x) * 1e-11, 2.3e-16);
      const [below, above] = [x - delta, x + delta];
      expect(regularizedBeta(below, a, b)).toBeLessThanOrEqual(p);
      expect(regularizedBeta(Math.min(above, 1), a, b)).toBeGreaterThanOrEqual(p);
    },
  );
});
