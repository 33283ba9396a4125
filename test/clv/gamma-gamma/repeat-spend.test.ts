import { describe, expect, it } from 'vitest';
import { readRepeatSpend } from '../../../src/clv/gamma-gamma/repeat-spend';
import { errorCode, thrownBy } from '../../support/error-code';
import { CxMetricsError } from '../../../src/internal/errors';

describe('readRepeatSpend', () => {
  it('keeps the repeat customers first and counts the others and the skipped rows', () => {
    const rows = [
      { frequency: 0, monetaryValue: 0 },
      { frequency: 2, monetaryValue: 12.5 },
      null,
      { frequency: 3, monetaryValue: undefined },
      { frequency: 1, monetaryValue: 40 },
    ];
    const r = readRepeatSpend('f', rows, {});
    expect(r.m).toBe(2);
    expect([...r.x.subarray(0, r.m)]).toEqual([2, 1]);
    expect([...r.z.subarray(0, r.m)]).toEqual([12.5, 40]);
    expect(r.sw).toBe(2);
    expect(r.withoutRepeat).toBe(1);
    expect(r.skipped).toBe(2);
  });

  it('sums weights read through accessors', () => {
    const rows = [
      [0, 0, 5],
      [2, 10, 3],
      [4, 20, 0.5],
    ] as const;
    const r = readRepeatSpend('f', rows, { frequency: (d) => d[0], monetaryValue: (d) => d[1], weight: (d) => d[2] });
    expect(r.sw).toBe(3.5);
    expect(r.withoutRepeat).toBe(5);
    expect([...r.w.subarray(0, r.m)]).toEqual([3, 0.5]);
  });

  it('rejects a zero spend on a repeat customer, naming its input index', () => {
    const error = thrownBy(() => readRepeatSpend('fitGammaGamma', [null, { frequency: 2, monetaryValue: 0 }], {}));
    expect(error).toBeInstanceOf(CxMetricsError);
    expect((error as CxMetricsError).code).toBe('OUT_OF_RANGE');
    expect((error as CxMetricsError).details.index).toBe(1);
    expect((error as CxMetricsError).message).toContain('fitGammaGamma');
  });

  it('rejects what the row reader rejects', () => {
    expect(errorCode(() => readRepeatSpend('f', [{ frequency: 1.5, monetaryValue: 3 }], {}))).toBe('NOT_AN_INTEGER');
    expect(errorCode(() => readRepeatSpend('f', [{ frequency: 1, monetaryValue: -3 }], {}))).toBe('NEGATIVE_VALUE');
  });
});
