import { describe, expect, it } from 'vitest';
import { csat, csatTally } from '../../src/survey/index';
import { BAD_SCORES_1_TO_5, BAD_WEIGHTS, codeOf, expectRejected } from './helpers';

describe('csatTally', () => {
  it('folds to csat and merges', () => {
    const scores = [5, 4, null, 3, 1, 5];
    const state = scores.reduce(csatTally.add, csatTally.create());
    expect(csatTally.result(state)).toEqual(csat(scores));
    const other = csatTally.add(csatTally.create(), 2);
    expect(csatTally.result(csatTally.merge(state, other))).toEqual(csat([...scores, 2]));
  });
  it('keeps the scale and threshold of create', () => {
    const state = [7, 6, 2].reduce(csatTally.add, csatTally.create({ scale: { min: 1, max: 7 }, threshold: 7 }));
    expect(csatTally.result(state)).toEqual(csat([7, 6, 2], { scale: { min: 1, max: 7 }, threshold: 7 }));
  });
  it('weighted pairs fold to csat with a weight accessor', () => {
    const rows = [
      { score: 5, weight: 3 },
      { score: 2, weight: 1 },
      { score: null, weight: 2 },
    ];
    const folded = csatTally.result(rows.reduce(csatTally.add, csatTally.create()));
    expect(folded).toEqual(csat(rows, { accessor: (r) => r.score, weight: (r) => r.weight }));
    expect(folded).toMatchObject({ share: 0.75, skipped: 1, weighted: true });
  });
  it('refuses to merge different thresholds or scales', () => {
    expect(codeOf(() => csatTally.merge(csatTally.create(), csatTally.create({ threshold: 5 })))).toBe('INCONSISTENT_INPUT');
    expect(codeOf(() => csatTally.merge(csatTally.create(), csatTally.create({ scale: { min: 0, max: 4 }, threshold: 4 })))).toBe('INCONSISTENT_INPUT');
  });
  it('holds constant memory', () => {
    const state = csatTally.create();
    const size = JSON.stringify(state).length;
    for (let i = 0; i < 200_000; i++) csatTally.add(state, 1 + (i % 5));
    expect(state.counts).toHaveLength(5);
    expect(state.weightSums).toHaveLength(5);
    expect(JSON.stringify(state).length).toBeLessThan(size + 80); // only the digits grow
    expect(csatTally.result(state).total).toBe(200_000);
  });
  it.each(BAD_SCORES_1_TO_5)('add rejects score %o with %s and its index', (bad, code) => {
    expectRejected(() => csatTally.add(csatTally.create(), bad as number, 4), code, 'csatTally', bad, 4);
    expectRejected(() => [5, bad as number].reduce(csatTally.add, csatTally.create()), code, 'csatTally', bad, 1);
  });
  it.each(BAD_WEIGHTS)('add rejects weight %o with %s', (w, code) => {
    expectRejected(() => csatTally.add(csatTally.create(), { score: 5, weight: w as number }, 2), code, 'csatTally', w, 2);
  });
  it('create rejects bad scales and thresholds', () => {
    expect(codeOf(() => csatTally.create({ scale: { min: 3, max: 3 } }))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => csatTally.create({ threshold: 0 }))).toBe('OUT_OF_RANGE');
  });
});
