import { describe, expect, it } from 'vitest';
import { bgNbdExpectedPurchases, simulateBgNbd } from '../../../src/clv';
import { errorCode } from '../../support/error-code';

const truth = { r: 0.5, alpha: 5, a: 1, b: 3 };

describe('simulateBgNbd', () => {
  it('is deterministic: the same seed gives the same rows, another seed other rows', () => {
    const options = { customers: 200, T: { min: 13, max: 39 }, seed: 42 };
    expect(simulateBgNbd(truth, options)).toEqual(simulateBgNbd(truth, options));
    expect(simulateBgNbd(truth, { ...options, seed: 43 })).not.toEqual(simulateBgNbd(truth, options));
    expect(simulateBgNbd(truth, { ...options, customers: 0 })).toEqual([]);
  });

  it('gives valid customer histories: whole frequencies, recency 0 exactly without repeats, recency ≤ T in the range', () => {
    for (const d of simulateBgNbd(truth, { customers: 2000, T: { min: 13, max: 39 }, seed: 1, resolution: 1 / 7 })) {
      expect(Number.isInteger(d.frequency)).toBe(true);
      expect(d.recency <= d.T).toBe(true);
      expect(d.frequency === 0).toBe(d.recency === 0);
      expect(d.T >= 13 && d.T <= 39).toBe(true);
      expect(Math.abs(d.T * 7 - Math.round(d.T * 7))).toBeLessThan(1e-9);
    }
    expect(new Set(simulateBgNbd(truth, { customers: 50, T: 52, seed: 1 }).map((d) => d.T))).toEqual(new Set([52]));
  });

  it('matches the model: the mean frequency over T is E[X(T)] (FHL 2005 eq. 7), within 4 standard errors', () => {
    const T = 52;
    const rows = simulateBgNbd(truth, { customers: 20_000, T, seed: 5 });
    const xs = rows.map((d) => d.frequency);
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (xs.length - 1));
    expect(Math.abs(mean - bgNbdExpectedPurchases(truth, T))).toBeLessThan((4 * sd) / Math.sqrt(xs.length));
  });

  it.each([
    ['missing customers', () => simulateBgNbd(truth, { T: 5, seed: 1 } as never), 'INVALID_OPTION'],
    ['missing seed', () => simulateBgNbd(truth, { customers: 5, T: 5 } as never), 'INVALID_OPTION'],
    ['unknown option', () => simulateBgNbd(truth, { customers: 5, T: 5, seed: 1, sed: 2 } as never), 'INVALID_OPTION'],
    ['fractional customers', () => simulateBgNbd(truth, { customers: 1.5, T: 5, seed: 1 }), 'NOT_AN_INTEGER'],
    ['negative seed', () => simulateBgNbd(truth, { customers: 5, T: 5, seed: -1 }), 'NEGATIVE_VALUE'],
    ['negative T', () => simulateBgNbd(truth, { customers: 5, T: -1, seed: 1 }), 'NEGATIVE_VALUE'],
    ['T.max < T.min', () => simulateBgNbd(truth, { customers: 5, T: { min: 5, max: 4 }, seed: 1 }), 'ORDER_VIOLATION'],
    ['NaN T.max', () => simulateBgNbd(truth, { customers: 5, T: { min: 5, max: Number.NaN }, seed: 1 }), 'INVALID_NUMBER'],
    ['zero resolution', () => simulateBgNbd(truth, { customers: 5, T: 5, seed: 1, resolution: 0 }), 'OUT_OF_RANGE'],
    ['zero r', () => simulateBgNbd({ ...truth, r: 0 }, { customers: 5, T: 5, seed: 1 }), 'OUT_OF_RANGE'],
    ['endless purchases', () => simulateBgNbd({ r: 1e6, alpha: 1e-3, a: 1e-6, b: 1e6 }, { customers: 1, T: 1, seed: 1 }), 'OUT_OF_RANGE'],
  ] as const)('%s → %s', (_name, run, code) => {
    expect(errorCode(run)).toBe(code);
  });
});
