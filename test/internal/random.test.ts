import { describe, expect, it } from 'vitest';
import { seededUniform } from '../../src/internal/random';

function moments(draws: number[]): { mean: number; variance: number } {
  const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
  return { mean, variance: draws.reduce((s, v) => s + (v - mean) ** 2, 0) / (draws.length - 1) };
}

describe('seededUniform', () => {
  it('the uniform stream is reproducible from its seed', () => {
    const a = seededUniform(9);
    const b = seededUniform(9);
    for (let i = 0; i < 100; i++) expect(a()).toBe(b());
  });

  it('is uniform on [0, 1): every draw in range, mean 1/2 and variance 1/12 within 5 standard errors', () => {
    const u = seededUniform(5);
    const n = 50_000;
    const draws = Array.from({ length: n }, u);
    expect(draws.every((v) => v >= 0 && v < 1)).toBe(true);
    const { mean, variance } = moments(draws);
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    // Var of the sample variance of U(0, 1): (μ₄ − σ⁴)/n, μ₄ = 1/80.
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * Math.sqrt((1 / 80 - 1 / 144) / n));
  });

  it('differs between seeds', () => {
    const a = seededUniform(1);
    const b = seededUniform(2);
    expect(Array.from({ length: 10 }, a)).not.toEqual(Array.from({ length: 10 }, b));
  });
});
