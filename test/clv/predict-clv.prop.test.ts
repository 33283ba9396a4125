import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { predictClv } from '../../src/clv';
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
      predictClv(bgNbd, gammaGamma, [c], { timeUnit: 'week', horizon: h, horizonUnit: 'month', discountRate: rate, margin }).clv[0] as number;
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
      const together = predictClv(bgNbd, gammaGamma, rows, options);
      const order = rows.map((_, i) => i).sort((i, j) => ((i * 2654435761 + seed) % 1009) - ((j * 2654435761 + seed) % 1009));
      const shuffled = predictClv(bgNbd, gammaGamma, order.map((i) => rows[i]!), options);
      order.forEach((i, k) => {
        expect(shuffled.clv[k]).toBe(together.clv[i]);
        expect(shuffled.probabilityAlive[k]).toBe(together.probabilityAlive[i]);
        expect(predictClv(bgNbd, gammaGamma, [rows[i]!], options).clv[0]).toBe(together.clv[i]);
      });
    },
  );
});
