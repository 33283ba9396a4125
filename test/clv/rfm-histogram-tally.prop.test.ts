import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { rfmHistogramTally as tally, type RfmHistogramRow } from '../../src/clv';

// Cells on a small grid so that equal summaries recur; recency ≤ T, 0 when frequency is 0.
const cell = fc
  .record({ frequency: fc.integer({ min: 0, max: 3 }), recency: fc.integer({ min: 0, max: 4 }), extra: fc.integer({ min: 0, max: 2 }), spend: fc.constantFrom(0, 10, 12.5), customers: fc.nat(1000) })
  .map(({ frequency, recency, extra, spend, customers }): RfmHistogramRow => ({
    frequency,
    recency: frequency === 0 ? 0 : recency / 2,
    T: (frequency === 0 ? 0 : recency / 2) + extra,
    monetaryValue: frequency === 0 ? 0 : spend,
    customers,
  }));
const fold = (list: readonly RfmHistogramRow[]) => list.reduce((s, r) => tally.add(s, r), tally.create());

test.prop([fc.array(cell, { maxLength: 40 }), fc.nat()])('batch = merge of any two splits, in either order, = the reversed fold', (rows, i) => {
  const cut = rows.length === 0 ? 0 : i % (rows.length + 1);
  const whole = tally.result(fold(rows));
  const a = fold(rows.slice(0, cut));
  const b = fold(rows.slice(cut));
  expect(tally.result(tally.merge(a, b))).toEqual(whole);
  expect(tally.result(tally.merge(b, a))).toEqual(whole);
  expect(tally.result(fold([...rows].reverse()))).toEqual(whole);
});

test.prop([fc.array(cell, { maxLength: 20 }), fc.array(cell, { maxLength: 20 }), fc.array(cell, { maxLength: 20 })])('merge is associative', (x, y, z) => {
  const [a, b, c] = [fold(x), fold(y), fold(z)];
  expect(tally.result(tally.merge(tally.merge(a, b), c))).toEqual(tally.result(tally.merge(a, tally.merge(b, c))));
});

test.prop([fc.array(cell, { maxLength: 40 })])('the cells count every customer once, sorted, none empty', (rows) => {
  const result = tally.result(fold(rows));
  expect(result.customers).toBe(rows.reduce((s, r) => s + r.customers, 0));
  expect(result.rows.reduce((s, r) => s + r.customers, 0)).toBe(result.customers);
  expect(result.rows.every((r) => r.customers > 0)).toBe(true);
  const keys = result.rows.map((r) => [r.frequency, r.recency, r.T, r.monetaryValue ?? 0]);
  const sorted = [...keys].sort((p, q) => p[0]! - q[0]! || p[1]! - q[1]! || p[2]! - q[2]! || p[3]! - q[3]!);
  expect(keys).toEqual(sorted);
});
