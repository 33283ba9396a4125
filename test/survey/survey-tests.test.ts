// Direct unit tests of compareStates / estimateOf / mergeStates (they serve compareGroups and trendTest).
import { describe, expect, it } from 'vitest';
import { compareStates, estimateOf, mergeStates } from '../../src/survey/survey-tests';
import { collectSurveyGroups } from '../../src/survey/survey-groups';
import { compareCsat, compareNps } from '../../src/survey/index';
import { response } from './significance-data';

const states = (metric: 'nps' | 'csat' | 'ces', a: number[], b: number[]) =>
  collectSurveyGroups('t', [...a.map((s) => response(metric, s, { channel: 'a' })), ...b.map((s) => response(metric, s, { channel: 'b' }))], { by: 'channel' }, metric, 0.95).buckets.map((x) => x.state);

describe('survey-tests', () => {
  it('compareStates has the shape and the figures of compareNps and compareCsat', () => {
    const [a, b] = states('nps', [10, 9, 9, 3, 7], [0, 5, 9, 8]);
    expect(compareStates('nps', a!, b!, 0.9, 'adjusted-wald')).toEqual({ ...compareNps([10, 9, 9, 3, 7], [0, 5, 9, 8], { level: 0.9 }), level: undefined, method: undefined });
    const [c, d] = states('csat', [5, 4, 2, 1], [5, 5, 3]);
    const { level: _level, ...rest } = compareCsat([5, 4, 2, 1], [5, 5, 3])!;
    expect(compareStates('csat', c!, d!, 0.95, 'wald')).toEqual(rest);
  });
  it('unanimous samples on different answers cannot be tested: undefined', () => {
    const [a, b] = states('nps', [10, 10], [0, 0]);
    expect(compareStates('nps', a!, b!, 0.95, 'wald')).toBeUndefined();
  });
  it('CES: Welch t with Satterthwaite degrees of freedom', () => {
    const [a, b] = states('ces', [7, 6, 5], [3, 2, 2, 1]);
    const r = compareStates('ces', a!, b!, 0.95, 'wald')!;
    const va = 1 / 3;
    const vb = 2 / 3 / 4;
    expect(r.difference).toBeCloseTo(6 - 2, 12);
    expect(r.standardError).toBeCloseTo(Math.sqrt(va + vb), 12);
    expect(r.degreesOfFreedom).toBeCloseTo((va + vb) ** 2 / (va ** 2 / 2 + vb ** 2 / 3), 10);
  });
  it('mergeStates pools the tallies; estimateOf reads their score', () => {
    const [a, b] = states('nps', [10, 9], [0, 5]);
    expect(estimateOf('nps', mergeStates('t', 'nps', [a!, b!])).score).toBe(0);
  });
});
