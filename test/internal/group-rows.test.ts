import { describe, expect, it } from 'vitest';
import { groupRows } from '../../src/internal/group-rows';

describe('groupRows', () => {
  it('merges rows equal in every key column, summing weights, groups in first-row order', () => {
    const a = Float64Array.of(1, 2, 1, 3, 2, 1);
    const b = Float64Array.of(5, 5, 5, 5, 6, 5);
    const w = Float64Array.of(1, 2, 3, 4, 5, 0.5);
    const g = groupRows([a, b], w, 6);
    expect(g.size).toBe(4);
    expect([...g.keys[0]!.subarray(0, g.size)]).toEqual([1, 2, 3, 2]);
    expect([...g.keys[1]!.subarray(0, g.size)]).toEqual([5, 5, 5, 6]);
    expect([...g.weights.subarray(0, g.size)]).toEqual([4.5, 2, 4, 5]);
    expect([...g.groupOf]).toEqual([0, 1, 0, 2, 3, 0]);
  });

  it('drops rows of weight 0 (group −1) and reads only the first `length` rows', () => {
    const g = groupRows([Float64Array.of(7, 8, 7, 9)], Float64Array.of(0, 1, 2, 5), 3);
    expect(g.size).toBe(2);
    expect([...g.groupOf]).toEqual([-1, 0, 1]);
    expect([...g.keys[0]!.subarray(0, g.size)]).toEqual([8, 7]);
  });

  it('treats +0 and −0 as the same key, and distinct doubles as distinct keys', () => {
    const g = groupRows([Float64Array.of(0, -0, 0.1 + 0.2, 0.3)], Float64Array.of(1, 1, 1, 1), 4);
    expect(g.size).toBe(3);
    expect(g.groupOf[0]).toBe(g.groupOf[1]);
    expect(g.groupOf[2]).not.toBe(g.groupOf[3]);
  });

  it('grows past its first table: 100,000 rows in 3,000 groups keep their total weight', () => {
    const n = 100_000;
    const x = Float64Array.from({ length: n }, (_, i) => i % 3000);
    const y = Float64Array.from({ length: n }, (_, i) => (i % 3000) * 0.5);
    const w = new Float64Array(n).fill(1);
    const g = groupRows([x, y], w, n);
    expect(g.size).toBe(3000);
    let total = 0;
    for (let k = 0; k < g.size; k++) {
      total += g.weights[k] as number;
      expect(g.keys[1]![k]).toBe(g.keys[0]![k]! * 0.5);
    }
    expect(total).toBe(n);
    expect(g.groupOf[4321]).toBe(4321 % 3000);
  });

  it('is deterministic: the same input groups the same way', () => {
    const x = Float64Array.from({ length: 500 }, (_, i) => (i * 37) % 11);
    const w = new Float64Array(500).fill(2);
    const a = groupRows([x], w, 500);
    const b = groupRows([x], w, 500);
    expect([...a.groupOf]).toEqual([...b.groupOf]);
    expect([...a.weights.subarray(0, a.size)]).toEqual([...b.weights.subarray(0, b.size)]);
  });
});
