import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { nps, npsFromCounts } from '../../src/survey/index';
import { shuffle } from './helpers';

const score = fc.integer({ min: 0, max: 10 });
const answers = fc.array(fc.option(score, { nil: null, freq: 8 }), { maxLength: 200 });
const opts = { numRuns: 100 };

describe('nps properties', () => {
  test.prop([answers], opts)('NPS lies in [−100, 100] and shares sum to 1', (values) => {
    const r = nps(values);
    if (r.total === 0) {
      expect(r.score).toBeUndefined();
      return;
    }
    expect(r.score).toBeGreaterThanOrEqual(-100);
    expect(r.score).toBeLessThanOrEqual(100);
    const s = r.shares!;
    expect(s.promoters + s.passives + s.detractors).toBeCloseTo(1, 12);
  });

  test.prop([answers, fc.integer()], opts)('invariant under reordering', (values, seed) => {
    expect(nps(shuffle(values, seed))).toEqual(nps(values));
  });

  test.prop([answers], opts)('counts and raw scores give the same answer', (values) => {
    const r = nps(values);
    const fromCounts = npsFromCounts({ promoters: r.promoters, passives: r.passives, detractors: r.detractors });
    expect(fromCounts.score).toBe(r.score);
    expect(fromCounts.shares).toEqual(r.shares);
    expect(fromCounts.effectiveSampleSize).toBe(r.effectiveSampleSize);
  });

  test.prop([answers], opts)('weights of 1 equal no weights', (values) => {
    const plain = nps(values);
    const weighted = nps(values, { weight: () => 1 });
    expect(weighted.score).toBe(plain.score);
    expect(weighted.shares).toEqual(plain.shares);
    expect(weighted.effectiveSampleSize).toBe(plain.effectiveSampleSize);
  });

  test.prop([answers, fc.double({ min: 1e-100, max: 1e100, noNaN: true })], opts)('a common weight changes neither the score nor the effective n', (values, w) => {
    const plain = nps(values);
    const weighted = nps(values, { weight: () => w });
    if (plain.score === undefined) return;
    expect(weighted.score).toBeCloseTo(plain.score, 9);
    expect(weighted.effectiveSampleSize).toBeCloseTo(plain.total, 9);
  });

  test.prop([fc.array(fc.record({ score, weight: fc.oneof(fc.constant(0), fc.double({ min: 1e-100, max: 1e100, noNaN: true })) }), { maxLength: 60 })], opts)(
    'any accepted weights give finite figures, 1 ≤ effective n ≤ answers',
    (rows) => {
      const r = nps(rows, { accessor: (d) => d.score, weight: (d) => d.weight });
      if (r.score === undefined) return;
      expect(Number.isFinite(r.score)).toBe(true);
      expect(r.effectiveSampleSize).toBeGreaterThanOrEqual(1 - 1e-9);
      expect(r.effectiveSampleSize).toBeLessThanOrEqual(r.total * (1 + 1e-9));
    },
  );

  test.prop([fc.uint8Array({ maxLength: 300 }).map((a) => a.map((v) => v % 11))], opts)('the typed-array fast path equals the generic path', (bytes) => {
    expect(nps(bytes)).toEqual(nps([...bytes]));
  });
});
