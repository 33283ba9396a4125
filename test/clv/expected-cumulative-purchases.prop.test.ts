import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bgNbd, expectedCumulativePurchases } from '../../src/clv';
import { CxMetricsError } from '../../src/internal/errors';
import { bgNbdParamsWholeRange } from './bg-nbd/bg-nbd-arbitraries';
import { BG_NBD_CDNOW } from './validation-data';

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);
const purchase = fc.record({ customerId: fc.integer({ min: 0, max: 6 }), at: fc.integer({ min: 0, max: 10 }).map((d) => START + d * DAY + 3_600_000) });

describe('expectedCumulativePurchases: properties', () => {
  test.prop([bgNbdParamsWholeRange, fc.array(purchase, { maxLength: 25 }), fc.constantFrom('day', 'week' as const)], { numRuns: 30 })(
    'over the whole fitted range: cumulative curves non-decreasing, finite, incremental ≥ 0; actual total = distinct repeat days; or a documented refusal',
    (params, purchases, trackingPeriod) => {
      let curve;
      try {
        curve = expectedCumulativePurchases(bgNbd, params, purchases, { observationEnd: START + 10 * DAY, calibrationEnd: START + 5 * DAY, trackingPeriod: trackingPeriod as 'day' | 'week' });
      } catch (error) {
        if (error instanceof CxMetricsError && error.code === 'OUT_OF_RANGE') return;
        throw error;
      }
      for (let k = 0; k < curve.expected.length; k++) {
        expect(Number.isFinite(curve.expectedCumulative[k]!)).toBe(true);
        expect(curve.expected[k]).toBeGreaterThanOrEqual(0);
        if (k > 0) {
          expect(curve.expectedCumulative[k]).toBeGreaterThanOrEqual(curve.expectedCumulative[k - 1]!);
          expect(curve.actualCumulative[k]).toBeGreaterThanOrEqual(curve.actualCumulative[k - 1]!);
        }
      }
      const days = new Map<number, Set<number>>();
      for (const p of purchases) (days.get(p.customerId) ?? days.set(p.customerId, new Set()).get(p.customerId)!).add(Math.floor(p.at / DAY));
      const repeats = Array.from(days.values()).reduce((s, d) => s + d.size - 1, 0);
      expect(curve.actualCumulative.at(-1) ?? 0).toBe(repeats);
      expect(curve.totals!.calibrationActual + curve.totals!.holdoutActual).toBe(repeats);
      expect(curve.customers).toBe(days.size);
    },
  );

  test.prop([fc.array(purchase, { minLength: 1, maxLength: 25 }), fc.integer({ min: 0, max: 2 ** 31 })], { numRuns: 50 })('the order of the purchases does not matter', (purchases, seed) => {
    const options = { observationEnd: START + 10 * DAY };
    const a = expectedCumulativePurchases(bgNbd, BG_NBD_CDNOW, purchases, options);
    const order = purchases.map((_, i) => i).sort((i, j) => ((i * 2654435761 + seed) % 1009) - ((j * 2654435761 + seed) % 1009));
    const b = expectedCumulativePurchases(bgNbd, BG_NBD_CDNOW, order.map((i) => purchases[i]!), options);
    expect(Array.from(b.actual)).toEqual(Array.from(a.actual));
    expect(Array.from(b.expectedCumulative)).toEqual(Array.from(a.expectedCumulative));
  });
});
