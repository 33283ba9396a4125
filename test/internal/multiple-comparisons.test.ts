import { describe, expect, it } from 'vitest';
import { adjustPValues } from '../../src/internal/multiple-comparisons';
import { reference } from '../survey/significance-data';

// statsmodels multipletests(method='holm' | 'fdr_bh'): test/survey/reference/significance_reference.py
describe('adjustPValues (internal)', () => {
  it.each<[number[], unknown]>(reference.corrections.map((c: { p: number[] }) => [c.p, c] as const))('%o', (_p, c) => {
    const { p, holm, bh } = c as { p: number[]; holm: number[]; bh: number[] };
    adjustPValues(p, 'holm').forEach((x, i) => expect(x).toBeCloseTo(holm[i] as number, 14));
    adjustPValues(p, 'benjamini-hochberg').forEach((x, i) => expect(x).toBeCloseTo(bh[i] as number, 14));
  });
  it('leaves an empty family empty and a single p-value as it is', () => {
    expect(adjustPValues([], 'holm')).toEqual([]);
    expect(adjustPValues([0.03], 'holm')).toEqual([0.03]);
    expect(adjustPValues([0.03], 'benjamini-hochberg')).toEqual([0.03]);
  });
  it('rejects p-values outside [0, 1] as bugs', () => {
    expect(() => adjustPValues([0.1, Number.NaN], 'holm')).toThrow(/internal/);
    expect(() => adjustPValues([1.5], 'benjamini-hochberg')).toThrow(/internal/);
  });
});
