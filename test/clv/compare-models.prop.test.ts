import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compareModels } from '../../src/clv';

const fit = fc.record({ logLikelihood: fc.double({ min: -1e7, max: 0, noNaN: true }), parameters: fc.integer({ min: 1, max: 10 }) });

describe('compareModels: properties', () => {
  test.prop([fc.array(fit, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 10_000_000 })], { numRuns: 150 })(
    'AIC = 2k − 2ℓ, BIC = k ln n − 2ℓ, Δ ≥ 0 with the best at 0, Akaike weights in [0, 1] summing to 1',
    (list, n) => {
      const fits = Object.fromEntries(list.map((f, i) => [`m${i}`, { ...f, n }]));
      const result = compareModels(fits);
      let total = 0;
      result.models.forEach((row, i) => {
        const f = list[i]!;
        expect(row.name).toBe(`m${i}`);
        expect(row.aic).toBe(2 * f.parameters - 2 * f.logLikelihood);
        expect(row.bic).toBe(f.parameters * Math.log(n) - 2 * f.logLikelihood);
        expect(row.deltaAic).toBeGreaterThanOrEqual(0);
        expect(row.deltaBic).toBeGreaterThanOrEqual(0);
        expect(row.akaikeWeight).toBeGreaterThanOrEqual(0);
        expect(row.akaikeWeight).toBeLessThanOrEqual(1);
        total += row.akaikeWeight;
      });
      expect(total).toBeCloseTo(1, 12);
      expect(result.models.find((m) => m.name === result.bestAic)!.deltaAic).toBe(0);
      expect(result.models.find((m) => m.name === result.bestBic)!.deltaBic).toBe(0);
    },
  );

  test.prop([fit, fit, fc.integer({ min: 1, max: 1_000_000 })], { numRuns: 100 })('the LR test: statistic ≥ 0, p in [0, 1], p non-increasing in the statistic', (a, b, n) => {
    const small = { logLikelihood: a.logLikelihood, n, parameters: a.parameters };
    const big = { logLikelihood: b.logLikelihood, n, parameters: a.parameters + b.parameters };
    const nested = { nested: [{ restricted: 'small', full: 'big' }] };
    const [test1] = compareModels({ small, big }, nested).likelihoodRatioTests;
    expect(test1!.df).toBe(b.parameters);
    expect(test1!.statistic).toBeGreaterThanOrEqual(0);
    expect(test1!.pValue).toBeGreaterThanOrEqual(0);
    expect(test1!.pValue).toBeLessThanOrEqual(1);
    const [test2] = compareModels({ small, big: { ...big, logLikelihood: big.logLikelihood + 1 } }, nested).likelihoodRatioTests;
    expect(test2!.pValue).toBeLessThanOrEqual(test1!.pValue);
  });
});
