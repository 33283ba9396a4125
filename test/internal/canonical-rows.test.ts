import { describe, expect, it } from 'vitest';
import { canonicalRows } from '../../src/internal/canonical-rows';

const columnsOf = (g: ReturnType<typeof canonicalRows>) => g.keys.map((k) => [...k]);

describe('canonicalRows', () => {
  it('merges equal rows, sums their weights, and sorts the distinct rows column by column', () => {
    const a = Float64Array.of(2, 1, 2, 1, 3, 1);
    const b = Float64Array.of(5, 9, 5, 4, 0, 9);
    const w = Float64Array.of(1, 2, 3, 4, 5, 0.5);
    const g = canonicalRows([a, b], w, 6);
    expect(g.size).toBe(4);
    expect(columnsOf(g)).toEqual([
      [1, 1, 2, 3],
      [4, 9, 5, 0],
    ]);
    expect([...g.weights]).toEqual([4, 2.5, 4, 5]);
  });

  it('gives the same arrays, bit for bit, for any order and any grouping of the same rows', () => {
    const n = 2000;
    const x = Float64Array.from({ length: n }, (_, i) => (i * 7) % 13);
    const t = Float64Array.from({ length: n }, (_, i) => ((i * 11) % 17) / 7);
    const ones = new Float64Array(n).fill(1);
    const whole = canonicalRows([x, t], ones, n);
    const reversed = canonicalRows([x.slice().reverse(), t.slice().reverse()], ones, n);
    // The same rows as a histogram: one row per distinct pair with its count, in another order.
    const counts = new Map<string, [number, number, number]>();
    for (let i = n - 1; i >= 0; i--) {
      const key = `${x[i]}|${t[i]}`;
      const c = counts.get(key) ?? [x[i] as number, t[i] as number, 0];
      c[2]++;
      counts.set(key, c);
    }
    const rows = [...counts.values()];
    const histogram = canonicalRows([Float64Array.from(rows, (r) => r[0]), Float64Array.from(rows, (r) => r[1])], Float64Array.from(rows, (r) => r[2]), rows.length);
    for (const other of [reversed, histogram]) {
      expect(other.size).toBe(whole.size);
      expect(columnsOf(other)).toEqual(columnsOf(whole));
      expect([...other.weights]).toEqual([...whole.weights]);
    }
    expect(whole.weights.reduce((s, v) => s + v, 0)).toBe(n);
  });

  it('writes −0 as +0 (the same key), drops rows of weight 0 and reads only `length` rows', () => {
    const g = canonicalRows([Float64Array.of(-0, 0, 5, 1, 9)], Float64Array.of(1, 1, 0, 2, 7), 4);
    expect(g.size).toBe(2);
    expect(Object.is(g.keys[0]![0], 0)).toBe(true);
    expect([...g.keys[0]!]).toEqual([0, 1]);
    expect([...g.weights]).toEqual([2, 2]);
  });

  it('orders extreme values correctly (no overflow in the comparison)', () => {
    const g = canonicalRows([Float64Array.of(1e308, -1e308, 0, 5e-324)], Float64Array.of(1, 1, 1, 1), 4);
    expect([...g.keys[0]!]).toEqual([-1e308, 0, 5e-324, 1e308]);
    const two = canonicalRows([Float64Array.of(1, 1, 1), Float64Array.of(1e308, -1e308, 3)], Float64Array.of(1, 1, 1), 3);
    expect([...two.keys[1]!]).toEqual([-1e308, 3, 1e308]);
  });
});
