import { describe, expect, it } from 'vitest';
import { touchpointSection, weakestSection } from '../../../src/cli/sections/touchpoints';
import { answer, day, reportInput } from './report-input';

describe('touchpointSection', () => {
  it('NPS, CSAT and CES per touchpoint (known values)', () => {
    const interactions = [
      ...[5, 4, 3, 1].map((s, k) => answer(`c${k}`, 'csat', s, day(2020, 1, 1), { touchpoint: 'checkout' })),
      ...[7, 5].map((s, k) => answer(`s${k}`, 'ces', s, day(2020, 1, 2), { touchpoint: 'support' })),
      answer('n', 'nps', 10, day(2020, 1, 3), { touchpoint: 'checkout' }),
    ];
    const s = touchpointSection(reportInput({ interactions }));
    const groups = (s?.data as { responses: number; groups: { touchpoint: string; npsAnswers: number; nps: number | undefined; csatAnswers: number; csat: number | undefined; cesAnswers: number; ces: number | undefined }[] }).groups;
    expect((s?.data as { responses: number }).responses).toBe(7);
    const checkout = groups.find((g) => g.touchpoint === 'checkout');
    const support = groups.find((g) => g.touchpoint === 'support');
    expect(checkout).toMatchObject({ npsAnswers: 1, nps: 100, csatAnswers: 4, csat: 0.5, cesAnswers: 0, ces: undefined });
    expect(support).toMatchObject({ npsAnswers: 0, nps: undefined, csatAnswers: 0, cesAnswers: 2, ces: 6 });
    expect(s?.lines.some((l) => /^checkout\s+1\s+\+100\.0\s+4\s+50\.0 %/.test(l))).toBe(true);
  });

  it('answers without a touchpoint: null in the data, "(none)" in the text', () => {
    const s = touchpointSection(reportInput({ interactions: [answer('a', 'nps', 9, day(2020, 1, 1)), answer('b', 'nps', 3, day(2020, 1, 1))] }));
    const groups = (s?.data as { groups: { touchpoint: string | null; npsAnswers: number }[] }).groups;
    expect(groups).toEqual([expect.objectContaining({ touchpoint: null, npsAnswers: 2 })]);
    expect(s?.lines.some((l) => /^\(none\)\s+2\s+0\.0\s/.test(l))).toBe(true);
  });

  it('no answers: no section', () => {
    expect(touchpointSection(reportInput({}))).toBeUndefined();
  });
});

describe('weakestSection', () => {
  it('ranks touchpoints with 30 answers or more by the upper end of their interval; smaller ones are left out', () => {
    const csat = (touchpoint: string, good: number, n: number) => Array.from({ length: n }, (_, k) => answer(`${touchpoint}${k}`, 'csat', k < good ? 5 : 1, day(2020, 1, 1), { touchpoint }));
    const interactions = [...csat('app', 30, 40), ...csat('web', 10, 40), ...csat('store', 20, 30), ...csat('phone', 0, 29)];
    const s = weakestSection(reportInput({ interactions }));
    const ranking = (s?.data as { csat: { touchpoint: string; estimate: number; responses: number }[] }).csat;
    expect(ranking.map((r) => [r.touchpoint, r.estimate, r.responses])).toEqual([
      ['web', 0.25, 40],
      ['store', 2 / 3, 30],
      ['app', 0.75, 40],
    ]);
    expect(Object.keys(s?.data as object)).toEqual(['csat']);
    expect(s?.lines.some((l) => /^CSAT\s+1\. web\s+25\.0 %/.test(l))).toBe(true);
  });

  it('no touchpoint with 30 answers: no section', () => {
    const few = Array.from({ length: 29 }, (_, k) => answer(String(k), 'nps', 9, day(2020, 1, 1), { touchpoint: 'app' }));
    expect(weakestSection(reportInput({ interactions: few }))).toBeUndefined();
    expect(weakestSection(reportInput({}))).toBeUndefined();
  });
});
