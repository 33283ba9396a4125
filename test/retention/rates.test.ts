import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { churnRate } from '../../src/retention/churn-rate';
import { retentionRate } from '../../src/retention/retention-rate';
import { errorCode } from '../support/error-code';

describe('retentionRate / churnRate: known values', () => {
  it('(E − N) / S and its complement, by hand', () => {
    expect(retentionRate({ start: 200, end: 180, acquired: 20 })).toBe(0.8);
    expect(churnRate({ start: 200, end: 180, acquired: 20 })).toBe(0.2);
    expect(retentionRate({ start: 4, end: 4 })).toBe(1);
    expect(churnRate({ start: 4, end: 0 })).toBe(1);
    expect(retentionRate({ start: 3, end: 5, acquired: 5 })).toBe(0);
  });
});

describe('retentionRate / churnRate: properties', () => {
  const counts = fc
    .tuple(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 10_000 }))
    .chain(([start]) => fc.tuple(fc.constant(start), fc.integer({ min: 0, max: start }), fc.integer({ min: 0, max: 10_000 })))
    .map(([start, kept, acquired]) => ({ start, end: kept + acquired, acquired }));
  test.prop([counts], { numRuns: 200 })('rates lie in [0, 1]', (c) => {
    const r = retentionRate(c);
    const k = churnRate(c);
    expect(r).toBeGreaterThanOrEqual(0);
    expect(r).toBeLessThanOrEqual(1);
    expect(k).toBeGreaterThanOrEqual(0);
    expect(k).toBeLessThanOrEqual(1);
  });
  test.prop([counts], { numRuns: 200 })('retention + churn = 1 when nothing is acquired', (c) => {
    const noneAcquired = { start: c.start, end: c.end - c.acquired, acquired: 0 };
    expect(retentionRate(noneAcquired) + churnRate(noneAcquired)).toBeCloseTo(1, 14);
  });
});

describe('retentionRate / churnRate: bad input', () => {
  for (const rate of [retentionRate, churnRate]) {
    it(`${rate.name} throws with a code`, () => {
      expect(errorCode(() => rate({ start: 0, end: 1 }))).toBe('OUT_OF_RANGE');
      expect(errorCode(() => rate({ start: 10, end: 3, acquired: 4 }))).toBe('INCONSISTENT_INPUT');
      expect(errorCode(() => rate({ start: 10, end: 12 }))).toBe('INCONSISTENT_INPUT');
      expect(errorCode(() => rate({ start: -1, end: 0 }))).toBe('NEGATIVE_VALUE');
      expect(errorCode(() => rate({ start: 10.5, end: 1 }))).toBe('NOT_AN_INTEGER');
      expect(errorCode(() => rate({ start: Number.NaN, end: 1 }))).toBe('INVALID_NUMBER');
      expect(errorCode(() => rate({ start: 10, end: 1, acquired: Number.POSITIVE_INFINITY }))).toBe('INVALID_NUMBER');
      expect(errorCode(() => rate({ start: '10', end: 1 } as never))).toBe('INVALID_NUMBER');
      expect(errorCode(() => rate(null as never))).toBe('INVALID_OPTION');
    });
  }
});
