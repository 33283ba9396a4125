import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { historicalClv } from '../../src/clv/historical-clv';

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
