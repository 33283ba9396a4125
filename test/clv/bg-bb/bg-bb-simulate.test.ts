import { describe, expect, it } from 'vitest';
import { bgBbExpectedTransactions, fitBgBb, simulateBgBb } from '../../../src/clv';
import { errorCode as code } from '../../support/error-code';
import { PUBLISHED } from './bg-bb-data';

describe('simulateBgBb', () => {
  it('is deterministic: the same seed gives the same histories, another seed others', () => {
    const a = simulateBgBb(PUBLISHED, { customers: 500, periods: 6, seed: 3 });
    expect(simulateBgBb(PUBLISHED, { customers: 500, periods: 6, seed: 3 })).toEqual(a);
    expect(simulateBgBb(PUBLISHED, { customers: 500, periods: 6, seed: 4 })).not.toEqual(a);
    expect(simulateBgBb(PUBLISHED, { customers: 500, periods: 6 })).toEqual(simulateBgBb(PUBLISHED, { customers: 500, periods: 6, seed: 1 }));
  });

  it('gives valid histories (0 ≤ x ≤ tₓ ≤ n, x = 0 exactly when tₓ = 0) with the requested periods', () => {
    const rows = simulateBgBb({ alpha: 0.05, beta: 0.05, gamma: 0.02, delta: 0.03 }, { customers: 2000, periods: (i) => i % 40, seed: 9 });
    rows.forEach((d, i) => {
      expect(d.periods).toBe(i % 40);
      expect(d.recency).toBeLessThanOrEqual(d.periods);
      expect(d.frequency).toBeLessThanOrEqual(d.recency);
      expect(d.frequency === 0).toBe(d.recency === 0);
    });
    expect(simulateBgBb(PUBLISHED, { customers: 0, periods: 6 })).toEqual([]);
  });

  it('has the mean the model implies: the average x over n = 6 is E[X(6)] within 4 standard errors', () => {
    const rows = simulateBgBb(PUBLISHED, { customers: 40_000, periods: 6, seed: 11 });
    const xs = rows.map((d) => d.frequency);
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (xs.length - 1));
    expect(Math.abs(mean - bgBbExpectedTransactions(PUBLISHED, 6))).toBeLessThan((4 * sd) / Math.sqrt(xs.length));
  });

  it.each([
    [PUBLISHED, 31, 6],
    [{ alpha: 0.5, beta: 3, gamma: 2, delta: 10 }, 32, 24],
    [{ alpha: 4, beta: 1, gamma: 0.3, delta: 0.8 }, 33, 52],
  ])('recovers %o within 4 standard errors (seed %i, n = %i)', (truth, seed, periods) => {
    const fit = fitBgBb(simulateBgBb(truth, { customers: 20_000, periods, seed }));
    expect(fit.converged).toBe(true);
    const se = fit.standardErrors!;
    for (const k of ['alpha', 'beta', 'gamma', 'delta'] as const) expect(Math.abs(fit[k] - truth[k])).toBeLessThan(4 * se[k]);
  });

  it('refuses bad parameters and options', () => {
    expect(code(() => simulateBgBb({ ...PUBLISHED, alpha: 0 }, { customers: 1, periods: 1 }))).toBe('OUT_OF_RANGE');
    expect(code(() => simulateBgBb(PUBLISHED, { customers: -1, periods: 1 }))).toBe('NEGATIVE_VALUE');
    expect(code(() => simulateBgBb(PUBLISHED, { customers: 1.5, periods: 1 }))).toBe('NOT_AN_INTEGER');
    expect(code(() => simulateBgBb(PUBLISHED, { customers: 1, periods: 1_000_001 }))).toBe('OUT_OF_RANGE');
    expect(code(() => simulateBgBb(PUBLISHED, { customers: 2, periods: (i) => (i === 1 ? -1 : 1) }))).toBe('NEGATIVE_VALUE');
    expect(code(() => simulateBgBb(PUBLISHED, { customers: 1, periods: 1, seed: -1 }))).toBe('NEGATIVE_VALUE');
    expect(code(() => simulateBgBb(PUBLISHED, { customers: 1, periods: 1, seed: 2 ** 32 }))).toBe('OUT_OF_RANGE');
    expect(code(() => simulateBgBb(PUBLISHED, { customers: 1, periods: 1, sede: 2 } as never))).toBe('INVALID_OPTION');
    expect(code(() => simulateBgBb(PUBLISHED, undefined as never))).not.toBeUndefined();
  });
});
