import { describe, expect, it } from 'vitest';
import { compareCsat, csat, csatInterval, csatTally } from '../../src/survey/index';
import { BAD_LEVELS, BAD_SCORES_1_TO_5, BAD_WEIGHTS, codeOf } from './helpers';

describe('csat', () => {
  it('top-2-box share and mean on 1–5 (hand computation)', () => {
    const r = csat([5, 4, 4, 3, 1, 2, 5, 5, null, undefined]);
    // satisfied: 5, 4, 4, 5, 5 = 5 of 8; mean = 29/8
    expect(r).toMatchObject({ share: 5 / 8, mean: 29 / 8, satisfied: 5, total: 8, skipped: 2, threshold: 4, weighted: false, effectiveSampleSize: 8 });
    expect(r.counts).toEqual([1, 1, 1, 2, 3]);
    expect(r.scale).toEqual({ min: 1, max: 5 });
  });
  it('any integer scale and threshold', () => {
    expect(csat([10, 9, 8, 1], { scale: { min: 1, max: 10 } }).share).toBe(0.5);
    expect(csat([10, 9, 8, 1], { scale: { min: 1, max: 10 }, threshold: 8 }).share).toBe(0.75);
    expect(csat([0, 1, 2], { scale: { min: 0, max: 2 }, threshold: 2 }).mean).toBe(1);
  });
  it('typed arrays, iterables and records agree', () => {
    const scores = [5, 4, 2, 1, 3, 5];
    const want = csat(scores);
    expect(csat(new Uint8Array(scores))).toEqual(want);
    expect(csat(new Float32Array(scores))).toEqual(want);
    expect(csat(new Set(scores).size === 5 ? scores.values() : scores)).toEqual(want);
    expect(csat(scores.map((s) => ({ s })), { accessor: (r) => r.s })).toEqual(want);
  });
  it('weights (hand computation): scores 5, 2 with weights 3, 1', () => {
    const r = csat([5, 2], { weight: (_d, i) => (i === 0 ? 3 : 1) });
    expect(r.share).toBe(0.75);
    expect(r.mean).toBe(17 / 4);
    expect(r.effectiveSampleSize).toBe(16 / 10);
    expect(r.weights).toEqual({ satisfied: 3, total: 4 });
  });
  it('undefined figures without answers', () => {
    expect(csat([null]).share).toBeUndefined();
    expect(csat([]).mean).toBeUndefined();
  });
  it.each(BAD_SCORES_1_TO_5)('score %o → %s, with its index', (bad, code) => {
    expect(codeOf(() => csat([5, bad as number]))).toBe(code);
    expect(codeOf(() => csatTally.add(csatTally.create(), bad as number))).toBe(code);
    expect(codeOf(() => csatInterval([5, bad as number]))).toBe(code);
    expect(codeOf(() => compareCsat([5], [bad as number]))).toBe(code);
    expect(() => csat([5, bad as number])).toThrow(/^csat: .* at index 1/);
  });
  it('rejects a score off a Uint8Array scale at its first index', () => {
    expect(() => csat(new Uint8Array([5, 0, 6]))).toThrow('csat: score 0 at index 1 is outside 1–5');
  });
  it.each(BAD_WEIGHTS)('weight %o → %s', (w, code) => {
    expect(codeOf(() => csat([5], { weight: () => w as number }))).toBe(code);
    expect(codeOf(() => csatTally.add(csatTally.create(), { score: 5, weight: w as number }))).toBe(code);
  });
  it('rejects bad scales and thresholds', () => {
    expect(codeOf(() => csat([1], { scale: { min: 5, max: 1 } }))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => csat([1], { scale: { min: 1, max: 4.5 } }))).toBe('NOT_AN_INTEGER');
    expect(codeOf(() => csat([1], { scale: { min: 1, max: Number.NaN } }))).toBe('INVALID_NUMBER');
    expect(codeOf(() => csat([1], { threshold: 6 }))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => csat([1], { threshold: 3.5 }))).toBe('NOT_AN_INTEGER');
    expect(codeOf(() => csat([1], { scale: 5 as never }))).toBe('INVALID_OPTION');
  });
});

describe('csatTally', () => {
  it('folds to csat and merges', () => {
    const scores = [5, 4, null, 3, 1, 5];
    const state = scores.reduce(csatTally.add, csatTally.create());
    expect(csatTally.result(state)).toEqual(csat(scores));
    const other = csatTally.add(csatTally.create(), 2);
    expect(csatTally.result(csatTally.merge(state, other))).toEqual(csat([...scores, 2]));
  });
  it('refuses to merge different thresholds or scales', () => {
    expect(codeOf(() => csatTally.merge(csatTally.create(), csatTally.create({ threshold: 5 })))).toBe('INCONSISTENT_INPUT');
    expect(codeOf(() => csatTally.merge(csatTally.create(), csatTally.create({ scale: { min: 0, max: 4 }, threshold: 4 })))).toBe('INCONSISTENT_INPUT');
  });
  it('holds constant memory', () => {
    const state = csatTally.create();
    for (let i = 0; i < 200_000; i++) csatTally.add(state, 1 + (i % 5));
    expect(state.counts).toHaveLength(5);
    expect(state.weightSums).toHaveLength(5);
    expect(csatTally.result(state).total).toBe(200_000);
  });
});

// Wilson: formula in python3 (see wilson.test.ts); Clopper–Pearson:
// scipy.stats.binomtest(x, n).proportion_ci(confidence_level=level, method='exact').
describe('csatInterval known values', () => {
  it.each<[number, number, number, number, number]>([
    [80, 100, 0.95, 0.708157310911372, 0.873344447898044],
    [2, 3, 0.9, 0.135350362171584, 0.983047572491557],
    [0, 10, 0.95, 0, 0.308497107818763],
    [10, 10, 0.95, 0.691502892181237, 1],
    [1, 1, 0.9, 0.05, 1],
    [37, 50, 0.99, 0.552636236897112, 0.88032099838738],
    [3, 1000, 0.95, 0.000619099931649917, 0.00874202323865765],
  ])('Clopper–Pearson %i of %i at %f', (x, n, level, lower, upper) => {
    const r = csatInterval({ satisfied: x, total: n }, { level, method: 'clopper-pearson' })!;
    expect(r.lower).toBeCloseTo(lower, 11);
    expect(r.upper).toBeCloseTo(upper, 11);
  });
  it('Wilson for 80 of 100 at 95% is [0.7112, 0.8666]', () => {
    const r = csatInterval({ satisfied: 80, total: 100 })!;
    expect(r).toMatchObject({ share: 0.8, n: 100, level: 0.95, method: 'wilson' });
    expect(r.lower).toBeCloseTo(0.711170834406841, 12);
    expect(r.upper).toBeCloseTo(0.866633066668967, 12);
  });
  it('raw scores, counts and a csat result agree', () => {
    const scores = [5, 4, 1, 2, 5, 3, 4];
    expect(csatInterval(scores)).toEqual(csatInterval({ satisfied: 4, total: 7 }));
    expect(csatInterval(csat(scores))).toEqual(csatInterval({ satisfied: 4, total: 7 }));
  });
  it('weighted data uses the effective n', () => {
    const r = csatInterval([5, 2], { weight: (_d, i) => (i === 0 ? 3 : 1) })!;
    expect(r.n).toBeCloseTo(1.6, 12);
    expect(r.share).toBeCloseTo(0.75, 12);
  });
  it('undefined without answers', () => {
    expect(csatInterval([])).toBeUndefined();
    expect(csatInterval({ satisfied: 0, total: 0 }, { method: 'clopper-pearson' })).toBeUndefined();
  });
  it.each(BAD_LEVELS)('level %o → %s', (level, code) => {
    expect(codeOf(() => csatInterval([5], { level: level as number }))).toBe(code);
    expect(codeOf(() => compareCsat([5], [4], { level: level as number }))).toBe(code);
  });
  it('rejects bad counts and methods', () => {
    expect(codeOf(() => csatInterval({ satisfied: -1, total: 3 }))).toBe('NEGATIVE_VALUE');
    expect(codeOf(() => csatInterval({ satisfied: 1.5, total: 3 }))).toBe('NOT_AN_INTEGER');
    expect(codeOf(() => csatInterval({ satisfied: 1, total: Infinity }))).toBe('INVALID_NUMBER');
    expect(codeOf(() => csatInterval({ satisfied: 4, total: 3 }))).toBe('INCONSISTENT_INPUT');
    expect(codeOf(() => csatInterval([5], { method: 'wald' as never }))).toBe('INVALID_OPTION');
  });
});

// python3 + scipy.stats.norm: pooled z, 2·norm.sf(|z|), unpooled Wald interval.
describe('compareCsat', () => {
  it('80/100 vs 65/100', () => {
    const r = compareCsat({ satisfied: 80, total: 100 }, { satisfied: 65, total: 100 })!;
    expect(r.difference).toBeCloseTo(0.15, 12);
    expect(r.z).toBeCloseTo(2.375422747394688, 10);
    expect(r.pValue).toBeCloseTo(0.01752886126037272, 10);
    expect(r.lower).toBeCloseTo(0.02799322588401197, 10);
    expect(r.upper).toBeCloseTo(0.27200677411598806, 10);
  });
  it('identical unanimous samples: z = 0, p = 1', () => {
    const r = compareCsat({ satisfied: 5, total: 5 }, { satisfied: 9, total: 9 })!;
    expect(r).toMatchObject({ difference: 0, z: 0, pValue: 1, lower: 0, upper: 0 });
  });
  it('is antisymmetric and names itself in errors', () => {
    const ab = compareCsat([5, 5, 1], [1, 2, 4, 5])!;
    const ba = compareCsat([1, 2, 4, 5], [5, 5, 1])!;
    expect(ab.difference).toBeCloseTo(-ba.difference, 12);
    expect(ab.pValue).toBeCloseTo(ba.pValue, 12);
    expect(() => compareCsat([5], [9])).toThrow(/^compareCsat: score 9 at index 0/);
    expect(compareCsat([], [5])).toBeUndefined();
  });
});
