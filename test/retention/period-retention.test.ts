import { describe, expect, it } from 'vitest';
import { periodRetention } from '../../src/retention/period-retention';
import type { Visit } from './activity-reference';

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
