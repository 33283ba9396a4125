import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { CxMetricsError } from '../../src/internal/errors';
import { logRankTest } from '../../src/retention/index';

type Life = { time: number; churned: boolean };
const accessors = { duration: (d: Life) => d.time, churned: (d: Life) => d.churned };
const life = fc.record({ time: fc.integer({ min: 1, max: 15 }), churned: fc.boolean() });
const groups = fc.array(fc.array(life, { minLength: 1, maxLength: 25 }), { minLength: 2, maxLength: 5 });
/** Groups and a permutation of them (sort keys, ties broken by position). */
const permuted = groups.chain((list) =>
  fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: list.length, maxLength: list.length }).map((keys) => ({
    list,
    order: list.map((_, k) => k).sort((a, b) => keys[a]! - keys[b]! || a - b),
  })),
);

/** The test, or undefined for the one degenerate draw the bad-input tests cover: a group with nobody at risk at any event time. */
function run(entries: [string, Life[]][]) {
  try {
    return logRankTest(new Map(entries), accessors);
  } catch (error) {
    if (error instanceof CxMetricsError && error.code === 'INSUFFICIENT_DATA' && /nobody at risk/.test(error.message)) return undefined;
    throw error;
  }
}

describe('logRankTest properties', () => {
  test.prop([permuted], { numRuns: 200 })('the statistic is invariant to group order (names kept, any permutation); O and E sum alike; p in [0, 1]', ({ list, order }) => {
    const entries = list.map((g, k) => [`g${k}`, g] as [string, Life[]]);
    const result = run(entries);
    fc.pre(result !== undefined && result.chiSquare !== undefined);
    const reordered = run(order.map((k) => entries[k]!))!;
    expect(reordered.groups.map((g) => g.group)).toEqual(order.map((k) => `g${k}`));
    expect(Math.abs(reordered.chiSquare! - result!.chiSquare!) / Math.max(1, result!.chiSquare!)).toBeLessThan(1e-9);
    expect(reordered.pValue! - result!.pValue!).toBeCloseTo(0, 9);
    for (const g of reordered.groups) {
      const same = result!.groups.find((h) => h.group === g.group)!;
      expect(g.observed).toBe(same.observed);
      expect(Math.abs(g.expected - same.expected)).toBeLessThan(1e-9 * Math.max(1, same.expected));
    }
    const o = result!.groups.reduce((s, g) => s + g.observed, 0);
    const e = result!.groups.reduce((s, g) => s + g.expected, 0);
    expect(Math.abs(o - e)).toBeLessThan(1e-9 * Math.max(1, o));
    expect(result!.chiSquare).toBeGreaterThanOrEqual(0);
    expect(result!.pValue!).toBeGreaterThanOrEqual(0);
    expect(result!.pValue!).toBeLessThanOrEqual(1);
    expect(result!.degreesOfFreedom).toBe(list.length - 1);
  });

  test.prop([fc.array(life, { minLength: 2, maxLength: 40 })], { numRuns: 150 })('identical groups give χ² = 0, p = 1', (g) => {
    const result = run([
      ['a', g],
      ['b', g.slice().reverse()],
    ]);
    fc.pre(result !== undefined && result.chiSquare !== undefined);
    if (result?.chiSquare === undefined) return;
    expect(result.chiSquare).toBeLessThan(1e-12);
    expect(result.pValue!).toBeGreaterThan(1 - 1e-6);
  });

  test.prop([fc.array(life, { minLength: 1, maxLength: 40 }), fc.double({ min: 0.05, max: 20, noNaN: true }), fc.double({ min: 0.05, max: 20, noNaN: true })], { numRuns: 150 })(
    'sBG check: expected events ≥ 0, variance ≤ expected, pooled = sum of groups',
    (g, alpha, beta) => {
      const result = logRankTest({ a: g, b: g.slice().reverse() }, { ...accessors, projection: { alpha, beta } });
      const check = result.projection!;
      for (const r of check.groups) {
        expect(r.expected).toBeGreaterThanOrEqual(0);
        expect(r.variance).toBeLessThanOrEqual(r.expected + 1e-12);
        if (r.pValue !== undefined) expect(r.pValue).toBeGreaterThanOrEqual(0);
      }
      expect(check.pooled.expected).toBeCloseTo(check.groups[0]!.expected + check.groups[1]!.expected, 9);
    },
  );
});
