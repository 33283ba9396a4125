import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bgNbd as bgNbdModel, predictClv, rankCustomers } from '../../src/clv';
import { clvCustomer } from './clv-arbitraries';

const bgNbd = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const gammaGamma = { p: 6.25, q: 3.74, gamma: 15.44 };

describe('rankCustomers: properties', () => {
  test.prop([fc.array(clvCustomer, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 40 })], { numRuns: 50 })(
    'sorted descending, ties by position, top-k equals the head of the full ranking',
    (rows, top) => {
      const result = predictClv(bgNbdModel, bgNbd, { gammaGamma }, rows, { timeUnit: 'week', horizon: 12, horizonUnit: 'month' });
      for (const by of ['clv', 'probabilityAlive', 'expectedPurchases', 'expectedSpend'] as const) {
        const all = rankCustomers(result, { by });
        expect(all).toHaveLength(rows.length);
        expect(new Set(all.map((c) => c.index)).size).toBe(rows.length);
        for (let k = 1; k < all.length; k++) {
          const prev = all[k - 1]![by];
          const cur = all[k]![by];
          expect(prev > cur || (prev === cur && all[k - 1]!.index < all[k]!.index)).toBe(true);
        }
        expect(rankCustomers(result, { by, top })).toEqual(all.slice(0, top));
      }
    },
  );
});
