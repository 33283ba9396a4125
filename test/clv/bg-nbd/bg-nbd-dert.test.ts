import { describe, expect, it } from 'vitest';
import { bgNbdConditionalExpectedPurchases, bgNbdDert, bgNbdProbabilityAlive } from '../../../src/clv';
import { errorCode } from '../../support/error-code';
import { BAD_BG_NBD_PARAMS, BAD_CUSTOMERS } from '../clv-bad-input';
import { relativeError } from '../clv-data';
import { asParams } from './bg-nbd-extreme-reference';
import { asCustomer, residual } from './bg-nbd-residual-reference';

const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const customer = { frequency: 2, recency: 30.43, T: 38.86 };
const discountRate = Math.log(1.15) / 52;

describe('bgNbdDert: known values (independent mpmath, reference/bg_nbd_residual_reference.py)', () => {
  it('matches P(alive)·E[λ/(δ + λp)] by mpmath quadrature, normal and extreme parameters, to 1e-6', () => {
    expect(residual.dert.length).toBeGreaterThan(20);
    // Every point is computed, including r = 2, α = 0.1, a = 0.2, b = 0.1, x = 0, δ = 0.1: it used to
    // refuse, the exponential integral's continued fraction not converging at w ≈ 1.6e308 (p ≈ e^-708).
    for (const [p, c, delta, expected] of residual.dert) {
      const value = bgNbdDert(asParams(p), asCustomer(c), { discountRate: delta });
      expect(relativeError(value, expected), `${JSON.stringify([p, c, delta])}`).toBeLessThan(1e-6);
    }
  });

  it('is the discounted sum of the conditional expectation: Σ e^(−δ(k+½)h)·(E[Y((k+1)h)] − E[Y(kh)]) over a long horizon', () => {
    const h = 1;
    let sum = 0;
    let previous = 0;
    for (let k = 0; k < 6000; k++) {
      const next = bgNbdConditionalExpectedPurchases(cdnow, customer, (k + 1) * h);
      sum += Math.exp(-discountRate * (k + 0.5) * h) * (next - previous);
      previous = next;
    }
    expect(relativeError(bgNbdDert(cdnow, customer, { discountRate }), sum)).toBeLessThan(2e-3);
  });

  it('stays below P(alive)·(r + x)/((α + T)·δ) and tends to it as δ → 0 against dropout being slow', () => {
    const value = bgNbdDert(cdnow, customer, { discountRate });
    const bound = (bgNbdProbabilityAlive(cdnow, customer) * (cdnow.r + 2)) / ((cdnow.alpha + 38.86) * discountRate);
    expect(value).toBeLessThan(bound);
    const loyal = { r: 0.243, alpha: 4.414, a: 0.001, b: 1000 };
    const nearBound = bgNbdDert(loyal, customer, { discountRate: 0.01 });
    const loyalBound = (bgNbdProbabilityAlive(loyal, customer) * (0.243 + 2)) / ((4.414 + 38.86) * 0.01);
    expect(nearBound / loyalBound).toBeGreaterThan(0.99);
  });
});

describe('bgNbdDert: bad input', () => {
  it.each(BAD_BG_NBD_PARAMS)('rejects %s', (_what, params, code) => {
    expect(errorCode(() => bgNbdDert(params as never, customer, { discountRate }))).toBe(code);
  });
  it.each(BAD_CUSTOMERS)('rejects %s', (_what, c, code) => {
    expect(errorCode(() => bgNbdDert(cdnow, c as never, { discountRate }))).toBe(code);
  });
  it.each([
    ['a zero rate', { discountRate: 0 }, 'OUT_OF_RANGE'],
    ['a negative rate', { discountRate: -0.1 }, 'OUT_OF_RANGE'],
    ['a NaN rate', { discountRate: Number.NaN }, 'INVALID_NUMBER'],
    ['a rate as a string', { discountRate: '0.1' }, 'INVALID_NUMBER'],
    ['no rate', {}, 'INVALID_NUMBER'],
    ['no options', undefined, 'INVALID_NUMBER'],
    ['an unknown key', { discountRate: 0.1, discount: 0.1 }, 'INVALID_OPTION'],
  ])('rejects %s', (_what, options, code) => {
    expect(errorCode(() => bgNbdDert(cdnow, customer, options as never))).toBe(code);
  });
});
