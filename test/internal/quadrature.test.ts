import { describe, expect, it } from 'vitest';
import { tanhSinh } from '../../src/internal/quadrature';

/** Relative error. */
const rel = (x: number, y: number): number => Math.abs(x - y) / Math.abs(y);

describe('tanhSinh: known values (closed forms)', () => {
  it('integrates smooth functions: ∫₀^π sin = 2, ∫₀¹ 1/(1+x²) = π/4, ∫₀¹ eˣ = e − 1', () => {
    expect(rel(tanhSinh((d) => Math.sin(d), Math.PI, 1e-13).value, 2)).toBeLessThan(1e-14);
    expect(rel(tanhSinh((d) => 1 / (1 + d * d), 1, 1e-13).value, Math.PI / 4)).toBeLessThan(1e-14);
    expect(rel(tanhSinh((d) => Math.exp(d), 1, 1e-13).value, Math.E - 1)).toBeLessThan(1e-14);
  });

  it('integrates endpoint singularities: ∫₀¹ x^(−½) = 2, ∫₀¹ ln x = −1, ∫₀¹ x^(−0.9)(1−x)^(−0.9) = B(0.1, 0.1)', () => {
    expect(rel(tanhSinh((d) => 1 / Math.sqrt(d), 1, 1e-13).value, 2)).toBeLessThan(1e-12);
    expect(rel(tanhSinh((d) => Math.log(d), 1, 1e-13).value, -1)).toBeLessThan(1e-12);
    // B(0.1, 0.1) = Γ(0.1)²/Γ(0.2) = 19.71463948905016 (mpmath.beta(0.1, 0.1)); needs dHi for 1 − x.
    const r = tanhSinh((dLo, dHi) => Math.pow(dLo, -0.9) * Math.pow(dHi, -0.9), 1, 1e-12, 0, 10);
    expect(rel(r.value, 19.71463948905016)).toBeLessThan(1e-9);
  });

  it('reports its convergence: a discontinuous integrand does not reach 1e-15 in two levels', () => {
    const r = tanhSinh((d) => (d < 0.3 ? 1 : 0), 1, 1e-15, 0, 2);
    expect(r.converged).toBe(false);
    expect(tanhSinh((d) => 1 + d, 2, 1e-13).converged).toBe(true);
    expect(rel(tanhSinh((d) => 1 + d, 2, 1e-13).value, 4)).toBeLessThan(1e-14);
  });
});
