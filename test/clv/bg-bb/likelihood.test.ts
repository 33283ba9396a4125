import { describe, expect, it } from 'vitest';
import { bgBbNegativeLogLikelihood, bgBbSufficientStatistics } from '../../../src/clv/bg-bb/likelihood';
import { columnsOf, expectGradientMatches, expectOutsideRangeIsInfinite, permuted, relative } from '../likelihood-checks';
import { bgBbReference as reference, donations, PUBLISHED, type DonationRow } from './bg-bb-data';

const table = donations();
const theta = reference.donations.params.map(Math.log);

function stats(rows: readonly DonationRow[], group = true) {
  const [x, tx, n, w] = columnsOf(rows, [(d) => d.frequency, (d) => d.recency, (d) => d.periods, (d) => d.weights]) as [Float64Array, Float64Array, Float64Array, Float64Array];
  return bgBbSufficientStatistics(x, tx, n, w, rows.length, group);
}
const one = (frequency: number, recency: number, periods: number): DonationRow => ({ frequency, recency, periods, weights: 1 });

describe('bgBbSufficientStatistics', () => {
  it('counts the 11,104 donors, their repeat donors and the largest n', () => {
    const s = stats(table);
    expect(s.totalWeight).toBe(11104);
    expect(s.repeatWeight).toBe(table.filter((d) => d.frequency > 0).reduce((sum, d) => sum + d.weights, 0));
    expect(s.maxPeriods).toBe(6);
    expect(s.runStart[s.runStart.length - 1]).toBe(s.groupTx.length);
  });

  it('merges equal rows and orders each run by decreasing tₓ', () => {
    const s = stats([one(2, 3, 6), one(2, 5, 6), one(2, 3, 6), one(0, 0, 6)]);
    expect(s.totalWeight).toBe(4);
    expect(s.repeatWeight).toBe(3);
    expect(s.groupTx.length).toBe(3);
    for (let r = 0; r + 1 < s.runStart.length; r++) {
      const txs = [...s.groupTx.subarray(s.runStart[r], s.runStart[r + 1])];
      expect(txs).toEqual([...txs].sort((a, b) => b - a));
    }
  });
});

describe('bgBbNegativeLogLikelihood', () => {
  it('times the donors is −ln L of the reference MLE on the donations (reference/bg_bb_reference.py)', () => {
    const s = stats(table);
    expect(relative(-bgBbNegativeLogLikelihood(theta, s) * s.totalWeight, reference.donations.logLikelihood)).toBeLessThan(1e-13);
  });

  it('matches the mpmath likelihood of single customers at the published estimates', () => {
    const published = [PUBLISHED.alpha, PUBLISHED.beta, PUBLISHED.gamma, PUBLISHED.delta].map(Math.log);
    for (const [x, tx, n, ll] of reference.likelihood) {
      expect(Math.abs(-bgBbNegativeLogLikelihood(published, stats([one(x, tx, n)])) - ll)).toBeLessThan(1e-13 * Math.max(1, Math.abs(ll)));
    }
  });

  it('is the same grouped or not and in any row order', () => {
    const grouped = bgBbNegativeLogLikelihood(theta, stats(table));
    expect(relative(bgBbNegativeLogLikelihood(theta, stats(table, false)), grouped)).toBeLessThan(1e-13);
    expect(relative(bgBbNegativeLogLikelihood(theta, stats(permuted(table))), grouped)).toBeLessThan(1e-13);
  });

  it('fills the gradient of θ = ln(α, β, γ, δ), equal to finite differences, and ≈ 0 at the MLE', () => {
    const s = stats(table);
    expectGradientMatches(bgBbNegativeLogLikelihood, theta.map((t, k) => t + (k % 2 === 0 ? -0.25 : 0.3)), s);
    const g = [0, 0, 0, 0];
    bgBbNegativeLogLikelihood(theta, s, g);
    for (const gk of g) expect(Math.abs(gk)).toBeLessThan(1e-5);
  });

  it('is +Infinity outside |θᵢ| ≤ 30', () => {
    expectOutsideRangeIsInfinite(bgBbNegativeLogLikelihood, theta, stats(table));
  });
});
