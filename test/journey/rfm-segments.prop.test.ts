import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { rfmSegments } from '../../src/journey';
import { bruteScores } from './fixtures';

const since = { recencyMeaning: 'since-last-purchase' } as const;

describe('rfmSegments properties', () => {
  const rowsArb = fc.array(
    fc.record({ recency: fc.integer({ min: 0, max: 20 }), frequency: fc.integer({ min: 0, max: 8 }), monetaryValue: fc.double({ min: 0, max: 500, noNaN: true }) }),
    { maxLength: 80 },
  );

  test.prop([rowsArb], { numRuns: 100 })('scores lie in 1–5 and quintile sizes differ from n/5 by at most the tie sizes', (rows) => {
    const rfm = rfmSegments(rows, since);
    const n = rows.length;
    for (const [key, values] of [
      ['r', rows.map((r) => -r.recency)],
      ['f', rows.map((r) => r.frequency)],
      ['m', rows.map((r) => r.monetaryValue)],
    ] as const) {
      const scores = rfm.customers.map((c) => c[key]);
      expect(scores).toEqual(bruteScores(values));
      const maxTie = Math.max(0, ...[...new Set(values)].map((v) => values.filter((w) => w === v).length));
      for (let s = 1; s <= 5; s++) {
        const size = scores.filter((x) => x === s).length;
        const ideal = Math.ceil((s * n) / 5) - Math.ceil(((s - 1) * n) / 5);
        expect(Math.abs(size - ideal)).toBeLessThanOrEqual(Math.max(1, maxTie));
        if (maxTie <= 1) expect(Math.abs(size - n / 5)).toBeLessThan(1);
      }
      scores.forEach((x) => {
        expect(x).toBeGreaterThanOrEqual(1);
        expect(x).toBeLessThanOrEqual(5);
      });
    }
    expect(rfm.segments.reduce((s, x) => s + x.count, 0) + rfm.unmatched).toBe(n);
    expect(rfm.unmatched).toBe(0);
  });

  test.prop([rowsArb], { numRuns: 50 })('does not depend on the order of the rows', (rows) => {
    const forward = rfmSegments(rows, since).customers.map((c) => c.code);
    const backward = rfmSegments([...rows].reverse(), since).customers.map((c) => c.code).reverse();
    expect(backward).toEqual(forward);
  });
});
