import { describe, expect, it } from 'vitest';
import {
  bgNbdConditionalExpectation,
  bgNbdExpectedIfAlive,
  bgNbdExpectedIfAliveByQuadrature,
  bgNbdLogOddsDead,
  bgNbdPurchaseCountProbability,
  logisticComplement,
  requireBgNbdParams,
} from '../../../src/clv/bg-nbd/bg-nbd-predict';
import { errorCode } from '../../support/error-code';
import { reference, relativeError } from '../clv-data';

// The published CDNOW estimates the reference values were computed at (reference/bg_nbd_reference.py).
const [r, alpha, a, b] = [0.243, 4.414, 0.793, 2.426];

describe('BG/NBD quantities against the mpmath reference (Fader, Hardie & Lee 2005)', () => {
  it('P(alive) = 1/(1 + e^(ln odds dead)) (eq. 11), x up to 10,000', () => {
    for (const [x, tx, T, expected] of reference.bgnbdAlive) {
      const value = logisticComplement(bgNbdLogOddsDead(r, alpha, a, b, x, tx, T));
      if (expected === 0) expect(value).toBeLessThan(1e-300);
      else expect(relativeError(value, expected)).toBeLessThan(1e-12);
    }
  });

  it('E[Y(t) | x, tₓ, T] (eq. 10), and E[X(t)] (eq. 7) for x = tₓ = T = 0', () => {
    for (const [x, tx, T, t, expected] of reference.bgnbdConditional) {
      expect(relativeError(bgNbdConditionalExpectation('f', r, alpha, a, b, x, tx, T, t), expected)).toBeLessThan(1e-11);
    }
    for (const [t, expected] of reference.bgnbdExpected) {
      expect(relativeError(bgNbdConditionalExpectation('f', r, alpha, a, b, 0, 0, 0, t), expected)).toBeLessThan(1e-12);
    }
    for (const [x, tx, T, t, expected] of reference.bgnbdConditionalLarge) {
      expect(relativeError(bgNbdConditionalExpectation('f', r, alpha, a, b, x, tx, T, t), expected)).toBeLessThan(1e-9);
    }
  });

  it('the quadrature agrees with the series and with the reference where the closed form is 0/0 (a = 1) or a + b < 1', () => {
    for (const [[pr, pAlpha, pa, pb], t, expected] of reference.bgnbdExpectedQuad) {
      const [R, u, A, B] = [pr as number, pAlpha as number, pa as number, pb as number];
      expect(relativeError(bgNbdExpectedIfAliveByQuadrature('f', R, u, A, B, t), expected)).toBeLessThan(1e-10);
      expect(relativeError(bgNbdExpectedIfAlive('f', R, u, A, B, 0, 0, t), expected)).toBeLessThan(1e-11);
    }
    // A customer alive at T = 38.86 with x = 2: series and quadrature (R = r + x, u = α + T, B = b + x).
    const series = bgNbdExpectedIfAlive('f', r, alpha, a, b, 2, 38.86, 39);
    expect(relativeError(bgNbdExpectedIfAliveByQuadrature('f', r + 2, alpha + 38.86, a, b + 2, 39), series)).toBeLessThan(1e-10);
  });

  it('P(X(t) = n) (eq. 8), a distribution over n', () => {
    for (const [n, t, expected] of reference.bgnbdCount) {
      expect(relativeError(bgNbdPurchaseCountProbability('f', r, alpha, a, b, n, t), expected)).toBeLessThan(1e-11);
    }
    let total = 0;
    for (let n = 0; n < 400; n++) total += bgNbdPurchaseCountProbability('f', r, alpha, a, b, n, 39);
    expect(Math.abs(total - 1)).toBeLessThan(1e-12);
    expect(bgNbdPurchaseCountProbability('f', r, alpha, a, b, 0, 0)).toBe(1);
    expect(bgNbdPurchaseCountProbability('f', r, alpha, a, b, 3, 0)).toBe(0);
  });
});

describe('helpers', () => {
  it('logisticComplement is 1/(1 + e^u) without overflow', () => {
    expect(logisticComplement(0)).toBe(0.5);
    expect(logisticComplement(-Infinity)).toBe(1);
    expect(logisticComplement(Infinity)).toBe(0);
    expect(relativeError(logisticComplement(2), 1 / (1 + Math.exp(2)))).toBeLessThan(1e-15);
    expect(relativeError(logisticComplement(700), Math.exp(-700))).toBeLessThan(1e-13);
    expect(logisticComplement(-800)).toBe(1);
  });

  it('ln odds dead is −∞ without a repeat purchase and grows with the time since the last purchase', () => {
    expect(bgNbdLogOddsDead(r, alpha, a, b, 0, 0, 38.86)).toBe(-Infinity);
    expect(bgNbdLogOddsDead(r, alpha, a, b, 2, 10, 38.86)).toBeGreaterThan(bgNbdLogOddsDead(r, alpha, a, b, 2, 30, 38.86));
  });

  it('requireBgNbdParams returns the four parameters and rejects others', () => {
    expect(requireBgNbdParams('f', { r, alpha, a, b })).toEqual([r, alpha, a, b]);
    expect(errorCode(() => requireBgNbdParams('f', null as never))).toBe('INVALID_NUMBER');
    expect(errorCode(() => requireBgNbdParams('f', { r, alpha, a, b: 0 }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => requireBgNbdParams('f', { r: Infinity, alpha, a, b }))).toBe('INVALID_NUMBER');
  });
});
