import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bgBb, bgNbd, predictTransactions, type PredictTransactionsResult } from '../../src/clv';
import { CxMetricsError } from '../../src/internal/errors';
import { bgNbdCustomerWholeRange, bgNbdParamsWholeRange, wholeTime } from './bg-nbd/bg-nbd-arbitraries';
import { wideBgBb, wideBgBbHistory } from './wide-arbitraries';
import { poissonGamma, poissonGammaFit } from './poisson-gamma-model';

const CDNOW = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const history = fc
  .record({ x: fc.integer({ min: 0, max: 12 }), T: fc.integer({ min: 0, max: 40 }), share: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ x, T, share }) => ({ frequency: x, recency: x === 0 ? 0 : Math.round(T * share), T }));

describe('predictTransactions: properties', () => {
  test.prop([fc.array(history, { maxLength: 30 }), fc.integer({ min: 0, max: 2 ** 31 })], { numRuns: 30 })(
    'each customer’s prediction does not depend on the other customers or their order; the total is the sum',
    (rows, seed) => {
      const together = predictTransactions(bgNbd, CDNOW, rows, { t: 26 });
      const order = rows.map((_, i) => i).sort((i, j) => ((i * 2654435761 + seed) % 1009) - ((j * 2654435761 + seed) % 1009));
      const shuffled = predictTransactions(bgNbd, CDNOW, order.map((i) => rows[i]!), { t: 26 });
      order.forEach((i, k) => {
        expect(shuffled.expectedPurchases[k]).toBe(together.expectedPurchases[i]);
        expect(shuffled.probabilityAlive[k]).toBe(together.probabilityAlive[i]);
        expect(predictTransactions(bgNbd, CDNOW, [rows[i]!], { t: 26 }).expectedPurchases[0]).toBe(together.expectedPurchases[i]);
      });
      const sum = Array.from(together.expectedPurchases).reduce((s, v) => s + v, 0);
      expect(Math.abs(together.totalExpectedPurchases - sum)).toBeLessThanOrEqual(1e-12 * Math.max(1, sum));
    },
  );

  test.prop([fc.array(history, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0.5, max: 0.99, noNaN: true })], { numRuns: 15 })(
    'intervals: lower ≤ upper, ≥ 0, P(alive) within [0, 1], for the expected values and the realised total',
    (rows, seed, level) => {
      const fit = poissonGammaFit({ r: 0.8, alpha: 5 }, 0.15, 0.2);
      const result = predictTransactions(poissonGamma, fit, rows, { t: 10, intervals: { level, draws: 40, seed, predictive: true } });
      const { intervals } = result;
      for (let i = 0; i < rows.length; i++) {
        expect(intervals.expectedPurchases.lower[i]).toBeGreaterThanOrEqual(0);
        expect(intervals.expectedPurchases.lower[i]).toBeLessThanOrEqual(intervals.expectedPurchases.upper[i]!);
        expect(intervals.probabilityAlive.lower[i]).toBeGreaterThanOrEqual(0);
        expect(intervals.probabilityAlive.upper[i]).toBeLessThanOrEqual(1);
      }
      expect(intervals.totalExpectedPurchases.lower).toBeLessThanOrEqual(intervals.totalExpectedPurchases.upper);
      expect(intervals.totalPurchases.lower).toBeGreaterThanOrEqual(0);
      expect(intervals.totalPurchases.lower).toBeLessThanOrEqual(intervals.totalPurchases.upper);
    },
  );
});

describe('predictTransactions: bounds over the whole fitted range', () => {
  // BG/NBD parameters in [e^-30, e^30]: P(alive) in [0, 1], E[Y(t)] in [0, (r + x)/(α + T)·t] (the
  // expectation of an immortal customer), finite, or the model's documented refusal (OUT_OF_RANGE).
  test.prop([bgNbdParamsWholeRange, fc.array(bgNbdCustomerWholeRange, { minLength: 1, maxLength: 4 }), wholeTime], { numRuns: 50 })(
    'BG/NBD: within the bounds, or a documented refusal',
    (params, customers, t) => {
      let result: PredictTransactionsResult;
      try {
        result = predictTransactions(bgNbd, params, customers, { t });
      } catch (error) {
        expect(error).toBeInstanceOf(CxMetricsError);
        expect((error as CxMetricsError).code).toBe('OUT_OF_RANGE');
        return;
      }
      customers.forEach((c, i) => {
        const bound = ((params.r + c.frequency) / (params.alpha + c.T)) * t;
        expect(result.probabilityAlive[i]).toBeGreaterThanOrEqual(0);
        expect(result.probabilityAlive[i]).toBeLessThanOrEqual(1);
        expect(result.expectedPurchases[i]).toBeGreaterThanOrEqual(0);
        expect(result.expectedPurchases[i]).toBeLessThanOrEqual(bound * (1 + 1e-9));
      });
      expect(Number.isFinite(result.totalExpectedPurchases)).toBe(true);
    },
  );

  test.prop([wideBgBb, fc.array(wideBgBbHistory, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 1000 })], { numRuns: 20 })(
    'BG/BB: P(alive) in [0, 1], expected transactions in [0, t]',
    (params, histories, t) => {
      const result = predictTransactions(bgBb, params, histories, { t });
      histories.forEach((_, i) => {
        expect(result.probabilityAlive[i]).toBeGreaterThanOrEqual(0);
        expect(result.probabilityAlive[i]).toBeLessThanOrEqual(1);
        expect(result.expectedPurchases[i]).toBeGreaterThanOrEqual(0);
        expect(result.expectedPurchases[i]).toBeLessThanOrEqual(t * (1 + 1e-12));
      });
    },
  );
});
