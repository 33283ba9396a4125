import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { cohortRetention } from '../../src/retention/cohort-retention';
import { periodRetention } from '../../src/retention/period-retention';
import { errorCode } from '../support/error-code';

type Visit = { customerId: string | number; at: number; type?: string };
const month = (y: number, m: number, d = 10): number => Date.UTC(y, m, d);

/** Brute force over (customer, month) sets: the reference for both functions. */
function reference(visits: Visit[]) {
  const periods = new Map<string | number, Set<number>>();
  for (const v of visits) {
    const d = new Date(v.at);
    const p = d.getUTCFullYear() * 12 + d.getUTCMonth();
    let s = periods.get(v.customerId);
    if (s === undefined) periods.set(v.customerId, (s = new Set()));
    s.add(p);
  }
  return periods;
}

const visitsArb = fc.array(
  fc.record({
    customerId: fc.integer({ min: 0, max: 15 }),
    at: fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2024, 11, 31) }),
  }),
  { minLength: 1, maxLength: 120 },
);

describe('cohortRetention: known values', () => {
  const visits: Visit[] = [
    { customerId: 'a', at: month(2024, 0) }, { customerId: 'a', at: month(2024, 2) }, { customerId: 'a', at: month(2024, 2, 20) },
    { customerId: 'b', at: month(2024, 0) }, { customerId: 'b', at: month(2024, 1) },
    { customerId: 'c', at: month(2024, 1) }, { customerId: 'c', at: month(2024, 3) },
  ];
  it('classic and unbounded counts, ragged triangle, cohort sizes (by hand)', () => {
    const table = cohortRetention(visits, { unit: 'month' });
    expect(table.cohorts.map((c) => [c.cohort, c.size, c.active, c.activeUnbounded])).toEqual([
      ['2024-01', 2, [2, 1, 1, 0], [2, 2, 1, 0]],
      ['2024-02', 1, [1, 0, 1], [1, 1, 1]],
    ]);
    expect(table.cohorts[1]?.retention).toEqual([1, 0, 1]);
    expect(table.end).toBe('2024-04');
    expect(table.records).toBe(7);
    expect(table.customers).toBe(3);
  });
  it('observationEnd extends the triangle; quarters bucket by UTC calendar', () => {
    const table = cohortRetention(visits, { unit: 'quarter', observationEnd: Date.UTC(2024, 6, 1) });
    expect(table.cohorts.map((c) => [c.cohort, c.active])).toEqual([['2024-Q1', [3, 1, 0]]]);
  });
  it("activity: 'purchases' ignores other interaction types; nulls are skipped", () => {
    const mixed = [
      { customerId: 'a', at: month(2024, 0), type: 'purchase' },
      { customerId: 'a', at: month(2024, 1), type: 'visit' },
      { customerId: 'b', at: null, type: 'purchase' },
      null,
    ] as unknown as Visit[];
    const table = cohortRetention(mixed, { activity: 'purchases' });
    expect(table.cohorts.map((c) => c.active)).toEqual([[1]]);
    expect(table.ignored).toBe(1);
    expect(table.skipped).toBe(2);
  });
  it('spans: active in every period between first and last', () => {
    const spans = [
      { from: month(2024, 0), to: month(2024, 2) },
      { from: month(2024, 0), to: null },
    ];
    const table = cohortRetention(spans, { observationEnd: month(2024, 3), firstActive: (d) => d.from, lastActive: (d) => d.to });
    expect(table.cohorts[0]?.active).toEqual([2, 2, 2, 1]);
    expect(table.cohorts[0]?.activeUnbounded).toEqual([2, 2, 2, 1]);
  });
  it('no activity: no cohorts', () => {
    expect(cohortRetention([] as Visit[]).cohorts).toEqual([]);
    expect(cohortRetention([] as Visit[]).end).toBeUndefined();
    expect(periodRetention([] as Visit[]).periods).toEqual([]);
  });
});

describe('cohortRetention: properties', () => {
  test.prop([visitsArb], { numRuns: 80 })('equals the brute-force table; shares ≤ 1, unbounded ≥ classic', (visits) => {
    const sets = reference(visits);
    const table = cohortRetention(visits, { unit: 'month' });
    let end = -Infinity;
    for (const s of sets.values()) for (const p of s) end = Math.max(end, p);
    for (const row of table.cohorts) {
      const [y, m] = row.cohort.split('-').map(Number) as [number, number];
      const c = y * 12 + m - 1;
      const members = [...sets.values()].filter((s) => Math.min(...s) === c);
      expect(row.size).toBe(members.length);
      expect(row.active.length).toBe(end - c + 1);
      row.active.forEach((v, k) => expect(v).toBe(members.filter((s) => s.has(c + k)).length));
      row.activeUnbounded.forEach((v, k) => expect(v).toBe(members.filter((s) => Math.max(...s) >= c + k).length));
      row.retention.forEach((r, k) => {
        expect(r).toBeLessThanOrEqual(1);
        expect(row.retentionUnbounded[k]).toBeGreaterThanOrEqual(r);
      });
    }
    expect(table.cohorts.reduce((n, r) => n + r.size, 0)).toBe(sets.size);
  });
  test.prop([visitsArb], { numRuns: 40 })('invariant under reordering', (visits) => {
    expect(cohortRetention([...visits].reverse())).toEqual(cohortRetention(visits));
  });
});

describe('periodRetention: known values', () => {
  it('active, new, retained, reactivated, churned per month (by hand)', () => {
    const visits: Visit[] = [
      { customerId: 'a', at: month(2024, 0) }, { customerId: 'b', at: month(2024, 0) },
      { customerId: 'a', at: month(2024, 1) }, { customerId: 'c', at: month(2024, 1) },
      { customerId: 'b', at: month(2024, 2) }, { customerId: 'c', at: month(2024, 2) },
    ];
    const { periods } = periodRetention(visits);
    expect(periods.map((p) => [p.period, p.active, p.acquired, p.retained, p.reactivated, p.churned, p.retentionRate])).toEqual([
      ['2024-01', 2, 2, 0, 0, 0, undefined],
      ['2024-02', 2, 1, 1, 0, 1, 0.5],
      ['2024-03', 2, 0, 1, 1, 1, 0.5],
    ]);
  });
  it('empty periods are listed; spans give no reactivations', () => {
    const spans = [
      { from: month(2024, 0), to: month(2024, 1) },
      { from: month(2024, 3), to: null },
    ];
    const { periods } = periodRetention(spans, { observationEnd: month(2024, 4), firstActive: (d) => d.from, lastActive: (d) => d.to });
    expect(periods.map((p) => [p.active, p.acquired, p.retained, p.churned])).toEqual([
      [1, 1, 0, 0],
      [1, 0, 1, 0],
      [0, 0, 0, 1],
      [1, 1, 0, 0],
      [1, 0, 1, 0],
    ]);
    expect(periods[3]?.retentionRate).toBeUndefined();
  });
});

describe('periodRetention: properties', () => {
  test.prop([visitsArb], { numRuns: 80 })('matches brute force; rates in [0, 1] summing to 1', (visits) => {
    const sets = reference(visits);
    const { periods } = periodRetention(visits, { unit: 'month' });
    let previous: Set<string | number> = new Set();
    const seen = new Set<string | number>();
    for (const row of periods) {
      const [y, m] = row.period.split('-').map(Number) as [number, number];
      const p = y * 12 + m - 1;
      const active = new Set([...sets].filter(([, s]) => s.has(p)).map(([id]) => id));
      expect(row.active).toBe(active.size);
      expect(row.retained).toBe([...active].filter((id) => previous.has(id)).length);
      expect(row.acquired).toBe([...active].filter((id) => !seen.has(id)).length);
      expect(row.churned).toBe([...previous].filter((id) => !active.has(id)).length);
      if (row.retentionRate !== undefined) {
        expect(row.retentionRate).toBeGreaterThanOrEqual(0);
        expect(row.retentionRate).toBeLessThanOrEqual(1);
        expect(row.retentionRate + (row.churnRate as number)).toBeCloseTo(1, 14);
      }
      for (const id of active) seen.add(id);
      previous = active;
    }
  });
});

describe('cohortRetention / periodRetention: bad input', () => {
  for (const fn of [cohortRetention, periodRetention]) {
    it(`${fn.name} throws with codes`, () => {
      expect(errorCode(() => fn([{ customerId: 'a', at: Number.NaN }]))).toBe('INVALID_DATE');
      expect(errorCode(() => fn([{ customerId: 'a', at: 'yesterday' as never }]))).toBe('INVALID_DATE');
      expect(errorCode(() => fn([{ customerId: Number.NaN, at: 0 }]))).toBe('INVALID_RECORD');
      expect(errorCode(() => fn([{ customerId: 'a', at: month(2024, 5) }], { observationEnd: month(2024, 1) }))).toBe('ORDER_VIOLATION');
      expect(errorCode(() => fn([{ customerId: 'a', at: 0 }], { unit: 'fortnight' as never }))).toBe('INVALID_OPTION');
      expect(errorCode(() => fn([{ customerId: 'a', at: 0 }], { activity: 'visits' as never }))).toBe('INVALID_OPTION');
      expect(errorCode(() => fn([{ customerId: 'a', at: 0 }], { observationEnd: Number.NaN }))).toBe('INVALID_DATE');
      const spans = { firstActive: (d: { f: number; l: number | null }) => d.f, lastActive: (d: { f: number; l: number | null }) => d.l };
      expect(errorCode(() => fn([{ f: month(2024, 3), l: month(2024, 1) }], spans))).toBe('ORDER_VIOLATION');
      expect(errorCode(() => fn([{ f: month(2024, 3), l: null }], { ...spans, observationEnd: month(2024, 1) }))).toBe('ORDER_VIOLATION');
      expect(errorCode(() => fn([{ f: month(2024, 3), l: null }], { firstActive: spans.firstActive } as never))).toBe('INVALID_OPTION');
    });
  }
});
