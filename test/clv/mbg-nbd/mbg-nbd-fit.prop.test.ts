import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fitMbgNbd, simulateMbgNbd } from '../../../src/clv';
import { relativeError } from '../clv-data';

describe('fitMbgNbd: properties', () => {
  it('recovers the parameters of 5,000 simulated customers (within 3 standard errors)', () => {
    const truth = { r: 0.6, alpha: 4, a: 0.8, b: 2.5 };
    const rows = simulateMbgNbd(truth, { customers: 5000, T: { min: 26, max: 78 }, seed: 12 });
    const fit = fitMbgNbd(rows);
    expect(fit.converged).toBe(true);
    const se = fit.standardErrors as { r: number; alpha: number; a: number; b: number };
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(fit[key] - truth[key])).toBeLessThan(3 * se[key]);
  });

  test.prop([fc.constantFrom(7, 1 / 7, 12)], { numRuns: 1 })('rescaling every time by k rescales α by k and leaves r, a, b', (k) => {
    const rows = simulateMbgNbd({ r: 0.5, alpha: 5, a: 1, b: 3 }, { customers: 400, T: 39, seed: 3 });
    const fit = fitMbgNbd(rows);
    const scaled = fitMbgNbd(rows.map((c) => ({ frequency: c.frequency, recency: c.recency * k, T: c.T * k })));
    expect(relativeError(scaled.alpha, fit.alpha * k)).toBeLessThan(1e-5);
    expect(relativeError(scaled.r, fit.r)).toBeLessThan(1e-5);
    expect(relativeError(scaled.b, fit.b)).toBeLessThan(1e-4);
  });
});
