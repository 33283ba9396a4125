import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bgNbdPurchaseCountProbability } from '../../../src/clv';
import { bgNbdParams } from '../clv-arbitraries';
import { bgNbdParamsWholeRange, wholeTime } from './bg-nbd-arbitraries';

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

describe('bgNbdPurchaseCountProbability: properties over every parameter in [e^−30, e^30]', () => {
  test.prop([bgNbdParamsWholeRange, wholeTime, fc.integer({ min: 0, max: 1_000_000 })], { numRuns: 150 })(
    'P(X(t) = n) in [0, 1] for 60 consecutive n from any start, and their sum ≤ 1',
    (p, t, start) => {
      let total = 0;
      for (let n = start; n < start + 60; n++) {
        const value = bgNbdPurchaseCountProbability(p, n, t);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
        total += value;
      }
      expect(total).toBeLessThanOrEqual(1 + 1e-9);
    },
  );
});
