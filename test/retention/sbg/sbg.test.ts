import { describe, expect, it } from 'vitest';
import { fitSbg, sbg, sbgExpectedLifetime, sbgLogLikelihood, sbgRetentionRate, sbgSurvival, simulateSbg, type SbgFit } from '../../../src/retention';
import { relativeError } from '../retention-data';

describe('the sbg descriptor', () => {
  const params = { alpha: 0.704, beta: 1.182 };
  const rows = simulateSbg(params, { customers: 2000, periods: 8, seed: 6 });
  const accessors = { renewals: (c: { renewals: number }) => c.renewals, churned: (c: { churned: boolean }) => c.churned };

  it('names the model and its parameters in the order of the covariance', () => {
    expect(sbg.model).toBe('sbg');
    expect(sbg.parameterNames).toEqual(['alpha', 'beta']);
    expect(Object.isFrozen(sbg)).toBe(true);
  });

  it('opens onto the sBG functions', () => {
    expect(sbg.survival(params, 5)).toBe(sbgSurvival(params, 5));
    expect(sbg.retentionRate(params, 5)).toBe(sbgRetentionRate(params, 5));
    expect(sbg.expectedLifetime(params, { horizon: 10 })).toBe(sbgExpectedLifetime(params, { horizon: 10 }));
    expect(sbg.expectedLifetime({ alpha: 3, beta: 2 })).toBe(2);
    expect(sbg.logLikelihood(params, rows)).toBe(sbgLogLikelihood(params, rows, accessors));
  });

  it('fits renewal histories like fitSbg with accessors, with the shared diagnostics', () => {
    const fit: SbgFit = sbg.fit(rows);
    expect(fit).toEqual(fitSbg(rows, accessors));
    expect(fit.model).toBe('sbg');
    expect([fit.n, fit.rows, fit.skipped]).toEqual([2000, 2000, 0]);
    const cov = fit.logParameterCovariance!;
    sbg.parameterNames.forEach((k, i) => {
      expect(relativeError(fit.standardErrors![k], fit[k] * Math.sqrt(cov[i]![i]!))).toBeLessThan(1e-6);
    });
    expect(cov[0]![1]).toBe(cov[1]![0]);
  });

  it('counts survivor-count rows as rows', () => {
    const fit = fitSbg([1000, 631, 468, 382, 326, 289, 262, 241]);
    expect([fit.n, fit.rows, fit.skipped, fit.churned, fit.periods]).toEqual([1000, 8, 0, 759, 7]);
  });
});
