import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { historicalClv } from '../../src/clv/historical-clv';
import { CxMetricsError } from '../../src/errors';
import { errorCode } from '../support/error-code';
import type { Purchase } from '../../src/models/interaction';

const purchase = (customerId: string, amount: number): Purchase => ({ type: 'purchase', customerId, at: 0, amount, currency: 'USD' });

describe('historicalClv: known values', () => {
  it('sums revenue per customer, applies the margin, averages over customers', () => {
    const result = historicalClv([purchase('a', 10), purchase('b', 30), purchase('a', 15), purchase('c', 0)], { grossMargin: 0.4 });
    expect(result.rows).toEqual([
      { customerId: 'a', purchases: 2, revenue: 25, value: 10 },
      { customerId: 'b', purchases: 1, revenue: 30, value: 12 },
      { customerId: 'c', purchases: 1, revenue: 0, value: 0 },
    ]);
    expect(result).toMatchObject({ customers: 3, purchases: 4, skipped: 0, totalValue: 22 });
    expect(result.averageValue).toBeCloseTo(22 / 3, 12);
    expect(Object.isFrozen(result) && Object.isFrozen(result.rows) && Object.isFrozen(result.rows[0])).toBe(true);
  });

  it('reads other records through accessors, e.g. a per-purchase margin', () => {
    const orders = [
      { who: 7, margin: 3.5 },
      { who: 7, margin: 1.5 },
      { who: 8, margin: 2 },
    ];
    const result = historicalClv(orders, { customerId: (d) => d.who, amount: (d) => d.margin });
    expect(result.rows).toEqual([
      { customerId: 7, purchases: 2, revenue: 5, value: 5 },
      { customerId: 8, purchases: 1, revenue: 2, value: 2 },
    ]);
  });

  it('skips and counts missing ids and amounts; undefined average for no purchases', () => {
    const rows = [
      { who: 'a', v: 1 },
      { who: null, v: 2 },
      { who: 'a', v: undefined },
    ];
    const result = historicalClv(rows, { customerId: (d) => d.who, amount: (d) => d.v });
    expect(result).toMatchObject({ customers: 1, purchases: 1, skipped: 2, totalValue: 1, averageValue: 1 });
    expect(historicalClv([])).toMatchObject({ rows: [], customers: 0, totalValue: 0, averageValue: undefined });
  });

  it('sums without drift: a million cents make 10,000', () => {
    const cents = Array.from({ length: 1_000_000 }, () => purchase('a', 0.01));
    expect(historicalClv(cents).totalValue).toBe(10_000);
  });
});

describe('historicalClv: properties', () => {
  const records = fc.array(fc.record({ id: fc.integer({ min: 0, max: 5 }), v: fc.integer({ min: 0, max: 1e6 }).map((c) => c / 100) }), {
    maxLength: 80,
  });
  test.prop([records, fc.double({ min: 0, max: 1, noNaN: true })], { numRuns: 100 })(
    'totals match the purchases, rows partition them, order does not matter',
    (rs, margin) => {
      const opts = { customerId: (d: { id: number }) => d.id, amount: (d: { v: number }) => d.v, grossMargin: margin };
      const result = historicalClv(rs, opts);
      const revenue = rs.reduce((s, r) => s + r.v, 0);
      expect(result.totalValue).toBeCloseTo(revenue * margin, 6);
      expect(result.rows.reduce((s, r) => s + r.purchases, 0)).toBe(rs.length);
      expect(result.customers).toBe(new Set(rs.map((r) => r.id)).size);
      for (const row of result.rows) expect(row.value).toBeGreaterThanOrEqual(0);
      const reversed = new Map(historicalClv([...rs].reverse(), opts).rows.map((r) => [r.customerId, r]));
      for (const row of result.rows) {
        expect(reversed.get(row.customerId)?.purchases).toBe(row.purchases);
        expect(reversed.get(row.customerId)?.revenue).toBeCloseTo(row.revenue, 8);
      }
    },
  );
});

describe('historicalClv: bad input', () => {
  it.each<[string, unknown, string]>([
    ['negative money', -5, 'NEGATIVE_VALUE'],
    ['NaN money', Number.NaN, 'INVALID_NUMBER'],
    ['money as a string', '5', 'INVALID_NUMBER'],
  ])('throws for %s with its index', (_what, amount, code) => {
    const rows = [purchase('a', 1), { ...purchase('a', 1), amount: amount as number }];
    let error: unknown;
    try {
      historicalClv(rows);
    } catch (e) {
      error = e;
    }
    expect((error as CxMetricsError).code).toBe(code);
    expect((error as CxMetricsError).details).toMatchObject({ function: 'historicalClv', index: 1 });
  });

  it('rejects bad ids and margins', () => {
    expect(errorCode(() => historicalClv([{ ...purchase('a', 1), customerId: {} as unknown as string }]))).toBe('INVALID_RECORD');
    expect(errorCode(() => historicalClv([purchase('a', 1)], { grossMargin: 40 }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => historicalClv([purchase('a', 1)], { grossMargin: Number.NaN }))).toBe('INVALID_NUMBER');
  });
});
