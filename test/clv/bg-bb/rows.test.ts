import { describe, expect, it } from 'vitest';
import { readBgBbRows } from '../../../src/clv/bg-bb/rows';
import { errorCode } from '../../support/error-code';

describe('readBgBbRows', () => {
  it('reads frequency, recency and periods by name, weight 1, and counts skipped rows', () => {
    const c = readBgBbRows('f', [{ frequency: 2, recency: 4, periods: 6 }, null, { frequency: 1, recency: undefined, periods: 6 }, { frequency: 0, recency: 0, periods: 6 }], {});
    expect(c.length).toBe(2);
    expect(c.skipped).toBe(2);
    expect([...c.x.subarray(0, 2)]).toEqual([2, 0]);
    expect([...c.tx.subarray(0, 2)]).toEqual([4, 0]);
    expect([...c.n.subarray(0, 2)]).toEqual([6, 6]);
    expect([...c.w.subarray(0, 2)]).toEqual([1, 1]);
  });

  it('reads any record type through accessors, weights included, from an iterable of unknown length', () => {
    function* rows() {
      for (let i = 0; i < 3000; i++) yield [i % 3, i % 3, 5, 2] as const;
    }
    const c = readBgBbRows('f', rows(), { frequency: (d) => d[0], recency: (d) => d[1], periods: (d) => d[2], weight: (d) => d[3] });
    expect(c.length).toBe(3000);
    expect(c.x[2999]).toBe(2999 % 3);
    expect(c.w.subarray(0, c.length).every((w) => w === 2)).toBe(true);
  });

  it.each([
    ['a fractional frequency', { frequency: 1.5, recency: 2, periods: 6 }, 'NOT_AN_INTEGER'],
    ['a negative recency', { frequency: 0, recency: -1, periods: 6 }, 'NEGATIVE_VALUE'],
    ['a string count', { frequency: '1', recency: 2, periods: 6 }, 'INVALID_NUMBER'],
    ['recency after the last period', { frequency: 1, recency: 7, periods: 6 }, 'ORDER_VIOLATION'],
    ['more transactions than opportunities up to recency', { frequency: 3, recency: 2, periods: 6 }, 'INCONSISTENT_INPUT'],
    ['a recency without transaction', { frequency: 0, recency: 2, periods: 6 }, 'INCONSISTENT_INPUT'],
    ['more periods than the limit', { frequency: 0, recency: 0, periods: 2_000_000 }, 'OUT_OF_RANGE'],
  ])('rejects %s', (_name, row, code) => {
    expect(errorCode(() => readBgBbRows('f', [row], {}))).toBe(code);
  });

  it('rejects a negative weight', () => {
    expect(errorCode(() => readBgBbRows('f', [{ frequency: 0, recency: 0, periods: 6 }], { weight: () => -1 }))).toBe('NEGATIVE_VALUE');
  });
});
