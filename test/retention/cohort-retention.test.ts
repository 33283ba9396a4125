import { describe, expect, it } from 'vitest';
import { cohortRetention } from '../../src/retention/cohort-retention';
import type { Visit } from './activity-reference';
import { CxMetricsError } from '../../src/internal/errors';
import { thrownBy } from '../support/error-code';

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

describe('cohortRetention: calendar spans', () => {
  const visits2024 = Array.from({ length: 366 }, (_, k) => ({ customerId: `c${k}`, at: Date.UTC(2024, 0, 1 + k) }));

  it('rejects one mistyped year (+020240) among daily 2024 records with OUT_OF_RANGE, before allocating the table', () => {
    const error = thrownBy(() => cohortRetention([...visits2024, { customerId: 'x', at: Date.UTC(20240, 0, 5) }], { unit: 'day' })) as CxMetricsError;
    expect(error).toBeInstanceOf(CxMetricsError);
    expect(error.code).toBe('OUT_OF_RANGE');
    expect(error.message).toMatch(/^cohortRetention: the activity spans 6,\d{3},\d{3} days \(2024-01-01 to 20240-01-05\), more than the limit of 100,000 periods/);
  });

  it('limits cohorts × periods to 10,000,000', () => {
    // 3,163 daily cohorts over 3,163 days: 10,004,569 cells; one day less: 3,162² = 9,998,244.
    const daily = (n: number) => Array.from({ length: n }, (_, k) => ({ customerId: k, at: k * 86_400_000 }));
    const error = thrownBy(() => cohortRetention(daily(3163), { unit: 'day' })) as CxMetricsError;
    expect(error.code).toBe('OUT_OF_RANGE');
    expect(error.message).toBe(
      'cohortRetention: 3,163 cohorts × 3,163 days (1970-01-01 to 1978-08-29) = 10,004,569 cells, more than the limit of 10,000,000; use a longer unit or a shorter span',
    );
    // Few cohorts over many periods are fine: 2 cohorts × 99,999 days.
    const wide = cohortRetention([{ customerId: 'a', at: 0 }, { customerId: 'b', at: 99_998 * 86_400_000 }], { unit: 'day' });
    expect(wide.cohorts.map((c) => c.active.length)).toEqual([99_999, 1]);
  });

  it('labels the earliest valid instant\'s cohort', () => {
    for (const [unit, label] of [['day', '-271821-04-20'], ['week', '-271821-W16'], ['month', '-271821-04'], ['quarter', '-271821-Q2'], ['year', '-271821']] as const) {
      const table = cohortRetention([{ customerId: 'a', at: -8.64e15 }], { unit });
      expect(table.cohorts[0]?.cohort).toBe(label);
      expect(table.end).toBe(label);
    }
  });
});
