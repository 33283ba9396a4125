import { describe, expect, it } from 'vitest';
import { seededUniform } from '../../src/internal/random';
import { betaVariate, gammaVariate, logGammaVariate } from '../../src/internal/random-variates';

function moments(xs: readonly number[]): [number, number] {
  const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
  return [mean, xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (xs.length - 1)];
}

describe('logGammaVariate, gammaVariate and betaVariate', () => {
  it.each([
    [0.3, 2],
    [1, 1],
    [6.25, 0.5],
    [40, 3],
  ])('Gamma(%s, rate %s): mean k/θ and variance k/θ² within 5 standard errors (50,000 draws)', (shape, rate) => {
    const u = seededUniform(11);
    const n = 50_000;
    const [mean, variance] = moments(Array.from({ length: n }, () => gammaVariate(u, shape, rate)));
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
    const draws = Array.from({ length: n }, () => betaVariate(u, a, b));
    expect(draws.every((v) => v >= 0 && v <= 1)).toBe(true);
    const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
    expect(Math.abs(moments(draws)[0] - a / (a + b))).toBeLessThan((5 * sd) / Math.sqrt(n));
  });

  it('gammaVariate is e^(ln G)/rate of the same draws', () => {
    const a = seededUniform(21);
    const b = seededUniform(21);
    for (let i = 0; i < 100; i++) expect(gammaVariate(a, 0.7, 4)).toBe(Math.exp(logGammaVariate(b, 0.7)) / 4);
  });

  it.each([0.3, 1, 2.5, 40])('Gamma(%d): mean and variance equal the shape within 5 standard errors', (shape) => {
    const u = seededUniform(12);
    const n = 50_000;
    const xs = Array.from({ length: n }, () => Math.exp(logGammaVariate(u, shape)));
    const [mean, variance] = moments(xs);
    expect(Math.abs(mean - shape)).toBeLessThan(5 * Math.sqrt(shape / n));
    // Var of the sample variance of a gamma: (μ₄ − σ⁴)/n with μ₄ = 3k² + 6k.
    expect(Math.abs(variance - shape)).toBeLessThan(5 * Math.sqrt((3 * shape * shape + 6 * shape - shape * shape) / n));
  });

  it.each([
    [0.5, 0.5],
    [2, 5],
    [30, 0.7],
  ])('Beta(%d, %d): mean a/(a + b) within 5 standard errors', (a, b) => {
    const u = seededUniform(3);
    const n = 50_000;
    const xs = Array.from({ length: n }, () => betaVariate(u, a, b));
    const [mean] = moments(xs);
    const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(Math.abs(mean - a / (a + b))).toBeLessThan(5 * Math.sqrt(variance / n));
  });

  it('stays finite and inside [0, 1] for shapes far below 1, where a plain gamma ratio would be 0/0', () => {
    const u = seededUniform(1);
    for (let i = 0; i < 10_000; i++) {
      const v = betaVariate(u, 1e-3, 2e-3);
      expect(v >= 0 && v <= 1).toBe(true);
      expect(Number.isFinite(logGammaVariate(u, 1e-4))).toBe(true);
    }
  });

  it('is deterministic for a seed', () => {
    const a = seededUniform(9);
    const b = seededUniform(9);
    for (let i = 0; i < 100; i++) expect(betaVariate(a, 1.5, 2)).toBe(betaVariate(b, 1.5, 2));
  });
});
