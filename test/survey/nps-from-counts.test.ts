import { describe, expect, it } from 'vitest';
import { nps, npsFromCounts, npsTally } from '../../src/survey/index';
import { BAD_COUNTS, codeOf, expectRejected } from './helpers';

describe('npsFromCounts known values', () => {
  it('50 promoters, 30 passives, 20 detractors → 30 (hand computation), as nps over the answers', () => {
    const r = npsFromCounts({ promoters: 50, passives: 30, detractors: 20 });
    expect(r.score).toBe(30);
    expect(r.shares).toEqual({ promoters: 0.5, passives: 0.3, detractors: 0.2 });
    expect(r).toMatchObject({ total: 100, skipped: 0, effectiveSampleSize: 100, weighted: false });
    expect(r).toEqual(nps([...Array(50).fill(10), ...Array(30).fill(8), ...Array(20).fill(0)]));
    expect(Object.isFrozen(r)).toBe(true);
  });
  it('no answers: undefined figures', () => {
    const r = npsFromCounts({ promoters: 0, passives: 0, detractors: 0 });
    expect([r.score, r.shares, r.effectiveSampleSize]).toEqual([undefined, undefined, 0]);
  });
  it('counts up to 2^53 − 1 stay exact', () => {
    const big = Number.MAX_SAFE_INTEGER;
    expect(npsFromCounts({ promoters: big, passives: 0, detractors: 0 })).toMatchObject({ score: 100, total: big });
  });
  it('reads an npsTally state with its weights, and an nps result as itself', () => {
    const state = [
      { score: 10, weight: 3 },
      { score: 0, weight: 1 },
    ].reduce(npsTally.add, npsTally.create());
    expect(npsFromCounts(state)).toEqual(npsTally.result(state));
    expect(npsFromCounts(state).effectiveSampleSize).toBeCloseTo(16 / 10, 12);
    const result = nps([10, 3]);
    expect(npsFromCounts(result)).toEqual(result);
  });
});

describe('npsFromCounts bad input', () => {
  it.each(BAD_COUNTS)('count %o → %s', (bad, code) => {
    for (const field of ['promoters', 'passives', 'detractors'] as const) {
      const counts = { promoters: 1, passives: 1, detractors: 1, [field]: bad };
      expectRejected(() => npsFromCounts(counts as never), code, 'npsFromCounts', bad);
    }
  });
  it('rejects a missing count, a count above 2^53 − 1, a bad tally state and what is not counts', () => {
    expect(codeOf(() => npsFromCounts({ promoters: 1, passives: 0 } as never))).toBe('INVALID_NUMBER');
    expect(codeOf(() => npsFromCounts({ promoters: 2 ** 53, passives: 0, detractors: 0 }))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => npsFromCounts({ ...npsTally.create(), weighted: 'yes' } as never))).toBe('INVALID_OPTION');
    for (const bad of [null, undefined, 5, [1, 2], new Uint8Array([9]), { score: 9 }]) {
      expect(codeOf(() => npsFromCounts(bad as never))).toBe('INVALID_INPUT');
    }
    expect(() => npsFromCounts([9] as never)).toThrow('npsFromCounts: counts an array must be { promoters, passives, detractors } counts or an npsTally state');
  });
});
