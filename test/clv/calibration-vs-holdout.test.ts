import { describe, expect, it } from 'vitest';
import { bgBb, bgNbd, calibrationVsHoldout, paretoNbd } from '../../src/clv';
import { errorCode } from '../support/error-code';
import { cdnowBgNbdSummary } from './clv-data';
import { BG_NBD_CDNOW, PARETO_NBD_CDNOW, cdnowHoldoutRows, maxRelativeError, validationReference } from './validation-data';

describe('calibrationVsHoldout: CDNOW against an independent mpmath computation', () => {
  const rows = cdnowHoldoutRows();

  it('the calibration summary is the published one, with a 39-week holdout', () => {
    const published = cdnowBgNbdSummary();
    expect(rows.length).toBe(2357);
    const wrong = rows.filter((row, i) => {
      const p = published[i]!;
      return row.frequency !== p.frequency || Math.abs(row.recency - p.recency) >= 0.006 || Math.abs(row.T - p.T) >= 0.006 || row.holdoutDuration !== validationReference.holdoutWeeks;
    });
    expect(wrong).toEqual([]);
  });

  for (const [name, model, params] of [
    ['bgNbd', bgNbd, BG_NBD_CDNOW],
    ['paretoNbd', paretoNbd, PARETO_NBD_CDNOW],
  ] as const) {
    it(`${name}: group means, totals and error metrics within 1e-6`, () => {
      const ref = validationReference.calibrationVsHoldout[name];
      const result = calibrationVsHoldout(model as typeof bgNbd, params as typeof BG_NBD_CDNOW, rows);
      expect(result.groups.map((g) => g.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
      expect(result.groups.map((g) => g.customers)).toEqual(ref.groups.map((g) => g.customers));
      expect(result.groups.map((g) => g.actual)).toEqual(ref.groups.map((g) => g.actual));
      expect(maxRelativeError(result.groups.map((g) => g.expected!), ref.groups.map((g) => g.expected))).toBeLessThan(1e-6);
      expect(result.customers).toBe(2357);
      expect(result.actualTotal).toBe(1882);
      expect(Math.abs(result.expectedTotal / ref.expectedTotal - 1)).toBeLessThan(1e-6);
      const e = result.errors;
      expect(maxRelativeError([e.mae!, e.rmse!, e.aggregateError!, e.correlation!], [ref.mae, ref.rmse, ref.aggregateError, ref.correlation])).toBeLessThan(1e-6);
    });
  }

  it('per-customer predictions are the model’s conditional expectations', () => {
    const result = calibrationVsHoldout(bgNbd, BG_NBD_CDNOW, rows.slice(0, 50));
    result.index.forEach((at, k) => {
      const row = rows[at]!;
      expect(result.expected[k]).toBeCloseTo(bgNbd.conditionalExpectedPurchases(BG_NBD_CDNOW, row, row.holdoutDuration), 12);
    });
  });
});

describe('calibrationVsHoldout: edge cases', () => {
  it('a hand computation: two customers, maxFrequency 1', () => {
    const customers = [
      { frequency: 0, recency: 0, T: 10, holdoutFrequency: 1, holdoutDuration: 5 },
      { frequency: 3, recency: 8, T: 10, holdoutFrequency: 0, holdoutDuration: 5 },
    ];
    const result = calibrationVsHoldout(bgNbd, BG_NBD_CDNOW, customers, { maxFrequency: 1 });
    const p = customers.map((c) => bgNbd.conditionalExpectedPurchases(BG_NBD_CDNOW, c, 5));
    expect(result.groups[0]).toEqual({ frequency: 0, label: '0', customers: 1, expected: expect.closeTo(p[0]!, 12), actual: 1 });
    expect(result.groups[1]).toEqual({ frequency: 1, label: '1+', customers: 1, expected: expect.closeTo(p[1]!, 12), actual: 0 });
    expect(result.errors.mae).toBeCloseTo((Math.abs(p[0]! - 1) + p[1]!) / 2, 12);
    expect(result.errors.rmse).toBeCloseTo(Math.sqrt(((p[0]! - 1) ** 2 + p[1]! ** 2) / 2), 12);
    expect(result.errors.aggregateError).toBeCloseTo(p[0]! + p[1]! - 1, 12);
    expect(result.errors.correlation).toBeCloseTo(-1, 12);
  });

  it('no customers: empty groups and undefined metrics; nobody buying: no aggregate error', () => {
    const empty = calibrationVsHoldout(bgNbd, BG_NBD_CDNOW, []);
    expect(empty.groups).toHaveLength(8);
    expect(empty.groups[3]).toEqual({ frequency: 3, label: '3', customers: 0, expected: undefined, actual: undefined });
    expect(empty.errors).toEqual({ mae: undefined, rmse: undefined, aggregateError: undefined, correlation: undefined });
    const none = calibrationVsHoldout(bgNbd, BG_NBD_CDNOW, [{ frequency: 1, recency: 2, T: 5, holdoutFrequency: 0, holdoutDuration: 4 }]);
    expect(none.errors.aggregateError).toBeUndefined();
    expect(none.errors.correlation).toBeUndefined();
  });

  it('refuses a model without a kernel, another model’s fit, and a bad maxFrequency', () => {
    expect(errorCode(() => calibrationVsHoldout(bgBb as never, BG_NBD_CDNOW as never, []))).toBe('INVALID_INPUT');
    expect(errorCode(() => calibrationVsHoldout(bgNbd, { ...PARETO_NBD_CDNOW, model: 'pareto-nbd' } as never, []))).toBe('INCONSISTENT_INPUT');
    expect(errorCode(() => calibrationVsHoldout(bgNbd, { ...BG_NBD_CDNOW, r: -1 }, []))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => calibrationVsHoldout(bgNbd, BG_NBD_CDNOW, [], { maxFrequency: 1001 }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => calibrationVsHoldout(bgNbd, BG_NBD_CDNOW, [], { maxFrequency: 2.5 }))).toBe('NOT_AN_INTEGER');
    expect(errorCode(() => calibrationVsHoldout(bgNbd, BG_NBD_CDNOW, [{ frequency: 0, recency: 1, T: 5, holdoutFrequency: 0, holdoutDuration: 4 }]))).toBe('INCONSISTENT_INPUT');
    expect(errorCode(() => calibrationVsHoldout(bgNbd, BG_NBD_CDNOW, [{ frequency: 1, recency: 6, T: 5, holdoutFrequency: 0, holdoutDuration: 4 }]))).toBe('ORDER_VIOLATION');
    expect(errorCode(() => calibrationVsHoldout(bgNbd, BG_NBD_CDNOW, [{ frequency: 1, recency: 2, T: 5, holdoutFrequency: 0.5, holdoutDuration: 4 }]))).toBe('NOT_AN_INTEGER');
    expect(errorCode(() => calibrationVsHoldout(bgNbd, BG_NBD_CDNOW, [{ frequency: 1, recency: 2, T: 5, holdoutFrequency: 1, holdoutDuration: -4 }]))).toBe('NEGATIVE_VALUE');
  });
});
