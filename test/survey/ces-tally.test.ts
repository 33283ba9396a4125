import { describe, expect, it } from 'vitest';
import { ces, cesTally } from '../../src/survey/index';
import { BAD_LEVELS, BAD_SCORES_1_TO_7, BAD_WEIGHTS, codeOf, expectRejected } from './helpers';

describe('cesTally', () => {
  it('folds and merges to the batch result', () => {
    const a = [7, 6, null, 2];
    const b = [5, 5, 1];
    const merged = cesTally.merge(a.reduce(cesTally.add, cesTally.create()), b.reduce(cesTally.add, cesTally.create()));
    expect(cesTally.result(merged)).toEqual(ces([...a, ...b]));
  });
  it('keeps the settings of create (scale, ranges, level)', () => {
    const options = { scale: { min: 1, max: 5 }, easy: { from: 1, to: 2 }, difficult: { from: 4, to: 5 }, level: 0.9 };
    const state = [1, 2, 5, 3].reduce(cesTally.add, cesTally.create(options));
    expect(cesTally.result(state)).toEqual(ces([1, 2, 5, 3], options));
  });
  it('refuses to merge different settings', () => {
    expect(codeOf(() => cesTally.merge(cesTally.create(), cesTally.create({ level: 0.9 })))).toBe('INCONSISTENT_INPUT');
    expect(codeOf(() => cesTally.merge(cesTally.create(), cesTally.create({ easy: { from: 6, to: 7 } })))).toBe('INCONSISTENT_INPUT');
    expect(codeOf(() => cesTally.merge(cesTally.create(), cesTally.create({ scale: { min: 1, max: 5 } })))).toBe('INCONSISTENT_INPUT');
  });
  it('holds constant memory', () => {
    const state = cesTally.create();
    const size = JSON.stringify(state).length;
    for (let i = 0; i < 210_000; i++) cesTally.add(state, 1 + (i % 7));
    expect(state.counts).toHaveLength(7);
    expect(JSON.stringify(state).length).toBeLessThan(size + 100); // only the digits grow
    expect(cesTally.result(state).mean).toBe(4);
  });
  it.each(BAD_SCORES_1_TO_7)('add rejects score %o with %s and its index', (bad, code) => {
    expectRejected(() => cesTally.add(cesTally.create(), bad as number, 9), code, 'cesTally', bad, 9);
    expectRejected(() => [7, bad as number].reduce(cesTally.add, cesTally.create()), code, 'cesTally', bad, 1);
  });
  it.each(BAD_WEIGHTS)('add rejects weight %o with %s', (w, code) => {
    expectRejected(() => cesTally.add(cesTally.create(), { score: 7, weight: w as number }, 0), code, 'cesTally', w, 0);
  });
  it.each(BAD_LEVELS)('create rejects level %o with %s', (level, code) => {
    expectRejected(() => cesTally.create({ level: level as number }), code, 'cesTally', level);
  });
});
