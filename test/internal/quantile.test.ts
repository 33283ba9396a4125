import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { quantile, quantileSorted, quantilesInPlace, selectInPlace } from '../../src/internal/quantile';

// Reference: the type-7 definition applied to a fully sorted copy (Hyndman & Fan 1996).
function reference(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const j = Math.floor(h);
  if (j + 1 >= s.length) return s[s.length - 1];
  return (s[j] as number) + (h - j) * ((s[j + 1] as number) - (s[j] as number));
}

describe('quantile (type 7)', () => {
  it('matches R quantile() on 1..10', () => {
    // R: quantile(1:10, c(0, .1, .25, .5, .9, 1)) = 1.00 1.90 3.25 5.50 9.10 10.00
    const x = [7, 3, 10, 1, 5, 2, 9, 4, 8, 6];
    expect(quantile(x, 0)).toBe(1);
    expect(quantile(x, 0.1)).toBeCloseTo(1.9, 12);
    expect(quantile(x, 0.25)).toBeCloseTo(3.25, 12);
    expect(quantile(x, 0.5)).toBeCloseTo(5.5, 12);
    expect(quantile(x, 0.9)).toBeCloseTo(9.1, 12);
    expect(quantile(x, 1)).toBe(10);
  });

  it('matches numpy linear on a sample with ties', () => {
    // numpy.quantile([3,1,4,1,5,9,2,6], 0.3) = 2.1; median = 3.5
    expect(quantile([3, 1, 4, 1, 5, 9, 2, 6], 0.3)).toBeCloseTo(2.1, 12);
    expect(quantile([3, 1, 4, 1, 5, 9, 2, 6], 0.5)).toBe(3.5);
  });

  it('is undefined for no data and the value itself for one', () => {
    expect(quantile([], 0.5)).toBeUndefined();
    expect(quantileSorted([], 0.5)).toBeUndefined();
    expect(quantile([42], 0.9)).toBe(42);
    expect(quantilesInPlace(new Float64Array(3), 0, [0.5, 0.9])).toEqual([undefined, undefined]);
  });

  it('does not mutate its input', () => {
    const x = [5, 1, 4];
    quantile(x, 0.5);
    expect(x).toEqual([5, 1, 4]);
  });

  it('uses only the first n values of the scratch buffer', () => {
    const scratch = Float64Array.from([9, 1, 5, 100, -100]);
    expect(quantilesInPlace(scratch, 3, [0.5])).toEqual([5]);
  });

  it('sorts large runs of equal keys correctly', () => {
    const a = new Float64Array(10_001).fill(2);
    a[17] = 1;
    a[9000] = 3;
    expect(quantilesInPlace(a, a.length, [0, 0.5, 1])).toEqual([1, 2, 3]);
  });

  test.prop([
    fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 300 }),
    fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }),
  ], { numRuns: 200 })('equals the sort-based definition for any set of probabilities', (values, ps) => {
    const got = quantilesInPlace(Float64Array.from(values), values.length, ps);
    ps.forEach((p, i) => {
      const want = reference(values, p) as number;
      expect(got[i]).toBeCloseTo(want, 9);
    });
  });

  test.prop([fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }), fc.nat()], {
    numRuns: 200,
  })('selectInPlace puts the k-th order statistic at k', (values, seed) => {
    const k = seed % values.length;
    const a = Float64Array.from(values);
    selectInPlace(a, k);
    const sorted = [...values].sort((x, y) => x - y);
    expect(a[k]).toBe(sorted[k]);
    for (let i = 0; i < k; i++) expect(a[i]).toBeLessThanOrEqual(a[k] as number);
    for (let i = k + 1; i < a.length; i++) expect(a[i]).toBeGreaterThanOrEqual(a[k] as number);
  });

  test.prop([fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 100 }), fc.double({ min: 0, max: 1, noNaN: true })], {
    numRuns: 100,
  })('stays between the minimum and the maximum and ignores order', (values, p) => {
    const q = quantile(values, p) as number;
    expect(q).toBeGreaterThanOrEqual(Math.min(...values));
    expect(q).toBeLessThanOrEqual(Math.max(...values));
    expect(quantile([...values].reverse(), p)).toBe(q);
  });

  test.prop([
    fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 400 }),
    fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }),
  ], { numRuns: 150 })('gives the same on a plain array of doubles as on a Float64Array', (values, ps) => {
    const typed = quantilesInPlace(Float64Array.from(values), values.length, ps);
    expect(quantilesInPlace([...values], values.length, ps)).toEqual(typed);
  });

  it('sorts numerically, not as strings, on plain arrays', () => {
    const values = Array.from({ length: 100 }, (_, i) => (i * 37) % 100);
    values.push(1000, 9, 10);
    const ps = Array.from({ length: 11 }, (_, i) => i / 10);
    expect(quantilesInPlace([...values], values.length, ps)).toEqual(ps.map((p) => reference(values, p)));
  });
});
