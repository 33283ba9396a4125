import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fitParetoNbd, simulateParetoNbd } from '../../../src/clv';
import { cdnowBgNbdSummary, relativeError } from '../clv-data';

const cdnow = cdnowBgNbdSummary();
// A fixed sample of 300 CDNOW customers keeps each fit fast.
const sample = cdnow.filter((_d, i) => i % 8 === 0).map(({ frequency, recency, T }) => ({ frequency, recency, T }));
const base = fitParetoNbd(sample);
const KEYS = ['r', 'alpha', 's', 'beta'] as const;

describe('fitParetoNbd: parameter recovery from data simulated with known parameters', () => {
  it.each([
    [{ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 21], // CDNOW: α < β
    [{ r: 1.5, alpha: 10, s: 2, beta: 4 }, 22], // α > β
    [{ r: 0.3, alpha: 1, s: 0.5, beta: 100 }, 23], // z = (β−α)/(β+t) near 1: the quadrature path
  ])('recovers %o within 4 standard errors', (truth, seed) => {
    // Continuous times, as the model assumes (rounding to days merges same-day purchases of
    // the fastest buyers and biases α when rates reach several a week, as with α = 1).
    const rows = simulateParetoNbd(truth, { customers: 10_000, seed, T: { min: 13, max: 39 } });
    const fit = fitParetoNbd(rows);
    expect(fit.converged).toBe(true);
    const se = fit.standardErrors!;
    for (const k of KEYS) expect(Math.abs(fit[k] - truth[k])).toBeLessThan(4 * se[k]);
  });
});

describe('fitParetoNbd: properties', () => {
  test.prop([fc.array(fc.integer({ min: 1, max: 4 }), { minLength: sample.length, maxLength: sample.length })], { numRuns: 4 })(
    'integer weights fit exactly like the rows repeated that many times',
    (counts) => {
      const expanded = sample.flatMap((d, i) => Array.from({ length: counts[i]! }, () => d));
      const weighted = fitParetoNbd(sample, { weight: (_d, i) => counts[i]! });
      const plain = fitParetoNbd(expanded);
      expect(weighted.n).toBe(expanded.length);
      // Both reduce to the same distinct histories with the same summed weights, in the same
      // order: the same fit, bit for bit (only the count of input rows differs).
      expect({ ...weighted, rows: 0 }).toEqual({ ...plain, rows: 0 });
    },
  );

  test.prop([fc.integer({ min: 1, max: 2 ** 31 - 1 })], { numRuns: 4 })('the order of the rows does not matter: the same fit, bit for bit', (seed) => {
    let state = seed;
    const shuffled = sample.slice();
    for (let i = shuffled.length - 1; i > 0; i--) {
      state = (Math.imul(state, 48271) >>> 0) % 2147483647;
      const j = state % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    expect(fitParetoNbd(shuffled)).toEqual(base);
  });

  test.prop([fc.double({ min: 0.01, max: 100, noNaN: true })], { numRuns: 4 })('rescaling every time by k rescales α and β by k, r and s unchanged', (k) => {
    const fit = fitParetoNbd(sample.map((d) => ({ frequency: d.frequency, recency: d.recency * k, T: d.T * k })));
    expect(relativeError(fit.alpha, base.alpha * k)).toBeLessThan(1e-5);
    expect(relativeError(fit.beta, base.beta * k)).toBeLessThan(1e-5);
    expect(relativeError(fit.r, base.r)).toBeLessThan(1e-5);
    expect(relativeError(fit.s, base.s)).toBeLessThan(1e-5);
  });
});
