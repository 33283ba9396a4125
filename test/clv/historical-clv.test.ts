import { describe, expect, it } from 'vitest';
import { historicalClv } from '../../src/clv/historical-clv';
import { CxMetricsError } from '../../src/internal/errors';
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

  it('skips and counts missing records before any accessor reads them', () => {
    const rows = [purchase('a', 5), null, undefined, purchase('b', 7)] as Purchase[];
    expect(historicalClv(rows)).toMatchObject({ customers: 2, purchases: 2, skipped: 2, totalValue: 12 });
    const viaAccessors = historicalClv(rows, { customerId: (d) => d.customerId, amount: (d) => d.amount });
    expect(viaAccessors).toMatchObject({ customers: 2, purchases: 2, skipped: 2, totalValue: 12 });
  });

  it('sums without drift: a million cents make 10,000', () => {
    const cents = Array.from({ length: 1_000_000 }, () => purchase('a', 0.01));
    expect(historicalClv(cents).totalValue).toBe(10_000);
  });
});

describe('historicalClv: bad input', () => {
  it('a revenue beyond a double is OUT_OF_RANGE naming the customer, never Infinity', () => {
    const huge = [purchase('a', 1e308), purchase('a', 1e308)];
    expect(errorCode(() => historicalClv(huge))).toBe('OUT_OF_RANGE');
    expect(() => historicalClv(huge)).toThrow(/^historicalClv: revenue of customer "a" overflows a double/);
    // Each customer fits, their total does not.
    expect(() => historicalClv([purchase('a', 1e308), purchase('b', 1e308)])).toThrow(/^historicalClv: total value overflows/);
    expect(historicalClv([purchase('a', 8e307), purchase('a', 8e307)]).totalValue).toBe(1.6e308);
  });
  it.each<[string, unknown, string]>([
    ['negative money', -5, 'NEGATIVE_VALUE'],
    ['NaN money', Number.NaN, 'INVALID_NUMBER'],
    ['money as a string', '5', 'INVALID_NUMBER'],
    ['infinite money', Number.POSITIVE_INFINITY, 'INVALID_NUMBER'],
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
    expect((error as CxMetricsError).message).toMatch(/^historicalClv: amount .* at index 1 /);
  });

  it('rejects bad ids and margins', () => {
    expect(errorCode(() => historicalClv([{ ...purchase('a', 1), customerId: {} as unknown as string }]))).toBe('INVALID_RECORD');
    expect(errorCode(() => historicalClv([{ ...purchase('a', 1), customerId: Number.NaN as unknown as string }]))).toBe('INVALID_RECORD');
    expect(errorCode(() => historicalClv([purchase('a', 1)], { grossMargin: 40 }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => historicalClv([purchase('a', 1)], { grossMargin: Number.NaN }))).toBe('INVALID_NUMBER');
  });
});
