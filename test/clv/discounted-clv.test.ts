import { describe, expect, it } from 'vitest';
import { discountedClv } from '../../src/clv/discounted-clv';
import { errorCode } from '../support/error-code';

describe('discountedClv: known values', () => {
  it('reproduces the margin multiples of Gupta & Lehmann (2003), Table 1', () => {
    // multiple = r / (1 + d − r): r = 80 %, d = 12 % → 2.5; r = 90 %, d = 10 % → 4.5; r = 60 %, d = 14 % → 1.11
    expect(discountedClv({ margin: 1, retention: 0.8, discountRate: 0.12 })).toBeCloseTo(2.5, 12);
    expect(discountedClv({ margin: 1, retention: 0.9, discountRate: 0.1 })).toBeCloseTo(4.5, 12);
    expect(discountedClv({ margin: 1, retention: 0.6, discountRate: 0.14 })).toBeCloseTo(0.6 / 0.54, 12);
  });

  it('counts the first period on request: m(1+d)/(1+d−r) = m + m·r/(1+d−r)', () => {
    expect(discountedClv({ margin: 100, retention: 0.8, discountRate: 0.1, countAcquisitionPeriod: true })).toBeCloseTo(110 / 0.3, 10);
    expect(discountedClv({ margin: 100, retention: 0.8, discountRate: 0.1, countAcquisitionPeriod: false })).toBeCloseTo(80 / 0.3, 10);
  });

  it('sums a finite horizon (hand computation)', () => {
    // 100 × (0.8/1.1 + 0.64/1.21 + 0.512/1.331) = 72.727272… + 52.892561… + 38.467317… = 164.087152…
    expect(discountedClv({ margin: 100, retention: 0.8, discountRate: 0.1, horizon: 3 })).toBeCloseTo(164.0871525169, 9);
    // Counting now: 100 + 72.727272… + 52.892561… = 225.619834…
    expect(discountedClv({ margin: 100, retention: 0.8, discountRate: 0.1, horizon: 3, countAcquisitionPeriod: true })).toBeCloseTo(225.6198347107, 9);
    expect(discountedClv({ margin: 100, retention: 0.8, discountRate: 0.1, horizon: 1 })).toBeCloseTo(800 / 11, 12);
  });

  it('handles the edges: no retention, full retention without discount, zero horizon, zero margin', () => {
    expect(discountedClv({ margin: 50, retention: 0, discountRate: 0.1 })).toBe(0);
    expect(discountedClv({ margin: 50, retention: 0, discountRate: 0.1, countAcquisitionPeriod: true })).toBe(50);
    expect(discountedClv({ margin: 50, retention: 0, discountRate: 0.1, horizon: 4, countAcquisitionPeriod: true })).toBe(50);
    expect(discountedClv({ margin: 50, retention: 1, discountRate: 0, horizon: 12 })).toBe(600);
    expect(discountedClv({ margin: 50, retention: 1, discountRate: 0.05 })).toBeCloseTo(1000, 10);
    expect(discountedClv({ margin: 50, retention: 0.5, discountRate: 0, horizon: 0 })).toBe(0);
    expect(discountedClv({ margin: 0, retention: 1, discountRate: 0 })).toBe(0);
    expect(discountedClv({ margin: -10, retention: 0.5, discountRate: 0 })).toBeCloseTo(-10, 12);
  });

  it('keeps its digits when q = r/(1+d) is within 1e-12 of 1 over a long horizon', () => {
    const r = 1 - 2 ** -40;
    const horizon = 1_000_000;
    // Σ_{t=1..T} r^t = r(1 − r^T)/(1 − r); with ε = 2^−40: r^T = exp(T·ln(1−ε)), computed by hand in series.
    const eps = 2 ** -40;
    const logR = -eps - eps ** 2 / 2;
    const expected = (r * -Math.expm1(horizon * logR)) / eps;
    const value = discountedClv({ margin: 1, retention: r, discountRate: 0, horizon });
    expect(Math.abs(value - expected) / expected).toBeLessThan(1e-12);
    expect(value).toBeLessThan(horizon);
  });
});

describe('discountedClv: bad input', () => {
  const base = { margin: 100, retention: 0.8, discountRate: 0.1 };
  it.each<[string, object, string]>([
    ['NaN margin', { margin: Number.NaN }, 'INVALID_NUMBER'],
    ['infinite margin', { margin: Number.POSITIVE_INFINITY }, 'INVALID_NUMBER'],
    ['margin as a string', { margin: '100' }, 'INVALID_NUMBER'],
    ['retention above 1', { retention: 1.2 }, 'OUT_OF_RANGE'],
    ['retention below 0', { retention: -0.1 }, 'OUT_OF_RANGE'],
    ['retention in percent', { retention: 80 }, 'OUT_OF_RANGE'],
    ['NaN retention', { retention: Number.NaN }, 'INVALID_NUMBER'],
    ['negative discount rate', { discountRate: -0.01 }, 'NEGATIVE_VALUE'],
    ['NaN discount rate', { discountRate: Number.NaN }, 'INVALID_NUMBER'],
    ['r = 1 + d with an infinite horizon', { retention: 1, discountRate: 0 }, 'OUT_OF_RANGE'],
    ['negative horizon', { horizon: -1 }, 'NEGATIVE_VALUE'],
    ['fractional horizon', { horizon: 2.5 }, 'NOT_AN_INTEGER'],
    ['NaN horizon', { horizon: Number.NaN }, 'INVALID_NUMBER'],
    ['−Infinity horizon', { horizon: Number.NEGATIVE_INFINITY }, 'INVALID_NUMBER'],
    ['a non-boolean countAcquisitionPeriod', { countAcquisitionPeriod: 'yes' }, 'INVALID_OPTION'],
  ])('throws for %s', (_what, patch, code) => {
    expect(errorCode(() => discountedClv({ ...base, ...patch } as typeof base))).toBe(code);
  });

  it('names the function and the field', () => {
    expect(() => discountedClv({ ...base, retention: 1.2 })).toThrow(/^discountedClv: retention 1\.2 must be a proportion/);
  });
});
