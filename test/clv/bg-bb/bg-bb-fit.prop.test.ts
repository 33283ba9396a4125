import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { fitBgBb, type BgBbFit } from '../../../src/clv';
import { CxMetricsError } from '../../../src/internal/errors';
import { relativeError } from '../clv-data';
import { simulateBgBb } from './bg-bb-data';

/** A small data set from the model itself, with random parameters and cohort lengths. */
const dataSet = fc
  .record({
    alpha: fc.double({ min: 0.2, max: 5, noNaN: true }),
    beta: fc.double({ min: 0.2, max: 5, noNaN: true }),
    gamma: fc.double({ min: 0.2, max: 5, noNaN: true }),
    delta: fc.double({ min: 0.2, max: 5, noNaN: true }),
    count: fc.integer({ min: 4, max: 400 }),
    maxN: fc.integer({ min: 1, max: 15 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
  })
  .map(({ count, maxN, seed, ...truth }) => simulateBgBb(count, truth, { seed, periods: (_i, u) => 1 + Math.floor(u() * maxN) }));

function fitOrRefusal(run: () => BgBbFit): BgBbFit | undefined {
  try {
    return run();
  } catch (error) {
    // Only the documented refusal (no repeat transaction at all) is acceptable.
    expect((error as CxMetricsError).code).toBe('INSUFFICIENT_DATA');
    return undefined;
  }
}

// endOnFailure: each run fits data sets of up to hundreds of rows; shrinking a failure would
// refit thousands of times (20 minutes), so the first counterexample is reported as found.
describe('fitBgBb: properties', () => {
  test.prop([dataSet], { numRuns: 40, endOnFailure: true })('never returns NaN: finite parameters, or a documented refusal', (rows) => {
    const fit = fitOrRefusal(() => fitBgBb(rows));
    if (fit === undefined) return;
    expect([fit.alpha, fit.beta, fit.gamma, fit.delta, fit.logLikelihood].every(Number.isFinite)).toBe(true);
    if (fit.standardErrors) expect(Object.values(fit.standardErrors).every((v) => Number.isFinite(v) && v > 0)).toBe(true);
  });

  test.prop([dataSet, fc.integer({ min: 0, max: 2 ** 31 })], { numRuns: 30, endOnFailure: true })(
    'weighted grouped rows fit bit for bit like the expanded rows, in any order',
    (rows, seed) => {
      const plain = fitOrRefusal(() => fitBgBb(rows));
      if (plain === undefined) return;
      const cells = new Map<string, { frequency: number; recency: number; periods: number; count: number }>();
      for (const d of rows) {
        const key = `${d.frequency}|${d.recency}|${d.periods}`;
        const cell = cells.get(key);
        if (cell) cell.count++;
        else cells.set(key, { ...d, count: 1 });
      }
      const grouped = fitBgBb([...cells.values()].reverse(), { weight: (d) => d.count });
      expect(grouped.n).toBe(rows.length);
      expect([grouped.alpha, grouped.beta, grouped.gamma, grouped.delta, grouped.logLikelihood]).toEqual([plain.alpha, plain.beta, plain.gamma, plain.delta, plain.logLikelihood]);
      const order = rows.map((_, i) => i).sort((i, j) => ((i * 2654435761 + seed) % 1009) - ((j * 2654435761 + seed) % 1009));
      const shuffled = fitBgBb(order.map((i) => rows[i]!));
      expect([shuffled.alpha, shuffled.logLikelihood]).toEqual([plain.alpha, plain.logLikelihood]);
    },
  );

  test.prop([dataSet, fc.constantFrom(0.5, 3, 1000)], { numRuns: 20, endOnFailure: true })(
    'scaling every weight by k leaves a converged fit unchanged and multiplies the log-likelihood by k',
    (rows, k) => {
      const once = fitOrRefusal(() => fitBgBb(rows));
      if (once === undefined || !once.converged || rows.length * k < 4) return;
      const scaled = fitBgBb(rows, { weight: () => k });
      expect(relativeError(scaled.logLikelihood, k * once.logLikelihood)).toBeLessThan(1e-8);
      for (const p of ['alpha', 'beta', 'gamma', 'delta'] as const) expect(relativeError(scaled[p], once[p])).toBeLessThan(1e-4);
    },
  );
});
