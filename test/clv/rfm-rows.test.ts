import { describe, expect, it } from 'vitest';
import { checkRecencyAge, readRfmRows, requireCustomerHistory } from '../../src/clv/rfm-rows';
import { CxMetricsError } from '../../src/internal/errors';
import { errorCode, thrownBy } from '../support/error-code';

const both = { recencyAge: true, monetary: true } as const;

describe('readRfmRows', () => {
  it('reads the documented field names, weight 1, the input position of each kept row', () => {
    const rows = [
      { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 },
      null,
      { frequency: 0, recency: 0, T: 38.86, monetaryValue: 0 },
      { frequency: 1, recency: undefined, T: 10, monetaryValue: 5 },
    ];
    const c = readRfmRows('f', rows, {}, both);
    expect(c.length).toBe(2);
    expect(c.skipped).toBe(2);
    expect([...c.x.subarray(0, 2)]).toEqual([2, 0]);
    expect([...c.tx.subarray(0, 2)]).toEqual([30.43, 0]);
    expect([...c.T.subarray(0, 2)]).toEqual([38.86, 38.86]);
    expect([...c.z.subarray(0, 2)]).toEqual([22.35, 0]);
    expect([...c.w.subarray(0, 2)]).toEqual([1, 1]);
    expect([...c.at.subarray(0, 2)]).toEqual([0, 2]);
  });

  it('reads only the fields it needs: without recency/T a row missing them is kept', () => {
    const c = readRfmRows('f', [{ frequency: 3, monetaryValue: 9 }], {}, { recencyAge: false, monetary: true });
    expect(c.length).toBe(1);
    expect(c.tx.length).toBe(0);
    expect(c.T.length).toBe(0);
    const d = readRfmRows('f', [{ frequency: 3, recency: 2, T: 4 }], {}, { recencyAge: true, monetary: false });
    expect(d.length).toBe(1);
    expect(d.z.length).toBe(0);
  });

  it('reads any record type through accessors, weights included, from an iterable', () => {
    function* rows() {
      for (let i = 0; i < 2500; i++) yield [i % 4, i % 4, 10, 3] as const;
    }
    const c = readRfmRows('f', rows(), { frequency: (d) => d[0], recency: (d) => d[1], T: (d) => d[2], weight: (d) => d[3] }, { recencyAge: true, monetary: false });
    expect(c.length).toBe(2500);
    expect(c.x[2499]).toBe(2499 % 4);
    expect(c.w.subarray(0, c.length).every((w) => w === 3)).toBe(true);
    // A missing weight skips the row.
    expect(readRfmRows('f', [[1, 1, 2]], { frequency: (d) => d[0], recency: (d) => d[1], T: (d) => d[2], weight: () => null }, { recencyAge: true, monetary: false }).skipped).toBe(1);
  });

  it.each([
    ['a fractional frequency', { frequency: 1.5, recency: 1, T: 2 }, 'NOT_AN_INTEGER'],
    ['a string frequency', { frequency: '1', recency: 1, T: 2 }, 'INVALID_NUMBER'],
    ['a negative recency', { frequency: 1, recency: -1, T: 2 }, 'NEGATIVE_VALUE'],
    ['an infinite T', { frequency: 1, recency: 1, T: Infinity }, 'INVALID_NUMBER'],
    ['recency after T', { frequency: 1, recency: 3, T: 2 }, 'ORDER_VIOLATION'],
    ['a recency without repeat purchase', { frequency: 0, recency: 1, T: 2 }, 'INCONSISTENT_INPUT'],
  ])('rejects %s with its index', (_name, row, code) => {
    const error = thrownBy(() => readRfmRows('f', [null, row], {}, { recencyAge: true, monetary: false })) as CxMetricsError;
    expect(error).toBeInstanceOf(CxMetricsError);
    expect(error.code).toBe(code);
    expect(error.details.index).toBe(1);
  });

  it('rejects a negative spend and a negative weight', () => {
    expect(errorCode(() => readRfmRows('f', [{ frequency: 1, monetaryValue: -1 }], {}, { recencyAge: false, monetary: true }))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => readRfmRows('f', [{ frequency: 1, monetaryValue: 1 }], { weight: () => -2 }, { recencyAge: false, monetary: true }))).toBe('NEGATIVE_VALUE');
  });
});

describe('checkRecencyAge and requireCustomerHistory', () => {
  it('accept tₓ ≤ T, tₓ = 0 for x = 0, and tₓ = 0 with x > 0 (rounded exports)', () => {
    expect(() => checkRecencyAge('f', 2, 30, 38)).not.toThrow();
    expect(() => checkRecencyAge('f', 0, 0, 38)).not.toThrow();
    expect(() => checkRecencyAge('f', 2, 0, 38)).not.toThrow();
    expect(requireCustomerHistory('f', { frequency: 2, recency: 30.43, T: 38.86 })).toEqual([2, 30.43, 38.86]);
  });

  it('reject the rest', () => {
    expect(errorCode(() => checkRecencyAge('f', 2, 39, 38, 4))).toBe('ORDER_VIOLATION');
    expect(errorCode(() => checkRecencyAge('f', 0, 1, 38))).toBe('INCONSISTENT_INPUT');
    expect(errorCode(() => requireCustomerHistory('f', null as never))).toBe('INVALID_NUMBER');
    expect(errorCode(() => requireCustomerHistory('f', { frequency: -1, recency: 0, T: 1 }))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => requireCustomerHistory('f', { frequency: 1, recency: 2, T: 1 }))).toBe('ORDER_VIOLATION');
  });
});
