import { describe, expect, it } from 'vitest';
import { periodRetention } from '../../src/retention/period-retention';
import type { Visit } from './activity-reference';
import { CxMetricsError } from '../../src/internal/errors';
import { errorCode, thrownBy } from '../support/error-code';

const day = (y: number, m: number, d = 10): number => Date.UTC(y, m, d);

describe('periodRetention: known values (by hand)', () => {
  it('active, new, retained, reactivated, churned and the rates per month', () => {
    // Jan {a, b} · Feb {a, c} · Mar {b, c}.
    const visits: Visit[] = [
      { customerId: 'a', at: day(2024, 0) }, { customerId: 'b', at: day(2024, 0) },
      { customerId: 'a', at: day(2024, 1) }, { customerId: 'c', at: day(2024, 1) },
      { customerId: 'b', at: day(2024, 2) }, { customerId: 'c', at: day(2024, 2) },
    ];
    const { periods, customers, records } = periodRetention(visits);
    // Feb: a retained, c new, b churned → 1/2 retained. Mar: c retained, b back (reactivated), a churned.
    expect(periods.map((p) => [p.period, p.active, p.acquired, p.retained, p.reactivated, p.churned, p.retentionRate, p.churnRate])).toEqual([
      ['2024-01', 2, 2, 0, 0, 0, undefined, undefined],
      ['2024-02', 2, 1, 1, 0, 1, 0.5, 0.5],
      ['2024-03', 2, 0, 1, 1, 1, 0.5, 0.5],
    ]);
    expect(periods[1]?.start).toBe(Date.UTC(2024, 1, 1));
    expect([customers, records]).toEqual([3, 6]);
  });
  it('empty periods are listed; spans give no reactivations', () => {
    const spans = [
      { from: day(2024, 0), to: day(2024, 1) },
      { from: day(2024, 3), to: null },
    ];
    const { periods } = periodRetention(spans, { observationEnd: day(2024, 4), firstActive: (d) => d.from, lastActive: (d) => d.to });
    expect(periods.map((p) => [p.period, p.active, p.acquired, p.retained, p.reactivated, p.churned, p.churnRate])).toEqual([
      ['2024-01', 1, 1, 0, 0, 0, undefined],
      ['2024-02', 1, 0, 1, 0, 0, 0],
      ['2024-03', 0, 0, 0, 0, 1, 1],
      ['2024-04', 1, 1, 0, 0, 0, undefined], // nobody active in March: no rate
      ['2024-05', 1, 0, 1, 0, 0, 0],
    ]);
  });
  it('years, purchases only, observation end after the last activity', () => {
    const orders = [
      { customerId: 1, at: day(2022, 5), type: 'purchase' },
      { customerId: 1, at: day(2023, 5), type: 'support' },
      { customerId: 2, at: day(2023, 1), type: 'purchase' },
      { customerId: 1, at: day(2024, 5), type: 'purchase' },
    ];
    const result = periodRetention(orders, { unit: 'year', activity: 'purchases', observationEnd: day(2025, 0) });
    expect(result.periods.map((p) => [p.period, p.active, p.acquired, p.retained, p.reactivated, p.churned])).toEqual([
      ['2022', 1, 1, 0, 0, 0],
      ['2023', 1, 1, 0, 0, 1], // the 2023 support contact of 1 is not a purchase
      ['2024', 1, 0, 0, 1, 1],
      ['2025', 0, 0, 0, 0, 1],
    ]);
    expect(result.ignored).toBe(1);
    expect(result.unit).toBe('year');
  });
  it('no activity: no periods', () => {
    expect(periodRetention([] as Visit[]).periods).toEqual([]);
    expect(periodRetention([undefined] as unknown as Visit[]).skipped).toBe(1);
  });
});

describe('periodRetention: calendar spans', () => {
  const visits2024 = Array.from({ length: 366 }, (_, k) => ({ customerId: `c${k % 40}`, at: Date.UTC(2024, 0, 1 + k) }));

  it('rejects a span past 100,000 periods with OUT_OF_RANGE naming the span and the limit, without allocating it', () => {
    // One mistyped year (+020240) among 2024 records, and the two ends of the instant range.
    for (const activity of [
      [...visits2024, { customerId: 'x', at: Date.UTC(20240, 0, 5) }],
      [{ customerId: 'a', at: -8.64e15 }, { customerId: 'a', at: 8.64e15 }],
    ]) {
      const error = thrownBy(() => periodRetention(activity, { unit: 'day' })) as CxMetricsError;
      expect(error).toBeInstanceOf(CxMetricsError);
      expect(error.code).toBe('OUT_OF_RANGE');
      expect(error.message).toMatch(/^periodRetention: the activity spans [\d,]+ days \(.+ to .+\), more than the limit of 100,000 periods/);
    }
    expect((thrownBy(() => periodRetention([{ customerId: 'a', at: -8.64e15 }, { customerId: 'a', at: 8.64e15 }], { unit: 'day' })) as Error).message).toContain(
      '200,000,001 days (-271821-04-20 to 275760-09-13)',
    );
    // An observation end far away counts too.
    expect(errorCode(() => periodRetention(visits2024, { unit: 'day', observationEnd: Date.UTC(2400, 0, 1) }))).toBe('OUT_OF_RANGE');
  });

  it('accepts exactly 100,000 periods', () => {
    const end = Date.UTC(1970, 0, 1) + 99_999 * 86_400_000;
    const { periods } = periodRetention([{ customerId: 'a', at: 0 }], { unit: 'day', observationEnd: end });
    expect(periods).toHaveLength(100_000);
    expect(periods[99_999]?.churned).toBe(0);
    expect(errorCode(() => periodRetention([{ customerId: 'a', at: 0 }], { unit: 'day', observationEnd: end + 86_400_000 }))).toBe('OUT_OF_RANGE');
  });

  it('labels the first and last periods of the valid instant range (no "NaN-NaN")', () => {
    // The whole range is 547,582 years: past the limit even by year.
    expect(errorCode(() => periodRetention([{ customerId: 'a', at: -8.64e15 }, { customerId: 'b', at: 8.64e15 }], { unit: 'year' }))).toBe('OUT_OF_RANGE');
    const early = periodRetention([{ customerId: 'a', at: -8.64e15 }, { customerId: 'b', at: Date.UTC(-200000, 0, 1) }], { unit: 'year' }).periods;
    expect(early).toHaveLength(271_821 - 200_000 + 1);
    expect(early[0]).toMatchObject({ period: '-271821', active: 1, acquired: 1 });
    expect(early.at(-1)).toMatchObject({ period: '-200000', active: 1, acquired: 1, churned: 0 });
    for (const [unit, first, last] of [
      ['day', '-271821-04-20', '-271821-04-20'],
      ['week', '-271821-W16', '-271821-W16'],
      ['month', '-271821-04', '-271821-04'],
      ['quarter', '-271821-Q2', '-271821-Q2'],
    ] as const) {
      const { periods } = periodRetention([{ customerId: 'a', at: new Date(-8.64e15) }], { unit });
      expect(periods.map((p) => p.period)).toEqual([first]);
      expect(periods[0]?.start).toBeLessThanOrEqual(-8.64e15);
      expect(last).toBe(first);
    }
    // Exact, though no Date holds it: −271821-04-01 is 19 days before the first valid instant.
    expect(periodRetention([{ customerId: 'a', at: -8.64e15 }], { unit: 'month' }).periods[0]?.start).toBe(-8.64e15 - 19 * 86_400_000);
    const late = periodRetention([{ customerId: 'a', at: 8.64e15 - 1 }, { customerId: 'a', at: 8.64e15 }], { unit: 'week' }).periods;
    expect(late.map((p) => p.period)).toEqual(['275760-W37']);
  });
});
