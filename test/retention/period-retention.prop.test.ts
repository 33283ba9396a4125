import { test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { periodRetention } from '../../src/retention/period-retention';
import { activePeriods, periodOf, spanAccessors, spanPeriods, spansArb, TO, unitArb, visitsArb, type Unit } from './activity-reference';

function expectRows(result: ReturnType<typeof periodRetention>, sets: Map<unknown, Set<number>>, unit: Unit, end: number) {
  let previous = new Set<unknown>();
  const seen = new Set<unknown>();
  let expected = Math.min(...[...sets.values()].flatMap((s) => [...s]));
  for (const row of result.periods) {
    const p = periodOf(row.start, unit);
    expect(p).toBe(expected++); // every period, empty ones included
    const active = new Set([...sets].filter(([, s]) => s.has(p)).map(([id]) => id));
    expect(row.active).toBe(active.size);
    expect(row.retained).toBe([...active].filter((id) => previous.has(id)).length);
    expect(row.acquired).toBe([...active].filter((id) => !seen.has(id)).length);
    expect(row.reactivated).toBe([...active].filter((id) => seen.has(id) && !previous.has(id)).length);
    expect(row.churned).toBe([...previous].filter((id) => !active.has(id)).length);
    if (previous.size === 0) expect(row.retentionRate).toBeUndefined();
    else {
      expect(row.retentionRate).toBeGreaterThanOrEqual(0);
      expect(row.retentionRate).toBeLessThanOrEqual(1);
      expect((row.retentionRate as number) + (row.churnRate as number)).toBeCloseTo(1, 14);
    }
    for (const id of active) seen.add(id);
    previous = active;
  }
  expect(expected - 1).toBe(end); // through the observation end (or the last activity)
}

test.prop([visitsArb, unitArb], { numRuns: 80 })('records: matches brute force; rates in [0, 1] summing to 1', (visits, unit) => {
  expectRows(periodRetention(visits, { unit }), activePeriods(visits, unit), unit, Math.max(...visits.map((v) => periodOf(v.at, unit))));
});

test.prop([spansArb, unitArb], { numRuns: 60 })('spans: matches brute force, and nobody is ever reactivated', (spans, unit) => {
  const result = periodRetention(spans, { unit, observationEnd: TO, ...spanAccessors });
  expectRows(result, spanPeriods(spans, unit, periodOf(TO, unit)), unit, periodOf(TO, unit));
  for (const row of result.periods) expect(row.reactivated).toBe(0);
});

test.prop([visitsArb], { numRuns: 40 })('invariant under reordering', (visits) => {
  expect(periodRetention([...visits].reverse())).toEqual(periodRetention(visits));
});
