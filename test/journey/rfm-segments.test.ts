import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RFM_SEGMENT_RULES, rfmSegments } from '../../src/journey';
import { expectCxMetricsError } from '../support/error-code';
import { repoRoot } from '../support/doc-examples';
import { bruteScores } from './fixtures';

const since = { recencyMeaning: 'since-last-purchase' } as const;


describe('rfmSegments', () => {
  it('scores by quintile with ties kept together in the lower score', () => {
    const frequency = [0, 0, 0, 0, 0, 0, 1, 2, 3, 4];
    const rows = frequency.map((f, i) => ({ recency: i, frequency: f, monetaryValue: 10 * i }));
    const rfm = rfmSegments(rows, since);
    expect(rfm.customers.map((c) => c.f)).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
    // Recency: smaller is better, 0 days since the last purchase scores 5.
    expect(rfm.customers.map((c) => c.r)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(rfm.customers.map((c) => c.m)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(rfm.customers[6]).toMatchObject({ index: 6, code: '244', segment: 'at-risk', recency: 6, frequency: 1, monetary: 60 });
    expect(rfm.customers[0]).toMatchObject({ code: '511', segment: 'new' });
  });

  it('covers every cell of the 5 × 5 grid with exactly one default segment per first match', () => {
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        const matches = DEFAULT_RFM_SEGMENT_RULES.filter((x) => r >= x.recency[0] && r <= x.recency[1] && f >= x.frequency[0] && f <= x.frequency[1]);
        expect(matches.length, `R${r}F${f}`).toBeGreaterThan(0);
      }
    }
    expect(new Set(DEFAULT_RFM_SEGMENT_RULES.map((x) => x.segment)).size).toBe(11);
  });

  it('converts a first-to-last recency with T (BG/NBD summary rows)', () => {
    const rows = [
      { frequency: 2, recency: 30, T: 38, monetaryValue: 40 }, // 8 weeks since the last purchase
      { frequency: 0, recency: 0, T: 20, monetaryValue: 0 }, // 20 weeks
      { frequency: 5, recency: 35, T: 36, monetaryValue: 90 }, // 1 week
    ];
    const rfm = rfmSegments(rows, { recencyMeaning: 'first-to-last-purchase' });
    expect(rfm.customers.map((c) => c.recency)).toEqual([8, 20, 1]);
    // n = 3: positions 0, 1, 2 → ⌊0⌋+1, ⌊5/3⌋+1, ⌊10/3⌋+1
    expect(rfm.customers.map((c) => c.r)).toEqual([2, 1, 4]);
  });

  it('reads through accessors and applies an overriding rule table', () => {
    const rows = [
      [1, 9, 100],
      [50, 1, 5],
    ] as const;
    const rfm = rfmSegments(rows, {
      recencyMeaning: 'since-last-purchase',
      recency: (d) => d[0],
      frequency: (d) => d[1],
      monetary: (d) => d[2],
      rules: [{ segment: 'vip', recency: [3, 5], frequency: [3, 5], monetary: [3, 5] }],
    });
    expect(rfm.customers.map((c) => c.segment)).toEqual(['vip', undefined]);
    expect(rfm.unmatched).toBe(1);
    expect(rfm.segments).toEqual([{ segment: 'vip', count: 1, share: 0.5 }]);
  });

  it('skips null rows and rows with a missing field, counting them', () => {
    const rfm = rfmSegments([null, { recency: 1, frequency: null, monetaryValue: 1 }, { recency: 1, frequency: 1, monetaryValue: 1 }], since);
    expect(rfm.skipped).toBe(2);
    expect(rfm.customers).toHaveLength(1);
    expect(rfm.customers[0]).toMatchObject({ index: 2, code: '111' });
    const none = rfmSegments([], since);
    expect(none.customers).toEqual([]);
    // Nothing scored: counts are 0 and shares undefined (no 0/0).
    expect(none.segments.every((s) => s.count === 0 && s.share === undefined)).toBe(true);
  });

  it('scores the CDNOW calibration summary consistently with the brute-force definition', () => {
    const lines = readFileSync(join(repoRoot, 'test', 'fixtures', 'data', 'cdnow_customers_summary_with_transactions.csv'), 'utf8').trim().split(/\r?\n/);
    const rows = lines.slice(1).map((line) => {
      const [, x, tx, T, zbar] = line.split(',').map(Number);
      return { frequency: x!, recency: tx!, T: T!, monetaryValue: zbar! };
    });
    expect(rows).toHaveLength(2357);
    const rfm = rfmSegments(rows, { recencyMeaning: 'first-to-last-purchase' });
    expect(rfm.customers.map((c) => c.f)).toEqual(bruteScores(rows.map((r) => r.frequency)));
    expect(rfm.customers.map((c) => c.r)).toEqual(bruteScores(rows.map((r) => -(r.T - r.recency))));
    // 1,411 of 2,357 customers made no repeat purchase: they share the lowest frequency score.
    expect(rfm.customers.filter((c) => c.f === 1)).toHaveLength(1411);
    expect(rfm.segments.reduce((s, x) => s + x.count, 0)).toBe(2357);
  });

  it.each<[string, () => unknown, string]>([
    ['no recencyMeaning', () => rfmSegments([], {} as never), 'INVALID_OPTION'],
    ['an unknown recencyMeaning', () => rfmSegments([], { recencyMeaning: 'days' as never }), 'INVALID_OPTION'],
    ['a negative recency', () => rfmSegments([{ recency: -1, frequency: 1, monetaryValue: 1 }], since), 'NEGATIVE_VALUE'],
    ['a negative frequency', () => rfmSegments([{ recency: 1, frequency: -1, monetaryValue: 1 }], since), 'NEGATIVE_VALUE'],
    ['negative money', () => rfmSegments([{ recency: 1, frequency: 1, monetaryValue: -5 }], since), 'NEGATIVE_VALUE'],
    ['NaN', () => rfmSegments([{ recency: Number.NaN, frequency: 1, monetaryValue: 1 }], since), 'INVALID_NUMBER'],
    ['a string', () => rfmSegments([{ recency: 1, frequency: '2', monetaryValue: 1 }] as never[], since), 'INVALID_NUMBER'],
    ['Infinity', () => rfmSegments([{ recency: 1, frequency: 1, monetaryValue: Infinity }], since), 'INVALID_NUMBER'],
    ['a row of another shape without accessors', () => rfmSegments([{ r: 1, f: 1, m: 1 }] as never[], since), 'INVALID_OPTION'],
    ['a row missing T with first-to-last-purchase', () => rfmSegments([{ recency: 1, frequency: 1, monetaryValue: 1 }], { recencyMeaning: 'first-to-last-purchase' }), 'INVALID_OPTION'],
    ['recency beyond T', () => rfmSegments([{ recency: 9, frequency: 1, monetaryValue: 1, T: 5 }], { recencyMeaning: 'first-to-last-purchase' }), 'ORDER_VIOLATION'],
    ['rules that are not an array', () => rfmSegments([], { ...since, rules: {} as never }), 'INVALID_OPTION'],
    ['a rule with scores out of 1–5', () => rfmSegments([], { ...since, rules: [{ segment: 'x', recency: [0, 5], frequency: [1, 5] }] }), 'INVALID_OPTION'],
    ['a rule with min > max', () => rfmSegments([], { ...since, rules: [{ segment: 'x', recency: [4, 2], frequency: [1, 5] }] }), 'INVALID_OPTION'],
    ['a rule without a name', () => rfmSegments([], { ...since, rules: [{ segment: '', recency: [1, 5], frequency: [1, 5] }] }), 'INVALID_OPTION'],
  ])('rejects %s', (_name, run, code) => {
    expectCxMetricsError(run, code, 'rfmSegments');
  });
});
