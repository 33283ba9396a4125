import { describe, expect, it } from 'vitest';
import {
  paretoNbdConditionalExpectation,
  paretoNbdExpectedIfAlive,
  paretoNbdLogProbabilityAlive,
  requireParetoNbdParams,
} from '../../../src/clv/pareto-nbd/pareto-nbd-predict';
import { errorCode } from '../../support/error-code';
import { relativeError } from '../clv-data';
import { CDNOW_PARETO_NBD as cdnow, paretoNbdReference as reference } from './pareto-nbd-data';

const sets = reference.loglikParams.map((p) => p as [number, number, number, number]);

describe('Pareto/NBD quantities against the mpmath reference (reference/pareto_nbd_reference.py)', () => {
  it('P(alive | x, tₓ, T) for every reference parameter set', () => {
    for (const [k, x, tx, T, expected] of reference.alive) {
      const [r, alpha, s, beta] = sets[k] as [number, number, number, number];
      expect(relativeError(Math.exp(paretoNbdLogProbabilityAlive(r, alpha, s, beta, x, tx, T)), expected)).toBeLessThan(1e-10);
    }
  });

  it('E[Y(t) | x, tₓ, T] and E[X(t)]', () => {
    for (const [k, x, tx, T, t, expected] of reference.conditional) {
      const [r, alpha, s, beta] = sets[k] as [number, number, number, number];
      expect(relativeError(paretoNbdConditionalExpectation(r, alpha, s, beta, x, tx, T, t), expected)).toBeLessThan(1e-10);
    }
    for (const [[r, alpha, s, beta], t, expected] of reference.expected) {
      expect(relativeError(paretoNbdConditionalExpectation(r!, alpha!, s!, beta!, 0, 0, 0, t), expected)).toBeLessThan(1e-10);
    }
  });
});

describe('the parts', () => {
  const { r, alpha, s, beta } = cdnow;

  it('P(alive) is 1 when the last purchase is at T, and the expectation is P(alive) times E[Y | alive]', () => {
    expect(paretoNbdLogProbabilityAlive(r, alpha, s, beta, 3, 20, 20)).toBe(0);
    const alive = Math.exp(paretoNbdLogProbabilityAlive(r, alpha, s, beta, 2, 30.43, 38.86));
    const ifAlive = paretoNbdExpectedIfAlive(r, alpha, s, beta, 2, 38.86, 39);
    expect(relativeError(paretoNbdConditionalExpectation(r, alpha, s, beta, 2, 30.43, 38.86, 39), alive * ifAlive)).toBeLessThan(1e-13);
  });

  it('E[Y(t) | alive] is (r + x)/(α + T)·t for small t, 0 at t = 0, and smooth through s = 1', () => {
    expect(paretoNbdExpectedIfAlive(r, alpha, s, beta, 2, 38.86, 0)).toBe(0);
    expect(paretoNbdConditionalExpectation(r, alpha, s, beta, 2, 30.43, 38.86, 0)).toBe(0);
    const t = 1e-6;
    expect(relativeError(paretoNbdExpectedIfAlive(r, alpha, s, beta, 2, 38.86, t), ((r + 2) / (alpha + 38.86)) * t)).toBeLessThan(1e-6);
    const at1 = paretoNbdExpectedIfAlive(r, alpha, 1, beta, 2, 38.86, 39);
    // s = 1: (r+x)(β+T)/(α+T) · ln((β+T+t)/(β+T)).
    expect(relativeError(at1, ((r + 2) * (beta + 38.86)) / (alpha + 38.86) * Math.log((beta + 38.86 + 39) / (beta + 38.86)))).toBeLessThan(1e-13);
    expect(relativeError(paretoNbdExpectedIfAlive(r, alpha, 1 + 1e-9, beta, 2, 38.86, 39), at1)).toBeLessThan(1e-8);
  });

  it('requireParetoNbdParams returns the four parameters and rejects others', () => {
    expect(requireParetoNbdParams('f', cdnow)).toEqual([r, alpha, s, beta]);
    expect(errorCode(() => requireParetoNbdParams('f', null as never))).toBe('INVALID_NUMBER');
    expect(errorCode(() => requireParetoNbdParams('f', { ...cdnow, s: -1 }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => requireParetoNbdParams('f', { ...cdnow, beta: Number.NaN }))).toBe('INVALID_NUMBER');
  });
});
