import { describe, expect, it } from 'vitest';
import {
  paretoNbd,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdProbabilityAlive,
  paretoNbdPurchaseCountProbability,
  paretoNbdConditionalPurchaseCountProbability,
  paretoNbdDert,
  fitParetoNbd,
} from '../../../src/clv';
import { errorCode } from '../../support/error-code';
import { cdnowBgNbdSummary, relativeError } from '../clv-data';

const cdnow = cdnowBgNbdSummary();
const params = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

describe('paretoNbd: the Pareto/NBD behind the common door', () => {
  it('carries every optional prediction of the door: P(alive) t later, the count probabilities and DERT', () => {
    const c = { frequency: 2, recency: 30.43, T: 38.86 };
    expect(paretoNbd.probabilityAlive(params, c, 52)).toBe(paretoNbdProbabilityAlive(params, c, 52));
    expect(paretoNbd.purchaseCountProbability?.(params, 2, 39)).toBe(paretoNbdPurchaseCountProbability(params, 2, 39));
    expect(paretoNbd.conditionalPurchaseCountProbability?.(params, c, 0, 39)).toBe(paretoNbdConditionalPurchaseCountProbability(params, c, 0, 39));
    expect(paretoNbd.dert?.(params, c, { discountRate: 0.0027 })).toBe(paretoNbdDert(params, c, { discountRate: 0.0027 }));
  });

  it('names its model and parameters, in the order of the fit’s logParameterCovariance; frozen', () => {
    expect(paretoNbd.model).toBe('pareto-nbd');
    expect(paretoNbd.parameterNames).toEqual(['r', 'alpha', 's', 'beta']);
    expect(Object.isFrozen(paretoNbd)).toBe(true);
    const fit = paretoNbd.fit(cdnow);
    expect(fit).toEqual(fitParetoNbd(cdnow));
    expect(fit.model).toBe('pareto-nbd');
    const covariance = fit.logParameterCovariance!;
    paretoNbd.parameterNames.forEach((name, i) => {
      // SE(θ) = θ · SE(ln θ), the delta method.
      expect(relativeError(fit.standardErrors![name], fit[name] * Math.sqrt(covariance[i]![i]!))).toBeLessThan(1e-12);
    });
  });

  it('its functions are the model’s functions', () => {
    const c = cdnow[0]!;
    expect(paretoNbd.logLikelihood(params, cdnow)).toBe(paretoNbdLogLikelihood(params, cdnow));
    expect(paretoNbd.expectedPurchases(params, 52)).toBe(paretoNbdExpectedPurchases(params, 52));
    expect(paretoNbd.conditionalExpectedPurchases(params, c, 52)).toBe(paretoNbdConditionalExpectedPurchases(params, c, 52));
    expect(paretoNbd.probabilityAlive(params, c)).toBe(paretoNbdProbabilityAlive(params, c));
  });

  it('its kernel: P(alive) × E[purchases | alive] is the conditional expectation, for 500 CDNOW customers', () => {
    const kernel = paretoNbd.kernel('test', params);
    for (const c of cdnow.slice(0, 500)) {
      const alive = kernel.probabilityAlive(c.frequency, c.recency, c.T);
      expect(alive).toBe(paretoNbdProbabilityAlive(params, c));
      for (const t of [0, 1, 39, 520]) {
        const expected = paretoNbdConditionalExpectedPurchases(params, c, t);
        const product = alive * kernel.expectedIfAlive(c.frequency, c.T, t);
        expect(t === 0 ? product : relativeError(product, expected)).toBeLessThan(1e-13);
      }
    }
    expect(errorCode(() => paretoNbd.kernel('test', { ...params, r: -1 }))).toBe('OUT_OF_RANGE');
  });
});
