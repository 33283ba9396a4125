import { describe, expect, it } from 'vitest';
import { MAX_SIMULATED_PURCHASES, readSimulationOptions, tooManyPurchases } from '../../src/clv/read-simulation-options';
import { CxMetricsError } from '../../src/internal/errors';
import { errorCode } from '../support/error-code';

describe('readSimulationOptions', () => {
  it('reads a fixed T: no span, no rounding', () => {
    const o = readSimulationOptions('f', { customers: 10, T: 39, seed: 7 });
    expect([o.customers, o.minT, o.spanT, o.seed]).toEqual([10, 39, 0, 7]);
    expect(o.round(1.2345)).toBe(1.2345);
  });

  it('reads a T range as its minimum and span, and rounds to the resolution', () => {
    const o = readSimulationOptions('f', { customers: 0, T: { min: 30, max: 78 }, seed: 0, resolution: 1 / 7 });
    expect([o.minT, o.spanT]).toEqual([30, 48]);
    // The nearest multiple of the resolution: 10 steps of 1/7.
    expect(o.round(10 / 7 + 0.01)).toBe(10 * (1 / 7));
    expect(readSimulationOptions('f', { customers: 1, T: { min: 5, max: 5 }, seed: 1 }).spanT).toBe(0);
  });

  it.each([
    ['customers missing', { T: 1, seed: 1 }, 'INVALID_OPTION'],
    ['T missing', { customers: 1, seed: 1 }, 'INVALID_OPTION'],
    ['seed missing', { customers: 1, T: 1 }, 'INVALID_OPTION'],
    ['an unknown option', { customers: 1, T: 1, seed: 1, sede: 2 }, 'INVALID_OPTION'],
    ['fractional customers', { customers: 1.5, T: 1, seed: 1 }, 'NOT_AN_INTEGER'],
    ['a negative seed', { customers: 1, T: 1, seed: -1 }, 'NEGATIVE_VALUE'],
    ['a negative T', { customers: 1, T: -1, seed: 1 }, 'NEGATIVE_VALUE'],
    ['T.max below T.min', { customers: 1, T: { min: 5, max: 4 }, seed: 1 }, 'ORDER_VIOLATION'],
    ['a zero resolution', { customers: 1, T: 1, seed: 1, resolution: 0 }, 'OUT_OF_RANGE'],
    ['a string T', { customers: 1, T: '1', seed: 1 }, 'INVALID_NUMBER'],
  ])('rejects %s', (_name, options, code) => {
    expect(errorCode(() => readSimulationOptions('f', options as never))).toBe(code);
  });
});

describe('tooManyPurchases', () => {
  it('is an OUT_OF_RANGE error naming the function and the limit', () => {
    const error = tooManyPurchases('simulateBgNbd');
    expect(error).toBeInstanceOf(CxMetricsError);
    expect((error as CxMetricsError).code).toBe('OUT_OF_RANGE');
    expect(error.message).toContain('simulateBgNbd');
    expect(error.message).toContain(String(MAX_SIMULATED_PURCHASES));
  });
});
