// Direct unit tests of the NPS tally helpers (also exercised through nps, npsTally, npsInterval, compareNps).
import { describe, expect, it } from 'vitest';
import { addNpsAnswer, createNpsState, intervalBasis, mergeNpsStates, npsDifference, npsResult, summarizeNps } from '../../src/survey/nps-state';
import { nps, npsFromCounts } from '../../src/survey/index';

const tally = (scores: number[]) => scores.reduce((s, x, i) => addNpsAnswer('t', s, x, i), createNpsState());

describe('nps-state', () => {
  it('a tally of answers gives the result of nps; merge is the tally of both', () => {
    expect(npsResult(tally([10, 9, 7, 3]))).toEqual(nps([10, 9, 7, 3]));
    expect(npsResult(mergeNpsStates(tally([10, 9]), tally([7, 3])))).toEqual(nps([10, 9, 7, 3]));
  });
  it('rejects a score off the 0–10 scale with the caller name and index', () => {
    expect(() => addNpsAnswer('caller', createNpsState(), 11, 4)).toThrow(/^caller: .*11.*index 4/);
  });
  it('adjusted-Wald basis adds ¾ promoter, 1½ passive, ¾ detractor', () => {
    const s = summarizeNps(npsResult(tally([10, 10, 0, 7])))!;
    expect(intervalBasis(s, 'wald')).toEqual({ p: 0.5, d: 0.25, n: 4 });
    const a = intervalBasis(s, 'adjusted-wald');
    expect(a.n).toBe(7);
    expect(a.p).toBeCloseTo(2.75 / 7, 15);
    expect(a.d).toBeCloseTo(1.75 / 7, 15);
  });
  it('npsDifference: Wald z on the observed shares; the standard error is the interval one', () => {
    // a: p = .6, d = .15, n = 100; b: p = .5, d = .2, n = 100 (as compareNps' known values).
    const a = summarizeNps(npsFromCounts({ promoters: 60, passives: 25, detractors: 15 }))!;
    const b = summarizeNps(npsFromCounts({ promoters: 50, passives: 30, detractors: 20 }))!;
    const wald = npsDifference(a, b, 0.95, 'wald');
    const se = Math.sqrt((0.75 - 0.45 ** 2) / 100 + (0.7 - 0.3 ** 2) / 100);
    expect(wald.standardError).toBeCloseTo(100 * se, 10);
    expect(wald.statistic).toBeCloseTo(0.15 / se, 10);
    const adjusted = npsDifference(a, b, 0.95, 'adjusted-wald');
    expect(adjusted.statistic).toBe(wald.statistic);
    const half = (adjusted.interval.upper - adjusted.interval.lower) / 2;
    expect(half / adjusted.standardError).toBeCloseTo(1.959963984540054, 10);
  });
});
