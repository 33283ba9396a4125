import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { ces } from '../../src/survey/index';
import { shuffle } from './helpers';

const scores = fc.array(fc.option(fc.integer({ min: 1, max: 7 }), { nil: null, freq: 8 }), { maxLength: 150 });
const opts = { numRuns: 80 };

describe('ces properties', () => {
  test.prop([scores], opts)('mean and interval on the scale, interval contains the mean, net effort in [−1, 1]', (values) => {
    const r = ces(values);
    if (r.total === 0) return;
    expect(r.netEffort).toBeGreaterThanOrEqual(-1);
    expect(r.netEffort).toBeLessThanOrEqual(1);
    expect(r.netEffort).toBeCloseTo(r.easyShare! - r.difficultShare!, 15);
    expect(r.interval === undefined).toBe(!(r.effectiveSampleSize > 1));
    if (r.interval === undefined) return;
    expect(r.interval!.lower).toBeGreaterThanOrEqual(1);
    expect(r.interval!.upper).toBeLessThanOrEqual(7);
    expect(r.interval!.lower).toBeLessThanOrEqual(r.mean!);
    expect(r.interval!.upper).toBeGreaterThanOrEqual(r.mean!);
  });
  test.prop([scores, fc.integer()], opts)('invariant under reordering', (values, seed) => {
    expect(ces(shuffle(values, seed))).toEqual(ces(values));
  });
  test.prop([fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: 50 })], opts)('the interval narrows as the same answers repeat', (values) => {
    const r = ces(values);
    const big = ces([...values, ...values, ...values]);
    expect(big.interval!.upper! - big.interval!.lower!).toBeLessThanOrEqual(r.interval!.upper! - r.interval!.lower! + 1e-9);
  });
  test.prop([scores], opts)('weights of 1 equal no weights', (values) => {
    const a = ces(values);
    const b = ces(values, { weight: () => 1 });
    expect(b.mean).toBe(a.mean);
    expect(b.interval).toEqual(a.interval);
    expect(b.netEffort).toBe(a.netEffort);
  });
  test.prop([fc.array(fc.record({ score: fc.integer({ min: 1, max: 7 }), weight: fc.oneof(fc.constant(0), fc.double({ min: 1e-100, max: 1e100, noNaN: true })) }), { maxLength: 40 })], opts)(
    'any accepted weights give finite figures (no NaN even when the effective n is barely above 1)',
    (rows) => {
      const r = ces(rows, { accessor: (d) => d.score, weight: (d) => d.weight });
      for (const v of [r.mean, r.interval?.lower, r.interval?.upper, r.standardDeviation, r.standardError, r.easyShare, r.netEffort]) {
        if (v !== undefined) expect(Number.isFinite(v)).toBe(true);
      }
      expect(Number.isFinite(r.effectiveSampleSize)).toBe(true);
    },
  );
});
