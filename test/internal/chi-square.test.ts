import { describe, expect, it } from 'vitest';
import { chiSquareSurvival, regularizedGammaQ } from '../../src/internal/chi-square';
import { seededUniform } from '../../src/internal/random';

// scipy.stats.chi2.sf(x, df), scipy 1.17.
const SCIPY: readonly (readonly [number, number, number])[] = [
  [0.5, 1, 0.47950012218695337],
  [3.841458820694124, 1, 0.04999999999999989],
  [4.24, 1, 0.03948216702632625],
  [10, 3, 0.01856613546304325],
  [100, 2, 1.9287498479639183e-22],
  [0.001, 4, 0.9999998750416589],
  [50, 10, 2.669083424904495e-7],
  [700, 1, 2.990226975124623e-154],
  [2.5, 7, 0.9270970650134738],
];

describe('chiSquareSurvival', () => {
  it('matches scipy.stats.chi2.sf to 1e-12 relative, tails included', () => {
    for (const [x, df, p] of SCIPY) expect(Math.abs(chiSquareSurvival(x, df) - p) / p).toBeLessThan(1e-12);
  });
  it('is 1 at 0 and 0 at infinity; Q(1, x) = e^−x', () => {
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(chiSquareSurvival(Number.POSITIVE_INFINITY, 3)).toBe(0);
    for (const x of [0.1, 1, 2, 5, 30]) expect(Math.abs(regularizedGammaQ(1, x) - Math.exp(-x)) / Math.exp(-x)).toBeLessThan(1e-14);
  });
  it('rejects arguments outside its domain (a bug in the caller)', () => {
    expect(() => regularizedGammaQ(0, 1)).toThrow(/internal/);
    expect(() => regularizedGammaQ(1, -1)).toThrow(/internal/);
  });
});

describe('seededUniform', () => {
  it('is reproducible, in [0, 1), and roughly uniform', () => {
    const a = seededUniform(42);
    const b = seededUniform(42);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const u = a();
      expect(u).toBe(b());
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      sum += u;
    }
    expect(Math.abs(sum / 10_000 - 0.5)).toBeLessThan(0.01);
    expect(seededUniform(43)()).not.toBe(seededUniform(42)());
  });
});
