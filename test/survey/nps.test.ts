import { describe, expect, it } from 'vitest';
import { CxMetricsError } from '../../src/errors';
import { classifyNps, nps, npsTally } from '../../src/survey/index';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof CxMetricsError) return error.code;
    throw error;
  }
  return undefined;
}

describe('classifyNps', () => {
  it('uses the Net Promoter cut-offs 0–6, 7–8, 9–10', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(classifyNps)).toEqual([
      ...Array(7).fill('detractor'),
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });
  it.each<[unknown, string]>([
    [Number.NaN, 'INVALID_NUMBER'],
    [Infinity, 'INVALID_NUMBER'],
    [-Infinity, 'INVALID_NUMBER'],
    ['9', 'INVALID_NUMBER'],
    [null, 'INVALID_NUMBER'],
    [11, 'OUT_OF_RANGE'],
    [-1, 'OUT_OF_RANGE'],
    [7.5, 'NOT_AN_INTEGER'],
  ])('rejects %o with %s', (value, code) => {
    expect(codeOf(() => classifyNps(value as number))).toBe(code);
  });
});

describe('nps known values', () => {
  it('50 promoters, 30 passives, 20 detractors → 30 (hand computation)', () => {
    const scores = [...Array(50).fill(9), ...Array(30).fill(7), ...Array(20).fill(6)];
    const r = nps(scores);
    expect(r.score).toBe(30);
    expect(r.shares).toEqual({ promoters: 0.5, passives: 0.3, detractors: 0.2 });
    expect(r).toMatchObject({ promoters: 50, passives: 30, detractors: 20, total: 100, skipped: 0, effectiveSampleSize: 100, weighted: false });
    expect(r.weights).toBeUndefined();
    expect(nps({ promoters: 50, passives: 30, detractors: 20 })).toEqual(r);
    expect(Object.isFrozen(r)).toBe(true);
  });
  it('every input form gives the same answer', () => {
    const scores = [10, 0, 7, 9, 9, 3, 8, 10];
    const want = nps(scores);
    expect(want.score).toBe(25); // (4 − 2) / 8
    for (const form of [new Uint8Array(scores), new Int16Array(scores), new Float64Array(scores), new Set([0]).size ? scores.values() : scores]) {
      expect(nps(form as Iterable<number>)).toEqual(want);
    }
    expect(nps(scores.map((s) => ({ s })), { accessor: (r) => r.s })).toEqual(want);
  });
  it('counts null and undefined as skipped', () => {
    const r = nps([10, null, undefined, 6]);
    expect(r).toMatchObject({ total: 2, skipped: 2, score: 0 });
  });
  it('returns undefined figures without answers', () => {
    for (const r of [nps([]), nps([null]), nps(new Uint8Array(0)), nps({ promoters: 0, passives: 0, detractors: 0 })]) {
      expect(r.score).toBeUndefined();
      expect(r.shares).toBeUndefined();
      expect(r.effectiveSampleSize).toBe(0);
    }
  });
  it('weights: weighted shares and Kish effective n (hand computation)', () => {
    // weights 3 (promoter), 1 (passive), 2 (detractor): Σw = 6, Σw² = 14 → n_eff = 36/14.
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
  it('huge (but accepted) weights never give NaN', () => {
    const r = nps([10, 0, 9], { weight: () => 1e100 });
    expect(r.score).toBeCloseTo(100 / 3, 9);
    expect(r.effectiveSampleSize).toBeCloseTo(3, 9);
  });
  it('a missing weight skips the response; zero weights give no score', () => {
    const r = nps([10, 0], { weight: (_d, i) => (i === 0 ? null : 1) });
    expect(r).toMatchObject({ total: 1, skipped: 1, score: -100 });
    const zero = nps([10, 0], { weight: () => 0 });
    expect(zero.score).toBeUndefined();
    expect(zero.effectiveSampleSize).toBe(0);
  });
  it('does not mutate its input', () => {
    const scores = new Uint8Array([10, 3]);
    nps(scores);
    expect([...scores]).toEqual([10, 3]);
  });
});

describe('nps bad input', () => {
  it.each<[unknown, string, number]>([
    [Number.NaN, 'INVALID_NUMBER', 2],
    [Infinity, 'INVALID_NUMBER', 2],
    [-Infinity, 'INVALID_NUMBER', 2],
    ['9', 'INVALID_NUMBER', 2],
    [11, 'OUT_OF_RANGE', 2],
    [-1, 'OUT_OF_RANGE', 2],
    [7.5, 'NOT_AN_INTEGER', 2],
  ])('score %o → %s naming the value and index', (bad, code, index) => {
    const values = [10, 9, bad, 3];
    try {
      nps(values as number[]);
      expect.fail('did not throw');
    } catch (error) {
      expect(error).toBeInstanceOf(CxMetricsError);
      const e = error as CxMetricsError;
      expect(e.code).toBe(code);
      expect(e.details).toMatchObject({ function: 'nps', index });
      expect(e.message).toContain(`index ${index}`);
    }
    expect(codeOf(() => npsTally.add(npsTally.create(), bad as number))).toBe(code);
    expect(codeOf(() => nps(values.map((s) => ({ s })), { accessor: (r) => r.s as number }))).toBe(code);
  });
  it('typed arrays report the first offending index', () => {
    const bytes = new Uint8Array([10, 3, 200, 11]);
    expect(() => nps(bytes)).toThrow('nps: score 200 at index 2 is outside 0–10');
    expect(() => nps(new Float64Array([1, Number.NaN]))).toThrow(/NaN at index 1/);
    expect(codeOf(() => nps(new Float32Array([9.5])))).toBe('NOT_AN_INTEGER');
    expect(codeOf(() => nps(new Int8Array([-1])))).toBe('OUT_OF_RANGE');
  });
  it.each<[unknown, string]>([
    [-1, 'NEGATIVE_VALUE'],
    [Number.NaN, 'INVALID_NUMBER'],
    [Infinity, 'INVALID_NUMBER'],
    ['2', 'INVALID_NUMBER'],
    [1e101, 'OUT_OF_RANGE'],
  ])('weight %o → %s', (w, code) => {
    expect(codeOf(() => nps([10, 9], { weight: (_d, i) => (i === 1 ? (w as number) : 1) }))).toBe(code);
    expect(codeOf(() => npsTally.add(npsTally.create(), { score: 9, weight: w as number }))).toBe(code);
  });
  it.each<[Record<string, unknown>, string]>([
    [{ promoters: -1, passives: 0, detractors: 0 }, 'NEGATIVE_VALUE'],
    [{ promoters: 1.5, passives: 0, detractors: 0 }, 'NOT_AN_INTEGER'],
    [{ promoters: 1, passives: Number.NaN, detractors: 0 }, 'INVALID_NUMBER'],
    [{ promoters: 1, passives: 0 }, 'INVALID_NUMBER'],
  ])('counts %o → %s', (counts, code) => {
    expect(codeOf(() => nps(counts as never))).toBe(code);
  });
  it('rejects non-function accessors and non-object options', () => {
    expect(codeOf(() => nps([1], { accessor: 3 as never }))).toBe('INVALID_OPTION');
    expect(codeOf(() => nps([1], 'x' as never))).toBe('INVALID_OPTION');
    expect(codeOf(() => nps(5 as never))).toBe('INVALID_OPTION');
  });
});

describe('npsTally', () => {
  it('folds to the batch result and skips missing answers', () => {
    const scores = [10, 0, null, 7, 9, 9, 3, 8, 10];
    const folded = npsTally.result(scores.reduce(npsTally.add, npsTally.create()));
    expect(folded).toEqual(nps(scores));
  });
  it('merge leaves its arguments unchanged', () => {
    const a = npsTally.add(npsTally.create(), 10);
    const b = npsTally.add(npsTally.create(), 0);
    const before = JSON.stringify([a, b]);
    const m = npsTally.merge(a, b);
    expect(JSON.stringify([a, b])).toBe(before);
    expect(npsTally.result(m).score).toBe(0);
  });
  it('holds constant memory: the state has the same size after a million answers', () => {
    const state = npsTally.create();
    const size = JSON.stringify(state).length;
    for (let i = 0; i < 1_000_000; i++) npsTally.add(state, i % 11);
    expect(Object.keys(state)).toHaveLength(9);
    expect(JSON.stringify(state).length).toBeLessThan(size + 60); // only the digits grow
    expect(npsTally.result(state).total).toBe(1_000_000);
  });
});
