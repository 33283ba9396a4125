import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { periodStart } from '../../src/internal/calendar';
import { cohortRetention } from '../../src/retention/cohort-retention';
import { cohortRetentionFromCounts, type CohortCountRow } from '../../src/retention/cohort-retention-from-counts';
import { activePeriods, unitArb, visitsArb, type Unit, type Visit } from './activity-reference';

/** The rows a warehouse query counts (cohortCountsSql's definition), brute force: one per cohort and offset with activity. */
function countRows(visits: readonly Visit[], unit: Unit): CohortCountRow[] {
  const byCohort = new Map<number, Set<number>[]>();
  for (const periods of activePeriods(visits, unit).values()) {
    const c = Math.min(...periods);
    byCohort.set(c, [...(byCohort.get(c) ?? []), periods]);
  }
  const rows: CohortCountRow[] = [];
  for (const [c, members] of byCohort) {
    const offsets = new Set(members.flatMap((s) => [...s].map((p) => p - c)));
    for (const k of offsets) {
      rows.push({
        cohort: periodStart(c, unit),
        offset: k,
        size: members.length,
        active: members.filter((s) => s.has(c + k)).length,
        activeUnbounded: members.filter((s) => Math.max(...s) >= c + k).length,
      });
    }
  }
  return rows;
}

test.prop([visitsArb, unitArb, fc.nat()], { numRuns: 80 })('the counts of any activity give cohortRetention\'s table, in any row order', (visits, unit, seed) => {
  const rows = countRows(visits, unit).sort((a, b) => ((a.offset * 7919 + Number(a.cohort) / 864e5 + seed) % 13) - ((b.offset * 7919 + Number(b.cohort) / 864e5 + seed) % 13));
  const fromCounts = cohortRetentionFromCounts(rows, { unit });
  const direct = cohortRetention(visits, { unit });
  expect(fromCounts).toEqual({ ...direct, records: rows.length, skipped: 0, ignored: 0 });
  // Dates from the engine read the same as epoch milliseconds.
  expect(cohortRetentionFromCounts(rows.map((r) => ({ ...r, cohort: new Date(r.cohort) })), { unit })).toEqual(fromCounts);
});
