import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { rakeWeights } from '../../src/survey/index';

const A = ['a1', 'a2', 'a3'] as const;
const B = ['b1', 'b2'] as const;
/** A sample where every category appears, and targets with the same total. */
const setting = fc.record({
  rows: fc.array(fc.record({ a: fc.constantFrom(...A), b: fc.constantFrom(...B), w: fc.double({ min: 0.2, max: 5, noNaN: true }) }), { minLength: 6, maxLength: 80 }),
  ta: fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
  tb: fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 2, maxLength: 2 }),
  total: fc.double({ min: 1, max: 1e6, noNaN: true }),
}).filter(({ rows }) => A.every((a) => B.every((b) => rows.some((r) => r.a === a && r.b === b))));

function margins(ta: number[], tb: number[], total: number) {
  const sa = ta.reduce((s, v) => s + v, 0);
  const sb = tb.reduce((s, v) => s + v, 0);
  return [
    { name: 'a', category: (r: { a: string }) => r.a, targets: Object.fromEntries(A.map((c, j) => [c, (total * ta[j]!) / sa])) },
    { name: 'b', category: (r: { b: string }) => r.b, targets: Object.fromEntries(B.map((c, j) => [c, (total * tb[j]!) / sb])) },
  ];
}

describe('rakeWeights properties', () => {
  test.prop([setting], { numRuns: 150 })('raked weights reproduce every target margin within tolerance, sum to the total', ({ rows, ta, tb, total }) => {
    const m = margins(ta, tb, total);
    const result = rakeWeights(rows, m, { weight: (r) => r.w, maxIterations: 2000 });
    expect(result.converged).toBe(true);
    for (const margin of m) {
      for (const [category, target] of Object.entries(margin.targets)) {
        const achieved = rows.reduce((s, r, i) => s + (margin.category(r as never) === category ? result.weights[i]! : 0), 0);
        expect(Math.abs(achieved - target) / total).toBeLessThan(1e-7);
      }
    }
    expect(Math.abs(result.weights.reduce((s, w) => s! + w!, 0)! - total) / total).toBeLessThan(1e-7);
    expect(result.designEffect!).toBeGreaterThanOrEqual(1 - 1e-12);
    expect(result.effectiveSampleSize).toBeLessThanOrEqual(rows.length * (1 + 1e-12));
  });

  test.prop([setting], { numRuns: 100 })('weights of 1 when the sample already matches the margins', ({ rows }) => {
    const count = (key: 'a' | 'b', c: string) => rows.filter((r) => r[key] === c).length;
    const m = [
      { name: 'a', category: (r: { a: string }) => r.a, targets: Object.fromEntries(A.map((c) => [c, count('a', c)])) },
      { name: 'b', category: (r: { b: string }) => r.b, targets: Object.fromEntries(B.map((c) => [c, count('b', c)])) },
    ];
    const result = rakeWeights(rows, m);
    expect(result.converged).toBe(true);
    expect(result.iterations).toBe(1);
    for (const w of result.weights) expect(Math.abs(w! - 1)).toBeLessThan(1e-12);
    expect(result.designEffect).toBeCloseTo(1, 12);
    expect(result.effectiveSampleSize).toBeCloseTo(rows.length, 9);
  });

  test.prop([setting, fc.double({ min: 1.5, max: 4, noNaN: true })], { numRuns: 100 })('with trimming, a converged run keeps every weight within the bounds and matches the margins', ({ rows, ta, tb, total }, upper) => {
    const m = margins(ta, tb, total);
    const result = rakeWeights(rows, m, { bounds: { lower: 0.25, upper }, maxIterations: 500 });
    const mean = total / rows.length;
    if (!result.converged) {
      // Bounds that the margins cannot meet: reported, with residuals above the tolerance.
      expect(result.maxResidual!).toBeGreaterThan(1e-8);
      return;
    }
    for (const w of result.weights) {
      expect(w!).toBeLessThanOrEqual(upper * mean * (1 + 1e-12));
      expect(w!).toBeGreaterThanOrEqual(0.25 * mean * (1 - 1e-12));
    }
    expect(result.maxResidual!).toBeLessThanOrEqual(1e-8);
  });

  test.prop([setting], { numRuns: 60 })('invariant to the order of respondents', ({ rows, ta, tb, total }) => {
    const m = margins(ta, tb, total);
    const a = rakeWeights(rows, m, { weight: (r) => r.w });
    const reversed = rakeWeights(rows.slice().reverse(), m, { weight: (r) => r.w });
    a.weights.forEach((w, i) => expect(Math.abs(w! - reversed.weights[rows.length - 1 - i]!) / w!).toBeLessThan(1e-9));
  });
});
