import { describe, expect, it } from 'vitest';
import { logConcaveIntegral, logistic } from '../../src/internal/log-concave-quadrature';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('logConcaveIntegral', () => {
  it('integrates a Gaussian of any width and height over the line and over a half-line', () => {
    for (const [sd, height] of [
      [1, 0],
      [1e-9, 500],
      [30, -800],
    ] as const) {
      const chi = (v: number): number => height - (v * v) / (2 * sd * sd);
      const slope = (v: number): number => -v / (sd * sd);
      const ln = height + Math.log(sd) + 0.5 * Math.log(2 * Math.PI);
      expect(rel(logConcaveIntegral(chi, slope, -Infinity, Infinity, 0), ln)).toBeLessThan(1e-14);
      expect(rel(logConcaveIntegral(chi, slope, 0, Infinity, 0), ln - Math.LN2)).toBeLessThan(1e-14);
    }
  });

  it('integrates e^(−x) x^(k−1) in v = ln x: Γ(k) for small and large k, peak off the start', () => {
    // ∫ exp(k v − eᵛ) dv = Γ(k): concave, the mode at ln k.
    for (const [k, lnGamma] of [
      [0.001, 6.9071788853838536],
      [1, 0],
      [1000, 5905.2204232091812],
    ] as const) {
      const value = logConcaveIntegral((v) => k * v - Math.exp(v), (v) => k - Math.exp(v), -Infinity, Infinity, Math.log(k));
      expect(Math.abs(value - lnGamma)).toBeLessThan(1e-12 * Math.max(1, Math.abs(lnGamma)));
    }
  });

  it('integrates a slowly falling integrand over a long finite range, and gives NaN for a non-finite peak', () => {
    // ∫₀^1000 e^(−10⁻⁶ v) dv = 10⁶ (1 − e^(−10⁻³))
    const value = logConcaveIntegral((v) => -1e-6 * v, () => -1e-6, 0, 1000, 0);
    expect(rel(value, Math.log(1e6 * -Math.expm1(-1e-3)))).toBeLessThan(1e-14);
    expect(logConcaveIntegral(() => Number.NaN, () => 0, 0, 1, 0)).toBeNaN();
  });

  it('logistic is 1/(1 + e^(−y)) without overflow', () => {
    expect(logistic(0)).toBe(0.5);
    expect(logistic(800)).toBe(1);
    expect(logistic(-800)).toBe(0);
    expect(rel(logistic(-30), 1 / (1 + Math.exp(30)))).toBeLessThan(1e-15);
  });
});
