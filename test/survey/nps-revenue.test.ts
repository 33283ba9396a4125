import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../src/models/index';
import { npsRevenue } from '../../src/survey/index';
import { BAD_NPS_SCORES, codeOf, expectRejected } from './helpers';

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
  it('revenue beyond a double is OUT_OF_RANGE, never Infinity', () => {
    expect(codeOf(() => npsRevenue([buy('a', 1e308), buy('b', 1e308)]))).toBe('OUT_OF_RANGE');
    expect(() => npsRevenue([buy('a', 1e308), buy('b', 1e308)])).toThrow(/^npsRevenue: revenue overflows a double/);
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
  it('Date instants; the latest answer wins across Date and epoch forms', () => {
    const r = npsRevenue([survey('a', 0, t0), { ...survey('a', 9), at: new Date(t0 + 1) }, buy('a', 40)]);
    expect(r.promoters).toMatchObject({ customers: 1, revenue: 40, revenueShare: 1, customerShare: 1 });
    expect(r.score).toBe(100);
  });
  it.each(BAD_NPS_SCORES)('NPS score %o → %s with its index', (bad, code) => {
    expectRejected(() => npsRevenue([buy('a', 5), survey('a', bad as number)]), code, 'npsRevenue', bad, 1);
  });
  it('rejects bad purchases, dates, records and options with codes', () => {
    expectRejected(() => npsRevenue([survey('a', 9), buy('b', -5)]), 'NEGATIVE_VALUE', 'npsRevenue', -5, 1);
    expectRejected(() => npsRevenue([buy('a', Number.NaN)]), 'INVALID_NUMBER', 'npsRevenue', Number.NaN, 0);
    expectRejected(() => npsRevenue([buy('a', Infinity)]), 'INVALID_NUMBER', 'npsRevenue', Infinity, 0);
    expect(codeOf(() => npsRevenue([{ ...survey('a', 9), at: Number.NaN }]))).toBe('INVALID_DATE');
    expect(codeOf(() => npsRevenue([{ ...buy('a', 1), at: new Date(Number.NaN) }]))).toBe('INVALID_DATE');
    expect(codeOf(() => npsRevenue([{ ...buy('a', 1), customerId: 7 as never }]))).toBe('INVALID_RECORD');
    expect(codeOf(() => npsRevenue([{ ...buy('a', 1), currency: undefined } as never]))).toBe('INVALID_RECORD');
    expect(codeOf(() => npsRevenue([{ ...survey('a', 9), scale: { min: 1, max: 5 } } as Interaction]))).toBe('INCONSISTENT_INPUT');
    expect(codeOf(() => npsRevenue([3 as never]))).toBe('INVALID_RECORD');
    // A null entry is skipped and counted, like a response without a score.
    expect(npsRevenue([null as never, buy('a', 1)]).skipped).toBe(1);
    expect(codeOf(() => npsRevenue([], 'EUR' as never))).toBe('INVALID_OPTION');
  });
});
