import { describe, expect, it } from 'vitest';
import {
  bgBbAlive,
  bgBbConditionalExpectation,
  bgBbDiscountedResidualTransactions,
  bgBbExpectation,
  bgBbLogAliveAtN,
  bgBbSurvivalWeight,
  checkBgBbHistory,
  MAX_OPPORTUNITIES,
  requireBgBbCustomer,
  requireBgBbParams,
  requireOpportunities,
} from '../../../src/clv/bg-bb/predict';
import { errorCode } from '../../support/error-code';
import { relativeError } from '../clv-data';
import { bgBbReference as reference, PUBLISHED } from './bg-bb-data';

const { alpha, beta, gamma, delta } = PUBLISHED;

describe('BG/BB quantities against the mpmath reference (reference/bg_bb_reference.py, published estimates)', () => {
  it('bgBbAlive: P(alive at n + 1 | x, tₓ, n)', () => {
    for (const [x, tx, n, expected] of reference.alive) expect(relativeError(bgBbAlive(alpha, beta, gamma, delta, x, tx, n), expected)).toBeLessThan(1e-13);
  });

  it('bgBbExpectation: E[X(n)] of a new customer', () => {
    for (const [n, expected] of reference.expected) {
      const value = bgBbExpectation(alpha, beta, gamma, delta, n);
      if (n === 0) expect(value).toBe(0);
      else expect(relativeError(value, expected)).toBeLessThan(1e-13);
    }
  });

  it('bgBbConditionalExpectation: E[X(n, n + n*) | x, tₓ, n]', () => {
    for (const [x, tx, n, nStar, expected] of reference.conditional) {
      expect(relativeError(bgBbConditionalExpectation(alpha, beta, gamma, delta, x, tx, n, nStar), expected)).toBeLessThan(1e-13);
    }
    expect(bgBbConditionalExpectation(alpha, beta, gamma, delta, 2, 4, 6, 0)).toBe(0);
  });

  it('bgBbDiscountedResidualTransactions: DERT(d | x, tₓ, n)', () => {
    for (const [x, tx, n, d, expected] of reference.dert) {
      expect(relativeError(bgBbDiscountedResidualTransactions('f', alpha, beta, gamma, delta, x, tx, n, d), expected)).toBeLessThan(1e-12);
    }
  });
});

describe('bgBbLogAliveAtN and bgBbSurvivalWeight', () => {
  it('ln P(alive at n) is 0 when the last transaction is at n, negative and decreasing in n otherwise', () => {
    expect(bgBbLogAliveAtN(alpha, beta, gamma, delta, 3, 6, 6)).toBe(0);
    let previous = 0;
    for (let n = 7; n < 40; n++) {
      const v = bgBbLogAliveAtN(alpha, beta, gamma, delta, 3, 6, n);
      expect(v).toBeLessThan(previous);
      previous = v;
    }
  });

  it('bgBbAlive is P(alive at n) · (δ + n)/(γ + δ + n)', () => {
    const v = bgBbAlive(alpha, beta, gamma, delta, 2, 4, 6);
    expect(relativeError(v, Math.exp(bgBbLogAliveAtN(alpha, beta, gamma, delta, 2, 4, 6)) * ((delta + 6) / (gamma + delta + 6)))).toBeLessThan(1e-15);
  });

  it('W(m, n) is the telescoped sum Σ R_t/((δ+m) R_m), R_{t+1}/R_t = (δ+t)/(γ+δ+t), smooth through γ = 1', () => {
    const direct = (g: number, d: number, m: number, n: number) => {
      let r = 1;
      let s = 0;
      for (let t = m; t < n; t++) {
        r *= (d + t) / (g + d + t);
        s += r;
      }
      return s / (d + m);
    };
    for (const g of [0.3, 0.999999, 1, 1.000001, 4]) {
      expect(relativeError(bgBbSurvivalWeight(g, 2.5, 3, 40), direct(g, 2.5, 3, 40))).toBeLessThan(1e-12);
    }
    expect(bgBbSurvivalWeight(gamma, delta, 5, 5)).toBe(0);
    // Continuous at γ = 1: the two branches agree to the rounding of ε.
    expect(relativeError(bgBbSurvivalWeight(1 + 2 ** -40, 2, 0, 100), bgBbSurvivalWeight(1, 2, 0, 100))).toBeLessThan(1e-10);
  });

  it('stays a probability at the extremes of the reference (n = 10,000)', () => {
    for (const e of reference.extreme) {
      const [x, tx, n] = e.customer;
      const v = bgBbAlive(alpha, beta, gamma, delta, x, tx, n);
      expect(v >= 0 && v <= 1).toBe(true);
    }
  });
});

describe('the checks', () => {
  it('requireBgBbParams returns the four parameters and rejects others', () => {
    expect(requireBgBbParams('f', PUBLISHED)).toEqual([alpha, beta, gamma, delta]);
    expect(errorCode(() => requireBgBbParams('f', null as never))).toBe('INVALID_NUMBER');
    expect(errorCode(() => requireBgBbParams('f', { ...PUBLISHED, delta: 0 }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => requireBgBbParams('f', { ...PUBLISHED, alpha: Number.NaN }))).toBe('INVALID_NUMBER');
  });

  it('requireOpportunities accepts whole numbers up to MAX_OPPORTUNITIES', () => {
    expect(requireOpportunities('f', 'periods', MAX_OPPORTUNITIES)).toBe(MAX_OPPORTUNITIES);
    expect(errorCode(() => requireOpportunities('f', 'periods', MAX_OPPORTUNITIES + 1, 4))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => requireOpportunities('f', 'periods', 2.5))).toBe('NOT_AN_INTEGER');
    expect(errorCode(() => requireOpportunities('f', 'periods', -1))).toBe('NEGATIVE_VALUE');
  });

  it('checkBgBbHistory: tₓ ≤ n, x ≤ tₓ, x = 0 exactly when tₓ = 0', () => {
    expect(() => checkBgBbHistory('f', 2, 4, 6)).not.toThrow();
    expect(() => checkBgBbHistory('f', 0, 0, 0)).not.toThrow();
    expect(errorCode(() => checkBgBbHistory('f', 2, 7, 6))).toBe('ORDER_VIOLATION');
    expect(errorCode(() => checkBgBbHistory('f', 0, 3, 6))).toBe('INCONSISTENT_INPUT');
    expect(errorCode(() => checkBgBbHistory('f', 5, 4, 6))).toBe('INCONSISTENT_INPUT');
  });

  it('requireBgBbCustomer reads and checks one customer', () => {
    expect(requireBgBbCustomer('f', { frequency: 2, recency: 4, periods: 6 })).toEqual([2, 4, 6]);
    expect(errorCode(() => requireBgBbCustomer('f', undefined as never))).toBe('INVALID_NUMBER');
    expect(errorCode(() => requireBgBbCustomer('f', { frequency: 2, recency: 1, periods: 6 }))).toBe('INCONSISTENT_INPUT');
  });
});
