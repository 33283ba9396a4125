import { describe, expect, it } from 'vitest';
import { bgNbd } from '../../src/clv';
import { cutLabel, readValidationRows, requireContinuousModel, requireMaxFrequency } from '../../src/clv/validation-rows';
import { errorCode } from '../support/error-code';

describe('validation rows', () => {
  it('reads checked columns, skips and counts missing rows and fields, weights default to 1', () => {
    const rows = [{ frequency: 1, recency: 2, T: 3 }, null, { frequency: 2, recency: undefined, T: 3 }, { frequency: 0, recency: 0, T: 4 }];
    const fields = [
      { name: 'frequency', read: undefined, kind: 'count' },
      { name: 'recency', read: undefined, kind: 'nonNegative' },
      { name: 'T', read: (d: { T: number }) => d.T, kind: 'nonNegative' },
    ] as const;
    const out = readValidationRows('f', rows, fields as never, undefined);
    expect(out.length).toBe(2);
    expect(out.skipped).toBe(2);
    expect(Array.from(out.columns[0]!.subarray(0, 2))).toEqual([1, 0]);
    expect(Array.from(out.at.subarray(0, 2))).toEqual([0, 3]);
    expect(Array.from(out.weight.subarray(0, 2))).toEqual([1, 1]);
    expect(errorCode(() => readValidationRows('f', [{ frequency: 1, recency: 5, T: 3 }], fields as never, undefined))).toBe('ORDER_VIOLATION');
    expect(errorCode(() => readValidationRows('f', [{ frequency: 1, recency: 1, T: 3 }], fields as never, () => -1))).toBe('NEGATIVE_VALUE');
  });

  it('grows past its first capacity for iterables', () => {
    function* many() {
      for (let i = 0; i < 3000; i++) yield { frequency: i % 3, T: 1 };
    }
    const out = readValidationRows('f', many(), [{ name: 'frequency', read: undefined, kind: 'count' }], undefined);
    expect(out.length).toBe(3000);
    expect(out.columns[0]![2999]).toBe(2);
  });

  it('labels, maxFrequency and the model check', () => {
    expect(cutLabel(3, 7)).toBe('3');
    expect(cutLabel(7, 7)).toBe('7+');
    expect(requireMaxFrequency('f', undefined)).toBe(7);
    expect(errorCode(() => requireMaxFrequency('f', 0))).toBe('OUT_OF_RANGE');
    expect(typeof requireContinuousModel('f', bgNbd, { r: 1, alpha: 1, a: 1, b: 1 }).expectedIfAlive).toBe('function');
    expect(errorCode(() => requireContinuousModel('f', null as never, {}))).toBe('INVALID_INPUT');
  });
});
