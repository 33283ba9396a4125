import { describe, expect, it } from 'vitest';
import { paretoNbdExpectedPurchases, simulateParetoNbd } from '../../../src/clv';
import { errorCode } from '../../support/error-code';

const truth = { r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 };

describe('simulateParetoNbd', () => {
  it('is deterministic: the same seed gives the same rows, another seed other rows', () => {
    const options = { customers: 200, T: { min: 13, max: 39 }, seed: 42 };
    expect(simulateParetoNbd(truth, options)).toEqual(simulateParetoNbd(truth, options));
    expect(simulateParetoNbd(truth, { ...options, seed: 43 })).not.toEqual(simulateParetoNbd(truth, options));
    expect(simulateParetoNbd(truth, { ...options, customers: 0 })).toEqual([]);
  });

  it('gives valid customer histories: whole frequencies, recency 0 exactly without repeats, recency ≤ T in the range', () => {
    for (const d of simulateParetoNbd(truth, { customers: 2000, T: { min: 13, max: 39 }, seed: 1, resolution: 1 / 7 })) {
      expect(Number.isInteger(d.frequency)).toBe(true);
      expect(d.recency <= d.T).toBe(true);
      expect(d.frequency === 0).toBe(d.recency === 0);
      expect(d.T >= 13 && d.T <= 39).toBe(true);
      expect(Math.abs(d.T * 7 - Math.round(d.T * 7))).toBeLessThan(1e-9);
    }
    expect(new Set(simulateParetoNbd(truth, { customers: 50, T: 52, seed: 1 }).map((d) => d.T))).toEqual(new Set([52]));
  });

  it('matches the model: the mean frequency over T is E[X(T)] (Fader & Hardie 2005, eq. 17), within 4 standard errors', () => {
    const T = 52;
    const rows = simulateParetoNbd(truth, { customers: 20_000, T, seed: 5 });
    const xs = rows.map((d) => d.frequency);
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (xs.length - 1));
    expect(Math.abs(mean - paretoNbdExpectedPurchases(truth, T))).toBeLessThan((4 * sd) / Math.sqrt(xs.length));
  });

  it.each([
    ['missing customers', () => simulateParetoNbd(truth, { T: 5, seed: 1 } as never), 'INVALID_OPTION'],
    ['missing seed', () => simulateParetoNbd(truth, { customers: 5, T: 5 } as never), 'INVALID_OPTION'],
    ['unknown option', () => simulateParetoNbd(truth, { customers: 5, T: 5, seed: 1, sed: 2 } as never), 'INVALID_OPTION'],
    ['fractional customers', () => simulateParetoNbd(truth, { customers: 1.5, T: 5, seed: 1 }), 'NOT_AN_INTEGER'],
    ['negative seed', () => simulateParetoNbd(truth, { customers: 5, T: 5, seed: -1 }), 'NEGATIVE_VALUE'],
    ['negative T', () => simulateParetoNbd(truth, { customers: 5, T: -1, seed: 1 }), 'NEGATIVE_VALUE'],
    ['T.max < T.min', () => simulateParetoNbd(truth, { customers: 5, T: { min: 5, max: 4 }, seed: 1 }), 'ORDER_VIOLATION'],
    ['NaN T.max', () => simulateParetoNbd(truth, { customers: 5, T: { min: 5, max: Number.NaN }, seed: 1 }), 'INVALID_NUMBER'],
    ['zero resolution', () => simulateParetoNbd(truth, { customers: 5, T: 5, seed: 1, resolution: 0 }), 'OUT_OF_RANGE'],
    ['zero r', () => simulateParetoNbd({ ...truth, r: 0 }, { customers: 5, T: 5, seed: 1 }), 'OUT_OF_RANGE'],
    ['endless purchases', () => simulateParetoNbd({ r: 1e6, alpha: 1e-3, s: 1e-6, beta: 1e6 }, { customers: 1, T: 1, seed: 1 }), 'OUT_OF_RANGE'],
  ] as const)('%s → %s', (_name, run, code) => {
    expect(errorCode(run)).toBe(code);
  });
});
