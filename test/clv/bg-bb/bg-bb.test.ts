import { describe, expect, it } from 'vitest';
import {
  bgBb,
  bgBbConditionalExpectedTransactions,
  bgBbConditionalTransactionCountProbability,
  bgBbDert,
  bgBbExpectedTransactions,
  bgBbTransactionCountProbability,
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

  it('opens onto the optional door fields, in the door argument order (count, then opportunities)', () => {
    expect(bgBb.probabilityAlive(PUBLISHED, customer, 3)).toBe(bgBbProbabilityAlive(PUBLISHED, customer, 3));
    expect(bgBb.probabilityAlive(PUBLISHED, customer, 0)).toBe(bgBbProbabilityAlive(PUBLISHED, customer));
    expect(bgBb.purchaseCountProbability?.(PUBLISHED, 2, 6)).toBe(bgBbTransactionCountProbability(PUBLISHED, 2, 6));
    expect(bgBb.conditionalPurchaseCountProbability?.(PUBLISHED, customer, 1, 5)).toBe(bgBbConditionalTransactionCountProbability(PUBLISHED, customer, 1, 5));
    expect(bgBb.dert?.(PUBLISHED, customer, { discountRate: 0.1 })).toBe(bgBbDert(PUBLISHED, customer, { discountRate: 0.1 }));
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
