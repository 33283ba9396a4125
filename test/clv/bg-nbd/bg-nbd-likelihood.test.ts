import { describe, expect, it } from 'vitest';
import { bgNbdNegativeLogLikelihood, bgNbdSufficientStatistics } from '../../../src/clv/bg-nbd/bg-nbd-likelihood';
import { cdnowBgNbdSummary, reference, type CdnowRow } from '../clv-data';
import { columnsOf, expectGradientMatches, expectOutsideRangeIsInfinite, permuted, relative } from '../likelihood-checks';

const cdnow = cdnowBgNbdSummary();
const theta = reference.bgnbdCdnow.params.map(Math.log);

function stats(rows: readonly CdnowRow[], weight = 1) {
  const [x, tx, T, w] = columnsOf(rows, [(d) => d.frequency, (d) => d.recency, (d) => d.T, () => weight]) as [Float64Array, Float64Array, Float64Array, Float64Array];
  return bgNbdSufficientStatistics(x, tx, T, w, rows.length);
}

/** The mean negative log-likelihood without grouping: each row's own statistics, averaged. */
function ungroupedNll(rows: readonly CdnowRow[]): number {
  return rows.reduce((sum, row) => sum + bgNbdNegativeLogLikelihood(theta, stats([row])), 0) / rows.length;
}

describe('bgNbdSufficientStatistics', () => {
  it('counts customers, repeat customers and the weighted sums of x and T', () => {
    const rows = [
      { frequency: 0, recency: 0, T: 10, monetaryValue: 0 },
      { frequency: 0, recency: 0, T: 10, monetaryValue: 0 },
      { frequency: 2, recency: 5, T: 10, monetaryValue: 0 },
      { frequency: 2, recency: 5, T: 10, monetaryValue: 0 },
      { frequency: 3, recency: 7, T: 12, monetaryValue: 0 },
    ];
    const s = stats(rows, 2);
    expect(s.totalWeight).toBe(10);
    expect(s.repeatWeight).toBe(6);
    expect(s.weightedFrequency).toBe(2 * (2 + 2 + 3));
    expect(s.weightedAge).toBe(2 * (10 + 10 + 10 + 10 + 12));
    // Equal rows are one group: one x = 0 group at T = 10, two repeat groups.
    expect([...s.zeroT]).toEqual([10]);
    expect([...s.zeroWeights]).toEqual([4]);
    expect(s.repeatWeights.length).toBe(2);
    expect([...s.frequencies].sort((p, q) => p - q)).toEqual([0, 2, 3]);
    // Groups in canonical order; the indices point into the distinct frequencies and times.
    expect([...s.frequencies]).toEqual([0, 2, 3]);
    expect([...s.frequencyWeights]).toEqual([4, 4, 2]);
    expect([...s.repeatX, ...s.repeatTx, ...s.repeatT, ...s.repeatWeights]).toEqual([2, 3, 5, 7, 10, 12, 4, 2]);
    expect([...s.repeatFrequencyIndex]).toEqual([1, 2]);
    expect([...s.times]).toEqual([10, 12, 5, 7]);
    expect([...s.zeroTIndex, ...s.repeatTIndex, ...s.repeatTxIndex]).toEqual([0, 0, 1, 2, 3]);
  });

  it('leaves out rows of weight 0 and reads only the first `length` rows', () => {
    const x = Float64Array.of(2, 0, 2, 1, 0, 5);
    const tx = Float64Array.of(4, 0, 4, 3, 0, 6);
    const T = Float64Array.of(9, 8, 9, 9, 7, 9);
    const s = bgNbdSufficientStatistics(x, tx, T, Float64Array.of(0, 1, 2, 1, 0, 1), 5);
    expect(s.totalWeight).toBe(4);
    expect(s.repeatWeight).toBe(3);
    // In canonical order (sorted by x, tₓ, T), whatever the order of the rows.
    expect([...s.frequencies]).toEqual([0, 1, 2]);
    expect([...s.zeroT, ...s.zeroWeights]).toEqual([8, 1]);
    expect([...s.repeatX, ...s.repeatTx, ...s.repeatWeights]).toEqual([1, 2, 3, 4, 1, 2]);
    expect([...s.repeatFrequencyIndex]).toEqual([1, 2]);
    expect([...s.times]).toEqual([8, 9, 3, 4]);
  });

  it('groups the 2,357 CDNOW customers into far fewer groups', () => {
    const s = stats(cdnow);
    expect(s.totalWeight).toBe(2357);
    expect(s.repeatWeight).toBe(cdnow.filter((d) => d.frequency > 0).length);
    expect(s.zeroWeights.length + s.repeatWeights.length).toBeLessThan(2357);
  });
});

describe('bgNbdNegativeLogLikelihood', () => {
  it('times the customers is −ln L of the reference fit on CDNOW (Fader, Hardie & Lee 2005: −9582.4)', () => {
    const s = stats(cdnow);
    const value = bgNbdNegativeLogLikelihood(theta, s) * s.totalWeight;
    expect(relative(-value, reference.bgnbdCdnow.logLikelihood)).toBeLessThan(1e-12);
    expect((-value).toFixed(1)).toBe('-9582.4');
  });

  it('is the same grouped or not, in any row order, and for weights as for repeated rows', () => {
    const grouped = bgNbdNegativeLogLikelihood(theta, stats(cdnow));
    expect(relative(ungroupedNll(cdnow), grouped)).toBeLessThan(1e-12);
    expect(relative(bgNbdNegativeLogLikelihood(theta, stats(permuted(cdnow))), grouped)).toBeLessThan(1e-12);
    const half = cdnow.slice(0, 300);
    expect(relative(bgNbdNegativeLogLikelihood(theta, stats(half, 3)), bgNbdNegativeLogLikelihood(theta, stats([...half, ...half, ...half])))).toBeLessThan(1e-12);
  });

  it('fills the gradient of θ = ln(r, α, a, b), equal to finite differences, and is minimal at the fit', () => {
    const s = stats(cdnow);
    expectGradientMatches(bgNbdNegativeLogLikelihood, theta.map((t, k) => t + (k % 2 === 0 ? 0.3 : -0.2)), s);
    const g = [0, 0, 0, 0];
    bgNbdNegativeLogLikelihood(theta, s, g);
    for (const gk of g) expect(Math.abs(gk)).toBeLessThan(1e-4);
  });

  it('is +Infinity outside |θᵢ| ≤ 30', () => {
    expectOutsideRangeIsInfinite(bgNbdNegativeLogLikelihood, theta, stats(cdnow.slice(0, 100)));
  });
});
