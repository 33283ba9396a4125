import { describe, expect, it } from 'vitest';
import { npsSection } from '../../../src/cli/sections/nps';
import { answer, day, reportInput } from './report-input';

describe('npsSection', () => {
  it('NPS, the counts and the months of a small input (known values)', () => {
    // January: 10, 10, 9, 8, 0 → 3 promoters, 1 passive, 1 detractor: NPS 40. February: 0, 6 → −100.
    const jan = [10, 10, 9, 8, 0].map((score, k) => answer(String(k), 'nps', score, day(2020, 1, k + 1)));
    const feb = [0, 6].map((score, k) => answer(`f${k}`, 'nps', score, day(2020, 2, k + 1)));
    const s = npsSection(reportInput({ interactions: [...jan, ...feb, answer('x', 'csat', 5, day(2020, 1, 1))] }));
    expect(s?.id).toBe('nps');
    const data = s?.data as { score: number; promoters: number; passives: number; detractors: number; answers: number; monthly: { month: string; answers: number; nps: number; belowMinimum: boolean }[] };
    expect(data.answers).toBe(7);
    expect(data.promoters).toBe(3);
    expect(data.passives).toBe(1);
    expect(data.detractors).toBe(3);
    expect(data.score).toBeCloseTo((100 * (3 - 3)) / 7, 12);
    expect(data.monthly.map((m) => [m.month, m.answers, m.nps, m.belowMinimum])).toEqual([
      ['2020-01', 5, 40, true],
      ['2020-02', 2, -100, true],
    ]);
    expect(s?.lines[0]).toMatch(/^NPS 0\.0 \(95 % interval .+ to .+, adjusted Wald\) from 7 answers:$/);
    expect(s?.lines[1]).toBe('43 % promoters, 14 % passives, 43 % detractors.');
    expect(s?.lines.some((l) => l.startsWith('2020-01 *'))).toBe(true);
  });

  it('answers from one month: the NPS and that month, without trend tests (not an error)', () => {
    const s = npsSection(reportInput({ interactions: [answer('a', 'nps', 9, day(2020, 1, 1)), answer('b', 'nps', 3, day(2020, 1, 2))] }));
    const data = s?.data as { score: number; monthly: { month: string; change: number | undefined; significant: boolean }[]; trend: unknown };
    expect(data.score).toBe(0);
    expect(data.monthly).toMatchObject([{ month: '2020-01', change: undefined, significant: false }]);
    expect(data.trend).toBeUndefined();
    expect(s?.lines.some((l) => l.startsWith('Linear trend'))).toBe(false);
  });

  it('no NPS answers: no section', () => {
    expect(npsSection(reportInput({ interactions: [answer('a', 'csat', 5, day(2020, 1, 1))] }))).toBeUndefined();
    expect(npsSection(reportInput({}))).toBeUndefined();
  });
});
