import { describe, expect, it } from 'vitest';
import { fitGammaGamma, gammaGamma, gammaGammaExpectedSpend, gammaGammaLogLikelihood, type GammaGammaFit } from '../../../src/clv';
import { cdnowSummary, relativeError } from '../clv-data';

describe('the gammaGamma descriptor', () => {
  const cdnow = cdnowSummary();
  const params = { p: 6.25, q: 3.74, gamma: 15.44 };

  it('names the model and its parameters in the order of the covariance', () => {
    expect(gammaGamma.model).toBe('gamma-gamma');
    expect(gammaGamma.parameterNames).toEqual(['p', 'q', 'gamma']);
    expect(Object.isFrozen(gammaGamma)).toBe(true);
  });

  it('opens onto the Gamma-Gamma functions', () => {
    const customer = { frequency: 2, monetaryValue: 22.35 };
    expect(gammaGamma.expectedSpend(params, customer)).toBe(gammaGammaExpectedSpend(params, customer));
    expect(gammaGamma.logLikelihood(params, cdnow)).toBe(gammaGammaLogLikelihood(params, cdnow));
  });

  it('fits like fitGammaGamma, with the model discriminant, counts and a covariance consistent with the standard errors', () => {
    const fit: GammaGammaFit = gammaGamma.fit(cdnow);
    expect(fit).toEqual(fitGammaGamma(cdnow));
    expect(fit.model).toBe('gamma-gamma');
    expect(fit.n).toBe(946);
    expect(fit.rows).toBe(946);
    expect(fit.withoutRepeat).toBe(cdnow.length - 946);
    const cov = fit.logParameterCovariance!;
    gammaGamma.parameterNames.forEach((k, i) => {
      expect(relativeError(fit.standardErrors![k], fit[k] * Math.sqrt(cov[i]![i]!))).toBeLessThan(1e-6);
      for (let j = 0; j < 3; j++) expect(cov[i]![j]).toBe(cov[j]![i]);
    });
  });
});
