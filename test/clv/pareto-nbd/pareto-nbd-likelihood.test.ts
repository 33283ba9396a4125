import { describe, expect, it } from 'vitest';
import { paretoNbdNegativeLogLikelihood, paretoNbdSufficientStatistics } from '../../../src/clv/pareto-nbd/pareto-nbd-likelihood';
import { cdnowBgNbdSummary, type CdnowRow } from '../clv-data';
import { columnsOf, expectGradientMatches, expectOutsideRangeIsInfinite, permuted, relative } from '../likelihood-checks';
import { CDNOW_PARETO_NBD } from './pareto-nbd-data';

const cdnow = cdnowBgNbdSummary();
const published = [CDNOW_PARETO_NBD.r, CDNOW_PARETO_NBD.alpha, CDNOW_PARETO_NBD.s, CDNOW_PARETO_NBD.beta].map(Math.log);

function stats(rows: readonly CdnowRow[], group = true, weight = 1) {
  const [x, tx, T, w] = columnsOf(rows, [(d) => d.frequency, (d) => d.recency, (d) => d.T, () => weight]) as [Float64Array, Float64Array, Float64Array, Float64Array];
  return paretoNbdSufficientStatistics(x, tx, T, w, rows.length, group);
}

describe('paretoNbdSufficientStatistics', () => {
  it('counts customers and repeat customers, and sorts the (x, T) and (x, tₓ) pairs by x', () => {
    const rows = [
      { frequency: 3, recency: 7, T: 12, monetaryValue: 0 },
      { frequency: 0, recency: 0, T: 10, monetaryValue: 0 },
      { frequency: 2, recency: 5, T: 10, monetaryValue: 0 },
      { frequency: 2, recency: 5, T: 10, monetaryValue: 0 },
    ];
    const s = stats(rows, true, 0.5);
    expect(s.totalWeight).toBe(2);
    expect(s.repeatWeight).toBe(1.5);
    expect(s.weightedFrequency).toBe(0.5 * 7);
    expect(s.weightedAge).toBe(0.5 * 42);
    expect([...s.ageX]).toEqual([...s.ageX].sort((p, q) => p - q));
    expect([...s.recencyX]).toEqual([...s.recencyX].sort((p, q) => p - q));
    // The two equal rows are one group of weight 1.
    expect([...s.rowWeights].sort()).toEqual([0.5, 0.5, 1]);
    expect(s.ageRuns[s.ageRuns.length - 1]).toBe(s.ageX.length);
  });
});

describe('paretoNbdNegativeLogLikelihood', () => {
  it('times the customers is −ln L at the published CDNOW estimates (Fader, Hardie & Lee 2005: −9595.0)', () => {
    const s = stats(cdnow);
    expect((-paretoNbdNegativeLogLikelihood(published, s) * s.totalWeight).toFixed(1)).toBe('-9595.0');
  });

  it('matches the mpmath quadrature of one customer (Fader & Hardie 2005, eq. 19)', () => {
    // The values of test/clv/pareto-nbd/pareto-nbd-log-likelihood.test.ts, 30-digit mpmath.
    expect(relative(-paretoNbdNegativeLogLikelihood(published, stats([{ frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 0 }])), -9.5542832451504058)).toBeLessThan(1e-13);
    expect(relative(-paretoNbdNegativeLogLikelihood(published, stats([{ frequency: 0, recency: 0, T: 38.86, monetaryValue: 0 }])), -0.52104629408089031)).toBeLessThan(1e-13);
  });

  it('is the same grouped or not, in any row order, and for weights as for repeated rows', () => {
    const grouped = paretoNbdNegativeLogLikelihood(published, stats(cdnow));
    expect(relative(paretoNbdNegativeLogLikelihood(published, stats(cdnow, false)), grouped)).toBeLessThan(1e-12);
    expect(relative(paretoNbdNegativeLogLikelihood(published, stats(permuted(cdnow))), grouped)).toBeLessThan(1e-12);
    const part = cdnow.slice(0, 300);
    expect(relative(paretoNbdNegativeLogLikelihood(published, stats(part, true, 2)), paretoNbdNegativeLogLikelihood(published, stats([...part, ...part])))).toBeLessThan(1e-12);
  });

  it('fills the gradient of θ = ln(r, α, s, β), equal to finite differences', () => {
    expectGradientMatches(paretoNbdNegativeLogLikelihood, published.map((t, k) => t + (k % 2 === 0 ? 0.25 : -0.3)), stats(cdnow));
  });

  it('is +Infinity outside |θᵢ| ≤ 30', () => {
    expectOutsideRangeIsInfinite(paretoNbdNegativeLogLikelihood, published, stats(cdnow.slice(0, 100)));
  });
});
