import { describe, expect, it } from 'vitest';
import {
  bgNbd,
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  fitBgNbd,
} from '../../../src/clv';
import { errorCode } from '../../support/error-code';
import { cdnowBgNbdSummary, relativeError } from '../clv-data';

const cdnow = cdnowBgNbdSummary();
const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('bgNbd: the BG/NBD behind the common door', () => {
  it('names its model and parameters, in the order of the fit’s logParameterCovariance; frozen', () => {
    expect(bgNbd.model).toBe('bg-nbd');
    expect(bgNbd.parameterNames).toEqual(['r', 'alpha', 'a', 'b']);
    expect(Object.isFrozen(bgNbd)).toBe(true);
    const fit = bgNbd.fit(cdnow);
    expect(fit).toEqual(fitBgNbd(cdnow));
    expect(fit.model).toBe('bg-nbd');
    const covariance = fit.logParameterCovariance!;
    bgNbd.parameterNames.forEach((name, i) => {
      // SE(θ) = θ · SE(ln θ), the delta method.
      expect(relativeError(fit.standardErrors![name], fit[name] * Math.sqrt(covariance[i]![i]!))).toBeLessThan(1e-12);
    });
  });

  it('its functions are the model’s functions', () => {
    const c = cdnow[0]!;
    expect(bgNbd.logLikelihood(params, cdnow)).toBe(bgNbdLogLikelihood(params, cdnow));
    expect(bgNbd.expectedPurchases(params, 52)).toBe(bgNbdExpectedPurchases(params, 52));
    expect(bgNbd.conditionalExpectedPurchases(params, c, 52)).toBe(bgNbdConditionalExpectedPurchases(params, c, 52));
    expect(bgNbd.probabilityAlive(params, c)).toBe(bgNbdProbabilityAlive(params, c));
  });

  it('its kernel: P(alive) × E[purchases | alive] is the conditional expectation, for 500 CDNOW customers', () => {
    const kernel = bgNbd.kernel('test', params);
    for (const c of cdnow.slice(0, 500)) {
      const alive = kernel.probabilityAlive(c.frequency, c.recency, c.T);
      expect(alive).toBe(bgNbdProbabilityAlive(params, c));
      for (const t of [0, 1, 39, 520]) {
        const expected = bgNbdConditionalExpectedPurchases(params, c, t);
        const product = alive * kernel.expectedIfAlive(c.frequency, c.T, t);
        expect(t === 0 ? product : relativeError(product, expected)).toBeLessThan(1e-13);
      }
    }
    expect(errorCode(() => bgNbd.kernel('test', { ...params, r: -1 }))).toBe('OUT_OF_RANGE');
  });
});
