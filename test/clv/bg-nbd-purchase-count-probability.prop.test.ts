import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bgNbdPurchaseCountProbability } from '../../src/clv';
import { bgNbdParams } from './clv-arbitraries';

describe('bgNbdPurchaseCountProbability: properties', () => {
  test.prop([bgNbdParams, fc.double({ min: 0.01, max: 100, noNaN: true })], { numRuns: 60 })(
    'every probability is in [0, 1] and the first 200 sum to at most 1',
    (p, t) => {
      let total = 0;
      for (let n = 0; n < 200; n++) {
        const value = bgNbdPurchaseCountProbability(p, n, t);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
        total += value;
      }
      expect(total).toBeLessThanOrEqual(1 + 1e-9);
    },
  );
});
