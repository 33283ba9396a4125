import { describe, expect, it } from 'vitest';
import { bgNbd, expectedCumulativePurchases, paretoNbd } from '../../src/clv';
import { errorCode } from '../support/error-code';
import { BG_NBD_CDNOW, CDNOW_WINDOW, PARETO_NBD_CDNOW, cdnowPurchases, day, maxRelativeError, validationReference } from './validation-data';

describe('expectedCumulativePurchases: CDNOW against an independent mpmath computation', () => {
  const purchases = cdnowPurchases();
  for (const [name, model, params] of [
    ['bgNbd', bgNbd, BG_NBD_CDNOW],
    ['paretoNbd', paretoNbd, PARETO_NBD_CDNOW],
  ] as const) {
    it(`${name}: 78 weeks from 1997-01-01, cumulative expected and actual, totals split at week 39`, () => {
      const ref = validationReference.tracking[name];
      const curve = expectedCumulativePurchases(model as typeof bgNbd, params as typeof BG_NBD_CDNOW, purchases, CDNOW_WINDOW);
      expect(curve.expectedCumulative).toHaveLength(ref.weeks);
      expect(curve.periodStart[0]).toBe(day('1997-01-01'));
      expect(curve.periodStart[38]).toBe(day('1997-01-01') + 38 * 7 * 86_400_000);
      expect(curve.calibrationPeriod).toBe(ref.calibrationPeriod);
      expect(Array.from(curve.actualCumulative)).toEqual(ref.actualCumulative);
      expect(maxRelativeError(curve.expectedCumulative.subarray(1), ref.expectedCumulative.slice(1))).toBeLessThan(1e-6);
      expect(curve.totals!.calibrationActual).toBe(2457);
      expect(curve.totals!.holdoutActual).toBe(1882);
      expect(maxRelativeError([curve.totals!.calibrationExpected, curve.totals!.holdoutExpected], [ref.calibrationExpected, ref.holdoutExpected])).toBeLessThan(1e-6);
      expect(curve.customers).toBe(2357);
      expect(curve.purchases).toBe(6919);
      // Incremental columns add up to the cumulative ones.
      let e = 0;
      let a = 0;
      curve.expected.forEach((v, k) => {
        e += v;
        a += curve.actual[k]!;
        expect(e).toBeCloseTo(curve.expectedCumulative[k]!, 8);
        expect(a).toBe(curve.actualCumulative[k]);
      });
    });
  }
});

describe('expectedCumulativePurchases: edge cases', () => {
  const P = [
    { customerId: 'a', at: day('2024-01-01') },
    { customerId: 'a', at: day('2024-01-01') },
    { customerId: 'a', at: day('2024-01-02') },
    { customerId: 'b', at: new Date(day('2024-01-05')) },
  ];
  it('daily periods, same-day purchases once, the first purchase not counted, a start before the first purchase', () => {
    const curve = expectedCumulativePurchases(bgNbd, BG_NBD_CDNOW, P, { observationEnd: day('2024-01-05'), trackingPeriod: 'day', unit: 'day', start: day('2023-12-31') });
    expect(Array.from(curve.actual)).toEqual([0, 0, 1, 0, 0, 0]);
    expect(curve.periodStart[0]).toBe(day('2023-12-31'));
    expect(curve.calibrationPeriod).toBeUndefined();
    expect(curve.totals).toBeUndefined();
    // Customer a from day 0 (2024-01-01), b from day 4: E[X(4)] + E[X(0)] on the last day, in days.
    expect(curve.expectedCumulative[5]).toBeCloseTo(bgNbd.expectedPurchases(BG_NBD_CDNOW, 4), 12);
  });

  it('empty cohort: one period of zeros', () => {
    const curve = expectedCumulativePurchases(bgNbd, BG_NBD_CDNOW, [], { observationEnd: day('2024-01-05') });
    expect(Array.from(curve.expectedCumulative)).toEqual([0]);
    expect(curve.customers).toBe(0);
  });

  it('refuses purchases after the observation end or before start, and bad options', () => {
    expect(errorCode(() => expectedCumulativePurchases(bgNbd, BG_NBD_CDNOW, P, { observationEnd: day('2024-01-03') }))).toBe('ORDER_VIOLATION');
    expect(errorCode(() => expectedCumulativePurchases(bgNbd, BG_NBD_CDNOW, P, { observationEnd: day('2024-01-09'), start: day('2024-01-02') }))).toBe('ORDER_VIOLATION');
    expect(errorCode(() => expectedCumulativePurchases(bgNbd, BG_NBD_CDNOW, P, { observationEnd: day('2024-01-09'), trackingPeriod: 'month' as 'week' }))).toBe('INVALID_OPTION');
    expect(errorCode(() => expectedCumulativePurchases(bgNbd, BG_NBD_CDNOW, P, {} as never))).toBe('INVALID_OPTION');
    expect(errorCode(() => expectedCumulativePurchases(bgNbd, BG_NBD_CDNOW, [{ customerId: {}, at: 0 }] as never, { observationEnd: 0 }))).toBe('INVALID_RECORD');
    expect(errorCode(() => expectedCumulativePurchases(bgNbd, { ...BG_NBD_CDNOW, a: 0 }, P, { observationEnd: day('2024-01-09') }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => expectedCumulativePurchases({} as never, BG_NBD_CDNOW, P, { observationEnd: day('2024-01-09') }))).toBe('INVALID_INPUT');
  });
});
