// Direct unit tests of the CSAT/CES state helpers (also exercised through csat, ces, csatInterval, compareCsat).
import { describe, expect, it } from 'vitest';
import { cesResult, createCesState, createCsatState, csatDifference, csatResult, readCesSettings, readCsatSettings } from '../../src/survey/scale-state';
import { addAnswer } from '../../src/survey/survey-scores';
import { ces, csat } from '../../src/survey/index';

describe('scale-state', () => {
  it('settings: CSAT 1–5 satisfied from 4 by default; CES 1–7', () => {
    expect(readCsatSettings('t', undefined)).toMatchObject({ min: 1, max: 5, threshold: 4 });
    expect(readCesSettings('t', undefined)).toMatchObject({ min: 1, max: 7 });
    expect(() => readCsatSettings('t', { threshold: 6 })).toThrow(/^t: /);
  });
  it('a state filled answer by answer gives the result of csat / ces', () => {
    const s = createCsatState(readCsatSettings('t', undefined));
    [5, 4, 2].forEach((x, i) => addAnswer('t', s, x, i));
    expect(csatResult(s)).toEqual(csat([5, 4, 2]));
    const c = createCesState(readCesSettings('t', undefined));
    [7, 6, 2].forEach((x, i) => addAnswer('t', c, x, i));
    expect(cesResult(c)).toEqual(ces([7, 6, 2]));
  });
  it('csatDifference: pooled z, unpooled Wald interval (python/scipy values of compareCsat)', () => {
    const r = csatDifference({ share: 0.8, n: 100 }, { share: 0.65, n: 100 }, 0.95);
    expect(r.statistic).toBeCloseTo(2.375422747394688, 9);
    expect(r.standardError).toBeCloseTo(Math.sqrt((0.8 * 0.2 + 0.65 * 0.35) / 100), 12);
    expect(r.interval.lower).toBeCloseTo(0.15 - 1.959963984540054 * r.standardError, 12);
    expect(csatDifference({ share: 1, n: 5 }, { share: 1, n: 9 }, 0.9)).toMatchObject({ statistic: 0, pValue: 1, interval: { lower: 0, upper: 0 } });
  });
});
