import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { cohortRetention } from '../../src/retention/cohort-retention';
import { activePeriods, periodOf, spanAccessors, spanPeriods, spansArb, TO, unitArb, visitsArb } from './activity-reference';

/** Compare a table with the brute-force sets of active periods, and check the invariants. */
function expectTable(table: ReturnType<typeof cohortRetention>, sets: Map<unknown, Set<number>>, end: number, unit: 'month' | 'quarter' | 'year') {
  const members = new Map<number, Set<number>[]>();
  for (const s of sets.values()) {
    const c = Math.min(...s);
    members.set(c, [...(members.get(c) ?? []), s]);
  }
  expect(table.cohorts.map((r) => periodOf(r.start, unit))).toEqual([...members.keys()].sort((a, b) => a - b));
  for (const row of table.cohorts) {
    const c = periodOf(row.start, unit);
    const cohort = members.get(c) ?? [];
    expect(row.size).toBe(cohort.length);
    expect(row.active.length).toBe(end - c + 1); // the ragged triangle
    row.active.forEach((v, k) => expect(v).toBe(cohort.filter((s) => s.has(c + k)).length));
    row.activeUnbounded.forEach((v, k) => expect(v).toBe(cohort.filter((s) => Math.max(...s) >= c + k).length));
    row.retention.forEach((r, k) => {
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThanOrEqual(1);
      expect(row.retentionUnbounded[k]).toBeLessThanOrEqual(1);
      expect(row.retentionUnbounded[k]).toBeGreaterThanOrEqual(r);
      if (k > 0) expect(row.retentionUnbounded[k]).toBeLessThanOrEqual(row.retentionUnbounded[k - 1] as number);
    });
    expect(row.active[0]).toBe(row.size);
  }
  expect(table.cohorts.reduce((n, r) => n + r.size, 0)).toBe(sets.size);
  expect(table.customers).toBe(sets.size);
}

test.prop([visitsArb, unitArb], { numRuns: 80 })('records: equals the brute-force table; shares ≤ 1, unbounded ≥ classic', (visits, unit) => {
  const sets = activePeriods(visits, unit);
  const end = Math.max(...visits.map((v) => periodOf(v.at, unit)));
  expectTable(cohortRetention(visits, { unit }), sets, end, unit);
});

test.prop([spansArb, unitArb], { numRuns: 60 })('spans: equals the brute-force table', (spans, unit) => {
  const end = periodOf(TO, unit);
  const table = cohortRetention(spans, { unit, observationEnd: TO, ...spanAccessors });
  expectTable(table, spanPeriods(spans, unit, end), end, unit);
});

test.prop([visitsArb, fc.nat()], { numRuns: 40 })('invariant under reordering', (visits, seed) => {
  const shuffled = [...visits].sort((a, b) => ((a.at * 31 + seed) % 97) - ((b.at * 31 + seed) % 97));
  expect(cohortRetention(shuffled)).toEqual(cohortRetention(visits));
});
