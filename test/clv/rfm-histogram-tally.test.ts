import { describe, expect, it } from 'vitest';
import { rfmHistogramTally as tally } from '../../src/clv';
import { thrownBy } from '../support/error-code';

const rows = [
  { frequency: 0, recency: 0, T: 10, monetaryValue: 0, customers: 40 },
  { frequency: 2, recency: 6, T: 10, monetaryValue: 15, customers: 3 },
  { frequency: 2, recency: 6, T: 10, monetaryValue: 15, customers: 2 },
  { frequency: 1, recency: 4, T: 9, monetaryValue: 12.5, customers: 0 },
];
const fold = (list: readonly unknown[]) => list.reduce((s: ReturnType<typeof tally.create>, r, i) => tally.add(s, r as never, i), tally.create());
const code = (run: () => unknown) => (thrownBy(run) as { code?: string } | undefined)?.code;

describe('rfmHistogramTally', () => {
  it('adds the customers of equal cells and sorts the cells (hand count)', () => {
    expect(tally.result(fold(rows))).toEqual({
      rows: [
        { frequency: 0, recency: 0, T: 10, monetaryValue: 0, customers: 40 },
        { frequency: 2, recency: 6, T: 10, monetaryValue: 15, customers: 5 },
      ],
      customers: 45,
      skipped: 0,
    });
  });

  it('keeps timing-only histograms without monetaryValue', () => {
    const timing = rows.map(({ monetaryValue: _, ...r }) => r);
    expect(tally.result(fold(timing)).rows[1]).toEqual({ frequency: 2, recency: 6, T: 10, customers: 5 });
  });

  it('skips and counts null rows and rows with a null field', () => {
    const result = tally.result(fold([null, ...rows, { ...rows[0], customers: null }, undefined]));
    expect(result.skipped).toBe(3);
    expect(result.customers).toBe(45);
  });

  it('is a JSON-serialisable state that survives a round trip', () => {
    const state = JSON.parse(JSON.stringify(fold(rows))) as ReturnType<typeof tally.create>;
    expect(tally.result(tally.add(state, rows[1]!))).toMatchObject({ customers: 48 });
  });

  it.each([
    ['a negative count', { ...rows[1], customers: -1 }, 'NEGATIVE_VALUE'],
    ['a fractional count', { ...rows[1], customers: 1.5 }, 'NOT_AN_INTEGER'],
    ['recency > T', { ...rows[1], recency: 11 }, 'ORDER_VIOLATION'],
    ['recency ≠ 0 with frequency 0', { ...rows[0], recency: 1 }, 'INCONSISTENT_INPUT'],
    ['a fractional frequency', { ...rows[1], frequency: 1.5 }, 'NOT_AN_INTEGER'],
    ['a string T', { ...rows[1], T: '10' }, 'INVALID_NUMBER'],
    ['a negative spend', { ...rows[1], monetaryValue: -1 }, 'NEGATIVE_VALUE'],
  ])('rejects %s', (_name, row, expected) => {
    expect(code(() => tally.add(tally.create(), row as never, 0))).toBe(expected);
  });

  it('rejects histograms grouped differently, in add and in merge', () => {
    const timing = { frequency: 1, recency: 2, T: 3, customers: 1 };
    // A row without spend in a spend histogram misses a field: skipped and counted.
    expect(tally.result(tally.add(fold(rows), timing, 9)).skipped).toBe(1);
    expect(code(() => tally.add(fold([timing]), rows[1]!, 1))).toBe('INCONSISTENT_INPUT');
    expect(code(() => tally.merge(fold(rows), fold([timing])))).toBe('INCONSISTENT_INPUT');
  });

  it('rejects counts beyond 2^53 − 1', () => {
    const big = { ...rows[1], customers: Number.MAX_SAFE_INTEGER };
    expect(code(() => tally.add(fold([big]), rows[1]!))).toBe('OUT_OF_RANGE');
  });

  it('rejects malformed states with INVALID_RECORD', () => {
    const state = fold(rows);
    expect(code(() => tally.result({ ...state, customers: 44 }))).toBe('INVALID_RECORD');
    expect(code(() => tally.result({ ...state, cells: { 'x|y': rows[0]! } }))).toBe('INVALID_RECORD');
    expect(code(() => tally.merge(state, null as never))).toBe('INVALID_RECORD');
    expect(code(() => tally.create({ level: 1 } as never))).toBe('INVALID_OPTION');
  });
});
