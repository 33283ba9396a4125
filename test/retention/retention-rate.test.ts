import { describe, expect, it } from 'vitest';
import { retentionRate } from '../../src/retention/retention-rate';
import { errorCode, expectCxMetricsError } from '../support/error-code';

describe('retentionRate: known values', () => {
  it('(E − N) / S by hand', () => {
    // 200 at the start, 180 at the end of whom 20 are new: 160 of 200 kept.
    expect(retentionRate({ start: 200, end: 180, acquired: 20 })).toBe(0.8);
    expect(retentionRate({ start: 200, end: 150 })).toBe(0.75);
    expect(retentionRate({ start: 4, end: 4 })).toBe(1);
    // Everybody at the end is new: nobody was kept.
    expect(retentionRate({ start: 3, end: 5, acquired: 5 })).toBe(0);
    // acquired: null/undefined is the default 0 (types allow only omission; JS callers may pass either).
    expect(retentionRate({ start: 10, end: 7, acquired: undefined } as never)).toBe(0.7);
    expect(retentionRate({ start: 10, end: 7, acquired: null } as never)).toBe(0.7);
  });
});

describe('retentionRate: nothing to measure', () => {
  it('is undefined when nobody was there at the start (S = 0), the policy of every calculator without data', () => {
    expect(retentionRate({ start: 0, end: 0 })).toBeUndefined();
    expect(retentionRate({ start: 0, end: 7, acquired: 7 })).toBeUndefined();
    // Counts are still checked: with S = 0 no customer at the end can have been kept.
    expectCxMetricsError(() => retentionRate({ start: 0, end: 1 }), 'INCONSISTENT_INPUT', 'retentionRate');
    expectCxMetricsError(() => retentionRate({ start: 0, end: 1.5, acquired: 1 }), 'NOT_AN_INTEGER', 'retentionRate');
  });
});

describe('retentionRate: impossible and invalid counts', () => {
  it('throws with a code naming the function', () => {
    // E − N < 0: more new customers than customers at the end.
    expectCxMetricsError(() => retentionRate({ start: 10, end: 3, acquired: 4 }), 'INCONSISTENT_INPUT', 'retentionRate');
    // E − N > S: more customers kept than there were.
    expectCxMetricsError(() => retentionRate({ start: 10, end: 12 }), 'INCONSISTENT_INPUT', 'retentionRate');
    expect(errorCode(() => retentionRate({ start: -1, end: 0 }))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => retentionRate({ start: 10, end: -1 }))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => retentionRate({ start: 10, end: 5, acquired: -1 }))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => retentionRate({ start: 10.5, end: 1 }))).toBe('NOT_AN_INTEGER');
    expect(errorCode(() => retentionRate({ start: 10, end: 1.5 }))).toBe('NOT_AN_INTEGER');
    expect(errorCode(() => retentionRate({ start: 10, end: 5, acquired: 0.5 }))).toBe('NOT_AN_INTEGER');
    expect(errorCode(() => retentionRate({ start: Number.NaN, end: 1 }))).toBe('INVALID_NUMBER');
    expect(errorCode(() => retentionRate({ start: 10, end: Number.NaN }))).toBe('INVALID_NUMBER');
    expect(errorCode(() => retentionRate({ start: 10, end: 1, acquired: Number.POSITIVE_INFINITY }))).toBe('INVALID_NUMBER');
    expect(errorCode(() => retentionRate({ start: '10', end: 1 } as never))).toBe('INVALID_NUMBER');
    expect(errorCode(() => retentionRate({ start: 10 } as never))).toBe('INVALID_NUMBER');
    expect(errorCode(() => retentionRate(null as never))).toBe('INVALID_OPTION');
  });
});
