import { describe, expect, it } from 'vitest';
import { bgNbdSufficientStatistics } from '../../../src/clv/bg-nbd/bg-nbd-likelihood';
import { mbgNbdNegativeLogLikelihood, mbgNbdRowLogLikelihood } from '../../../src/clv/mbg-nbd/mbg-nbd-likelihood';
import { cdnowBgNbdSummary, relativeError } from '../clv-data';

const rows = cdnowBgNbdSummary().slice(0, 400);
const n = rows.length;
const col = (f: (c: (typeof rows)[number]) => number) => Float64Array.from(rows, f);
const stats = bgNbdSufficientStatistics(col((c) => c.frequency), col((c) => c.recency), col((c) => c.T), new Float64Array(n).fill(1), n);

describe('mbgNbdNegativeLogLikelihood', () => {
  it('its analytic gradient matches central differences', () => {
    for (const theta of [[Math.log(0.525), Math.log(6.183), Math.log(0.891), Math.log(1.614)], [1, -2, 0.5, 3], [-3, 2, -1, -2]]) {
      const g = [0, 0, 0, 0];
      mbgNbdNegativeLogLikelihood(theta, stats, g);
      for (let i = 0; i < 4; i++) {
        const h = 1e-5;
        const up = [...theta];
        const down = [...theta];
        up[i] = (up[i] as number) + h;
        down[i] = (down[i] as number) - h;
        const numeric = (mbgNbdNegativeLogLikelihood(up, stats) - mbgNbdNegativeLogLikelihood(down, stats)) / (2 * h);
        expect(Math.abs((g[i] as number) - numeric)).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
      }
    }
  });

  it('is the mean of the per-row log-likelihoods, and +Infinity outside e^±30', () => {
    const theta = [Math.log(0.525), Math.log(6.183), Math.log(0.891), Math.log(1.614)];
    const sum = rows.reduce((s, c) => s + mbgNbdRowLogLikelihood(0.525, 6.183, 0.891, 1.614, c.frequency, c.recency, c.T), 0);
    expect(relativeError(-mbgNbdNegativeLogLikelihood(theta, stats) * n, sum)).toBeLessThan(1e-12);
    expect(mbgNbdNegativeLogLikelihood([31, 0, 0, 0], stats)).toBe(Infinity);
  });
});
