import { describe, expect, it } from 'vitest';
import { CxMetricsError } from '../../src/internal/errors';
import { errorCode } from '../support/error-code';
import { summarizeTransactions } from '../../src/clv/summarize-transactions';
import type { Purchase } from '../../src/models/interaction';
import { cdnowTransactions, readDataCsv } from './clv-data';

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const at = (iso: string) => Date.parse(`${iso}Z`);

interface Row {
  readonly id: string | number | null | undefined;
  readonly t: unknown;
  readonly v: unknown;
}
const accessors = {
  customerId: (d: Row) => d.id as string | number | null | undefined,
  at: (d: Row) => d.t as number,
  amount: (d: Row) => d.v as number,
};
const purchase = (customerId: string, when: number | Date, amount: number): Purchase => ({
  type: 'purchase',
  customerId,
  at: when,
  amount,
  currency: 'EUR',
});

describe('summarizeTransactions: known values (hand-computed)', () => {
  // Days 0, 0, 2, 9, 9 after 2024-01-01; end of observation 2024-01-15 (day 14).
  const history: Row[] = [
    { id: 'a', t: day('2024-01-01'), v: 10 },
    { id: 'a', t: day('2024-01-01') + 5 * 3_600_000, v: 5 },
    { id: 'a', t: day('2024-01-03'), v: 20 },
    { id: 'a', t: day('2024-01-10') + 60_000, v: 7 },
    { id: 'a', t: day('2024-01-10') + 23 * 3_600_000, v: 3 },
  ];

  it('counts same-day purchases once and leaves out the first day', () => {
    const summary = summarizeTransactions(history, { ...accessors, observationEnd: day('2024-01-15'), unit: 'day' });
    expect(summary.rows).toEqual([{ customerId: 'a', frequency: 2, recency: 9, T: 14, monetaryValue: 15 }]);
    expect(summary).toMatchObject({ unit: 'day', period: 'day', purchases: 5, skipped: 0, holdoutOnlyCustomers: 0 });
    expect(summary.calibrationEnd).toBeUndefined();
  });

  it('reports durations in weeks by default (exact for days)', () => {
    const [row] = summarizeTransactions(history, { ...accessors, observationEnd: day('2024-01-15') }).rows;
    expect(row?.recency).toBe(9 / 7);
    expect(row?.T).toBe(2);
  });

  it('gives the same rows whatever the order of the purchases', () => {
    const reversed = [...history].reverse();
    const rotated = [history[3], history[0], history[4], history[2], history[1]] as Row[];
    const options = { ...accessors, observationEnd: day('2024-01-15'), unit: 'day' as const };
    const expected = summarizeTransactions(history, options).rows;
    expect(summarizeTransactions(reversed, options).rows).toEqual(expected);
    expect(summarizeTransactions(rotated, options).rows).toEqual(expected);
  });

  it('treats an instant anywhere in the observation-end period as that period', () => {
    const late = summarizeTransactions(history, { ...accessors, observationEnd: at('2024-01-15T23:59:59.999'), unit: 'day' });
    expect(late.rows[0]?.T).toBe(14);
    expect(late.observationEnd).toBe(at('2024-01-15T23:59:59.999'));
  });

  it('splits at midnight UTC: 23:59 and 00:01 are two days', () => {
    const rows: Row[] = [
      { id: 1, t: at('2024-03-01T23:59:00'), v: 1 },
      { id: 1, t: at('2024-03-02T00:01:00'), v: 2 },
    ];
    const [row] = summarizeTransactions(rows, { ...accessors, observationEnd: day('2024-03-02'), unit: 'day' }).rows;
    expect(row).toEqual({ customerId: 1, frequency: 1, recency: 1, T: 1, monetaryValue: 2 });
  });

  it('uses ISO weeks for period week', () => {
    // 2024-01-01 is a Monday: Mon 1st and Sun 7th share a week, Mon 8th starts the next.
    const rows: Row[] = [
      { id: 'w', t: day('2024-01-01'), v: 1 },
      { id: 'w', t: day('2024-01-07'), v: 2 },
      { id: 'w', t: day('2024-01-08'), v: 4 },
      { id: 'w', t: day('2024-01-09'), v: 8 },
    ];
    const weeks = summarizeTransactions(rows, { ...accessors, observationEnd: day('2024-01-21'), period: 'week' });
    expect(weeks.rows[0]).toEqual({ customerId: 'w', frequency: 1, recency: 1, T: 2, monetaryValue: 12 });
    const inDays = summarizeTransactions(rows, { ...accessors, observationEnd: day('2024-01-21'), period: 'week', unit: 'day' });
    expect(inDays.rows[0]).toMatchObject({ recency: 7, T: 14 });
  });

  it('counts calendar months for period month and converts them with the mean month', () => {
    const rows: Row[] = [
      { id: 'm', t: day('2024-01-31'), v: 1 },
      { id: 'm', t: day('2024-02-01'), v: 2 },
    ];
    const months = summarizeTransactions(rows, { ...accessors, observationEnd: day('2024-04-15'), period: 'month', unit: 'month' });
    expect(months.rows[0]).toMatchObject({ frequency: 1, recency: 1, T: 3 });
    const days = summarizeTransactions(rows, { ...accessors, observationEnd: day('2024-04-15'), period: 'month', unit: 'day' });
    expect(days.rows[0]?.recency).toBe(30.436875);
  });

  it('splits calibration and holdout, keeping the calibration-end day in calibration', () => {
    const rows: Row[] = [
      ...history,
      { id: 'a', t: at('2024-01-10T15:00:00'), v: 10 }, // calibration-end day: calibration
      { id: 'a', t: day('2024-01-12'), v: 4 },
      { id: 'a', t: day('2024-01-12'), v: 6 },
      { id: 'a', t: day('2024-01-14'), v: 10 },
      { id: 'b', t: day('2024-01-05'), v: 50 },
      { id: 'late', t: day('2024-01-11'), v: 99 }, // first seen in the holdout: no row
    ];
    const summary = summarizeTransactions(rows, {
      ...accessors,
      calibrationEnd: at('2024-01-10T08:00:00'),
      observationEnd: day('2024-01-20'),
      unit: 'day',
    });
    expect(summary.rows).toEqual([
      { customerId: 'a', frequency: 2, recency: 9, T: 9, monetaryValue: 20, holdoutFrequency: 2, holdoutMonetaryValue: 10, holdoutDuration: 10 },
      { customerId: 'b', frequency: 0, recency: 0, T: 5, monetaryValue: 0, holdoutFrequency: 0, holdoutMonetaryValue: 0, holdoutDuration: 10 },
    ]);
    expect(summary.holdoutOnlyCustomers).toBe(1);
    expect(summary.purchases).toBe(11);
    expect(summary.calibrationEnd).toBe(at('2024-01-10T08:00:00'));
  });

  it('allows an empty holdout (calibration end in the observation-end period)', () => {
    const summary = summarizeTransactions(history, {
      ...accessors,
      calibrationEnd: day('2024-01-15'),
      observationEnd: at('2024-01-15T12:00:00'),
      unit: 'day',
    });
    expect(summary.rows[0]).toMatchObject({ T: 14, holdoutFrequency: 0, holdoutDuration: 0 });
  });

  it('reads Purchase records without accessors, Date or epoch instants, from any iterable', () => {
    const purchases = [
      purchase('x', new Date('2024-05-01T10:00:00Z'), 12.5),
      purchase('x', day('2024-05-04'), 7.5),
      purchase('y', new Date('2024-05-02T00:00:00Z'), 3),
    ];
    function* generate() {
      yield* purchases;
    }
    const fromArray = summarizeTransactions(purchases, { observationEnd: new Date('2024-05-08T00:00:00Z'), unit: 'day' });
    expect(fromArray.rows).toEqual([
      { customerId: 'x', frequency: 1, recency: 3, T: 7, monetaryValue: 7.5 },
      { customerId: 'y', frequency: 0, recency: 0, T: 6, monetaryValue: 0 },
    ]);
    expect(summarizeTransactions(generate(), { observationEnd: day('2024-05-08'), unit: 'day' }).rows).toEqual(fromArray.rows);
    expect(summarizeTransactions(new Set(purchases), { observationEnd: day('2024-05-08'), unit: 'day' }).rows).toEqual(fromArray.rows);
  });

  it('sums money without drift (compensated)', () => {
    // Ten repeat days of 0.1 each: naive addition gives 0.9999999999999999 / 10.
    const rows: Row[] = [{ id: 'c', t: 0, v: 1 }];
    for (let k = 1; k <= 10; k++) rows.push({ id: 'c', t: k * DAY, v: 0.1 });
    const [row] = summarizeTransactions(rows, { ...accessors, observationEnd: 10 * DAY, unit: 'day' }).rows;
    expect(row?.monetaryValue).toBe(0.1);
  });

  it('grows past its initial tables: 3,000 customers, in time order then shuffled', () => {
    // Customer c buys on days c % 50, c % 50 + 1 (twice), c % 50 + 7 and, in the holdout, day 100.
    const rows: Row[] = [];
    for (let c = 0; c < 3000; c++) {
      const d0 = c % 50;
      for (const d of [d0, d0 + 1, d0 + 1, d0 + 7, 100]) rows.push({ id: c, t: d * DAY + (c % 7) * 3_600_000, v: 1 + (c % 3) });
    }
    const options = { ...accessors, calibrationEnd: 60 * DAY, observationEnd: 120 * DAY, unit: 'day' as const };
    const check = (input: Row[]) => {
      const summary = summarizeTransactions(input, options);
      expect(summary.rows.length).toBe(3000);
      for (const row of summary.rows) {
        const c = row.customerId as number;
        expect(row).toEqual({
          customerId: c,
          frequency: 2,
          recency: 7,
          T: 60 - (c % 50),
          monetaryValue: (3 * (1 + (c % 3))) / 2,
          holdoutFrequency: 1,
          holdoutMonetaryValue: 1 + (c % 3),
          holdoutDuration: 60,
        });
      }
    };
    check([...rows].sort((a, b) => (a.t as number) - (b.t as number)));
    // A fixed permutation (multiplicative step coprime with the length): many customers out of order.
    const n = rows.length;
    check(Array.from({ length: n }, (_, i) => rows[(i * 7919) % n] as Row));
  });

  it('keys customers by SameValueZero: the string 1 and the number 1 differ', () => {
    const rows: Row[] = [
      { id: 1, t: 0, v: 1 },
      { id: '1', t: DAY, v: 2 },
    ];
    expect(summarizeTransactions(rows, { ...accessors, observationEnd: DAY }).rows.map((r) => r.customerId)).toEqual([1, '1']);
  });

  it('returns frozen results, no rows for no purchases, and never mutates its input', () => {
    const input = history.map((r) => ({ ...r }));
    const copy = JSON.stringify(input);
    const summary = summarizeTransactions(input, { ...accessors, observationEnd: day('2024-01-15') });
    expect(JSON.stringify(input)).toBe(copy);
    expect(Object.isFrozen(summary)).toBe(true);
    expect(Object.isFrozen(summary.rows)).toBe(true);
    expect(Object.isFrozen(summary.rows[0])).toBe(true);
    const empty = summarizeTransactions([] as Purchase[], { observationEnd: 0 });
    expect(empty).toMatchObject({ rows: [], purchases: 0, skipped: 0 });
  });

  it('types holdout rows only when a calibration end is given', () => {
    const plain = summarizeTransactions([] as Purchase[], { observationEnd: 0 });
    const split = summarizeTransactions([] as Purchase[], { observationEnd: 0, calibrationEnd: 0 });
    const holdout: number | undefined = split.rows[0]?.holdoutFrequency;
    // @ts-expect-error: plain rows have no holdout fields
    const none: unknown = plain.rows[0]?.holdoutFrequency;
    expect([holdout, none]).toEqual([undefined, undefined]);
    // @ts-expect-error: records other than Purchase need accessors
    expect(errorCode(() => summarizeTransactions([{ id: 1 }], { observationEnd: 0 }))).toBe(undefined);
  });
});

describe('summarizeTransactions: missing and bad input', () => {
  const end = { ...accessors, observationEnd: day('2024-02-01') };
  const ok: Row = { id: 'a', t: day('2024-01-01'), v: 1 };

  it('skips and counts records with a null or undefined id, instant or amount', () => {
    const rows: Row[] = [ok, { id: null, t: day('2024-01-02'), v: 1 }, { id: 'a', t: undefined, v: 1 }, { id: 'a', t: day('2024-01-03'), v: null }];
    const summary = summarizeTransactions(rows, end);
    expect(summary).toMatchObject({ purchases: 1, skipped: 3 });
    expect(summary.rows[0]?.frequency).toBe(0);
  });

  it('repeat or holdout spend beyond a double is OUT_OF_RANGE naming the customer, never Infinity', () => {
    const huge: Row[] = [ok, { id: 'a', t: day('2024-01-02'), v: 1e308 }, { id: 'a', t: day('2024-01-03'), v: 1e308 }];
    expect(() => summarizeTransactions(huge, end)).toThrow(/^summarizeTransactions: repeat spend of customer "a" overflows a double/);
    const split = { ...end, calibrationEnd: day('2024-01-01') };
    expect(() => summarizeTransactions(huge, split)).toThrow(/^summarizeTransactions: holdout spend of customer "a" overflows/);
    expect(summarizeTransactions(huge.slice(0, 2), end).rows[0]?.monetaryValue).toBe(1e308);
  });

  it('skips and counts null and undefined records before any accessor reads them', () => {
    const rows = [ok, null, undefined, { ...ok, t: day('2024-01-05') }] as Row[];
    const summary = summarizeTransactions(rows, end);
    expect(summary).toMatchObject({ purchases: 2, skipped: 2 });
    expect(summary.rows[0]?.frequency).toBe(1);
    const purchases = [purchase('a', day('2024-01-01'), 1), null] as Purchase[];
    expect(summarizeTransactions(purchases, { observationEnd: day('2024-02-01') })).toMatchObject({ purchases: 1, skipped: 1 });
  });

  it.each<[string, Row, string]>([
    ['negative money', { id: 'a', t: day('2024-01-02'), v: -1 }, 'NEGATIVE_VALUE'],
    ['NaN money', { id: 'a', t: day('2024-01-02'), v: Number.NaN }, 'INVALID_NUMBER'],
    ['infinite money', { id: 'a', t: day('2024-01-02'), v: Number.POSITIVE_INFINITY }, 'INVALID_NUMBER'],
    ['money as a string', { id: 'a', t: day('2024-01-02'), v: '12' }, 'INVALID_NUMBER'],
    ['an invalid Date', { id: 'a', t: new Date('nope'), v: 1 }, 'INVALID_DATE'],
    ['a date string', { id: 'a', t: '2024-01-02', v: 1 }, 'INVALID_DATE'],
    ['a NaN instant', { id: 'a', t: Number.NaN, v: 1 }, 'INVALID_DATE'],
    ['epoch ms beyond the range of a Date', { id: 'a', t: -1e300, v: 1 }, 'INVALID_DATE'],
    ['an object id', { id: {} as unknown as string, t: day('2024-01-02'), v: 1 }, 'INVALID_RECORD'],
    ['a NaN id', { id: Number.NaN, t: day('2024-01-02'), v: 1 }, 'INVALID_RECORD'],
    ['a purchase after the observation end', { id: 'a', t: day('2024-02-02'), v: 1 }, 'ORDER_VIOLATION'],
  ])('throws for %s, naming the index', (_what, bad, code) => {
    let error: unknown;
    try {
      summarizeTransactions([ok, ok, bad], end);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CxMetricsError);
    expect((error as CxMetricsError).code).toBe(code);
    expect((error as CxMetricsError).details).toMatchObject({ function: 'summarizeTransactions', index: 2 });
    expect((error as CxMetricsError).message).toMatch(/^summarizeTransactions: .* at index 2 /);
  });

  it('rejects a holdout that ends before the calibration end', () => {
    expect(errorCode(() => summarizeTransactions([ok], { ...accessors, calibrationEnd: day('2024-02-02'), observationEnd: day('2024-02-01') }))).toBe(
      'ORDER_VIOLATION',
    );
  });

  it('rejects bad options', () => {
    expect(errorCode(() => summarizeTransactions([ok], { ...accessors } as unknown as typeof end))).toBe('INVALID_OPTION');
    expect(errorCode(() => summarizeTransactions([ok], { ...end, unit: 'fortnight' as 'week' }))).toBe('INVALID_OPTION');
    expect(errorCode(() => summarizeTransactions([ok], { ...end, period: 'hour' as 'day' }))).toBe('INVALID_OPTION');
    expect(errorCode(() => summarizeTransactions([ok], { ...end, observationEnd: Number.NaN }))).toBe('INVALID_DATE');
    expect(errorCode(() => summarizeTransactions([ok], { ...end, observationEnd: '2024-02-01' as unknown as number }))).toBe('INVALID_DATE');
    expect(errorCode(() => summarizeTransactions([ok], { ...end, calibrationEnd: new Date('x') }))).toBe('INVALID_DATE');
  });
});

/**
 * The published CDNOW calibration summary (Fader, Hardie & Lee 2005), rebuilt from the raw
 * transactions of the 1-in-10 sample: frequency, recency and T in weeks to 2 decimals, and the
 * mean repeat spend `zbar` of the Gamma-Gamma paper.
 */
describe('summarizeTransactions on CDNOW', () => {
  const purchases = cdnowTransactions();
  const calibrationEnd = Date.UTC(1997, 8, 30);
  const summary = summarizeTransactions(purchases, {
    customerId: (d) => d.sampleId,
    at: (d) => d.at,
    amount: (d) => d.amount,
    calibrationEnd,
    observationEnd: Date.UTC(1998, 5, 30),
    unit: 'week',
  });
  const round2 = (x: number) => Math.round(x * 100) / 100;

  it('reads every purchase of the 2,357 customers', () => {
    expect(purchases.length).toBe(6919);
    expect(summary.purchases).toBe(6919);
    expect(summary.skipped).toBe(0);
    expect(summary.rows.length).toBe(2357);
    expect(summary.holdoutOnlyCustomers).toBe(0);
    expect(summary.rows.filter((r) => r.frequency > 0).length).toBe(946);
  });

  type SummaryRow = (typeof summary.rows)[number];
  /** Rows of a published CSV that disagree with ours, as readable lines (none expected). */
  function mismatches(file: string, agrees: (row: SummaryRow, published: Record<string, number>) => boolean): string[] {
    const published = readDataCsv(file);
    expect(published.length).toBe(2357);
    const byId = new Map(summary.rows.map((r) => [r.customerId, r]));
    return published
      .filter((e) => {
        const row = byId.get(e['ID'] as number);
        return row === undefined || !agrees(row, e);
      })
      .map((e) => `${e['ID']}: ${JSON.stringify(e)} vs ${JSON.stringify(byId.get(e['ID'] as number))}`);
  }

  it('rebuilds cdnow_customers_summary.csv exactly (weeks, 2 decimals)', () => {
    const bad = mismatches(
      'cdnow_customers_summary.csv',
      (row, e) => row.frequency === e['frequency'] && round2(row.recency) === e['recency'] && round2(row.T) === e['T'],
    );
    expect(bad).toEqual([]);
    expect(Math.max(...summary.rows.map((r) => r.T))).toBe(272 / 7);
  });

  it('rebuilds zbar of cdnow_customers_summary_with_transactions.csv to the cent', () => {
    const bad = mismatches(
      'cdnow_customers_summary_with_transactions.csv',
      (row, e) =>
        row.frequency === e['x'] &&
        round2(row.recency) === e['t_x'] &&
        round2(row.T) === e['T'] &&
        // zbar is rounded half up from the exact decimal mean: 18.135 → 18.14, where the double
        // 18.134999999999998 would round down. Rounding our mean half up (1e-9 nudge) gives every cent.
        Math.round(row.monetaryValue * 100 + 1e-9) / 100 === e['zbar'],
    );
    expect(bad).toEqual([]);
  });

  it('splits off the holdout window 1997-10-01 … 1998-06-30, checked against a direct count', () => {
    // 273 days, from the calibration end day (exclusive) to the observation end day (inclusive).
    expect(summary.rows[0]?.holdoutDuration).toBe(273 / 7);
    // Independently: each customer's holdout purchases grouped by day, then counted and averaged.
    const days = new Map<number, Map<number, number>>();
    for (const p of purchases) {
      if (p.at <= calibrationEnd) continue;
      const byDay = days.get(p.sampleId) ?? new Map<number, number>();
      days.set(p.sampleId, byDay);
      byDay.set(p.at, (byDay.get(p.at) ?? 0) + p.amount);
    }
    for (const row of summary.rows) {
      const byDay = days.get(row.customerId as number);
      const values = byDay === undefined ? [] : [...byDay.values()];
      expect(row.holdoutFrequency).toBe(values.length);
      const mean = values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;
      expect(Math.abs(row.holdoutMonetaryValue - mean)).toBeLessThanOrEqual(1e-9 * (1 + mean));
    }
  });
});

