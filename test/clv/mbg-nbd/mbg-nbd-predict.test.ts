import { describe, expect, it } from 'vitest';
import { bgNbdExpectedIfAliveByQuadrature } from '../../../src/clv/bg-nbd/bg-nbd-predict';
import {
  mbgNbdDiscountedIfAlive,
  mbgNbdExpectedIfAlive,
  mbgNbdLogOddsDead,
  mbgNbdSurvival,
  requireMbgNbdParams,
} from '../../../src/clv/mbg-nbd/mbg-nbd-predict';
import { errorCode } from '../../support/error-code';
import { relativeError } from '../clv-data';

describe('mbg-nbd-predict (internal)', () => {
  it('the Euler series agrees with the quadrature over p ~ Beta(a, b+x+1)', () => {
    for (const [r, alpha, a, b, x, T, t] of [
      [0.525, 6.183, 0.891, 1.614, 2, 38.86, 39],
      [2, 10, 3, 0.5, 0, 0, 100],
      [0.5, 3, 0.3, 0.4, 7, 20, 5],
      [1e-6, 1, 2, 1e-6, 1, 3, 4],
    ] as const) {
      const series = mbgNbdExpectedIfAlive('test', r, alpha, a, b, x, T, t);
      const quadrature = bgNbdExpectedIfAliveByQuadrature('test', r + x, alpha + T, a, b + x + 1, t);
      expect(relativeError(series, quadrature), `${[r, alpha, a, b, x, T, t]}`).toBeLessThan(1e-9);
    }
  });

  it('survival: 1 at t = 0, and the closed form ((1+s)^(1−R) − 1)/(s(1−R)) for p uniform', () => {
    expect(mbgNbdSurvival('test', 2, 5, 1, 1, 0)).toBe(1);
    for (const [R, s] of [[2.5, 3], [0.3, 0.01], [40, 2]] as const) {
      const expected = (Math.pow(1 + s, 1 - R) - 1) / (s * (1 - R));
      expect(relativeError(mbgNbdSurvival('test', R, 1, 1, 1, s), expected)).toBeLessThan(1e-10);
    }
  });

  it('discounted purchases: R/(δu) when dropout is negligible, and the log-odds of x = 0', () => {
    expect(relativeError(mbgNbdDiscountedIfAlive('test', 2, 10, 1, 1e12, 0.01), 2 / (0.01 * 10))).toBeLessThan(1e-9);
    expect(mbgNbdLogOddsDead(0.5, 6, 1, 2, 0, 0, 0)).toBeCloseTo(Math.log(0.5), 14);
  });

  it('requireMbgNbdParams names the caller', () => {
    expect(errorCode(() => requireMbgNbdParams('f', null as never))).toBe('INVALID_NUMBER');
    expect(errorCode(() => requireMbgNbdParams('f', { r: 1, alpha: 1, a: 1, b: -1 }))).toBe('OUT_OF_RANGE');
  });
});
