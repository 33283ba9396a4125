import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bgNbd, repeatPurchaseHistogram } from '../../src/clv';
import { CxMetricsError } from '../../src/internal/errors';
import { bgNbdParamsWholeRange } from './bg-nbd/bg-nbd-arbitraries';
import { BG_NBD_CDNOW } from './validation-data';

const row = fc.record({ frequency: fc.integer({ min: 0, max: 15 }), T: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 60, noNaN: true })), w: fc.integer({ min: 1, max: 400 }) });

describe('repeatPurchaseHistogram: properties', () => {
  test.prop([bgNbdParamsWholeRange, fc.array(row, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 10 })], { numRuns: 80 })(
    'over the whole fitted range: expected cells ≥ 0 sum to the customers, observed too; pooled cells expect ≥ 5; p in [0, 1]; or a documented refusal',
    (params, rows, top) => {
      let result;
      try {
        result = repeatPurchaseHistogram(bgNbd, params, rows, { maxFrequency: top, weight: (d) => d.w });
      } catch (error) {
        if (error instanceof CxMetricsError && error.code === 'OUT_OF_RANGE') return;
        throw error;
      }
      const n = rows.reduce((s, r) => s + r.w, 0);
      expect(result.customers).toBe(n);
      expect(result.cells).toHaveLength(top + 1);
      let e = 0;
      let o = 0;
      for (const c of result.cells) {
        expect(Number.isFinite(c.expected) && c.expected >= 0).toBe(true);
        e += c.expected;
        o += c.observed;
      }
      expect(o).toBe(n);
      expect(e).toBeCloseTo(n, 6);
      const pooled = result.chiSquare.cells;
      expect(pooled.reduce((s, c) => s + c.observed, 0)).toBe(n);
      if (pooled.length > 1) for (const c of pooled) expect(c.expected).toBeGreaterThanOrEqual(5 - 1e-9);
      expect(Number.isFinite(result.chiSquare.statistic!)).toBe(true);
      if (result.chiSquare.pValue !== undefined) {
        expect(result.chiSquare.pValue).toBeGreaterThanOrEqual(0);
        expect(result.chiSquare.pValue).toBeLessThanOrEqual(1);
      }
      expect(result.chiSquare.df).toBe(pooled.length - 5);
    },
  );

  test.prop([fc.array(row, { maxLength: 8 })], { numRuns: 60 })('duplicated customers give what weights give', (rows) => {
    const expanded = rows.flatMap((r) => Array.from({ length: r.w % 5 }, () => r));
    const weighted = repeatPurchaseHistogram(bgNbd, BG_NBD_CDNOW, rows, { weight: (d) => d.w % 5 });
    const plain = repeatPurchaseHistogram(bgNbd, BG_NBD_CDNOW, expanded);
    expect(weighted.cells.map((c) => c.observed)).toEqual(plain.cells.map((c) => c.observed));
    weighted.cells.forEach((c, k) => expect(c.expected).toBeCloseTo(plain.cells[k]!.expected, 9));
    expect(weighted.chiSquare.cells.map((c) => c.label)).toEqual(plain.chiSquare.cells.map((c) => c.label));
  });
});
