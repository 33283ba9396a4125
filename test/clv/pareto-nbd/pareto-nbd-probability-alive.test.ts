import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paretoNbdProbabilityAlive, type CustomerHistory, type ParetoNbdParams } from '../../../src/clv';
import { errorCode } from '../../support/error-code';
import { BAD_CUSTOMERS } from '../clv-bad-input';
import { relativeError } from '../clv-data';
import { EXTREME_RTOL, extremeError, extremeReference } from '../extreme-data';
import { BAD_PARETO_NBD_PARAMS, CDNOW_PARETO_NBD as cdnow, asHistory, asParetoNbdParams, paretoNbdPredictionsReference, paretoNbdReference as reference } from './pareto-nbd-data';

/** reference/pareto_nbd_alive_at_extreme_reference.py: [[r, α, s, β], [x, tₓ, T], t, P(alive at T + t), its ln]. */
const aliveAtExtreme = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'reference', 'pareto-nbd-alive-at-extreme-reference.json'), 'utf8')) as {
  aliveAt: [[number, number, number, number], [number, number, number], number, number, number][];
  leftOut: unknown[];
};

const sets = reference.loglikParams.map(([r, alpha, s, beta]) => ({ r: r!, alpha: alpha!, s: s!, beta: beta! }));

describe('paretoNbdProbabilityAlive: known values (independent mpmath, reference/pareto_nbd_reference.py)', () => {
  it('matches the note’s eq. 21 with A₀ in both ₂F₁ cases (α < β, α > β, α = β, z near 1), x up to 10,000', () => {
    for (const [set, x, tx, T, closed, quad] of reference.alive) {
      expect(relativeError(quad, closed)).toBeLessThan(1e-10); // the two reference forms agree
      const value = paretoNbdProbabilityAlive(sets[set]!, { frequency: x, recency: tx, T });
      // ln P(alive) is a difference of terms ~x·ln(α+T): its conditioning grows with x.
      expect(relativeError(value, closed)).toBeLessThan(1e-12 * Math.max(1, x / 100));
    }
  });

  it('with α = β equals the hand-derived closed form 1 / (1 + s/(r+s+x)·[((α+T)/(α+tₓ))^(r+s+x) − 1])', () => {
    // With α = β, A₀ = ((α+tₓ)^(−m) − (α+T)^(−m)), m = r+s+x: no hypergeometric function at all.
    const p = { r: 0.7, alpha: 5, s: 1.3, beta: 5 };
    for (const [x, tx, T] of [
      [0, 0, 10],
      [3, 2, 10],
      [12, 9.5, 10],
    ] as const) {
      const m = p.r + p.s + x;
      const expected = 1 / (1 + (p.s / m) * Math.expm1(m * Math.log((p.alpha + T) / (p.alpha + tx))));
      expect(relativeError(paretoNbdProbabilityAlive(p, { frequency: x, recency: tx, T }), expected)).toBeLessThan(1e-14);
    }
  });

  it('is exactly 1 when tₓ = T (including T = 0), and below 1 for an old customer without a repeat purchase', () => {
    expect(paretoNbdProbabilityAlive(cdnow, { frequency: 0, recency: 0, T: 0 })).toBe(1);
    expect(paretoNbdProbabilityAlive(cdnow, { frequency: 5, recency: 20, T: 20 })).toBe(1);
    expect(paretoNbdProbabilityAlive(cdnow, { frequency: 10_000, recency: 38.86, T: 38.86 })).toBe(1);
    const oneTimer = paretoNbdProbabilityAlive(cdnow, { frequency: 0, recency: 0, T: 38.86 });
    expect(oneTimer).toBeGreaterThan(0.29);
    expect(oneTimer).toBeLessThan(0.3);
  });

  it('does not underflow to garbage for 10,000 purchases long ago: a tiny positive number or 0', () => {
    const value = paretoNbdProbabilityAlive(cdnow, { frequency: 10_000, recency: 1, T: 38.86 });
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThan(1e-300);
  });

  it('matches the whole-range references (every parameter in [e^-30, e^30], x to 10,000, tₓ = 0 with x ≥ 1) at rtol 1e-6', () => {
    for (const [r, alpha, s, beta, x, tx, T, , alive] of extremeReference.paretoNbd.customers as number[][]) {
      const value = paretoNbdProbabilityAlive({ r: r!, alpha: alpha!, s: s!, beta: beta! }, { frequency: x!, recency: tx!, T: T! });
      expect(extremeError(value, alive!), JSON.stringify([r, alpha, s, beta, x, tx, T])).toBeLessThan(EXTREME_RTOL);
    }
  });

  it('matches the whole-range references of P(alive at T + t) (every parameter in [e^-30, e^30], t from 1e-6 to 1e9) at rtol 1e-6', () => {
    expect(aliveAtExtreme.aliveAt.length).toBeGreaterThan(100);
    for (const [[r, alpha, s, beta], [frequency, recency, T], t, value] of aliveAtExtreme.aliveAt) {
      const got = paretoNbdProbabilityAlive({ r, alpha, s, beta }, { frequency, recency, T }, t);
      expect(extremeError(got, value), JSON.stringify([r, alpha, s, beta, frequency, recency, T, t])).toBeLessThan(EXTREME_RTOL);
    }
  });
});

describe('paretoNbdProbabilityAlive: bad input', () => {
  it.each(BAD_CUSTOMERS)('%s → %s', (_what, customer, code) => {
    expect(errorCode(() => paretoNbdProbabilityAlive(cdnow, customer as CustomerHistory))).toBe(code);
  });
  it.each(BAD_PARETO_NBD_PARAMS)('parameters with %s → %s', (_what, params, code) => {
    expect(errorCode(() => paretoNbdProbabilityAlive(params as ParetoNbdParams, { frequency: 2, recency: 3, T: 5 }))).toBe(code);
  });
  it('rejects a missing customer, naming the function', () => {
    expect(errorCode(() => paretoNbdProbabilityAlive(cdnow, undefined as never))).toBe('INVALID_NUMBER');
    expect(() => paretoNbdProbabilityAlive(cdnow, { frequency: 1.5, recency: 2, T: 5 })).toThrow(/^paretoNbdProbabilityAlive: frequency 1\.5 is not a whole number/);
    expect(() => paretoNbdProbabilityAlive({ ...cdnow, s: 0 }, { frequency: 1, recency: 2, T: 5 })).toThrow(/^paretoNbdProbabilityAlive: s 0 must be greater than 0/);
  });
});

describe('paretoNbdProbabilityAlive t later (independent mpmath, reference/pareto_nbd_predictions_reference.py)', () => {
  it('matches P(alive at T)·((β+T)/(β+T+t))^s at 1e-13', () => {
    const { aliveAt } = paretoNbdPredictionsReference;
    expect(aliveAt.length).toBeGreaterThan(5);
    for (const { params, customer, t, value } of aliveAt) {
      expect(relativeError(paretoNbdProbabilityAlive(asParetoNbdParams(params), asHistory(customer), t), value)).toBeLessThan(1e-13);
    }
  });

  it('t = 0 (given or defaulted) returns the value at T bit for bit; a bad t is refused', () => {
    const c = { frequency: 2, recency: 30.43, T: 38.86 };
    expect(paretoNbdProbabilityAlive(cdnow, c, 0)).toBe(paretoNbdProbabilityAlive(cdnow, c));
    expect(errorCode(() => paretoNbdProbabilityAlive(cdnow, c, -1))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => paretoNbdProbabilityAlive(cdnow, c, Number.NaN))).toBe('INVALID_NUMBER');
    expect(errorCode(() => paretoNbdProbabilityAlive(cdnow, c, '1' as unknown as number))).toBe('INVALID_NUMBER');
  });
});
