import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bgBb, bgNbd as bgNbdModel, paretoNbd, predictClv, type PredictClvResult } from '../../src/clv';
import { bgBbCustomer, bgBbParams } from './bg-bb/bg-bb-data';
import { CxMetricsError } from '../../src/internal/errors';
import { bgNbdCustomerWholeRange, bgNbdParamsWholeRange } from './bg-nbd/bg-nbd-arbitraries';
import { clvCustomer } from './clv-arbitraries';

const bgNbd = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const gammaGamma = { p: 6.25, q: 3.74, gamma: 15.44 };

describe('predictClv: properties', () => {
  test.prop(
    [
      clvCustomer,
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 0, max: 10 }),
      fc.double({ min: 0, max: 0.2, noNaN: true }),
      fc.double({ min: 0, max: 0.2, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    ],
    { numRuns: 80 },
  )('CLV is ≥ 0, non-decreasing in horizon and margin, non-increasing in the discount rate', (c, horizon, more, d, dd, m, dm) => {
    const run = (h: number, rate: number, margin: number) =>
      predictClv(bgNbdModel, bgNbd, { gammaGamma }, [c], { timeUnit: 'week', horizon: h, horizonUnit: 'month', discountRate: rate, margin }).clv[0] as number;
    const base = run(horizon, d, m);
    expect(base).toBeGreaterThanOrEqual(0);
    expect(run(horizon + more, d, m)).toBeGreaterThanOrEqual(base * (1 - 1e-12));
    expect(run(horizon, d, Math.min(1, m + dm))).toBeGreaterThanOrEqual(base * (1 - 1e-12));
    expect(run(horizon, d + dd, m)).toBeLessThanOrEqual(base * (1 + 1e-12));
  });

  test.prop([fc.array(clvCustomer, { maxLength: 20 }), fc.integer({ min: 0, max: 2 ** 31 })], { numRuns: 50 })(
    'each customer’s prediction does not depend on the other customers or their order',
    (rows, seed) => {
      const options = { timeUnit: 'week', horizon: 6, horizonUnit: 'month', discountRate: 0.01 } as const;
      const together = predictClv(bgNbdModel, bgNbd, { gammaGamma }, rows, options);
      const order = rows.map((_, i) => i).sort((i, j) => ((i * 2654435761 + seed) % 1009) - ((j * 2654435761 + seed) % 1009));
      const shuffled = predictClv(bgNbdModel, bgNbd, { gammaGamma }, order.map((i) => rows[i]!), options);
      order.forEach((i, k) => {
        expect(shuffled.clv[k]).toBe(together.clv[i]);
        expect(shuffled.probabilityAlive[k]).toBe(together.probabilityAlive[i]);
        expect(predictClv(bgNbdModel, bgNbd, { gammaGamma }, [rows[i]!], options).clv[0]).toBe(together.clv[i]);
      });
    },
  );
});

describe('predictClv: bounds over the whole fitted range (BG/NBD parameters in [e^-30, e^30])', () => {
  // Each period's purchases come from the BG/NBD conditional expectation, whose hard bound is
  // (r + x)/(α + T)·t; P(alive) is a probability; the value is margin × spend × discounted purchases.
  test.prop([bgNbdParamsWholeRange, fc.array(bgNbdCustomerWholeRange, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 24 })], {
    numRuns: 60,
    // A corner of the range (α = e^-30, a = e^30, x = 7357 at T = 0) where the quadrature over the
    // dropout probability cannot reach its accuracy: a documented refusal, found by CI.
    examples: [[{ r: 1, alpha: 9.357622968840175e-14, a: 10686474581524.463, b: 1 }, [{ frequency: 7357, recency: 0, T: 0 }, { frequency: 0, recency: 0, T: 1 }], 1]],
  })('expected purchases in [0, (r + x)/(α + T)·horizon·L], P(alive) in [0, 1], CLV finite and ≥ 0, or a documented refusal', (params, customers, horizon) => {
    const rows = customers.map((c) => ({ ...c, monetaryValue: c.frequency > 0 ? 25 : 0 }));
    let result: PredictClvResult;
    try {
      result = predictClv(bgNbdModel, params, { gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 } }, rows, { timeUnit: 'week', horizon, horizonUnit: 'month', discountRate: 0.01 });
    } catch (error) {
      // Where a figure cannot be computed to its accuracy the library refuses (OUT_OF_RANGE naming
      // the cause) rather than return a wrong number; anything else is a bug.
      expect(error).toBeInstanceOf(CxMetricsError);
      expect((error as CxMetricsError).code).toBe('OUT_OF_RANGE');
      expect((error as CxMetricsError).message).toMatch(/cannot be computed/);
      return;
    }
    const t = horizon * result.periodLength;
    rows.forEach((c, i) => {
      const bound = ((params.r + c.frequency) / (params.alpha + c.T)) * t;
      expect(result.expectedPurchases[i]).toBeGreaterThanOrEqual(0);
      expect(result.expectedPurchases[i]).toBeLessThanOrEqual(bound * (1 + 1e-9));
      expect(result.probabilityAlive[i]).toBeGreaterThanOrEqual(0);
      expect(result.probabilityAlive[i]).toBeLessThanOrEqual(1);
      expect(Number.isFinite(result.clv[i])).toBe(true);
      expect(result.clv[i]).toBeGreaterThanOrEqual(0);
    });
  });

  test.prop(
    [fc.array(clvCustomer, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 24 }), fc.nat(), fc.nat(), fc.double({ min: 0, max: 0.2, noNaN: true }), fc.boolean()],
    { numRuns: 60 },
  )('the schedule sums to the totals, every period is ≥ 0, and a window lies between 0 and the whole horizon', (rows, horizon, a, b, rate, pareto) => {
    const from = a % horizon;
    const to = from + 1 + (b % (horizon - from));
    const options = { timeUnit: 'week', horizon, horizonUnit: 'month', discountRate: rate, margin: 0.5, window: { from, to } } as const;
    const result = pareto
      ? predictClv(paretoNbd, { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, { valuePerPurchase: 'monetaryValue' }, rows, options)
      : predictClv(bgNbdModel, bgNbd, { gammaGamma }, rows, options);
    const sum = (values: ArrayLike<number>) => Array.from(values).reduce((s, v) => s + v, 0);
    expect(Math.abs(sum(result.schedule.discountedValue) - result.total)).toBeLessThanOrEqual(1e-12 * result.total + 1e-300);
    expect(Math.abs(sum(result.schedule.expectedPurchases) - sum(result.expectedPurchases))).toBeLessThanOrEqual(1e-12 * sum(result.expectedPurchases) + 1e-300);
    for (const column of [result.schedule.expectedPurchases, result.schedule.value, result.schedule.discountedValue]) {
      expect(column).toHaveLength(horizon);
      for (const v of column) expect(v).toBeGreaterThanOrEqual(0);
    }
    rows.forEach((_, i) => {
      expect(result.window!.clv[i]).toBeGreaterThanOrEqual(0);
      expect(result.window!.clv[i]).toBeLessThanOrEqual(result.clv[i]! * (1 + 1e-12));
      expect(result.window!.expectedPurchases[i]).toBeGreaterThanOrEqual(0);
      expect(result.window!.expectedPurchases[i]).toBeLessThanOrEqual(result.expectedPurchases[i]! * (1 + 1e-12));
    });
  });

  test.prop([bgBbParams, fc.array(bgBbCustomer, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 12 })], { numRuns: 60 })(
    'BG/BB: purchases in [0, horizon], P(alive) in [0, 1], CLV finite and ≥ 0, the schedule summing to the total',
    (params, rows, horizon) => {
      const result = predictClv(bgBb, params, { valuePerPurchase: 10 }, rows, { horizon, discountRate: 0.05 });
      rows.forEach((_, i) => {
        expect(result.expectedPurchases[i]).toBeGreaterThanOrEqual(0);
        expect(result.expectedPurchases[i]).toBeLessThanOrEqual(horizon * (1 + 1e-12));
        expect(result.probabilityAlive[i]).toBeGreaterThanOrEqual(0);
        expect(result.probabilityAlive[i]).toBeLessThanOrEqual(1);
        expect(Number.isFinite(result.clv[i])).toBe(true);
        expect(result.clv[i]).toBeGreaterThanOrEqual(0);
      });
      const total = Array.from(result.schedule.discountedValue).reduce((s, v) => s + v, 0);
      expect(Math.abs(total - result.total)).toBeLessThanOrEqual(1e-12 * result.total + 1e-300);
    },
  );
});
