import { describe, expect, it } from 'vitest';
import { npsSegmentsSection } from '../../../src/cli/sections/nps-segments';
import { answer, day, purchase, reportInput } from './report-input';

describe('npsSegmentsSection', () => {
  const customers = [
    { id: 'a', segment: 'gold' },
    { id: 'b', segment: 'gold' },
    { id: 'c', segment: 'basic' },
  ];
  const interactions = [answer('a', 'nps', 10, day(2020, 1, 1)), answer('b', 'nps', 9, day(2020, 1, 2)), answer('c', 'nps', 3, day(2020, 1, 3))];

  it('NPS per customer segment and revenue by each customer’s NPS category (known values)', () => {
    const purchases = [purchase('a', day(2020, 1, 5), 100), purchase('c', day(2020, 1, 6), 50), purchase('d', day(2020, 1, 7), 50)];
    const s = npsSegmentsSection(reportInput({ customers, interactions, purchases }));
    const data = s?.data as { bySegment: { segment: string; answers: number; nps: number }[]; revenueByCategory: { currency: string; groups: { group: string; customers: number; revenue: number; revenueShare: number }[] } };
    expect(data.bySegment.map((r) => [r.segment, r.answers, r.nps]).sort()).toEqual([
      ['basic', 1, -100],
      ['gold', 2, 100],
    ]);
    expect(data.revenueByCategory.currency).toBe('USD');
    expect(data.revenueByCategory.groups.map((g) => [g.group, g.customers, g.revenue, g.revenueShare])).toEqual([
      // a (10) and b (9) are promoters; only a bought.
      ['promoters', 2, 100, 0.5],
      ['passives', 0, 0, 0],
      ['detractors', 1, 50, 0.25],
      ['nonRespondents', 1, 50, 0.25],
    ]);
    expect(s?.lines[0]).toMatch(/^NPS by customer segment/);
    expect(s?.lines.some((l) => /^did not answer\s+1\s+\$50\s+\$50\.00\s+25\.0 %$/.test(l))).toBe(true);
  });

  it('answers from one segment only: its NPS, nothing to compare it with (not an error)', () => {
    const s = npsSegmentsSection(reportInput({ customers, interactions: interactions.slice(0, 2) }));
    expect((s?.data as { bySegment: unknown }).bySegment).toMatchObject([{ segment: 'gold', answers: 2, nps: 100, versusRest: undefined, adjustedPValue: undefined, significant: false }]);
  });

  it('only the parts the data allow; nothing without NPS answers', () => {
    const noSegments = npsSegmentsSection(reportInput({ interactions, purchases: [purchase('a', day(2020, 1, 5), 1)] }));
    expect(Object.keys(noSegments?.data as object)).toEqual(['revenueByCategory']);
    const noPurchases = npsSegmentsSection(reportInput({ interactions, customers }));
    expect(Object.keys(noPurchases?.data as object)).toEqual(['bySegment']);
    expect(npsSegmentsSection(reportInput({ interactions }))).toBeUndefined();
    expect(npsSegmentsSection(reportInput({ customers, interactions: [answer('a', 'csat', 5, day(2020, 1, 1))] }))).toBeUndefined();
  });
});
