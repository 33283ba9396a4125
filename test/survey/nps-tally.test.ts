import { describe, expect, it } from 'vitest';
import { nps, npsTally } from '../../src/survey/index';
import { BAD_NPS_SCORES, BAD_WEIGHTS, expectRejected } from './helpers';

describe('npsTally', () => {
  it('folds to the batch result and skips missing answers', () => {
    const scores = [10, 0, null, 7, 9, 9, 3, 8, 10];
    const folded = npsTally.result(scores.reduce(npsTally.add, npsTally.create()));
    expect(folded).toEqual(nps(scores));
    expect(folded).toMatchObject({ score: 100 * (4 - 2) / 8, skipped: 1 });
  });
  it('weighted pairs fold to nps with a weight accessor, skipped ones included', () => {
    const rows = [
      { score: 10, weight: 2 },
      { score: null, weight: 1 },
      { score: 3, weight: null },
      { score: 8, weight: 0.5 },
    ];
    const folded = npsTally.result(rows.reduce(npsTally.add, npsTally.create()));
    expect(folded).toEqual(nps(rows, { accessor: (r) => r.score, weight: (r) => r.weight }));
    // Only skipped pairs: still a weighted (empty) result, as the batch function gives.
    const onlySkipped = [{ score: null, weight: 1 }].reduce(npsTally.add, npsTally.create());
    expect(npsTally.result(onlySkipped)).toEqual(nps([null], { weight: () => 1 }));
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
  it.each(BAD_NPS_SCORES)('add rejects score %o with %s and the index given', (bad, code) => {
    expectRejected(() => npsTally.add(npsTally.create(), bad as number, 7), code, 'npsTally', bad, 7);
    expectRejected(() => npsTally.add(npsTally.create(), { score: bad as number, weight: 1 }, 7), code, 'npsTally', bad, 7);
    // Array#reduce passes the index.
    expectRejected(() => [9, bad as number].reduce(npsTally.add, npsTally.create()), code, 'npsTally', bad, 1);
  });
  it.each(BAD_WEIGHTS)('add rejects weight %o with %s', (w, code) => {
    expectRejected(() => npsTally.add(npsTally.create(), { score: 9, weight: w as number }, 3), code, 'npsTally', w, 3);
  });
  it('a failed add leaves the state unchanged', () => {
    const state = npsTally.add(npsTally.create(), 10);
    const before = JSON.stringify(state);
    expect(() => npsTally.add(state, 11)).toThrow();
    expect(() => npsTally.add(state, { score: 9, weight: -1 })).toThrow();
    expect(JSON.stringify(state)).toBe(before);
  });
});
