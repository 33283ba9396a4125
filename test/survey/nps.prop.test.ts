import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { nps, npsTally } from '../../src/survey/index';

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
    const shuffled = [...values];
    let x = seed >>> 0;
    for (let i = shuffled.length - 1; i > 0; i--) {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      const j = x % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    expect(nps(shuffled)).toEqual(nps(values));
  });

  test.prop([answers, fc.array(fc.nat(), { maxLength: 5 })], opts)('tallies merged from any split equal the batch', (values, cuts) => {
    const points = [...new Set(cuts.map((c) => c % (values.length + 1)))].sort((a, b) => a - b);
    const parts: (number | null)[][] = [];
    let from = 0;
    for (const p of [...points, values.length]) {
      parts.push(values.slice(from, p));
      from = p;
    }
    const states = parts.map((part) => part.reduce(npsTally.add, npsTally.create()));
    const merged = states.reduce((a, b) => npsTally.merge(a, b), npsTally.create());
    const mergedOtherWay = states.reduceRight((a, b) => npsTally.merge(b, a), npsTally.create());
    expect(npsTally.result(merged)).toEqual(nps(values));
    expect(npsTally.result(mergedOtherWay)).toEqual(nps(values));
  });

  test.prop([answers], opts)('counts and raw scores give the same answer', (values) => {
    const r = nps(values);
    const fromCounts = nps({ promoters: r.promoters, passives: r.passives, detractors: r.detractors });
    expect(fromCounts.score).toBe(r.score);
    expect(fromCounts.shares).toEqual(r.shares);
  });

  test.prop([answers], opts)('weights of 1 equal no weights', (values) => {
    const plain = nps(values);
    const weighted = nps(values, { weight: () => 1 });
    expect(weighted.score).toBe(plain.score);
    expect(weighted.shares).toEqual(plain.shares);
    expect(weighted.effectiveSampleSize).toBe(plain.effectiveSampleSize);
  });

  test.prop([answers, fc.double({ min: 0.01, max: 100, noNaN: true })], opts)('a common weight changes the score, not the effective n', (values, w) => {
    const plain = nps(values);
    const weighted = nps(values, { weight: () => w });
    if (plain.score === undefined) return;
    expect(weighted.score).toBeCloseTo(plain.score, 9);
    expect(weighted.effectiveSampleSize).toBeCloseTo(plain.total, 9);
  });

  test.prop([fc.uint8Array({ maxLength: 300 }).map((a) => a.map((v) => v % 11))], opts)('the typed-array fast path equals the generic path', (bytes) => {
    expect(nps(bytes)).toEqual(nps([...bytes]));
  });
});
