import { describe, expect, it } from 'vitest';
import { fitGammaGamma, gammaGammaExpectedSpend, simulateGammaGamma } from '../../../src/clv';
import { errorCode as code } from '../../support/error-code';

const truth = { p: 6.25, q: 3.74, gamma: 15.44 };

describe('simulateGammaGamma', () => {
  it('is deterministic: the same seed gives the same customers, another seed others', () => {
    const a = simulateGammaGamma(truth, { customers: 300, frequency: 2, seed: 5 });
    expect(simulateGammaGamma(truth, { customers: 300, frequency: 2, seed: 5 })).toEqual(a);
    expect(simulateGammaGamma(truth, { customers: 300, frequency: 2, seed: 6 })).not.toEqual(a);
  });

  it('gives the requested frequencies, a positive spend for repeat customers and 0 without', () => {
    const rows = simulateGammaGamma({ p: 0.05, q: 0.3, gamma: 0.01 }, { customers: 3000, frequency: (i) => i % 4, seed: 2 });
    rows.forEach((d, i) => {
      expect(d.frequency).toBe(i % 4);
      if (d.frequency === 0) expect(d.monetaryValue).toBe(0);
      else expect(d.monetaryValue > 0 && Number.isFinite(d.monetaryValue)).toBe(true);
    });
  });

  it('has the mean the model implies: E[z̄] = pγ/(q − 1) within 4 standard errors', () => {
    const rows = simulateGammaGamma(truth, { customers: 40_000, frequency: 3, seed: 8 });
    const zs = rows.map((d) => d.monetaryValue);
    const mean = zs.reduce((s, v) => s + v, 0) / zs.length;
    const sd = Math.sqrt(zs.reduce((s, v) => s + (v - mean) ** 2, 0) / (zs.length - 1));
    expect(Math.abs(mean - gammaGammaExpectedSpend(truth, { frequency: 0, monetaryValue: 0 }))).toBeLessThan((4 * sd) / Math.sqrt(zs.length));
  });

  it.each([
    [truth, 41],
    [{ p: 2, q: 8, gamma: 300 }, 42],
    [{ p: 0.8, q: 2.5, gamma: 4 }, 43],
  ])('recovers %o within 4 standard errors (seed %i)', (params, seed) => {
    const fit = fitGammaGamma(simulateGammaGamma(params, { customers: 20_000, frequency: (i) => 1 + (i % 6), seed }));
    expect(fit.converged).toBe(true);
    for (const k of ['p', 'q', 'gamma'] as const) expect(Math.abs(fit[k] - params[k])).toBeLessThan(4 * fit.standardErrors![k]);
  });

  it('refuses bad parameters and options', () => {
    expect(code(() => simulateGammaGamma({ ...truth, p: -1 }, { customers: 1, frequency: 1 }))).toBe('OUT_OF_RANGE');
    expect(code(() => simulateGammaGamma(truth, { customers: -2, frequency: 1 }))).toBe('NEGATIVE_VALUE');
    expect(code(() => simulateGammaGamma(truth, { customers: 1, frequency: 1.5 }))).toBe('NOT_AN_INTEGER');
    expect(code(() => simulateGammaGamma(truth, { customers: 2, frequency: (i) => (i ? Number.NaN : 1) }))).toBe('INVALID_NUMBER');
    expect(code(() => simulateGammaGamma(truth, { customers: 1, frequency: 1, seed: 0.5 }))).toBe('NOT_AN_INTEGER');
    expect(code(() => simulateGammaGamma(truth, { customers: 1, frequncy: 1 } as never))).toBe('INVALID_OPTION');
  });
});
