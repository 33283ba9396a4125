import { beforeAll, describe, expect, it } from 'vitest';
import { analyseRetention, CHURN_AFTER_MONTHS, PROJECTION_MONTHS, retentionSection, survivalSection } from '../../../src/cli/sections/retention';
import type { ReportInput } from '../../../src/cli/sections/types';
import { sbgSurvival } from '../../../src/retention';
import { day, purchase, reportInput, sampleInput } from './report-input';

let sample: ReportInput;
beforeAll(() => {
  sample = sampleInput();
});

describe('retentionSection', () => {
  it('quarterly retention and monthly cohorts of a small input (known values)', () => {
    // a buys in January and February, b in January only, c in April.
    const purchases = [purchase('a', day(2020, 1, 5), 1), purchase('a', day(2020, 2, 5), 1), purchase('b', day(2020, 1, 10), 1), purchase('c', day(2020, 4, 2), 1)];
    const s = retentionSection(reportInput({ purchases, observationEnd: day(2020, 6, 30) }));
    const data = s?.data as { quarterly: { period: string; active: number; acquired: number; retained: number; churned: number }[]; cohorts: { cohort: string; size: number; retention: number[] }[] };
    expect(data.quarterly.map((q) => [q.period, q.active, q.acquired, q.retained, q.churned])).toEqual([
      ['2020-Q1', 2, 2, 0, 0],
      ['2020-Q2', 1, 1, 0, 2],
    ]);
    expect(data.cohorts.map((c) => [c.cohort, c.size, c.retention.slice(0, 2)])).toEqual([
      ['2020-01', 2, [1, 0.5]],
      ['2020-04', 1, [1, 0]],
    ]);
    expect(s?.lines.some((l) => /^2020-01\s+2\s+100\s+50/.test(l))).toBe(true);
  });

  it('no purchases: no section', () => {
    expect(retentionSection(reportInput({}))).toBeUndefined();
  });
});

describe('analyseRetention and survivalSection on the bundled sample', () => {
  it('Kaplan–Meier over every buyer, the sBG projection from its own fit', () => {
    const a = analyseRetention(sample);
    expect(a?.survival.subjects).toBe(2357);
    expect(a?.projection).toHaveLength(PROJECTION_MONTHS + 1);
    expect(a?.projection[0]).toBe(1);
    a?.projection.forEach((s, t) => expect(s).toBeCloseTo(sbgSurvival(a.sbg, t), 15));
    for (let t = 1; t < (a?.projection.length ?? 0); t++) expect(a!.projection[t]).toBeLessThanOrEqual(a!.projection[t - 1] as number);
    expect(a?.sbg.converged).toBe(true);
  });

  it('the section: lost + still active = buyers; its curve shows the fitted projection', () => {
    const s = survivalSection(sample);
    expect(s?.id).toBe('survival');
    const data = s?.data as { churnAfterMonths: number; subjects: number; lost: number; censored: number; curve: { month: number; kaplanMeier: number | undefined; sbg: number }[] };
    expect(data.churnAfterMonths).toBe(CHURN_AFTER_MONTHS);
    expect(data.lost + data.censored).toBe(data.subjects);
    const a = analyseRetention(sample);
    for (const row of data.curve) expect(row.sbg).toBe(a?.projection[row.month]);
    expect(data.curve.map((r) => r.month)).toEqual([1, 2, 3, 6, 9, 12, 15, 18, 24]);
    expect(s?.lines[0]).toBe(`A customer counts as lost after 3 months without a purchase; ${data.lost.toLocaleString('en-US')} of 2,357 lost, ${data.censored.toLocaleString('en-US')} still active.`);
  });

  it('nobody lost yet (all bought recently), or no purchases: no survival section', () => {
    const recent = [purchase('a', day(2020, 6, 1), 1), purchase('b', day(2020, 5, 1), 1)];
    expect(analyseRetention(reportInput({ purchases: recent, observationEnd: day(2020, 6, 30) }))).toBeUndefined();
    expect(survivalSection(reportInput({ purchases: recent, observationEnd: day(2020, 6, 30) }))).toBeUndefined();
    expect(survivalSection(reportInput({}))).toBeUndefined();
  });
});
