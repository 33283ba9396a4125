// Also covered through its public users: activity.test.ts (the shared activity-reference cases),
// period-retention, cohort-retention and kaplan-meier in activity mode, and the bad-input rows.
import { describe, expect, it } from 'vitest';
import { collectActivity, hasPeriod, minFirst } from '../../src/retention/activity-collector';
import { expectCxMetricsError } from '../support/error-code';

const day = (d: number): number => Date.UTC(2024, 0, d);

describe('collectActivity', () => {
  it('collects first and last periods per customer, and the active periods', () => {
    const records = [
      { customerId: 'a', at: day(1) },
      { customerId: 'b', at: day(3) },
      { customerId: 'a', at: day(5) },
      null,
      { customerId: 'a', at: null },
    ];
    const a = collectActivity('f', records, { unit: 'day' }, true);
    expect(a.customers).toBe(2);
    expect(a.records).toBe(3);
    expect(a.skipped).toBe(2);
    const base = minFirst(a) as number;
    expect([a.first[0]! - base, a.last[0]! - base, a.first[1]! - base, a.last[1]! - base]).toEqual([0, 4, 2, 2]);
    expect(a.bits).not.toBeNull();
    expect([0, 1, 2, 3, 4].map((k) => hasPeriod(a.bits!, 0, base + k))).toEqual([true, false, false, false, true]);
    expect(a.end - base).toBe(4);
  });
  it('reads spans, still-active customers running to the end', () => {
    const spans = [{ from: day(1), to: day(2) }, { from: day(2), to: null }];
    const a = collectActivity('f', spans, { unit: 'day', firstActive: (d) => d.from, lastActive: (d) => d.to, observationEnd: day(10) }, false);
    expect(a.spans).toBe(true);
    expect(Array.from(a.open.subarray(0, 2))).toEqual([0, 1]);
    expect(a.last[1]! - a.first[1]!).toBe(8);
  });
  it('rejects activity after the observation end', () => {
    expectCxMetricsError(() => collectActivity('f', [{ customerId: 'a', at: day(9) }], { unit: 'day', observationEnd: day(2) }, false), 'ORDER_VIOLATION', 'f');
  });
});
