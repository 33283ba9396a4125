import { describe, expect, it } from 'vitest';
import { ces, cesTally } from '../../src/survey/index';
import { BAD_LEVELS, BAD_WEIGHTS, codeOf } from './helpers';

// Independent values: python3 + scipy: x.mean(), x.std(ddof=1), stats.t.ppf(1 − (1 − level)/2, n − 1).
describe('ces known values', () => {
  it.each<[number[], number, number, number, number, number]>([
    [[1, 2, 3, 4, 5, 6, 7], 0.95, 4, 2.16024689946929, 2.00210483970859, 5.99789516029141],
    [[4, 4, 5, 5, 5, 6, 7, 7, 2, 1, 3], 0.9, 4.45454545454545, 1.91643608626202, 3.4072560804794, 5.50183482861151],
    [[5, 4, 4, 2, 3], 0.99, 3.6, 1.14017542509914, 1.25236304085539, 5.94763695914461],
  ])('%o at %f', (scores, level, mean, sd, lower, upper) => {
    const r = ces(scores, { level });
    expect(r.mean).toBeCloseTo(mean, 12);
    expect(r.standardDeviation).toBeCloseTo(sd, 12);
    expect(r.lower).toBeCloseTo(lower, 10);
    expect(r.upper).toBeCloseTo(upper, 10);
    expect(r.level).toBe(level);
  });
  it('easy 5–7, difficult 1–3 on 1–7 by default (hand computation)', () => {
    const r = ces([7, 6, 5, 4, 3, 1, null]);
    expect(r).toMatchObject({ easy: 3, difficult: 2, total: 6, skipped: 1, easyShare: 0.5, difficultShare: 2 / 6 });
    expect(r.netEffort).toBeCloseTo(0.5 - 2 / 6, 15);
    expect(r.easyScores).toEqual({ from: 5, to: 7 });
    expect(r.difficultScores).toEqual({ from: 1, to: 3 });
  });
  it('1–5 scale defaults to easy 4–5, difficult 1–2; custom ranges for CES 1.0', () => {
    const five = ces([5, 4, 3, 2, 1], { scale: { min: 1, max: 5 } });
    expect(five).toMatchObject({ easy: 2, difficult: 2, netEffort: 0 });
    const reversed = ces([1, 1, 2, 5], { scale: { min: 1, max: 5 }, easy: { from: 1, to: 2 }, difficult: { from: 4, to: 5 } });
    expect(reversed).toMatchObject({ easyShare: 0.75, difficultShare: 0.25, netEffort: 0.5 });
  });
  it('weighted: Kish effective n in the t interval (python: mean 5.5, n_eff 8/3, sd 2.0976; interval clipped to 1–7)', () => {
    const r = ces([7, 3, 5], { weight: (_d, i) => (i === 0 ? 2 : 1) });
    expect(r.mean).toBe(5.5);
    expect(r.effectiveSampleSize).toBeCloseTo(8 / 3, 12);
    expect(r.standardDeviation).toBeCloseTo(2.0976176963403033, 12);
    expect(r.lower).toBe(1);
    expect(r.upper).toBe(7);
  });
  it('no interval with one answer; zero-width with identical answers; nothing without answers', () => {
    expect(ces([6])).toMatchObject({ mean: 6, lower: undefined, upper: undefined, standardDeviation: undefined });
    expect(ces([6, 6, 6])).toMatchObject({ lower: 6, upper: 6, standardDeviation: 0 });
    expect(ces([null])).toMatchObject({ mean: undefined, easyShare: undefined, netEffort: undefined, total: 0, skipped: 1 });
  });
});

describe('ces bad input', () => {
  it.each<[unknown, string]>([
    [Number.NaN, 'INVALID_NUMBER'],
    [Infinity, 'INVALID_NUMBER'],
    ['7', 'INVALID_NUMBER'],
    [8, 'OUT_OF_RANGE'],
    [0, 'OUT_OF_RANGE'],
    [6.5, 'NOT_AN_INTEGER'],
  ])('score %o → %s', (bad, code) => {
    expect(codeOf(() => ces([7, bad as number]))).toBe(code);
    expect(codeOf(() => cesTally.add(cesTally.create(), bad as number))).toBe(code);
    expect(() => ces([7, bad as number])).toThrow(/^ces: .*index 1/);
  });
  it.each(BAD_WEIGHTS)('weight %o → %s', (w, code) => {
    expect(codeOf(() => ces([7], { weight: () => w as number }))).toBe(code);
  });
  it.each(BAD_LEVELS)('level %o → %s', (level, code) => {
    expect(codeOf(() => ces([7], { level: level as number }))).toBe(code);
    expect(codeOf(() => cesTally.create({ level: level as number }))).toBe(code);
  });
  it('rejects bad ranges', () => {
    expect(codeOf(() => ces([7], { easy: { from: 6, to: 8 } }))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => ces([7], { easy: { from: 7, to: 5 } }))).toBe('ORDER_VIOLATION');
    expect(codeOf(() => ces([7], { easy: { from: 3, to: 7 } }))).toBe('INCONSISTENT_INPUT');
    expect(codeOf(() => ces([7], { easy: { from: 5.5, to: 7 } }))).toBe('NOT_AN_INTEGER');
    expect(codeOf(() => ces([7], { difficult: 3 as never }))).toBe('INVALID_OPTION');
  });
});

describe('cesTally', () => {
  it('folds and merges to the batch result', () => {
    const a = [7, 6, null, 2];
    const b = [5, 5, 1];
    const merged = cesTally.merge(a.reduce(cesTally.add, cesTally.create()), b.reduce(cesTally.add, cesTally.create()));
    expect(cesTally.result(merged)).toEqual(ces([...a, ...b]));
  });
  it('refuses to merge different settings', () => {
    expect(codeOf(() => cesTally.merge(cesTally.create(), cesTally.create({ level: 0.9 })))).toBe('INCONSISTENT_INPUT');
    expect(codeOf(() => cesTally.merge(cesTally.create(), cesTally.create({ scale: { min: 1, max: 5 } })))).toBe('INCONSISTENT_INPUT');
  });
  it('holds constant memory', () => {
    const state = cesTally.create();
    for (let i = 0; i < 200_000; i++) cesTally.add(state, 1 + (i % 7));
    expect(state.counts).toHaveLength(7);
    expect(cesTally.result(state).mean).toBeCloseTo(4, 3);
  });
});
