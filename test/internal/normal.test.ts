import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { normalCdf, normalQuantile } from '../../src/internal/normal';
import { expectClose } from './close';

describe('normalCdf', () => {
  // mpmath.ncdf(mpf(float(x))), mp.dps = 50
  const known: [number, number][] = [
    [-37.5, 4.605353009581955e-308],
    [-20, 2.7536241186062337e-89],
    [-8, 6.220960574271784e-16],
    [-5, 2.866515718791939e-7],
    [-1.96, 0.024997895148220435],
    [-0.5, 0.3085375387259869],
    [0, 0.5],
    [1e-10, 0.5000000000398942],
    [0.3, 0.6179114221889527],
    [1, 0.8413447460685429],
    [3, 0.9986501019683699],
    [6, 0.9999999990134123],
    [8.2, 0.9999999999999999],
  ];
  it.each(known)('normalCdf(%s) matches mpmath', (x, want) => expectClose(normalCdf(x), want, 2e-15));

  it('saturates at the extremes', () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-60)).toBe(0);
    expect(() => normalCdf(Number.NaN)).toThrow(/internal normalCdf/);
  });

  test.prop([fc.double({ min: -37, max: 37, noNaN: true })], { numRuns: 300 })('is symmetric: Φ(x) + Φ(−x) = 1', (x) => {
    expectClose(normalCdf(x) + normalCdf(-x), 1, 4e-16);
  });
});

describe('normalQuantile', () => {
  // mpmath.findroot(lambda x: log(ncdf(x)) - log(mpf(float(p))), scipy.special.ndtri(p)), mp.dps = 50
  const known: [number, number][] = [
    [1e-300, -37.0470962993612],
    [1e-50, -14.933337534788489],
    [1e-10, -6.361340902404057],
    [0.001, -3.0902323061678136],
    [0.025, -1.9599639845400543],
    [0.3, -0.5244005127080408],
    [0.7, 0.5244005127080407],
    [0.975, 1.9599639845400538],
    [0.999999, 4.753424308817087],
  ];
  it.each(known)('normalQuantile(%s) matches mpmath', (p, want) => expectClose(normalQuantile(p), want, 2e-15));

  it('handles 0, 1/2, 1 and rejects probabilities outside [0, 1]', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.5)).toThrow(/internal normalQuantile/);
    expect(() => normalQuantile(Number.NaN)).toThrow(/internal normalQuantile/);
  });

  test.prop([fc.double({ min: 1e-300, max: 0.5, noNaN: true })], { numRuns: 300 })('Φ(Φ⁻¹(p)) = p in the lower half', (p) => {
    // A relative error δ in x = Φ⁻¹(p) moves p by a relative x²·δ (d ln Φ/dx ≈ |x| in the tail).
    const x = normalQuantile(p);
    expectClose(normalCdf(x), p, 1e-14 + 1e-15 * x * x);
  });

  test.prop([fc.double({ min: -37, max: 8, noNaN: true })], { numRuns: 300 })('Φ⁻¹(Φ(x)) = x', (x) => {
    // Above 0 the round trip is limited by rounding Φ(x) near 1: dx ≈ ε/φ(x).
    const tolerance = x < 0 ? 1e-13 * Math.abs(x) + 1e-15 : 1.2e-16 / Math.exp(-x * x / 2) * 2.6;
    expectClose(normalQuantile(normalCdf(x)), x, 0, tolerance + 1e-15);
  });
});
