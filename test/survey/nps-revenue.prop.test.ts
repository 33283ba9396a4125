import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Interaction } from '../../src/models/index';
import { classifyNps, npsRevenue } from '../../src/survey/index';
import { shuffle } from './helpers';

const t0 = Date.UTC(2024, 0, 1);
const survey = (customerId: string, score: number, at: number): Interaction => ({ type: 'survey', metric: 'nps', customerId, at: t0 + at, score });
const buy = (customerId: string, amount: number): Interaction => ({ type: 'purchase', customerId, at: t0, amount, currency: 'EUR' });

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
  // Distinct answer times per customer, so "latest" is unambiguous and order cannot matter.
  const answers = fc.uniqueArray(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), score: fc.integer({ min: 0, max: 10 }), at: fc.integer({ min: 0, max: 1e6 }) }), {
    selector: (e) => `${e.id}@${e.at}`,
    maxLength: 30,
  });
  const purchases = fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e'), amount: fc.integer({ min: 0, max: 1000 }) }), { maxLength: 30 });
  test.prop([answers, purchases, fc.integer()], { numRuns: 80 })('each customer is classified by the latest answer, whatever the input order', (said, bought, seed) => {
    const rows = [...said.map((e) => survey(e.id, e.score, e.at)), ...bought.map((p) => buy(p.id, p.amount))];
    const r = npsRevenue(shuffle(rows, seed));
    expect(npsRevenue(rows)).toEqual(r);
    const latest = new Map<string, { score: number; at: number }>();
    for (const e of said) if ((latest.get(e.id)?.at ?? -1) < e.at) latest.set(e.id, e);
    const revenueOf = (id: string) => bought.filter((p) => p.id === id).reduce((s, p) => s + p.amount, 0);
    const customers = new Set([...latest.keys(), ...bought.map((p) => p.id)]);
    for (const [key, category] of [['promoters', 'promoter'], ['passives', 'passive'], ['detractors', 'detractor']] as const) {
      const ids = [...latest].filter(([, e]) => classifyNps(e.score) === category).map(([id]) => id);
      expect(r[key].customers).toBe(ids.length);
      expect(r[key].revenue).toBe(ids.reduce((s, id) => s + revenueOf(id), 0));
    }
    const silent = [...customers].filter((id) => !latest.has(id));
    expect(r.nonRespondents).toMatchObject({ customers: silent.length, revenue: silent.reduce((s, id) => s + revenueOf(id), 0) });
  });
});
