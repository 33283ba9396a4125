import { describe, expect, it } from 'vitest';
import { csat } from '../../src/survey/index';
import { BAD_SCORES_1_TO_5, BAD_WEIGHTS, codeOf, expectRejected } from './helpers';

describe('csat', () => {
  it('top-2-box share and mean on 1–5 (hand computation)', () => {
    const r = csat([5, 4, 4, 3, 1, 2, 5, 5, null, undefined]);
    // satisfied: 5, 4, 4, 5, 5 = 5 of 8; mean = 29/8
    expect(r).toMatchObject({ share: 5 / 8, mean: 29 / 8, satisfied: 5, total: 8, skipped: 2, threshold: 4, weighted: false, effectiveSampleSize: 8 });
    expect(r.counts).toEqual([1, 1, 1, 2, 3]);
    expect(r.scale).toEqual({ min: 1, max: 5 });
    expect(Object.isFrozen(r)).toBe(true);
  });
  it('any integer scale and threshold', () => {
    expect(csat([10, 9, 8, 1], { scale: { min: 1, max: 10 } }).share).toBe(0.5);
    expect(csat([10, 9, 8, 1], { scale: { min: 1, max: 10 }, threshold: 8 }).share).toBe(0.75);
    expect(csat([7, 6, 5, 1], { scale: { min: 1, max: 7 } })).toMatchObject({ share: 0.5, threshold: 6, mean: 19 / 4 });
    expect(csat([0, 1, 2], { scale: { min: 0, max: 2 }, threshold: 2 }).mean).toBe(1);
  });
  it('typed arrays, iterables and records agree', () => {
    const scores = [5, 4, 2, 1, 3, 5];
    const want = csat(scores);
    expect(csat(new Uint8Array(scores))).toEqual(want);
    expect(csat(new Float32Array(scores))).toEqual(want);
    expect(csat(scores.values())).toEqual(want);
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
    expect(csat([5], { weight: () => 0 })).toMatchObject({ share: undefined, mean: undefined, total: 1, effectiveSampleSize: 0 });
  });
});

describe('csat bad input', () => {
  it.each(BAD_SCORES_1_TO_5)('score %o → %s, with its index, on every input path', (bad, code) => {
    expectRejected(() => csat([5, bad as number]), code, 'csat', bad, 1);
    expectRejected(() => csat([5, bad as number].map((s) => ({ s })), { accessor: (r) => r.s }), code, 'csat', bad, 1);
    expectRejected(() => csat([5, bad as number], { weight: () => 1 }), code, 'csat', bad, 1);
  });
  it('scores off a custom scale', () => {
    expectRejected(() => csat([7, 8], { scale: { min: 1, max: 7 } }), 'OUT_OF_RANGE', 'csat', 8, 1);
    expectRejected(() => csat([1, 0], { scale: { min: 1, max: 10 } }), 'OUT_OF_RANGE', 'csat', 0, 1);
  });
  it('rejects a score off a Uint8Array scale at its first index', () => {
    expect(() => csat(new Uint8Array([5, 0, 6]))).toThrow('csat: score 0 at index 1 is outside 1–5');
    expectRejected(() => csat(new Float64Array([5, 4.5])), 'NOT_AN_INTEGER', 'csat', 4.5, 1);
  });
  it.each(BAD_WEIGHTS)('weight %o → %s', (w, code) => {
    expectRejected(() => csat([5, 4], { weight: (_d, i) => (i === 1 ? (w as number) : 1) }), code, 'csat', w, 1);
  });
  it('rejects bad scales, thresholds, options and values', () => {
    expect(codeOf(() => csat([1], { scale: { min: 5, max: 1 } }))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => csat([1], { scale: { min: 1, max: 4.5 } }))).toBe('NOT_AN_INTEGER');
    expect(codeOf(() => csat([1], { scale: { min: 1, max: Number.NaN } }))).toBe('INVALID_NUMBER');
    expect(codeOf(() => csat([1], { threshold: 6 }))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => csat([1], { threshold: 3.5 }))).toBe('NOT_AN_INTEGER');
    expect(codeOf(() => csat([1], { scale: 5 as never }))).toBe('INVALID_OPTION');
    expect(codeOf(() => csat([1], 'x' as never))).toBe('INVALID_OPTION');
    expect(codeOf(() => csat({ satisfied: 1, total: 2 } as never))).toBe('INVALID_INPUT');
  });
});
