import { describe, expect, it } from 'vitest';
import { churnRate } from '../../src/retention/churn-rate';
import { errorCode, expectCxMetricsError } from '../support/error-code';

describe('churnRate: known values', () => {
  it('lost / S by hand', () => {
    // 200 at the start, 180 at the end of whom 20 are new: 40 of 200 lost.
    expect(churnRate({ start: 200, end: 180, acquired: 20 })).toBe(0.2);
    expect(churnRate({ start: 4, end: 0 })).toBe(1);
    expect(churnRate({ start: 4, end: 4 })).toBe(0);
    expect(churnRate({ start: 3, end: 5, acquired: 5 })).toBe(1);
  });
});

describe('churnRate: nothing to measure', () => {
  it('is undefined when nobody was there at the start (S = 0)', () => {
    expect(churnRate({ start: 0, end: 0 })).toBeUndefined();
    expect(churnRate({ start: 0, end: 5, acquired: 5 })).toBeUndefined();
    expectCxMetricsError(() => churnRate({ start: 0, end: 0, acquired: Number.NaN }), 'INVALID_NUMBER', 'churnRate');
  });
});

describe('churnRate: impossible and invalid counts', () => {
  it('throws with a code naming the function', () => {
    expectCxMetricsError(() => churnRate({ start: 0, end: 5 }), 'INCONSISTENT_INPUT', 'churnRate');
    expectCxMetricsError(() => churnRate({ start: 10, end: 3, acquired: 4 }), 'INCONSISTENT_INPUT', 'churnRate');
    expectCxMetricsError(() => churnRate({ start: 10, end: 12 }), 'INCONSISTENT_INPUT', 'churnRate');
    expect(errorCode(() => churnRate({ start: -1, end: 0 }))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => churnRate({ start: 10, end: 5, acquired: -2 }))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => churnRate({ start: 10, end: 2.5 }))).toBe('NOT_AN_INTEGER');
    expect(errorCode(() => churnRate({ start: 10, end: Number.NaN }))).toBe('INVALID_NUMBER');
    expect(errorCode(() => churnRate({ start: Number.NEGATIVE_INFINITY, end: 1 }))).toBe('INVALID_NUMBER');
    expect(errorCode(() => churnRate(undefined as never))).toBe('INVALID_OPTION');
  });
});
