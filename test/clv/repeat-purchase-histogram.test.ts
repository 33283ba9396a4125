import { describe, expect, it } from 'vitest';
import { bgNbd, paretoNbd, repeatPurchaseHistogram, bgNbdPurchaseCountProbability } from '../../src/clv';
import { errorCode } from '../support/error-code';
import { BG_NBD_CDNOW, PARETO_NBD_CDNOW, cdnowHoldoutRows, maxRelativeError, validationReference } from './validation-data';

describe('repeatPurchaseHistogram: CDNOW against an independent mpmath computation', () => {
  it('observed and expected cells 0–6, 7+, χ², df and p-value', () => {
    const ref = validationReference.histogram.bgNbd;
    const result = repeatPurchaseHistogram(bgNbd, BG_NBD_CDNOW, cdnowHoldoutRows());
    expect(result.cells.map((c) => c.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(result.cells.map((c) => c.observed)).toEqual(ref.observed);
    expect(maxRelativeError(result.cells.map((c) => c.expected), ref.expected)).toBeLessThan(1e-6);
    expect(result.chiSquare.cells).toEqual(result.cells);
    expect(result.chiSquare.df).toBe(ref.df);
    expect(maxRelativeError([result.chiSquare.statistic!, result.chiSquare.pValue!], [ref.statistic, ref.pValue])).toBeLessThan(1e-6);
    expect(result.customers).toBe(2357);
  });
});

describe('repeatPurchaseHistogram: pooling and edge cases', () => {
  // One customer group observed for T = 38: every expected count is a multiple of P(X(38) = n).
  const P = (n: number) => bgNbdPurchaseCountProbability(BG_NBD_CDNOW, n, 38);

  it('pools from the top until each cell expects ≥ 5, a small remainder joining the cell above', () => {
    const rows = [
      { frequency: 0, T: 38, w: 60 },
      { frequency: 1, T: 38, w: 18 },
      { frequency: 2, T: 38, w: 8 },
      { frequency: 3, T: 38, w: 4 },
      { frequency: 6, T: 38, w: 10 },
    ];
    const result = repeatPurchaseHistogram(bgNbd, BG_NBD_CDNOW, rows, { maxFrequency: 7, weight: (d) => d.w });
    const expected = [0, 1, 2, 3, 4, 5, 6].map((n) => 100 * P(n));
    expected.push(100 - expected.reduce((s, v) => s + v, 0));
    expect(maxRelativeError(result.cells.map((c) => c.expected), expected)).toBeLessThan(1e-12);
    // Build the pooled cells by hand from the top: close a cell once it expects ≥ 5.
    const pooled: { lo: number; hi: number; e: number }[] = [];
    let open: { lo: number; hi: number; e: number } | undefined;
    for (let k = 7; k >= 0; k--) {
      open ??= { lo: k, hi: k, e: 0 };
      open.lo = k;
      open.e += expected[k]!;
      if (open.e >= 5) {
        pooled.unshift(open);
        open = undefined;
      }
    }
    if (open) {
      pooled[0]!.lo = open.lo;
      pooled[0]!.e += open.e;
    }
    expect(result.chiSquare.cells.map((c) => c.expected)).toEqual(pooled.map((c) => expect.closeTo(c.e, 9)));
    expect(result.chiSquare.cells.every((c) => c.expected >= 5)).toBe(true);
    expect(result.chiSquare.cells.at(-1)!.label).toMatch(/\+$/);
    expect(result.chiSquare.df).toBe(pooled.length - 1 - 4);
  });

  it('labels, statistic and p-value on a histogram that needs no pooling', () => {
    const rows = [0, 1, 2].map((x) => ({ frequency: x, T: 38, w: [500, 200, 300][x]! }));
    const result = repeatPurchaseHistogram(bgNbd, BG_NBD_CDNOW, rows, { maxFrequency: 2, weight: (d) => d.w });
    expect(result.cells.map((c) => c.label)).toEqual(['0', '1', '2+']);
    const e = [1000 * P(0), 1000 * P(1), 1000 * (1 - P(0) - P(1))];
    const o = [500, 200, 300];
    const stat = o.reduce((s, v, i) => s + (v - e[i]!) ** 2 / e[i]!, 0);
    expect(result.chiSquare.statistic).toBeCloseTo(stat, 8);
    expect(result.chiSquare.df).toBe(-2);
    expect(result.chiSquare.pValue).toBeUndefined();
  });

  it('fewer than 5 expected customers in all: one cell, no p-value; no customers: no statistic', () => {
    const one = repeatPurchaseHistogram(bgNbd, BG_NBD_CDNOW, [{ frequency: 2, T: 10 }]);
    expect(one.chiSquare.cells).toHaveLength(1);
    expect(one.chiSquare.cells[0]!.label).toBe('0+');
    expect(one.chiSquare.statistic).toBeCloseTo(0, 20);
    expect(one.chiSquare.pValue).toBeUndefined();
    const none = repeatPurchaseHistogram(bgNbd, BG_NBD_CDNOW, []);
    expect(none.chiSquare.statistic).toBeUndefined();
    expect(none.cells.every((c) => c.observed === 0 && c.expected === 0)).toBe(true);
  });

  it('refuses a model without purchaseCountProbability, with a clear message', () => {
    // Pareto/NBD without the door field (whether or not its descriptor has it today).
    const withoutDoor = Object.fromEntries(Object.entries(paretoNbd).filter(([key]) => key !== 'purchaseCountProbability')) as unknown as typeof paretoNbd;
    expect(errorCode(() => repeatPurchaseHistogram(withoutDoor, PARETO_NBD_CDNOW, []))).toBe('INVALID_INPUT');
    expect(() => repeatPurchaseHistogram(withoutDoor, PARETO_NBD_CDNOW, [])).toThrow(/repeatPurchaseHistogram: model "pareto-nbd" has no purchaseCountProbability/);
    expect(errorCode(() => repeatPurchaseHistogram(bgNbd, BG_NBD_CDNOW, [{ frequency: 1.5, T: 3 }]))).toBe('NOT_AN_INTEGER');
    expect(errorCode(() => repeatPurchaseHistogram(bgNbd, BG_NBD_CDNOW, [], { maxFrequency: 0 }))).toBe('OUT_OF_RANGE');
  });
});
