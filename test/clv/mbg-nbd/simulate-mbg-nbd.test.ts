import { describe, expect, it } from 'vitest';
import { mbgNbdExpectedPurchases, mbgNbdPurchaseCountProbability, simulateMbgNbd } from '../../../src/clv';
import { errorCode } from '../../support/error-code';

const truth = { r: 0.5, alpha: 5, a: 1, b: 3 };

describe('simulateMbgNbd', () => {
  it('is deterministic: the same seed gives the same rows, another seed other rows', () => {
    const options = { customers: 200, T: { min: 13, max: 39 }, seed: 42 };
    expect(simulateMbgNbd(truth, options)).toEqual(simulateMbgNbd(truth, options));
    expect(simulateMbgNbd(truth, { ...options, seed: 43 })).not.toEqual(simulateMbgNbd(truth, options));
    expect(simulateMbgNbd(truth, { ...options, customers: 0 })).toEqual([]);
  });

  it('gives valid customer histories on the resolution grid', () => {
    for (const d of simulateMbgNbd(truth, { customers: 500, T: { min: 13, max: 39 }, seed: 1, resolution: 1 / 7 })) {
      expect(Number.isInteger(d.frequency)).toBe(true);
      expect(d.recency <= d.T).toBe(true);
      expect(d.frequency === 0).toBe(d.recency === 0);
      expect(Math.abs(d.T * 7 - Math.round(d.T * 7))).toBeLessThan(1e-9);
    }
  });

  it('matches the model: mean frequency E[X(T)] (eq. 9) and the share of zeros P(X(T) = 0) (eq. 8), within 4 standard errors', () => {
    const T = 52;
    const rows = simulateMbgNbd(truth, { customers: 5000, T, seed: 5 });
    const xs = rows.map((d) => d.frequency);
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (xs.length - 1));
    expect(Math.abs(mean - mbgNbdExpectedPurchases(truth, T))).toBeLessThan((4 * sd) / Math.sqrt(xs.length));
    const p0 = mbgNbdPurchaseCountProbability(truth, 0, T);
    const zeros = xs.filter((x) => x === 0).length / xs.length;
    expect(Math.abs(zeros - p0)).toBeLessThan(4 * Math.sqrt((p0 * (1 - p0)) / xs.length));
  });

  it.each([
    ['missing seed', () => simulateMbgNbd(truth, { customers: 5, T: 5 } as never), 'INVALID_OPTION'],
    ['fractional customers', () => simulateMbgNbd(truth, { customers: 1.5, T: 5, seed: 1 }), 'NOT_AN_INTEGER'],
    ['a parameter ≤ 0', () => simulateMbgNbd({ ...truth, b: 0 }, { customers: 5, T: 5, seed: 1 }), 'OUT_OF_RANGE'],
    ['T.max < T.min', () => simulateMbgNbd(truth, { customers: 5, T: { min: 5, max: 1 }, seed: 1 }), 'ORDER_VIOLATION'],
  ])('%s throws %s', (_, call, code) => {
    expect(errorCode(call)).toBe(code);
  });
});
