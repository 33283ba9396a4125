import { describe, expect, it } from 'vitest';
import { cohortRetention } from '../../src/retention/cohort-retention';
import type { Visit } from './activity-reference';

const day = (y: number, m: number, d = 10): number => Date.UTC(y, m, d);

describe('cohortRetention: known values (by hand)', () => {
  // a: Jan, Mar, Mar · b: Jan, Feb · c: Feb, Apr. Cohorts: Jan {a, b}, Feb {c}.
  const visits: Visit[] = [
    { customerId: 'a', at: day(2024, 0) }, { customerId: 'a', at: day(2024, 2) }, { customerId: 'a', at: day(2024, 2, 20) },
    { customerId: 'b', at: day(2024, 0) }, { customerId: 'b', at: day(2024, 1) },
    { customerId: 'c', at: day(2024, 1) }, { customerId: 'c', at: day(2024, 3) },
  ];
  it('classic and unbounded counts, ragged triangle, cohort sizes', () => {
    const table = cohortRetention(visits, { unit: 'month' });
    // Jan cohort, offsets 0–3 (Jan–Apr): classic active = {a,b}, {b}, {a}, {} → 2, 1, 1, 0;
    // unbounded (last activity at offset ≥ k): a's last is Mar (2), b's Feb (1) → 2, 2, 1, 0.
    // Feb cohort, offsets 0–2 (Feb–Apr): c in Feb and Apr → 1, 0, 1; unbounded 1, 1, 1.
    expect(table.cohorts.map((c) => [c.cohort, c.size, c.active, c.activeUnbounded])).toEqual([
      ['2024-01', 2, [2, 1, 1, 0], [2, 2, 1, 0]],
      ['2024-02', 1, [1, 0, 1], [1, 1, 1]],
    ]);
    expect(table.cohorts[0]?.retention).toEqual([1, 0.5, 0.5, 0]);
    expect(table.cohorts[0]?.retentionUnbounded).toEqual([1, 1, 0.5, 0]);
    expect(table.cohorts[1]?.retention).toEqual([1, 0, 1]);
    expect(table.cohorts[0]?.start).toBe(Date.UTC(2024, 0, 1));
    expect(table.end).toBe('2024-04');
    expect([table.records, table.customers, table.skipped, table.ignored]).toEqual([7, 3, 0, 0]);
    expect(Object.isFrozen(table) && Object.isFrozen(table.cohorts[0]) && Object.isFrozen(table.cohorts[0]?.active)).toBe(true);
  });
  it('observationEnd extends the triangle; quarters bucket by the UTC calendar', () => {
    const table = cohortRetention(visits, { unit: 'quarter', observationEnd: Date.UTC(2024, 6, 1) });
    // Q1 holds a, b and c; in Q2 only c (April); Q3 nobody.
    expect(table.cohorts.map((c) => [c.cohort, c.active, c.activeUnbounded])).toEqual([['2024-Q1', [3, 1, 0], [3, 1, 0]]]);
    expect(table.end).toBe('2024-Q3');
  });
  it('ISO weeks across a year end, and UTC (not local) bucketing', () => {
    // 2024-12-30 (Mon) is in ISO week 2025-W01; 2024-12-29 23:59:59.999 UTC is still 2024-W52.
    const late = [
      { customerId: 1, at: Date.UTC(2024, 11, 29, 23, 59, 59, 999) },
      { customerId: 2, at: Date.UTC(2024, 11, 30) },
      { customerId: 1, at: Date.UTC(2025, 0, 5, 12) },
    ];
    const table = cohortRetention(late, { unit: 'week' });
    expect(table.cohorts.map((c) => [c.cohort, c.size, c.active])).toEqual([
      ['2024-W52', 1, [1, 1]],
      ['2025-W01', 1, [1]],
    ]);
    expect(table.cohorts[1]?.start).toBe(Date.UTC(2024, 11, 30));
  });
  it("activity: 'purchases' ignores other interaction types; nulls are skipped", () => {
    const mixed = [
      { customerId: 'a', at: day(2024, 0), type: 'purchase' },
      { customerId: 'a', at: day(2024, 1), type: 'visit' },
      { customerId: 'b', at: null, type: 'purchase' },
      null,
    ] as unknown as Visit[];
    const table = cohortRetention(mixed, { activity: 'purchases' });
    expect(table.cohorts.map((c) => c.active)).toEqual([[1]]);
    expect(table.ignored).toBe(1);
    expect(table.skipped).toBe(2);
  });
  it('spans: active in every period from first to last; open spans to the observation end', () => {
    const spans = [
      { from: day(2024, 0), to: day(2024, 2) },
      { from: day(2024, 0), to: null },
      { from: day(2024, 2), to: day(2024, 2) },
    ];
    const table = cohortRetention(spans, { observationEnd: day(2024, 3), firstActive: (d) => d.from, lastActive: (d) => d.to });
    expect(table.cohorts.map((c) => [c.cohort, c.size, c.active, c.activeUnbounded])).toEqual([
      ['2024-01', 2, [2, 2, 2, 1], [2, 2, 2, 1]],
      ['2024-03', 1, [1, 0], [1, 0]],
    ]);
  });
  it('no activity: no cohorts, undefined end (unless observationEnd is given)', () => {
    expect(cohortRetention([] as Visit[]).cohorts).toEqual([]);
    expect(cohortRetention([] as Visit[]).end).toBeUndefined();
    expect(cohortRetention([null] as unknown as Visit[]).skipped).toBe(1);
    expect(cohortRetention([] as Visit[], { observationEnd: day(2024, 3) }).end).toBe('2024-04');
  });
});
