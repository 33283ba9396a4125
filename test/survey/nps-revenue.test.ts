import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../src/models/index';
import { npsRevenue } from '../../src/survey/index';
import { codeOf } from './helpers';

const t0 = Date.UTC(2024, 0, 1);
const survey = (customerId: string, score: number | null, at = t0): Interaction => ({ type: 'survey', metric: 'nps', customerId, at, score: score as number });
const buy = (customerId: string, amount: number, currency = 'EUR'): Interaction => ({ type: 'purchase', customerId, at: t0, amount, currency });

describe('npsRevenue', () => {
  it('joins latest answers with purchases (hand computation)', () => {
    const r = npsRevenue([
      survey('a', 10),
      survey('b', 9),
      survey('c', 7),
      survey('d', 0),
      survey('d', 9, t0 - 1000), // older: ignored in favour of the 0
      survey('e', null),
      buy('a', 100),
      buy('a', 50),
      buy('b', 30),
      buy('c', 20),
      buy('e', 200),
      buy('f', 100),
      { type: 'support', customerId: 'a', at: t0, channel: 'chat' },
      { type: 'survey', metric: 'csat', customerId: 'a', at: t0, score: 5 },
    ]);
    expect(r).toMatchObject({ currency: 'EUR', revenue: 500, customers: 6, skipped: 1, ignored: 2, score: 25 });
    expect(r.promoters).toEqual({ customers: 2, revenue: 180, revenuePerCustomer: 90, revenueShare: 0.36, customerShare: 2 / 6 });
    expect(r.passives).toEqual({ customers: 1, revenue: 20, revenuePerCustomer: 20, revenueShare: 0.04, customerShare: 1 / 6 });
    expect(r.detractors).toEqual({ customers: 1, revenue: 0, revenuePerCustomer: 0, revenueShare: 0, customerShare: 1 / 6 });
    expect(r.nonRespondents).toEqual({ customers: 2, revenue: 300, revenuePerCustomer: 150, revenueShare: 0.6, customerShare: 2 / 6 });
  });
  it('ties on `at` go to the later answer in input order', () => {
    expect(npsRevenue([survey('a', 0), survey('a', 10)]).promoters.customers).toBe(1);
    expect(npsRevenue([survey('a', 10), survey('a', 0)]).detractors.customers).toBe(1);
  });
  it('empty input: zeros and undefined shares', () => {
    const r = npsRevenue([]);
    expect(r).toMatchObject({ currency: undefined, revenue: 0, customers: 0, score: undefined });
    expect(r.promoters).toEqual({ customers: 0, revenue: 0, revenuePerCustomer: undefined, revenueShare: undefined, customerShare: undefined });
  });
  it('sums money without drift', () => {
    const r = npsRevenue([survey('a', 10), ...Array.from({ length: 10 }, () => buy('a', 0.1))]);
    expect(r.revenue).toBe(1);
  });
  it('filters by currency, and refuses mixed currencies without the option', () => {
    const rows = [survey('a', 10), buy('a', 10, 'EUR'), buy('a', 5, 'USD')];
    expect(codeOf(() => npsRevenue(rows))).toBe('INCONSISTENT_INPUT');
    expect(npsRevenue(rows, { currency: 'USD' })).toMatchObject({ revenue: 5, currency: 'USD', ignored: 1 });
    expect(codeOf(() => npsRevenue(rows, { currency: 3 as never }))).toBe('INVALID_OPTION');
  });
  it('rejects bad input with codes', () => {
    expect(codeOf(() => npsRevenue([survey('a', 11)]))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => npsRevenue([survey('a', -1)]))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => npsRevenue([survey('a', 7.5)]))).toBe('NOT_AN_INTEGER');
    expect(codeOf(() => npsRevenue([survey('a', Number.NaN)]))).toBe('INVALID_NUMBER');
    expect(codeOf(() => npsRevenue([survey('a', Infinity)]))).toBe('INVALID_NUMBER');
    expect(codeOf(() => npsRevenue([survey('a', '9' as never)]))).toBe('INVALID_NUMBER');
    expect(codeOf(() => npsRevenue([buy('a', -5)]))).toBe('NEGATIVE_VALUE');
    expect(codeOf(() => npsRevenue([buy('a', Number.NaN)]))).toBe('INVALID_NUMBER');
    expect(codeOf(() => npsRevenue([{ ...survey('a', 9), at: Number.NaN }]))).toBe('INVALID_DATE');
    expect(codeOf(() => npsRevenue([{ ...buy('a', 1), customerId: 7 as never }]))).toBe('INVALID_RECORD');
    expect(() => npsRevenue([survey('a', 9), buy('b', -5)])).toThrow(/^npsRevenue: amount -5 at index 1/);
  });
});

describe('npsRevenue properties', () => {
  const event = fc.oneof(
    fc.record({ kind: fc.constant('s' as const), id: fc.constantFrom('a', 'b', 'c', 'd'), score: fc.integer({ min: 0, max: 10 }), at: fc.integer({ min: 0, max: 1e6 }) }),
    fc.record({ kind: fc.constant('p' as const), id: fc.constantFrom('a', 'b', 'c', 'd', 'e'), amount: fc.integer({ min: 0, max: 1000 }) }),
  );
  test.prop([fc.array(event, { maxLength: 60 })], { numRuns: 80 })('groups partition customers and revenue', (events) => {
    const rows: Interaction[] = events.map((e) =>
      e.kind === 's' ? survey(e.id, e.score, e.at) : buy(e.id, e.amount),
    );
    const r = npsRevenue(rows);
    const groups = [r.promoters, r.passives, r.detractors, r.nonRespondents];
    expect(groups.reduce((s, g) => s + g.customers, 0)).toBe(r.customers);
    expect(groups.reduce((s, g) => s + g.revenue, 0)).toBeCloseTo(r.revenue, 6);
    const purchases = events.reduce((s, e) => s + (e.kind === 'p' ? e.amount : 0), 0);
    expect(r.revenue).toBe(purchases);
    if (r.revenue > 0) expect(groups.reduce((s, g) => s + g.revenueShare!, 0)).toBeCloseTo(1, 12);
  });
});
