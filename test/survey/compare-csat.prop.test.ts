import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compareCsat } from '../../src/survey/index';

const sample = fc.integer({ min: 1, max: 500 }).chain((total) => fc.record({ satisfied: fc.integer({ min: 0, max: total }), total: fc.constant(total) }));
const level = fc.double({ min: 0.5, max: 0.999, noNaN: true });

describe('compareCsat properties', () => {
  test.prop([sample, sample, level], { numRuns: 200 })('finite, antisymmetric, p in [0, 1], interval within [−1, 1] around the difference', (a, b, l) => {
    const ab = compareCsat(a, b, { level: l })!;
    const ba = compareCsat(b, a, { level: l })!;
    for (const v of [ab.difference, ab.statistic, ab.pValue, ab.interval!.lower, ab.interval!.upper, ab.standardError]) expect(Number.isFinite(v)).toBe(true);
    expect(ab.difference).toBeCloseTo(a.satisfied / a.total - b.satisfied / b.total, 12);
    expect(ba.difference).toBeCloseTo(-ab.difference, 12);
    expect(ba.statistic).toBeCloseTo(-ab.statistic, 9);
    expect(ba.pValue).toBeCloseTo(ab.pValue, 12);
    expect(ab.pValue).toBeGreaterThanOrEqual(0);
    expect(ab.pValue).toBeLessThanOrEqual(1);
    expect(ab.interval!.lower).toBeGreaterThanOrEqual(-1);
    expect(ab.interval!.upper).toBeLessThanOrEqual(1);
    expect(ab.interval!.lower).toBeLessThanOrEqual(ab.difference + 1e-12);
    expect(ab.interval!.upper).toBeGreaterThanOrEqual(ab.difference - 1e-12);
  });
  test.prop([sample, level], { numRuns: 80 })('a sample against itself: difference 0, z 0, p 1', (a, l) => {
    expect(compareCsat(a, a, { level: l })).toMatchObject({ difference: 0, statistic: 0, pValue: 1 });
  });
});
