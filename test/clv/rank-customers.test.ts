import { describe, expect, it } from 'vitest';
import { bgBb, fitBgNbd, fitGammaGamma, bgNbd as bgNbdModel, predictClv, rankCustomers, type PredictClvResult } from '../../src/clv';
import { CxMetricsError } from '../../src/internal/errors';
import { errorCode } from '../support/error-code';
import { cdnowSummary } from './clv-data';

const bgNbd = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const gammaGamma = { p: 6.25, q: 3.74, gamma: 15.44 };
const monthly = { timeUnit: 'week', horizon: 12, horizonUnit: 'month' } as const;

/** A hand-made prediction: customers at input positions 10, 11, 12, 13. */
function prediction(clv: number[], probabilityAlive = [0.5, 0.9, 0.1, 0.9]): PredictClvResult {
  return {
    index: Uint32Array.from([10, 11, 12, 13]),
    clv: Float64Array.from(clv),
    expectedPurchases: Float64Array.from([1, 2, 3, 4]),
    expectedSpend: Float64Array.from([40, 30, 20, 10]),
    probabilityAlive: Float64Array.from(probabilityAlive),
    total: clv.reduce((s, v) => s + v, 0),
    schedule: { expectedPurchases: new Float64Array(0), value: new Float64Array(0), discountedValue: new Float64Array(0) },
    window: undefined,
    intervals: undefined,
    skipped: 0,
    periodLength: 1,
  };
}

describe('rankCustomers: known values', () => {
  it('orders by the chosen column, highest first, ties in input order', () => {
    const p = prediction([5, 7, 7, 1]);
    expect(rankCustomers(p).map((c) => [c.rank, c.index, c.clv])).toEqual([
      [1, 11, 7],
      [2, 12, 7],
      [3, 10, 5],
      [4, 13, 1],
    ]);
    expect(rankCustomers(p, { by: 'probabilityAlive' }).map((c) => c.index)).toEqual([11, 13, 10, 12]);
    expect(rankCustomers(p, { by: 'expectedSpend', top: 2 }).map((c) => c.index)).toEqual([10, 11]);
    expect(rankCustomers(p, { by: 'expectedPurchases', top: 1 })).toEqual([
      { rank: 1, index: 13, clv: 1, probabilityAlive: 0.9, expectedPurchases: 4, expectedSpend: 10 },
    ]);
  });

  it('returns nothing for top 0 or no customers, and everyone for a top beyond the count', () => {
    expect(rankCustomers(prediction([1, 2, 3, 4]), { top: 0 })).toEqual([]);
    expect(rankCustomers(predictClv(bgNbdModel, bgNbd, { gammaGamma }, [], monthly))).toEqual([]);
    expect(rankCustomers(prediction([1, 2, 3, 4]), { top: 99 })).toHaveLength(4);
  });

  it('returns frozen rows', () => {
    const [first] = rankCustomers(prediction([1, 2, 3, 4]));
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('ranks CDNOW end to end: the top 10 by CLV are the 10 largest values, by heap or by sort', () => {
    const rows = cdnowSummary();
    const result = predictClv(bgNbdModel, fitBgNbd(rows), { gammaGamma: fitGammaGamma(rows) }, rows, { ...monthly, discountRate: 0.01 });
    const sorted = Array.from(result.clv).sort((x, y) => y - x);
    const top = rankCustomers(result, { top: 10 }); // heap path (10 < n/4)
    expect(top.map((c) => c.clv)).toEqual(sorted.slice(0, 10));
    expect(top.every((c, k) => c.rank === k + 1 && result.clv[c.index] === c.clv)).toBe(true);
    expect(rankCustomers(result).slice(0, 10)).toEqual(top); // full sort path
  });
});

describe('rankCustomers: any model', () => {
  it('ranks a BG/BB prediction with a fixed value per purchase like any other', () => {
    const donors = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
    const rows = [
      { frequency: 0, recency: 0, periods: 6 },
      { frequency: 6, recency: 6, periods: 6 },
      { frequency: 3, recency: 4, periods: 6 },
    ];
    const prediction = predictClv(bgBb, donors, { valuePerPurchase: 50 }, rows, { horizon: 5 });
    expect(rankCustomers(prediction).map((c) => c.index)).toEqual([1, 2, 0]);
    expect(rankCustomers(prediction, { by: 'probabilityAlive', top: 1 })[0]).toMatchObject({ rank: 1, index: 1, expectedSpend: 50 });
  });
});

describe('rankCustomers: bad input', () => {
  it.each<[string, () => unknown, string]>([
    ['unknown ranking column', () => rankCustomers(prediction([1, 2, 3, 4]), { by: 'T' as 'clv' }), 'INVALID_OPTION'],
    ['negative top', () => rankCustomers(prediction([1, 2, 3, 4]), { top: -1 }), 'NEGATIVE_VALUE'],
    ['fractional top', () => rankCustomers(prediction([1, 2, 3, 4]), { top: 1.5 }), 'NOT_AN_INTEGER'],
    ['NaN top', () => rankCustomers(prediction([1, 2, 3, 4]), { top: Number.NaN }), 'INVALID_NUMBER'],
    ['a NaN score', () => rankCustomers(prediction([1, Number.NaN, 3, 4])), 'INVALID_NUMBER'],
    ['an infinite score in the ranked column', () => rankCustomers(prediction([1, 2, 3, 4], [0.5, Infinity, 0, 0]), { by: 'probabilityAlive' }), 'INVALID_NUMBER'],
    ['columns of different lengths', () => rankCustomers({ ...prediction([1, 2, 3, 4]), clv: new Float64Array(2) }), 'INCONSISTENT_INPUT'],
    ['a missing column', () => rankCustomers({ ...prediction([1, 2, 3, 4]), expectedSpend: undefined } as unknown as PredictClvResult), 'INCONSISTENT_INPUT'],
    ['no prediction', () => rankCustomers(null as unknown as PredictClvResult), 'INCONSISTENT_INPUT'],
  ])('%s → %s', (_name, run, expected) => {
    expect(errorCode(run)).toBe(expected);
  });

  it('names the column and the index of a bad score', () => {
    let error: unknown;
    try {
      rankCustomers(prediction([1, Number.NaN, 3, 4]));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CxMetricsError);
    expect((error as CxMetricsError).message).toBe('rankCustomers: clv NaN at index 1 is not a finite number');
  });
});
