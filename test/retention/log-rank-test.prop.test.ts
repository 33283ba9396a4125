import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { logRankTest } from '../../src/retention/index';

type Life = { time: number; churned: boolean };
const accessors = { duration: (d: Life) => d.time, churned: (d: Life) => d.churned };
const life = fc.record({ time: fc.integer({ min: 1, max: 15 }), churned: fc.boolean() });
const groups = fc.array(fc.array(life, { minLength: 1, maxLength: 25 }), { minLength: 2, maxLength: 5 });

function run(list: Life[][]) {
  try {
    return logRankTest(Object.fromEntries(list.map((g, k) => [`g${k}`, g])), accessors);
  } catch {
    return undefined; // a group with nobody at risk at the event times: the bad-input tests' business
  }
}

describe('logRankTest properties', () => {
  test.prop([groups, fc.integer({ min: 1, max: 4 })], { numRuns: 200 })('the statistic is invariant to group order; O and E sum alike; p in [0, 1]', (list, shift) => {
    const result = run(list);
    if (result === undefined || result.chiSquare === undefined) return;
    const rotated = run([...list.slice(shift % list.length), ...list.slice(0, shift % list.length)])!;
    expect(Math.abs(rotated.chiSquare! - result.chiSquare) / Math.max(1, result.chiSquare)).toBeLessThan(1e-9);
    const o = result.groups.reduce((s, g) => s + g.observed, 0);
    const e = result.groups.reduce((s, g) => s + g.expected, 0);
    expect(Math.abs(o - e)).toBeLessThan(1e-9 * Math.max(1, o));
    expect(result.chiSquare).toBeGreaterThanOrEqual(0);
    expect(result.pValue!).toBeGreaterThanOrEqual(0);
    expect(result.pValue!).toBeLessThanOrEqual(1);
    expect(result.degreesOfFreedom).toBe(list.length - 1);
  });

  test.prop([fc.array(life, { minLength: 2, maxLength: 40 })], { numRuns: 150 })('identical groups give χ² = 0, p = 1', (g) => {
    const result = run([g, g.slice().reverse()]);
    if (result === undefined || result.chiSquare === undefined) return;
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
