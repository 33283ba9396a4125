import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { ces, cesTally, csat, csatInterval, csatTally } from '../../src/survey/index';

const scores = (max: number) => fc.array(fc.option(fc.integer({ min: 1, max }), { nil: null, freq: 8 }), { maxLength: 150 });
const opts = { numRuns: 80 };

function split<T>(values: T[], cuts: number[]): T[][] {
  const points = [...new Set(cuts.map((c) => c % (values.length + 1)))].sort((a, b) => a - b);
  const parts: T[][] = [];
  let from = 0;
  for (const p of [...points, values.length]) {
    parts.push(values.slice(from, p));
    from = p;
  }
  return parts;
}

describe('csat properties', () => {
  test.prop([scores(5)], opts)('share in [0, 1], mean on the scale', (values) => {
    const r = csat(values);
    if (r.total === 0) return;
    expect(r.share).toBeGreaterThanOrEqual(0);
    expect(r.share).toBeLessThanOrEqual(1);
    expect(r.mean).toBeGreaterThanOrEqual(1);
    expect(r.mean).toBeLessThanOrEqual(5);
  });
  test.prop([scores(5), fc.array(fc.nat(), { maxLength: 4 })], opts)('tallies merged from any split equal the batch; reordering changes nothing', (values, cuts) => {
    const states = split(values, cuts).map((part) => part.reduce(csatTally.add, csatTally.create()));
    const merged = states.reduceRight((a, b) => csatTally.merge(b, a), csatTally.create());
    expect(csatTally.result(merged)).toEqual(csat(values));
    expect(csat([...values].reverse())).toEqual(csat(values));
  });
  test.prop([scores(5)], opts)('weights of 1 equal no weights', (values) => {
    const a = csat(values);
    const b = csat(values, { weight: () => 1 });
    expect(b.share).toBe(a.share);
    expect(b.mean).toBe(a.mean);
    expect(b.effectiveSampleSize).toBe(a.effectiveSampleSize);
  });
  test.prop(
    [fc.integer({ min: 1, max: 400 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.5, max: 0.999, noNaN: true }), fc.constantFrom('wilson' as const, 'clopper-pearson' as const)],
    { numRuns: 150 },
  )('intervals contain the share, stay in [0, 1] and narrow as n grows', (n, fraction, level, method) => {
    const satisfied = Math.round(fraction * n);
    const r = csatInterval({ satisfied, total: n }, { level, method })!;
    expect(r.lower).toBeGreaterThanOrEqual(0);
    expect(r.upper).toBeLessThanOrEqual(1);
    expect(r.lower).toBeLessThanOrEqual(r.share);
    expect(r.upper).toBeGreaterThanOrEqual(r.share);
    const big = csatInterval({ satisfied: 4 * satisfied, total: 4 * n }, { level, method })!;
    expect(big.upper - big.lower).toBeLessThanOrEqual(r.upper - r.lower + 1e-12);
  });
});

describe('ces properties', () => {
  test.prop([scores(7), fc.array(fc.nat(), { maxLength: 4 })], opts)('tallies merged from any split equal the batch', (values, cuts) => {
    const states = split(values, cuts).map((part) => part.reduce(cesTally.add, cesTally.create()));
    const merged = states.reduce((a, b) => cesTally.merge(a, b), cesTally.create());
    expect(cesTally.result(merged)).toEqual(ces(values));
  });
  test.prop([scores(7)], opts)('mean and interval on the scale, interval contains the mean, net effort in [−1, 1]', (values) => {
    const r = ces(values);
    if (r.total === 0) return;
    expect(r.netEffort).toBeGreaterThanOrEqual(-1);
    expect(r.netEffort).toBeLessThanOrEqual(1);
    if (r.lower === undefined || r.upper === undefined) return;
    expect(r.lower).toBeGreaterThanOrEqual(1);
    expect(r.upper).toBeLessThanOrEqual(7);
    expect(r.lower).toBeLessThanOrEqual(r.mean!);
    expect(r.upper).toBeGreaterThanOrEqual(r.mean!);
  });
  test.prop([fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: 50 })], opts)('the interval narrows as the same answers repeat', (values) => {
    const r = ces(values);
    const big = ces([...values, ...values, ...values]);
    expect(big.upper! - big.lower!).toBeLessThanOrEqual(r.upper! - r.lower! + 1e-9);
  });
  test.prop([scores(7)], opts)('weights of 1 equal no weights', (values) => {
    const a = ces(values);
    const b = ces(values, { weight: () => 1 });
    expect(b.mean).toBe(a.mean);
    expect(b.lower).toBe(a.lower);
    expect(b.netEffort).toBe(a.netEffort);
  });
});
