import { describe, expect, it } from 'vitest';
import { nps, npsFromCounts, npsTally } from '../../src/survey/index';
import { BAD_NPS_SCORES, BAD_WEIGHTS, codeOf, expectRejected } from './helpers';

describe('nps known values', () => {
  it('50 promoters, 30 passives, 20 detractors → 30 (hand computation)', () => {
    const scores = [...Array(50).fill(9), ...Array(30).fill(7), ...Array(20).fill(6)];
    const r = nps(scores);
    expect(r.score).toBe(30);
    expect(r.shares).toEqual({ promoters: 0.5, passives: 0.3, detractors: 0.2 });
    expect(r).toMatchObject({ promoters: 50, passives: 30, detractors: 20, total: 100, skipped: 0, effectiveSampleSize: 100, weighted: false });
    expect(r.weights).toBeUndefined();
    expect(npsFromCounts({ promoters: 50, passives: 30, detractors: 20 })).toEqual(r);
    expect(Object.isFrozen(r)).toBe(true);
  });
  it('every input form gives the same answer', () => {
    const scores = [10, 0, 7, 9, 9, 3, 8, 10];
    const want = nps(scores);
    expect(want.score).toBe(25); // (4 − 2) / 8
    const forms: Iterable<number>[] = [new Uint8Array(scores), new Uint8ClampedArray(scores), new Int16Array(scores), new Float64Array(scores), scores.values()];
    for (const form of forms) expect(nps(form)).toEqual(want);
    function* generate() {
      yield* scores;
    }
    expect(nps(generate())).toEqual(want);
    expect(nps({ ...scores, length: scores.length } as ArrayLike<number>)).toEqual(want);
    expect(nps(scores.map((s) => ({ s })), { accessor: (r) => r.s })).toEqual(want);
  });
  it('counts null and undefined as skipped', () => {
    const r = nps([10, null, undefined, 6]);
    expect(r).toMatchObject({ total: 2, skipped: 2, score: 0 });
  });
  it('returns undefined figures without answers', () => {
    for (const r of [nps([]), nps([null]), nps(new Uint8Array(0))]) {
      expect(r.score).toBeUndefined();
      expect(r.shares).toBeUndefined();
      expect(r.effectiveSampleSize).toBe(0);
    }
  });
  it('weights: weighted shares and Kish effective n (hand computation)', () => {
    // weights 3 (promoter), 1 (passive), 2 (detractor): Σw = 6, Σw² = 14 → n_eff = 36/14;
    // NPS = 100 × (3 − 2)/6.
    const rows = [
      { s: 10, w: 3 },
      { s: 8, w: 1 },
      { s: 2, w: 2 },
    ];
    const r = nps(rows, { accessor: (d) => d.s, weight: (d) => d.w });
    expect(r.score).toBeCloseTo((100 * (3 - 2)) / 6, 12);
    expect(r.shares?.promoters).toBeCloseTo(0.5, 12);
    expect(r.effectiveSampleSize).toBeCloseTo(36 / 14, 12);
    expect(r.weights).toEqual({ promoters: 3, passives: 1, detractors: 2, total: 6 });
    expect(r).toMatchObject({ promoters: 1, passives: 1, detractors: 1, total: 3, weighted: true });
  });
  it('the extreme accepted weights never give NaN', () => {
    const big = nps([10, 0, 9], { weight: () => 1e100 });
    expect(big.score).toBeCloseTo(100 / 3, 9);
    expect(big.effectiveSampleSize).toBeCloseTo(3, 9);
    // 1e-100² = 1e-200 does not underflow, so Kish's n is 3, not 0/0.
    const tiny = nps([10, 0, 9], { weight: () => 1e-100 });
    expect(tiny.score).toBeCloseTo(100 / 3, 9);
    expect(tiny.effectiveSampleSize).toBeCloseTo(3, 9);
    const mixed = nps([10, 0], { weight: (_d, i) => (i === 0 ? 1e100 : 1e-100) });
    expect(mixed.score).toBe(100);
    expect(mixed.effectiveSampleSize).toBe(1);
  });
  it('a missing weight skips the response; zero weights give no score', () => {
    const r = nps([10, 0], { weight: (_d, i) => (i === 0 ? null : 1) });
    expect(r).toMatchObject({ total: 1, skipped: 1, score: -100 });
    const zero = nps([10, 0], { weight: () => 0 });
    expect(zero.score).toBeUndefined();
    expect(zero.effectiveSampleSize).toBe(0);
  });
  it('agrees with npsTally answer by answer, weights included', () => {
    const answers = [
      { score: 10, weight: 3 },
      { score: 0, weight: 1 },
      { score: 8, weight: 0.5 },
      { score: null, weight: 1 },
    ];
    const state = answers.reduce(npsTally.add, npsTally.create());
    expect(nps(answers, { accessor: (a) => a.score, weight: (a) => a.weight })).toEqual(npsTally.result(state));
  });
  it('does not mutate its input', () => {
    const scores = new Uint8Array([10, 3]);
    nps(scores);
    expect([...scores]).toEqual([10, 3]);
  });
});

describe('nps bad input', () => {
  it.each(BAD_NPS_SCORES)('score %o → %s naming the value and its index, on every input path', (bad, code) => {
    const values = [10, 9, bad, 3] as number[];
    expectRejected(() => nps(values), code, 'nps', bad, 2);
    expectRejected(() => nps(values.map((s) => ({ s })), { accessor: (r) => r.s }), code, 'nps', bad, 2);
    expectRejected(() => nps(values, { weight: () => 1 }), code, 'nps', bad, 2);
    expectRejected(() => nps(values.values()), code, 'nps', bad, 2);
  });
  it('typed arrays report the first offending index', () => {
    expect(() => nps(new Uint8Array([10, 3, 200, 11]))).toThrow('nps: score 200 at index 2 is outside 0–10');
    expectRejected(() => nps(new Float64Array([1, Number.NaN])), 'INVALID_NUMBER', 'nps', Number.NaN, 1);
    expectRejected(() => nps(new Float64Array([1, -Infinity])), 'INVALID_NUMBER', 'nps', -Infinity, 1);
    expectRejected(() => nps(new Float32Array([9.5])), 'NOT_AN_INTEGER', 'nps', 9.5, 0);
    expectRejected(() => nps(new Int8Array([5, -1])), 'OUT_OF_RANGE', 'nps', -1, 1);
    expectRejected(() => nps(new Uint8ClampedArray([0, 11])), 'OUT_OF_RANGE', 'nps', 11, 1);
  });
  it.each(BAD_WEIGHTS)('weight %o → %s with its index', (w, code) => {
    expectRejected(() => nps([10, 9], { weight: (_d, i) => (i === 1 ? (w as number) : 1) }), code, 'nps', w, 1);
  });
  it('rejects a missing count, non-function accessors, non-object options and non-list values', () => {
    expect(codeOf(() => nps([1], { accessor: 3 as never }))).toBe('INVALID_OPTION');
    expect(codeOf(() => nps([1], { weight: 'w' as never }))).toBe('INVALID_OPTION');
    expect(codeOf(() => nps([1], 'x' as never))).toBe('INVALID_OPTION');
    expect(codeOf(() => nps(5 as never))).toBe('INVALID_INPUT');
    expect(codeOf(() => nps('9' as never))).toBe('INVALID_INPUT');
    // A plain object is not a list: an error, not an empty result; counts too (npsFromCounts reads those).
    expect(codeOf(() => nps({ score: 9 } as never))).toBe('INVALID_INPUT');
    expect(codeOf(() => nps({ promoters: 1, passives: 0, detractors: 0 } as never))).toBe('INVALID_INPUT');
  });
});
