import { describe, expect, it } from 'vitest';
import {
  fitMbgNbd,
  mbgNbd,
  mbgNbdConditionalExpectedPurchases,
  mbgNbdConditionalPurchaseCountProbability,
  mbgNbdDert,
  mbgNbdExpectedPurchases,
  mbgNbdLogLikelihood,
  mbgNbdProbabilityAlive,
  mbgNbdPurchaseCountProbability,
  predictClv,
} from '../../../src/clv';
import { errorCode } from '../../support/error-code';
import { cdnowSummary, relativeError } from '../clv-data';
import { CDNOW_MBG } from './mbg-nbd-reference';

const cdnow = cdnowSummary();
const params = CDNOW_MBG;

describe('mbgNbd: the MBG/NBD behind the common door', () => {
  it('names its model and parameters; frozen; its fit is fitMbgNbd', () => {
    expect(mbgNbd.model).toBe('mbg-nbd');
    expect(mbgNbd.parameterNames).toEqual(['r', 'alpha', 'a', 'b']);
    expect(Object.isFrozen(mbgNbd)).toBe(true);
    const rows = cdnow.slice(0, 400);
    expect(mbgNbd.fit(rows)).toEqual(fitMbgNbd(rows));
  });

  it('its functions are the model’s functions, the optional door fields included', () => {
    const c = cdnow[0]!;
    expect(mbgNbd.logLikelihood(params, cdnow)).toBe(mbgNbdLogLikelihood(params, cdnow));
    expect(mbgNbd.expectedPurchases(params, 52)).toBe(mbgNbdExpectedPurchases(params, 52));
    expect(mbgNbd.conditionalExpectedPurchases(params, c, 52)).toBe(mbgNbdConditionalExpectedPurchases(params, c, 52));
    expect(mbgNbd.probabilityAlive(params, c)).toBe(mbgNbdProbabilityAlive(params, c));
    expect(mbgNbd.probabilityAlive(params, c, 10)).toBe(mbgNbdProbabilityAlive(params, c, 10));
    expect(mbgNbd.purchaseCountProbability?.(params, 2, 52)).toBe(mbgNbdPurchaseCountProbability(params, 2, 52));
    expect(mbgNbd.conditionalPurchaseCountProbability?.(params, c, 0, 52)).toBe(mbgNbdConditionalPurchaseCountProbability(params, c, 0, 52));
    expect(mbgNbd.dert?.(params, c, { discountRate: 0.01 })).toBe(mbgNbdDert(params, c, { discountRate: 0.01 }));
  });

  it('its kernel: P(alive) × E[purchases | alive] is the conditional expectation, for 300 CDNOW customers', () => {
    const kernel = mbgNbd.kernel('test', params);
    for (const c of cdnow.slice(0, 300)) {
      const product = kernel.probabilityAlive(c.frequency, c.recency, c.T) * kernel.expectedIfAlive(c.frequency, c.T, 39);
      expect(relativeError(product, mbgNbdConditionalExpectedPurchases(params, c, 39))).toBeLessThan(1e-14);
    }
    expect(errorCode(() => mbgNbd.kernel('caller', { ...params, a: -1 }))).toBe('OUT_OF_RANGE');
  });

  it('predictClv takes it: its columns are the MBG/NBD predictions', () => {
    const customers = cdnow.slice(0, 100);
    const gammaGamma = { p: 6.25, q: 3.74, gamma: 15.44 };
    const result = predictClv(mbgNbd, params, { gammaGamma }, customers, { timeUnit: 'week', horizon: 39, horizonUnit: 'week' });
    customers.forEach((c, i) => {
      expect(relativeError(result.probabilityAlive[i] as number, mbgNbdProbabilityAlive(params, c))).toBeLessThan(1e-14);
      expect(relativeError(result.expectedPurchases[i] as number, mbgNbdConditionalExpectedPurchases(params, c, 39))).toBeLessThan(1e-12);
    });
    const fit = fitMbgNbd(cdnow.slice(0, 500));
    expect(predictClv(mbgNbd, fit, { gammaGamma }, customers, { timeUnit: 'week', horizon: 39, horizonUnit: 'week' }).total).toBeGreaterThan(0);
  });
});
