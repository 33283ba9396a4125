import { describe, expect, it } from 'vitest';
import { checkRetentionCounts } from '../../src/retention/retention-counts';
import { expectCxMetricsError } from '../support/error-code';

describe('checkRetentionCounts', () => {
  it('returns the counts and the customers kept, acquired defaulting to 0', () => {
    expect(checkRetentionCounts('f', { start: 10, end: 9, acquired: 2 })).toEqual({ start: 10, end: 9, acquired: 2, kept: 7 });
    expect(checkRetentionCounts('f', { start: 0, end: 0 })).toEqual({ start: 0, end: 0, acquired: 0, kept: 0 });
  });
  it('rejects inconsistent and malformed counts', () => {
    expectCxMetricsError(() => checkRetentionCounts('f', { start: 10, end: 1, acquired: 2 }), 'INCONSISTENT_INPUT', 'f');
    expectCxMetricsError(() => checkRetentionCounts('f', { start: 3, end: 5 }), 'INCONSISTENT_INPUT', 'f');
    expectCxMetricsError(() => checkRetentionCounts('f', null), 'INVALID_OPTION', 'f');
    expectCxMetricsError(() => checkRetentionCounts('f', { start: 1.5, end: 1 }), 'NOT_AN_INTEGER', 'f');
  });
});
