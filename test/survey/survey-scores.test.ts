// Direct unit tests of the score bins shared by csat, ces and nps (validation, merge, Kish n).
import { describe, expect, it } from 'vitest';
import { addAnswer, binScores, createBins, effectiveSampleSize, mergeBins, sumRange, total } from '../../src/survey/survey-scores';

describe('survey-scores', () => {
  it('bins count answers and weights; null skips', () => {
    const b = createBins(1, 5);
    [5, 5, 3, null].forEach((x, i) => addAnswer('t', b, x, i));
    addAnswer('t', b, { score: 1, weight: 2 }, 4);
    expect(b.counts).toEqual([1, 0, 1, 0, 2]);
    expect(b.weightSums).toEqual([2, 0, 1, 0, 2]);
    expect(b.skipped).toBe(1);
    expect(b.weighted).toBe(true);
    expect(total(b.weightSums)).toBe(5);
    expect(sumRange(b.weightSums, 3, 4)).toBe(2);
  });
  it('rejects strings, off-scale and non-integer scores with the index', () => {
    expect(() => addAnswer('t', createBins(1, 5), '5', 2)).toThrow(/^t: .*index 2/);
    expect(() => addAnswer('t', createBins(1, 5), 6, 0)).toThrow(/^t: /);
    expect(() => addAnswer('t', createBins(1, 5), 2.5, 0)).toThrow(/^t: /);
  });
  it('merge adds the bins; binScores reads typed arrays and accessors alike', () => {
    const a = binScores('t', [1, 2], 1, 5, undefined, undefined);
    const b = binScores('t', new Uint8Array([2, 5]), 1, 5, undefined, undefined);
    expect(mergeBins('t', a, b).counts).toEqual([1, 2, 0, 0, 1]);
    expect(binScores('t', [{ s: 2 }], 1, 5, (r: { s: number }) => r.s, undefined).counts).toEqual([0, 1, 0, 0, 0]);
  });
  it("Kish effective n = (Σw)²/Σw²; n itself when unweighted", () => {
    expect(effectiveSampleSize(false, 7, 7, 7)).toBe(7);
    expect(effectiveSampleSize(true, 3, 6, 14)).toBeCloseTo(36 / 14, 15);
  });
});
