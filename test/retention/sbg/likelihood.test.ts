import { describe, expect, it } from 'vitest';
import { checkSbgParams, sbgObjective, type SbgStatistics } from '../../../src/retention/sbg/likelihood';
import { readSbgInput } from '../../../src/retention/sbg/statistics';
import { errorCode } from '../../support/error-code';
import { paperSurvivors, reference, relativeError } from '../retention-data';

/** ln L of survivor counts by the recursion P(1) = α/(α+β), P(t) = P(t−1)(β+t−2)/(α+β+t−1), S = 1 − Σ P. */
function byHand(counts: readonly number[], alpha: number, beta: number): number {
  let p = alpha / (alpha + beta);
  let s = 1 - p;
  let ll = ((counts[0] as number) - (counts[1] as number)) * Math.log(p);
  for (let t = 2; t < counts.length; t++) {
    p = (p * (beta + t - 2)) / (alpha + beta + t - 1);
    s -= p;
    ll += ((counts[t - 1] as number) - (counts[t] as number)) * Math.log(p);
  }
  return ll + (counts.at(-1) as number) * Math.log(s);
}

const { regular, highEnd } = paperSurvivors();
const statsOf = (counts: readonly number[]): SbgStatistics => readSbgInput('f', counts, {});

describe('sbgObjective', () => {
  it('is −ln L / customers of the reference fits (Fader & Hardie 2007, Table 1; scipy reference)', () => {
    for (const [counts, ref] of [
      [regular, reference.sbgRegular],
      [highEnd, reference.sbgHighEnd],
    ] as const) {
      const { objective } = sbgObjective(statsOf(counts));
      const value = -objective([Math.log(ref.alpha), Math.log(ref.beta)]) * 1000;
      expect(value).toBeCloseTo(ref.logLikelihood, 7);
    }
  });

  it('equals the closed-form recursion written out, at any parameters', () => {
    for (const [alpha, beta] of [
      [0.704, 1.182],
      [3, 0.2],
      [0.05, 40],
    ] as const) {
      const { objective } = sbgObjective(statsOf(regular));
      expect(relativeError(-objective([Math.log(alpha), Math.log(beta)]) * 1000, byHand(regular, alpha, beta))).toBeLessThan(1e-12);
    }
  });

  it('walks long gaps by the closed-form tail as it walks short ones term by term', () => {
    // Two customers: lost at opportunity 200 and active after 300 renewals; then the same data
    // with a customer at every step in between (no gap) minus their contribution.
    const gapped: SbgStatistics = { times: [200, 300], events: [1, 0], censored: [0, 1], customers: 2 };
    const [alpha, beta] = [0.8, 2.5];
    let logS = 0;
    let expected = 0;
    for (let k = 0; k < 300; k++) {
      if (k === 199) expected += logS - Math.log1p((beta + k) / alpha);
      logS -= Math.log1p(alpha / (beta + k));
    }
    expected += logS;
    const { objective } = sbgObjective(gapped);
    expect(relativeError(-objective([Math.log(alpha), Math.log(beta)]) * 2, expected)).toBeLessThan(1e-12);
  });

  it('its gradient equals central finite differences, with and without long gaps', () => {
    for (const stats of [statsOf(regular), { times: [3, 150, 400], events: [5, 2, 0], censored: [1, 0, 4], customers: 12 }]) {
      const { objective, gradient } = sbgObjective(stats);
      const theta = [Math.log(0.9), Math.log(2.2)];
      const g = gradient(theta);
      const h = 1e-5;
      for (let k = 0; k < 2; k++) {
        const up = theta.map((t, j) => (j === k ? t + h : t));
        const down = theta.map((t, j) => (j === k ? t - h : t));
        const numeric = (objective(up) - objective(down)) / (2 * h);
        expect(Math.abs((g[k] as number) - numeric)).toBeLessThan(1e-7 * Math.max(1, Math.abs(numeric)));
      }
    }
  });

  it('is +Infinity where the parameters overflow', () => {
    const { objective } = sbgObjective(statsOf(regular));
    expect(objective([800, 0])).toBe(Infinity);
    expect(objective([0, Number.NaN])).toBe(Infinity);
  });
});

describe('checkSbgParams', () => {
  it('returns α and β, positive and finite', () => {
    expect(checkSbgParams('f', { alpha: 0.7, beta: 1.2 })).toEqual({ alpha: 0.7, beta: 1.2 });
  });
  it.each([
    ['no object', null, 'INVALID_NUMBER'],
    ['alpha 0', { alpha: 0, beta: 1 }, 'OUT_OF_RANGE'],
    ['beta NaN', { alpha: 1, beta: Number.NaN }, 'INVALID_NUMBER'],
    ['beta missing', { alpha: 1 }, 'INVALID_NUMBER'],
  ])('rejects %s', (_name, params, code) => {
    expect(errorCode(() => checkSbgParams('f', params as never))).toBe(code);
  });
});
