import { describe, expect, it } from 'vitest';
import { paretoNbdConditionalExpectedPurchases, paretoNbdDert, paretoNbdProbabilityAlive } from '../../../src/clv';
import { errorCode } from '../../support/error-code';
import { BAD_CUSTOMERS } from '../clv-bad-input';
import { relativeError } from '../clv-data';
import { BAD_PARETO_NBD_PARAMS, CDNOW_PARETO_NBD as cdnow, asHistory, asParetoNbdParams, paretoNbdPredictionsReference as reference } from './pareto-nbd-data';

const customer = { frequency: 2, recency: 30.43, T: 38.86 };
const weekly = { discountRate: Math.log(1.15) / 52 };

describe('paretoNbdDert: known values (independent mpmath, reference/pareto_nbd_predictions_reference.py)', () => {
  it('matches FHL (2005) eq. 2 with Tricomi’s U (mpmath.hyperu) and the likelihood at 1e-12, extreme parameters included', () => {
    expect(reference.dert.length).toBeGreaterThan(10);
    for (const { params, customer: c, discountRate, value } of reference.dert) {
      const got = paretoNbdDert(asParetoNbdParams(params), asHistory(c), { discountRate });
      expect(relativeError(got, value), `${params} ${c} δ=${discountRate}`).toBeLessThan(1e-12);
    }
  });

  it('with s = 2 (E[1/(μ+δ)] in closed form) matches P(alive)·(r+x)/(α+T)·B·[1 − z e^z E₁(z)], z = δB', () => {
    // h(2, z) = ∫₀^∞ e^(−zy)(1+y)^(−2) dy = 1 − z e^z E₁(z); E₁ by its series at z = 0.5.
    const p = { r: 0.8, alpha: 4, s: 2, beta: 9 };
    const c = { frequency: 3, recency: 5, T: 7 };
    const delta = 0.5 / 16; // z = δ(β+T) = 0.5
    let e1 = -0.5772156649015329 - Math.log(0.5);
    let term = 1;
    for (let k = 1; k < 40; k++) {
      term *= -0.5 / k;
      e1 -= term / k;
    }
    const expected = paretoNbdProbabilityAlive(p, c) * ((0.8 + 3) / 11) * 16 * (1 - 0.5 * Math.exp(0.5) * e1);
    expect(relativeError(paretoNbdDert(p, c, { discountRate: delta }), expected)).toBeLessThan(1e-12);
  });

  it('is below the undiscounted purchases over any horizon plus what discounting removes: DERT(δ) ≥ e^(−δt)·E[Y(t)]', () => {
    for (const t of [10, 52, 520]) {
      const discounted = Math.exp(-weekly.discountRate * t) * paretoNbdConditionalExpectedPurchases(cdnow, customer, t);
      expect(paretoNbdDert(cdnow, customer, weekly)).toBeGreaterThan(discounted);
    }
  });

  it('stays finite for a very small rate with s > 1 and refuses one whose result overflows (s ≤ 1, δ → 0)', () => {
    expect(Number.isFinite(paretoNbdDert({ ...cdnow, s: 3 }, customer, { discountRate: 1e-300 }))).toBe(true);
    expect(errorCode(() => paretoNbdDert({ ...cdnow, s: 1e-6 }, customer, { discountRate: 1e-310 }))).toBe('OUT_OF_RANGE');
  });
});

describe('paretoNbdDert: bad input', () => {
  it.each(BAD_PARETO_NBD_PARAMS)('parameters with %s → %s', (_what, params, code) => {
    expect(errorCode(() => paretoNbdDert(params as typeof cdnow, customer, weekly))).toBe(code);
  });
  it.each(BAD_CUSTOMERS)('a customer with %s → %s', (_what, c, code) => {
    expect(errorCode(() => paretoNbdDert(cdnow, c as typeof customer, weekly))).toBe(code);
  });
  it.each<[string, unknown, string]>([
    ['a zero rate', { discountRate: 0 }, 'OUT_OF_RANGE'],
    ['a negative rate', { discountRate: -0.1 }, 'OUT_OF_RANGE'],
    ['a NaN rate', { discountRate: Number.NaN }, 'INVALID_NUMBER'],
    ['a rate as a string', { discountRate: '0.1' }, 'INVALID_NUMBER'],
    ['no rate', {}, 'INVALID_NUMBER'],
    ['no options', undefined, 'INVALID_NUMBER'],
    ['an unknown key', { discountRate: 0.1, rate: 0.1 }, 'INVALID_OPTION'],
    ['options that are not an object', 0.1, 'INVALID_OPTION'],
  ])('%s → %s', (_what, options, code) => {
    expect(errorCode(() => paretoNbdDert(cdnow, customer, options as typeof weekly))).toBe(code);
  });
  it('names the function and the value', () => {
    expect(() => paretoNbdDert(cdnow, customer, { discountRate: -1 })).toThrow(/^paretoNbdDert: discountRate -1/);
  });
});
