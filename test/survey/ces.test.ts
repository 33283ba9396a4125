import { describe, expect, it } from 'vitest';
import { ces } from '../../src/survey/index';
import { BAD_LEVELS, BAD_SCORES_1_TO_7, BAD_WEIGHTS, codeOf, expectRejected } from './helpers';

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
    expect(r.interval!.lower).toBeCloseTo(lower, 10);
    expect(r.interval!.upper).toBeCloseTo(upper, 10);
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
    expect(r.interval!.lower).toBe(1);
    expect(r.interval!.upper).toBe(7);
  });
  it('effective n barely above 1: t overflows to Infinity, yet nothing is NaN', () => {
    // n_eff = (1 + 1e-9)²/(1 + 1e-18) ≈ 1 + 2e-9, so df ≈ 2e-9 and t(0.975; df) = Infinity.
    const same = ces([5, 5], { weight: (_d, i) => (i === 0 ? 1 : 1e-9) });
    expect(same).toMatchObject({ mean: 5, interval: { lower: 5, upper: 5 }, standardDeviation: 0 });
    const spread = ces([5, 4], { weight: (_d, i) => (i === 0 ? 1 : 1e-9) });
    expect(spread).toMatchObject({ interval: { lower: 1, upper: 7 } });
    // df ≈ 1e-16 (weights 16 orders apart), found by fast-check: the t quantile is no double either.
    const rows = [
      { score: 1, weight: 1.725436586697641e69 },
      { score: 1, weight: 2.5504396206983984e85 },
      { score: 2, weight: 1e-100 },
    ];
    expect(ces(rows, { accessor: (d) => d.score, weight: (d) => d.weight })).toMatchObject({ mean: 1, interval: { lower: 1, upper: 7 } });
  });
  it('no interval with one answer; zero-width with identical answers; nothing without answers', () => {
    expect(ces([6])).toMatchObject({ mean: 6, interval: undefined, standardDeviation: undefined });
    expect(ces([6, 6, 6])).toMatchObject({ interval: { lower: 6, upper: 6 }, standardDeviation: 0 });
    expect(ces([null])).toMatchObject({ mean: undefined, easyShare: undefined, netEffort: undefined, total: 0, skipped: 1 });
  });
});

describe('ces bad input', () => {
  it.each(BAD_SCORES_1_TO_7)('score %o → %s with its index, on every input path', (bad, code) => {
    expectRejected(() => ces([7, bad as number]), code, 'ces', bad, 1);
    expectRejected(() => ces([7, bad as number].map((s) => ({ s })), { accessor: (r) => r.s }), code, 'ces', bad, 1);
    expectRejected(() => ces([7, bad as number], { weight: () => 1 }), code, 'ces', bad, 1);
  });
  it('scores off a 1–5 scale', () => {
    expectRejected(() => ces([5, 6], { scale: { min: 1, max: 5 } }), 'OUT_OF_RANGE', 'ces', 6, 1);
    expectRejected(() => ces(new Uint8Array([5, 0]), { scale: { min: 1, max: 5 } }), 'OUT_OF_RANGE', 'ces', 0, 1);
  });
  it.each(BAD_WEIGHTS)('weight %o → %s with its index', (w, code) => {
    expectRejected(() => ces([7, 6], { weight: (_d, i) => (i === 1 ? (w as number) : 1) }), code, 'ces', w, 1);
  });
  it.each(BAD_LEVELS)('level %o → %s', (level, code) => {
    expectRejected(() => ces([7], { level: level as number }), code, 'ces', level);
  });
  it('rejects bad ranges, scales and options', () => {
    expect(codeOf(() => ces([7], { easy: { from: 6, to: 8 } }))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => ces([7], { easy: { from: 7, to: 5 } }))).toBe('ORDER_VIOLATION');
    expect(codeOf(() => ces([7], { easy: { from: 3, to: 7 } }))).toBe('INCONSISTENT_INPUT');
    expect(codeOf(() => ces([7], { easy: { from: 5.5, to: 7 } }))).toBe('NOT_AN_INTEGER');
    expect(codeOf(() => ces([7], { difficult: 3 as never }))).toBe('INVALID_OPTION');
    expect(codeOf(() => ces([7], { scale: { min: 7, max: 1 } }))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => ces([7], null as never))).toBe('INVALID_OPTION');
  });
});
