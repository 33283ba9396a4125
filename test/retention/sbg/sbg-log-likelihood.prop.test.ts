import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { sbgLogLikelihood } from '../../../src/retention';

const wide = fc.double({ min: -30, max: 30, noNaN: true }).map(Math.exp);
const params = fc.record({ alpha: wide, beta: wide });
/** A survivor series: a cohort, then never-increasing counts. */
const series = fc
  .tuple(fc.integer({ min: 1, max: 100_000 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }))
  .map(([cohort, shares]) => {
    const counts = [cohort];
    for (const s of shares) counts.push(Math.floor((counts.at(-1) as number) * s));
    return counts;
  });
const records = fc.array(fc.record({ renewals: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 1_000_000 })), churned: fc.boolean() }), {
  maxLength: 10,
});

describe('sbgLogLikelihood per customer: properties over the whole fitted range (α, β in [e^-30, e^30])', () => {
  test.prop([params, series], { numRuns: 100 })('survivor cells: each ln Lᵢ ≤ 0, Σ wᵢ ln Lᵢ = total = the plain log-likelihood', (p, counts) => {
    const each = sbgLogLikelihood(p, counts, { perCustomer: true });
    expect(each.total).toBe(sbgLogLikelihood(p, counts));
    const T = counts.length - 1;
    let sum = 0;
    let magnitude = 0;
    each.logLikelihood.forEach((l, i) => {
      expect(l).toBeLessThanOrEqual(0);
      const w = i < T ? (counts[i] as number) - (counts[i + 1] as number) : (counts[T] as number);
      sum += w * l;
      magnitude += w * Math.abs(l);
    });
    expect(Math.abs(sum - each.total)).toBeLessThanOrEqual(1e-12 * Math.max(1, magnitude));
  });
  test.prop([params, records], { numRuns: 100 })('records: each ln Lᵢ ≤ 0, Σ ln Lᵢ = total', (p, rows) => {
    const accessors = { renewals: (d: { renewals: number }) => d.renewals, churned: (d: { churned: boolean }) => d.churned };
    const each = sbgLogLikelihood(p, rows, { ...accessors, perCustomer: true });
    expect(each.total).toBe(sbgLogLikelihood(p, rows, accessors));
    let sum = 0;
    let magnitude = 0;
    each.logLikelihood.forEach((l) => {
      expect(l).toBeLessThanOrEqual(0);
      sum += l;
      magnitude += Math.abs(l);
    });
    expect(Math.abs(sum - each.total)).toBeLessThanOrEqual(1e-12 * Math.max(1, magnitude));
  });
});
