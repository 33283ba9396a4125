import { fc, test } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { fitSbg } from '../../../src/retention/sbg/fit-sbg';
import { simulateSbg, survivorCounts } from './sbg-simulate';

const accessors = { renewals: (c: { renewals: number }) => c.renewals, churned: (c: { churned: boolean }) => c.churned };
const TRUTHS = [
  [0.7, 1.2],
  [1.5, 4],
  [3, 2],
  [0.4, 0.8],
] as const;
// Recovery within 4 standard errors is a statistical claim, not a property of every sample: a
// random seed fails it now and then (4.07 SE once, α = 0.4). Fixed seeds, every one checked.
const CASES = TRUTHS.flatMap((t) => [101, 202, 303].map((seed) => [t, seed] as const));

it.each(CASES)(
  'recovers α, β within 4 standard errors from customers acquired at different times (censored at 1–12 renewals): %o, seed %i',
  ([alpha, beta], seed) => {
    const rows = simulateSbg(alpha, beta, 6000, (_i, u) => 1 + Math.floor(u() * 12), seed);
    const fit = fitSbg(rows, accessors);
    expect(fit.converged).toBe(true);
    const se = fit.standardErrors;
    expect(se).toBeDefined();
    expect(Math.abs(fit.alpha - alpha)).toBeLessThan(4 * (se?.alpha ?? 0));
    expect(Math.abs(fit.beta - beta)).toBeLessThan(4 * (se?.beta ?? 0));
  },
);

it.each(CASES)(
  'recovers α, β from the survivor counts of one simulated cohort, and records give the same fit: %o, seed %i',
  ([alpha, beta], seed) => {
    const rows = simulateSbg(alpha, beta, 8000, () => 10, seed);
    const fit = fitSbg(survivorCounts(rows, 10));
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.alpha - alpha)).toBeLessThan(4 * (fit.standardErrors?.alpha ?? 0));
    expect(Math.abs(fit.beta - beta)).toBeLessThan(4 * (fit.standardErrors?.beta ?? 0));
    const fromRecords = fitSbg(rows, accessors);
    expect(fromRecords.alpha).toBeCloseTo(fit.alpha, 5);
    expect(fromRecords.logLikelihood).toBeCloseTo(fit.logLikelihood, 5);
  },
);

test.prop([fc.array(fc.record({ renewals: fc.integer({ min: 0, max: 20 }), churned: fc.boolean() }), { minLength: 1, maxLength: 60 })], {
  numRuns: 60,
})('never NaN, whatever the data; invariant under reordering', (rows) => {
  const fit = fitSbg(rows, accessors);
  for (const v of [fit.alpha, fit.beta, fit.logLikelihood]) expect(Number.isFinite(v)).toBe(true);
  expect(fit.logLikelihood).toBeLessThanOrEqual(1e-12);
  const reversed = fitSbg([...rows].reverse(), accessors);
  expect(reversed).toEqual(fit);
});
