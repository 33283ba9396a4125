import { describe, expect, it } from 'vitest';
import { forEachAccessed, forEachValue, isNumericTypedArray, toArray } from '../../src/internal/input';

describe('reading inputs', () => {
  const collect = (values: Parameters<typeof forEachValue<number>>[0]) => {
    const seen: [number, number][] = [];
    forEachValue(values, (d, i) => seen.push([d, i]));
    return seen;
  };

  it('walks arrays, typed arrays, sets, generators and array-likes the same way', () => {
    const expected = [
      [3, 0],
      [1, 1],
      [2, 2],
    ];
    expect(collect([3, 1, 2])).toEqual(expected);
    expect(collect(new Uint8Array([3, 1, 2]))).toEqual(expected);
    expect(collect(new Set([3, 1, 2]))).toEqual(expected);
    expect(collect((function* () { yield 3; yield 1; yield 2; })())).toEqual(expected);
    expect(collect({ length: 3, 0: 3, 1: 1, 2: 2 })).toEqual(expected);
  });

  it('reads records through the accessor with their index', () => {
    const out: string[] = [];
    forEachAccessed([{ s: 9 }, { s: 4 }], (d, i) => d.s * 10 + i, (v, i) => out.push(`${i}:${v}`));
    expect(out).toEqual(['0:90', '1:41']);
  });

  it('recognises numeric typed arrays only', () => {
    expect(isNumericTypedArray(new Float64Array(1))).toBe(true);
    expect(isNumericTypedArray(new BigInt64Array(1))).toBe(false);
    expect(isNumericTypedArray(new DataView(new ArrayBuffer(1)))).toBe(false);
    expect(isNumericTypedArray([1])).toBe(false);
  });

  it('does not copy arrays it can read directly', () => {
    const a = [1, 2];
    expect(toArray(a)).toBe(a);
    expect(toArray(new Set([1, 2]))).toEqual([1, 2]);
  });
});
