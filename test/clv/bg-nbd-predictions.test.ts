import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  bgNbdPurchaseCountProbability,
} from '../../src/clv';
import { CxMetricsError } from '../../src/errors';
import { reference, relativeError } from './clv-data';

const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

function code(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof CxMetricsError) return error.code;
    throw error;
  }
  return undefined;
}

describe('BG/NBD predictions against independent mpmath values (eqs. 7, 8, 10, 11 and quadrature)', () => {
  it('E[X(t)] for a new customer (eq. 7)', () => {
    for (const [t, closed, quad] of reference.bgnbdExpected) {
      expect(relativeError(closed, quad)).toBeLessThan(1e-12); // the two reference forms agree
      expect(relativeError(bgNbdExpectedPurchases(cdnow, t), closed)).toBeLessThan(1e-12);
    }
  });

  it('E[X(t)] where the closed form is 0/0 (a = 1) or has c ≤ 0 (a + b < 1), by quadrature', () => {
    for (const [[r, alpha, a, b], t, quad] of reference.bgnbdExpectedQuad) {
      expect(relativeError(bgNbdExpectedPurchases({ r: r!, alpha: alpha!, a: a!, b: b! }, t), quad)).toBeLessThan(1e-11);
    }
    // Smooth through a = 1.
    const at = (a: number) => bgNbdExpectedPurchases({ r: 0.5, alpha: 3, a, b: 2 }, 20);
    expect(Math.abs(at(1 + 1e-9) - at(1))).toBeLessThan(1e-8);
    expect(Math.abs(at(1 - 1e-9) - at(1))).toBeLessThan(1e-8);
  });

  it('E[Y(t) | x, tₓ, T] (eq. 10)', () => {
    for (const [x, tx, T, t, closed, quad] of reference.bgnbdConditional) {
      expect(relativeError(closed, quad)).toBeLessThan(1e-12);
      expect(relativeError(bgNbdConditionalExpectedPurchases(cdnow, { frequency: x, recency: tx, T }, t), closed)).toBeLessThan(1e-11);
    }
  });

  it('E[Y(t)] stays finite and accurate for x = 10,000 and tₓ = T (60-digit reference)', () => {
    for (const [x, tx, T, t, expected] of reference.bgnbdConditionalLarge) {
      const value = bgNbdConditionalExpectedPurchases(cdnow, { frequency: x, recency: tx, T }, t);
      expect(Number.isFinite(value)).toBe(true);
      expect(relativeError(value, expected)).toBeLessThan(1e-9);
    }
  });

  it('P(alive) (eq. 11), including x = 10,000', () => {
    for (const [x, tx, T, expected] of reference.bgnbdAlive) {
      const value = bgNbdProbabilityAlive(cdnow, { frequency: x, recency: tx, T });
      if (expected === 0) expect(value).toBeLessThan(1e-300);
      else expect(relativeError(value, expected)).toBeLessThan(1e-12);
    }
  });

  it('P(X(t) = n) (eq. 8)', () => {
    for (const [n, t, expected] of reference.bgnbdCount) {
      expect(relativeError(bgNbdPurchaseCountProbability(cdnow, n, t), expected)).toBeLessThan(1e-11);
    }
  });

  it('P(X(t) = n) sums to 1 and its mean is E[X(t)]', () => {
    for (const t of [1, 39, 78]) {
      let total = 0;
      let mean = 0;
      for (let n = 0; n < 3000; n++) {
        const p = bgNbdPurchaseCountProbability(cdnow, n, t);
        total += p;
        mean += n * p;
      }
      expect(total).toBeCloseTo(1, 10);
      expect(relativeError(mean, bgNbdExpectedPurchases(cdnow, t))).toBeLessThan(1e-8);
    }
  });

  it('a new customer is the conditional case x = tₓ = T = 0', () => {
    expect(bgNbdConditionalExpectedPurchases(cdnow, { frequency: 0, recency: 0, T: 0 }, 52)).toBe(bgNbdExpectedPurchases(cdnow, 52));
    expect(bgNbdExpectedPurchases(cdnow, 0)).toBe(0);
    expect(bgNbdPurchaseCountProbability(cdnow, 0, 0)).toBe(1);
    expect(bgNbdPurchaseCountProbability(cdnow, 3, 0)).toBe(0);
  });
});

const params = fc.record({
  r: fc.double({ min: 0.05, max: 20, noNaN: true }),
  alpha: fc.double({ min: 0.05, max: 200, noNaN: true }),
  a: fc.double({ min: 0.05, max: 20, noNaN: true }),
  b: fc.double({ min: 0.05, max: 20, noNaN: true }),
});
const customer = fc
  .record({ x: fc.integer({ min: 0, max: 10_000 }), T: fc.double({ min: 0.01, max: 500, noNaN: true }), share: fc.double({ min: 0.001, max: 1, noNaN: true }) })
  .map(({ x, T, share }) => ({ frequency: x, recency: x === 0 ? 0 : T * share, T }));

describe('BG/NBD prediction properties', () => {
  test.prop([params, customer], { numRuns: 150 })('P(alive) is in [0, 1], and 1 when x = 0', (p, c) => {
    const value = bgNbdProbabilityAlive(p, c);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(1);
    if (c.frequency === 0) expect(value).toBe(1);
  });

  test.prop([params, customer, fc.double({ min: 0.01, max: 300, noNaN: true }), fc.double({ min: 0, max: 300, noNaN: true })], { numRuns: 150 })(
    'expected purchases are finite, ≥ 0 and non-decreasing in t',
    (p, c, t, dt) => {
      const e1 = bgNbdConditionalExpectedPurchases(p, c, t);
      const e2 = bgNbdConditionalExpectedPurchases(p, c, t + dt);
      expect(Number.isFinite(e1) && Number.isFinite(e2)).toBe(true);
      expect(e1).toBeGreaterThanOrEqual(0);
      expect(e2).toBeGreaterThanOrEqual(e1 * (1 - 1e-12));
      const n1 = bgNbdExpectedPurchases(p, t);
      expect(bgNbdExpectedPurchases(p, t + dt)).toBeGreaterThanOrEqual(n1 * (1 - 1e-12));
    },
  );

  test.prop([params, customer, fc.double({ min: 0.01, max: 100, noNaN: true }), fc.constantFrom(7, 1 / 7, 12, 0.25)], { numRuns: 100 })(
    'rescaling α and all times by k leaves every prediction unchanged',
    (p, c, t, k) => {
      const scaled = { ...p, alpha: p.alpha * k };
      const sc = { frequency: c.frequency, recency: c.recency * k, T: c.T * k };
      expect(relativeError(bgNbdProbabilityAlive(scaled, sc) + 1e-300, bgNbdProbabilityAlive(p, c) + 1e-300)).toBeLessThan(1e-9);
      const e = bgNbdConditionalExpectedPurchases(p, c, t);
      if (e > 1e-290) expect(relativeError(bgNbdConditionalExpectedPurchases(scaled, sc, t * k), e)).toBeLessThan(1e-9);
      expect(relativeError(bgNbdExpectedPurchases(scaled, t * k), bgNbdExpectedPurchases(p, t))).toBeLessThan(1e-9);
    },
  );
});

describe('BG/NBD prediction bad input', () => {
  const c = { frequency: 2, recency: 30, T: 38 };
  it.each<[string, () => unknown, string]>([
    ['negative t', () => bgNbdExpectedPurchases(cdnow, -1), 'NEGATIVE_VALUE'],
    ['NaN t', () => bgNbdConditionalExpectedPurchases(cdnow, c, Number.NaN), 'INVALID_NUMBER'],
    ['zero r', () => bgNbdExpectedPurchases({ ...cdnow, r: 0 }, 1), 'OUT_OF_RANGE'],
    ['NaN alpha', () => bgNbdProbabilityAlive({ ...cdnow, alpha: Number.NaN }, c), 'INVALID_NUMBER'],
    ['negative b', () => bgNbdPurchaseCountProbability({ ...cdnow, b: -2 }, 1, 1), 'OUT_OF_RANGE'],
    ['missing params', () => bgNbdExpectedPurchases(undefined as never, 1), 'INVALID_NUMBER'],
    ['negative frequency', () => bgNbdProbabilityAlive(cdnow, { ...c, frequency: -1 }), 'NEGATIVE_VALUE'],
    ['fractional frequency', () => bgNbdProbabilityAlive(cdnow, { ...c, frequency: 1.5 }), 'NOT_AN_INTEGER'],
    ['recency > T', () => bgNbdConditionalExpectedPurchases(cdnow, { ...c, recency: 40 }, 1), 'ORDER_VIOLATION'],
    ['negative T', () => bgNbdProbabilityAlive(cdnow, { frequency: 0, recency: 0, T: -1 }), 'NEGATIVE_VALUE'],
    ['string recency', () => bgNbdProbabilityAlive(cdnow, { ...c, recency: '3' as never }), 'INVALID_NUMBER'],
    ['recency with x = 0', () => bgNbdProbabilityAlive(cdnow, { frequency: 0, recency: 3, T: 5 }), 'INCONSISTENT_INPUT'],
    ['missing customer', () => bgNbdProbabilityAlive(cdnow, null as never), 'INVALID_NUMBER'],
    ['fractional n', () => bgNbdPurchaseCountProbability(cdnow, 1.5, 1), 'NOT_AN_INTEGER'],
    ['negative n', () => bgNbdPurchaseCountProbability(cdnow, -1, 1), 'NEGATIVE_VALUE'],
    ['t beyond the series domain', () => bgNbdExpectedPurchases({ ...cdnow, alpha: 1e-4 }, 100), 'OUT_OF_RANGE'],
  ])('%s → %s', (_name, run, expected) => {
    expect(code(run)).toBe(expected);
  });
});
