import { describe, expect, it } from 'vitest';
import {
  bgBb,
  bgBbConditionalExpectedTransactions,
  bgBbExpectedTransactions,
  bgBbLogLikelihood,
  bgBbProbabilityAlive,
  fitBgBb,
  type BgBbFit,
} from '../../../src/clv';
import { relativeError } from '../clv-data';
import { donorsExpanded, PUBLISHED } from './bg-bb-data';

describe('the bgBb descriptor', () => {
  const donors = donorsExpanded();
  const customer = { frequency: 2, recency: 4, periods: 6 };

  it('names the model and its parameters in the order of the covariance', () => {
    expect(bgBb.model).toBe('bg-bb');
    expect(bgBb.parameterNames).toEqual(['alpha', 'beta', 'gamma', 'delta']);
    expect(Object.isFrozen(bgBb)).toBe(true);
  });

  it('opens onto the BG/BB functions, t counting opportunities', () => {
    expect(bgBb.expectedPurchases(PUBLISHED, 6)).toBe(bgBbExpectedTransactions(PUBLISHED, 6));
    expect(bgBb.conditionalExpectedPurchases(PUBLISHED, customer, 5)).toBe(bgBbConditionalExpectedTransactions(PUBLISHED, customer, 5));
    expect(bgBb.probabilityAlive(PUBLISHED, customer)).toBe(bgBbProbabilityAlive(PUBLISHED, customer));
    expect(bgBb.logLikelihood(PUBLISHED, donors)).toBe(bgBbLogLikelihood(PUBLISHED, donors));
  });

  it('fits like fitBgBb, with the model discriminant and a covariance consistent with the standard errors', () => {
    const fit: BgBbFit = bgBb.fit(donors);
    expect(fit).toEqual(fitBgBb(donors));
    expect(fit.model).toBe('bg-bb');
    const cov = fit.logParameterCovariance!;
    bgBb.parameterNames.forEach((k, i) => {
      // SE(θ) = θ · SE(ln θ): the delta method, on the diagonal.
      expect(relativeError(fit.standardErrors![k], fit[k] * Math.sqrt(cov[i]![i]!))).toBeLessThan(1e-6);
      for (let j = 0; j < 4; j++) expect(cov[i]![j]).toBe(cov[j]![i]);
    });
  });
});
