import { describe, expect, it } from 'vitest';
import { bgNbdProbabilityAlive, type CustomerHistory } from '../../../src/clv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CxMetricsError } from '../../../src/internal/errors';
import { errorCode, thrownBy } from '../../support/error-code';
import { BAD_BG_NBD_PARAMS, BAD_CUSTOMERS } from '../clv-bad-input';
import { reference, relativeError } from '../clv-data';
import { EXTREME_RTOL, extremeError } from '../extreme-data';
import { asParams } from './bg-nbd-extreme-reference';
import { asCustomer, residual } from './bg-nbd-residual-reference';

const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** reference/bg_nbd_alive_at_extreme_reference.py: [[r, α, a, b], [x, tₓ, T], t, P(alive at T + t), its ln, method]. */
const aliveAtExtreme = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'reference', 'bg-nbd-alive-at-extreme-reference.json'), 'utf8')) as {
  aliveAt: [[number, number, number, number], [number, number, number], number, number, number, string][];
  leftOut: unknown[];
};

describe('bgNbdProbabilityAlive: known values (independent mpmath, reference/bg_nbd_reference.py)', () => {
  it('matches eq. 11 (FHL 2008 note, eq. 1), including x = 10,000', () => {
    for (const [x, tx, T, expected] of reference.bgnbdAlive) {
      const value = bgNbdProbabilityAlive(cdnow, { frequency: x, recency: tx, T });
      if (expected === 0) expect(value).toBeLessThan(1e-300);
      else expect(relativeError(value, expected)).toBeLessThan(1e-12);
    }
  });

  it('is exactly 1 without a repeat purchase, and at tₓ = T is 1 / (1 + a/(b+x−1))', () => {
    expect(bgNbdProbabilityAlive(cdnow, { frequency: 0, recency: 0, T: 500 })).toBe(1);
    // Hand computation: x = 1, tₓ = T: 1 / (1 + 0.793/2.426) = 2.426/3.219.
    expect(relativeError(bgNbdProbabilityAlive(cdnow, { frequency: 1, recency: 20, T: 20 }), 2.426 / 3.219)).toBeLessThan(1e-15);
  });
});

describe('bgNbdProbabilityAlive: bad input', () => {
  it.each(BAD_CUSTOMERS)('%s → %s', (_what, customer, code) => {
    expect(errorCode(() => bgNbdProbabilityAlive(cdnow, customer as CustomerHistory))).toBe(code);
  });
  it.each(BAD_BG_NBD_PARAMS)('parameters with %s → %s', (_what, params, code) => {
    expect(errorCode(() => bgNbdProbabilityAlive(params as typeof cdnow, { frequency: 2, recency: 3, T: 5 }))).toBe(code);
  });
  it('rejects a missing customer, naming the function', () => {
    expect(errorCode(() => bgNbdProbabilityAlive(cdnow, undefined as never))).toBe('INVALID_NUMBER');
    expect(() => bgNbdProbabilityAlive(cdnow, { frequency: 1.5, recency: 2, T: 5 })).toThrow(/^bgNbdProbabilityAlive: frequency 1\.5 is not a whole number/);
  });
});

describe('bgNbdProbabilityAlive at T + t: known values (independent mpmath, reference/bg_nbd_residual_reference.py)', () => {
  it('matches P(alive)·₂F₁(r+x, a; a+b+x; −t/(α+T)), normal and extreme parameters, to 1e-6', () => {
    expect(residual.survival.length).toBeGreaterThan(30);
    for (const [p, c, t, expected] of residual.survival) {
      const value = bgNbdProbabilityAlive(asParams(p), asCustomer(c), t);
      if (expected < 1e-300) expect(value).toBeLessThan(1e-290);
      else expect(relativeError(value, expected), `${JSON.stringify([p, c, t])}`).toBeLessThan(1e-6);
    }
  });

  it('matches the whole-range references (every parameter in [e^-30, e^30], x to 10,000, t from 1e-6 to 1e9) at rtol 1e-6, or refuses', () => {
    // 135 of 142 sampled points computed (94 by both 2F1 and the beta integral); the 7 where the two
    // disagree are in the JSON's leftOut. Where the quadrature over p cannot certify 1e-10 the
    // library refuses with OUT_OF_RANGE (5 points: 4 whose value underflows, and a = 8.7e-4,
    // b + x = 5.0002 with t/(α + T) ≈ 1e6); a number it returns must match.
    expect(aliveAtExtreme.aliveAt.length).toBeGreaterThanOrEqual(135);
    expect(aliveAtExtreme.leftOut.length).toBeLessThanOrEqual(7);
    let refusals = 0;
    for (const [p, c, t, expected] of aliveAtExtreme.aliveAt) {
      const where = JSON.stringify([p, c, t]);
      let value = Number.NaN;
      const error = thrownBy(() => (value = bgNbdProbabilityAlive(asParams(p), asCustomer(c), t)));
      if (error !== undefined) {
        expect(error, where).toBeInstanceOf(CxMetricsError);
        expect((error as CxMetricsError).code, where).toBe('OUT_OF_RANGE');
        expect((error as CxMetricsError).message, where).toMatch(/cannot be computed to 1e-10 \(the quadrature over the dropout probability did not converge\)/);
        refusals++;
        continue;
      }
      expect(extremeError(value, expected), where).toBeLessThan(EXTREME_RTOL);
    }
    expect(refusals).toBeLessThanOrEqual(5);
  });

  it('t = 0 (given or by default) keeps the value at T bit for bit', () => {
    for (const c of [{ frequency: 2, recency: 30.43, T: 38.86 }, { frequency: 0, recency: 0, T: 38.86 }, { frequency: 10_000, recency: 30, T: 38.86 }]) {
      expect(bgNbdProbabilityAlive(cdnow, c, 0)).toBe(bgNbdProbabilityAlive(cdnow, c));
    }
  });

  it('rejects a bad t', () => {
    const c = { frequency: 2, recency: 30.43, T: 38.86 };
    expect(errorCode(() => bgNbdProbabilityAlive(cdnow, c, -1))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => bgNbdProbabilityAlive(cdnow, c, Number.NaN))).toBe('INVALID_NUMBER');
    expect(errorCode(() => bgNbdProbabilityAlive(cdnow, c, '1' as never))).toBe('INVALID_NUMBER');
  });
});
