import { describe, expect, it } from 'vitest';
import { betaSample, gammaSample, seededUniform } from '../../src/internal/random';

function moments(draws: number[]): { mean: number; variance: number } {
  const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
  return { mean, variance: draws.reduce((s, v) => s + (v - mean) ** 2, 0) / (draws.length - 1) };
}

describe('seeded draws', () => {
  it('the uniform stream is reproducible from its seed', () => {
    const a = seededUniform(9);
    const b = seededUniform(9);
    for (let i = 0; i < 100; i++) expect(a()).toBe(b());
  });

  it.each([
    [0.3, 2],
    [1, 1],
    [6.25, 0.5],
    [40, 3],
  ])('Gamma(%s, rate %s): mean k/θ and variance k/θ² within 5 standard errors (50,000 draws)', (shape, rate) => {
    const u = seededUniform(11);
    const n = 50_000;
    const { mean, variance } = moments(Array.from({ length: n }, () => gammaSample(u, shape, rate)));
    const sdMean = Math.sqrt(shape) / rate / Math.sqrt(n);
    expect(Math.abs(mean - shape / rate)).toBeLessThan(5 * sdMean);
    // Var of the sample variance for a gamma: σ⁴(2/(n−1) + κ/n), excess kurtosis κ = 6/k.
    const sdVariance = (shape / rate ** 2) * Math.sqrt(2 / (n - 1) + 6 / shape / n);
    expect(Math.abs(variance - shape / rate ** 2)).toBeLessThan(5 * sdVariance);
  });

  it.each([
    [0.5, 0.5],
    [1, 3],
    [8, 2],
  ])('Beta(%s, %s): mean a/(a+b) within 5 standard errors, every draw in [0, 1]', (a, b) => {
    const u = seededUniform(13);
    const n = 50_000;
    const draws = Array.from({ length: n }, () => betaSample(u, a, b));
    expect(draws.every((v) => v >= 0 && v <= 1)).toBe(true);
    const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
    expect(Math.abs(moments(draws).mean - a / (a + b))).toBeLessThan((5 * sd) / Math.sqrt(n));
  });
});
