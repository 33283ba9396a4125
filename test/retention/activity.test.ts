/**
 * How the activity-based functions read customers' activity (`ActivityOptions`): the same
 * records, spans, options and invalid input give the same treatment in `periodRetention`,
 * `cohortRetention` and `kaplanMeier`.
 */
import { describe, expect, it } from 'vitest';
import type { ActivityOptions } from '../../src/retention/activity';
import { cohortRetention } from '../../src/retention/cohort-retention';
import { kaplanMeier } from '../../src/retention/kaplan-meier';
import { periodRetention } from '../../src/retention/period-retention';
import { errorCode, expectCxMetricsError } from '../support/error-code';

const day = (y: number, m: number, d = 10): number => Date.UTC(y, m, d);
type Fn = (activity: readonly unknown[], options?: ActivityOptions<never>) => unknown;
const functions: [string, Fn][] = [
  ['periodRetention', (a, o) => periodRetention(a as never[], o)],
  ['cohortRetention', (a, o) => cohortRetention(a as never[], o)],
  ['kaplanMeier', (a, o) => kaplanMeier(a as never[], (o ?? {}) as never)],
];
const spans = { firstActive: (d: { f: unknown }) => d.f, lastActive: (d: { l: unknown }) => d.l } as unknown as ActivityOptions<never>;

describe.each(functions)('%s: invalid activity', (name, fn) => {
  it('instants that are not valid Dates or epoch ms: INVALID_DATE with the index', () => {
    expectCxMetricsError(() => fn([{ customerId: 'a', at: 0 }, { customerId: 'a', at: Number.NaN }]), 'INVALID_DATE', name);
    expect(errorCode(() => fn([{ customerId: 'a', at: '2024-01-01' }]))).toBe('INVALID_DATE');
    expect(errorCode(() => fn([{ customerId: 'a', at: new Date(Number.NaN) }]))).toBe('INVALID_DATE');
    expect(errorCode(() => fn([{ customerId: 'a', at: Number.POSITIVE_INFINITY }]))).toBe('INVALID_DATE');
    // Finite but outside the ±8.64e15 ms a Date can hold.
    expect(errorCode(() => fn([{ customerId: 'a', at: 1e20 }]))).toBe('INVALID_DATE');
    expect(errorCode(() => fn([{ customerId: 'a', at: 0 }], { observationEnd: Number.NaN }))).toBe('INVALID_DATE');
    expect(errorCode(() => fn([{ f: Number.NaN, l: null }], spans))).toBe('INVALID_DATE');
    expect(errorCode(() => fn([{ f: 0, l: 'soon' }], spans))).toBe('INVALID_DATE');
  });
  it('a customer id that is neither a string nor a finite number: INVALID_RECORD', () => {
    expect(errorCode(() => fn([{ customerId: Number.NaN, at: 0 }]))).toBe('INVALID_RECORD');
    expect(errorCode(() => fn([{ customerId: { id: 1 }, at: 0 }]))).toBe('INVALID_RECORD');
  });
  it('activity after the observation end, and an observation end before a first activity: ORDER_VIOLATION', () => {
    const end = { observationEnd: day(2024, 1) };
    expectCxMetricsError(() => fn([{ customerId: 'a', at: day(2024, 0) }, { customerId: 'a', at: day(2024, 5) }], end), 'ORDER_VIOLATION', name);
    expect(errorCode(() => fn([{ customerId: 'a', at: day(2024, 5) }], end))).toBe('ORDER_VIOLATION');
    expect(errorCode(() => fn([{ f: day(2024, 3), l: null }], { ...spans, ...end }))).toBe('ORDER_VIOLATION');
    expect(errorCode(() => fn([{ f: day(2024, 0), l: day(2024, 4) }], { ...spans, ...end }))).toBe('ORDER_VIOLATION');
  });
  it('a span that ends before it starts: ORDER_VIOLATION', () => {
    expectCxMetricsError(() => fn([{ f: day(2024, 3), l: day(2024, 1) }], spans), 'ORDER_VIOLATION', name);
  });
  it('bad options: INVALID_OPTION', () => {
    expect(errorCode(() => fn([{ customerId: 'a', at: 0 }], { unit: 'fortnight' as never }))).toBe('INVALID_OPTION');
    expect(errorCode(() => fn([{ customerId: 'a', at: 0 }], { activity: 'visits' as never }))).toBe('INVALID_OPTION');
    // Spans have no interaction type to filter on.
    expect(errorCode(() => fn([{ f: 0, l: null }], { ...spans, activity: 'purchases' } as never))).toBe('INVALID_OPTION');
    expect(errorCode(() => fn([{ f: 0, l: null }], { firstActive: (d: { f: number }) => d.f } as never))).toBe('INVALID_OPTION');
  });
  it('the message names the value and its index', () => {
    expect(() => fn([{ customerId: 'a', at: 0 }, { customerId: 'b', at: 'yesterday' }])).toThrow(/"yesterday" at index 1/);
  });
});

describe('one reading of activity for every function', () => {
  const records = [
    { customerId: 'a', at: new Date(day(2024, 0)), type: 'purchase' },
    { customerId: 'a', at: day(2024, 1), type: 'visit' },
    { customerId: 'b', at: day(2024, 0, 31), type: 'purchase' },
    { customerId: 'b', at: null, type: 'purchase' },
    { customerId: null, at: day(2024, 0) },
    null,
    { customerId: 'c', at: day(2024, 2, 20), type: null },
  ];
  it("null records and fields are skipped and counted; with 'purchases', other types are ignored and counted", () => {
    const all = periodRetention(records as never[]);
    expect([all.records, all.skipped, all.ignored, all.customers]).toEqual([4, 3, 0, 3]);
    const purchases = cohortRetention(records as never[], { activity: 'purchases' });
    // A null type cannot be classified: skipped, like any missing field.
    expect([purchases.records, purchases.skipped, purchases.ignored, purchases.customers]).toEqual([2, 4, 1, 2]);
    expect(kaplanMeier(records as never[], {}).skipped).toBe(3);
  });
  it('Dates and epoch ms are the same instant; arrays, generators and typed arrays through accessors read alike', () => {
    const ms = [day(2024, 0), day(2024, 1), day(2024, 3)];
    const ids = new Int32Array([7, 7, 8]);
    const fromIndex = cohortRetention(new Uint8Array([0, 1, 2]), { customerId: (i) => ids[i] as number, at: (i) => ms[i] as number });
    function* generate() {
      for (let i = 0; i < 3; i++) yield { customerId: ids[i] as number, at: new Date(ms[i] as number) };
    }
    expect(cohortRetention(generate())).toEqual(fromIndex);
    expect(fromIndex.cohorts.map((c) => [c.cohort, c.active])).toEqual([
      ['2024-01', [1, 1, 0, 0]],
      ['2024-04', [1]],
    ]);
  });
  it('the observation end is a period: activity later in that same period counts', () => {
    const visits = [{ customerId: 'a', at: day(2024, 0, 5) }, { customerId: 'a', at: day(2024, 2, 28) }];
    const end = { unit: 'month' as const, observationEnd: day(2024, 2, 1) };
    expect(cohortRetention(visits, end).cohorts[0]?.active).toEqual([1, 0, 1]);
    expect(periodRetention(visits, end).periods.length).toBe(3);
    // Still active in the end's period: censored at 3 months.
    expect(kaplanMeier(visits, end).steps.map((s) => [s.time, s.events, s.censored])).toEqual([[3, 0, 1]]);
  });
  it('inputs are not mutated', () => {
    const copy = JSON.stringify(records);
    periodRetention(records as never[]);
    cohortRetention(records as never[]);
    kaplanMeier(records as never[], {});
    expect(JSON.stringify(records)).toBe(copy);
  });
});

describe('field names are read only on the documented row', () => {
  it.each(functions)('%s: a record of another shape without accessors throws INVALID_OPTION naming the accessor', (_name, fn) => {
    expect(errorCode(() => fn([{ id: 'a', when: 0 }]))).toBe('INVALID_OPTION');
    expect(errorCode(() => fn([{ customerId: 'a', when: 0 }]))).toBe('INVALID_OPTION');
    expect(errorCode(() => fn([5]))).toBe('INVALID_RECORD');
    // The same records through accessors are fine.
    expect(errorCode(() => fn([{ id: 'a', when: 0 }], { customerId: (d: { id: string }) => d.id, at: (d: { when: number }) => d.when } as never))).toBeUndefined();
  });
  it('kaplanMeier with durations rejects activity options instead of ignoring them', () => {
    const durations = { duration: (d: { t: number }) => d.t, churned: () => true };
    expect(errorCode(() => kaplanMeier([{ t: 1 }], { ...durations, unit: 'week' } as never))).toBe('INVALID_OPTION');
    expect(errorCode(() => kaplanMeier([{ t: 1 }], { ...durations, churnAfter: 2 } as never))).toBe('INVALID_OPTION');
  });
});
