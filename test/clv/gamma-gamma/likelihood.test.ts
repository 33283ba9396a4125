import { describe, expect, it } from 'vitest';
import { gammaGammaNegativeLogLikelihood, gammaGammaSufficientStatistics } from '../../../src/clv/gamma-gamma/likelihood';
import { logGamma } from '../../../src/internal/special';
import { cdnowSummary, reference, type CdnowRow } from '../clv-data';
import { columnsOf, expectGradientMatches, expectOutsideRangeIsInfinite, permuted, relative } from '../likelihood-checks';

const repeat = cdnowSummary().filter((d) => d.frequency > 0);
const theta = reference.gammaGammaCdnow.params.map(Math.log);

function stats(rows: readonly CdnowRow[], group = true, weight = 1) {
  const [x, z, w] = columnsOf(rows, [(d) => d.frequency, (d) => d.monetaryValue, () => weight]) as [Float64Array, Float64Array, Float64Array];
  return gammaGammaSufficientStatistics(x, z, w, rows.length, group);
}

/** ln f(z̄ | x) of Fader & Hardie (2013), eq. 3, written out. */
function logDensity(p: number, q: number, g: number, x: number, z: number): number {
  return logGamma(p * x + q) - logGamma(p * x) - logGamma(q) + q * Math.log(g) + (p * x - 1) * Math.log(z) + p * x * Math.log(x) - (p * x + q) * Math.log(g + x * z);
}

describe('gammaGammaSufficientStatistics', () => {
  it('sums the weights, Σw·ln z̄ per frequency and the weighted mean spend', () => {
    const rows = [
      { frequency: 1, recency: 0, T: 0, monetaryValue: 10 },
      { frequency: 1, recency: 0, T: 0, monetaryValue: 30 },
      { frequency: 4, recency: 0, T: 0, monetaryValue: 20 },
    ];
    const s = stats(rows, true, 2);
    expect(s.totalWeight).toBe(6);
    expect(s.meanSpend).toBe(20);
    const k = [...s.frequencies].indexOf(1);
    expect(s.frequencyWeights[k]).toBe(4);
    expect(Math.abs((s.frequencyLogSpend[k] as number) - 2 * (Math.log(10) + Math.log(30)))).toBeLessThan(1e-14);
    expect(stats([]).meanSpend).toBe(0);
  });

  it('ignores rows of weight 0', () => {
    const [x, z, w] = [Float64Array.of(1, 2), Float64Array.of(5, 7), Float64Array.of(1, 0)];
    const s = gammaGammaSufficientStatistics(x, z, w, 2);
    expect(s.totalWeight).toBe(1);
    expect(s.meanSpend).toBe(5);
  });
});

describe('gammaGammaNegativeLogLikelihood', () => {
  it('times the repeat customers is −ln L of the reference fit on CDNOW', () => {
    const s = stats(repeat);
    expect(relative(-gammaGammaNegativeLogLikelihood(theta, s) * s.totalWeight, reference.gammaGammaCdnow.logLikelihood)).toBeLessThan(1e-12);
  });

  it('is the mean of the density written out, customer by customer', () => {
    const [p, q, g] = reference.gammaGammaCdnow.params as [number, number, number];
    const rows = repeat.slice(0, 40);
    const expected = rows.reduce((sum, d) => sum + logDensity(p, q, g, d.frequency, d.monetaryValue), 0) / rows.length;
    expect(relative(-gammaGammaNegativeLogLikelihood(theta, stats(rows)), expected)).toBeLessThan(1e-12);
  });

  it('is the same grouped or not, in any row order, and for weights as for repeated rows', () => {
    const grouped = gammaGammaNegativeLogLikelihood(theta, stats(repeat));
    expect(relative(gammaGammaNegativeLogLikelihood(theta, stats(repeat, false)), grouped)).toBeLessThan(1e-12);
    expect(relative(gammaGammaNegativeLogLikelihood(theta, stats(permuted(repeat))), grouped)).toBeLessThan(1e-12);
    const part = repeat.slice(0, 200);
    expect(relative(gammaGammaNegativeLogLikelihood(theta, stats(part, true, 2)), gammaGammaNegativeLogLikelihood(theta, stats([...part, ...part])))).toBeLessThan(1e-12);
  });

  it('fills the gradient of θ = ln(p, q, γ), equal to finite differences', () => {
    expectGradientMatches(gammaGammaNegativeLogLikelihood, theta.map((t, k) => t + (k === 1 ? -0.3 : 0.2)), stats(repeat));
  });

  it('is +Infinity outside |θᵢ| ≤ 30', () => {
    expectOutsideRangeIsInfinite(gammaGammaNegativeLogLikelihood, theta, stats(repeat.slice(0, 50)));
  });
});
