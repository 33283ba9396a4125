import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run';
import { repoRoot } from '../support/doc-examples';
import { knownDrivers } from './sample-drivers';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

function report(...argv: string[]): Captured {
  let stdout = '';
  let stderr = '';
  const code = run(['report', ...argv], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), styled: false }) as number;
  return { code, stdout, stderr };
}

const dataDir = join(repoRoot, 'sample');

describe('cx-metrics report --sample', () => {
  let text: Captured;
  let json: Captured;
  beforeAll(() => {
    text = report('--sample');
    json = report('--sample', '--json');
  });

  it('prints every section whose calculators exist, in order', () => {
    expect(text.code).toBe(0);
    expect(text.stderr).toBe('');
    const titles = [
      'Data',
      'Net Promoter Score',
      'NPS by segment and revenue',
      'CSAT and CES per touchpoint',
      'Weakest touchpoints',
      'Retention and cohorts',
      'Survival: Kaplan–Meier and sBG',
      'Customer lifetime value',
      'RFM segments',
      'Journey funnel',
      'Service levels',
    ];
    const lines = text.stdout.split('\n');
    const positions = titles.map((t) => lines.findIndex((l) => l.startsWith(t)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('uses no colour or cursor codes when not writing to a terminal', () => {
    expect(text.stdout).not.toMatch(/\x1b\[/);
  });

  it('aligns every table: header, rule and rows share the column boundaries', () => {
    const lines = text.stdout.split('\n');
    let tables = 0;
    lines.forEach((rule, k) => {
      if (!/^─+( {2}─+)+$/.test(rule)) return;
      tables++;
      // Each column ends where its rule segment ends; right-aligned cells end exactly there.
      const ends = [...rule.matchAll(/─+/g)].map((m) => (m.index ?? 0) + m[0].length);
      const header = lines[k - 1] as string;
      expect([...header].length).toBeLessThanOrEqual(ends[ends.length - 1] as number);
      for (let r = k + 1; r < lines.length && lines[r] !== ''; r++) {
        const row = [...(lines[r] as string)];
        expect(row.length).toBeLessThanOrEqual(ends[ends.length - 1] as number);
        // Between columns there are always two spaces (or nothing left on the line).
        for (const end of ends.slice(0, -1)) expect(row.slice(end, end + 2).join('').trim()).toBe('');
      }
    });
    expect(tables).toBeGreaterThanOrEqual(6);
  });

  it('reproduces the published CDNOW BG/NBD and Gamma-Gamma estimates (Fader, Hardie & Lee 2005)', () => {
    expect(text.stdout).toContain('r = 0.243');
    expect(text.stdout).toContain('α = 4.414');
    expect(text.stdout).toContain('a = 0.793');
    expect(text.stdout).toContain('b = 2.426');
    expect(text.stdout).toContain('log-likelihood −9,582.4');
    expect(text.stdout).toContain('p = 6.25, q = 3.74, γ = 15.44');
  });

  it('--json prints the same sections as JSON', () => {
    expect(json.code).toBe(0);
    const body = JSON.parse(json.stdout) as { sections: Record<string, Record<string, unknown>> };
    expect(Object.keys(body.sections)).toEqual([
      'data',
      'nps',
      'npsSegments',
      'keyDrivers',
      'touchpoints',
      'weakestTouchpoints',
      'retention',
      'survival',
      'clv',
      'rfm',
      'funnel',
      'serviceLevels',
    ]);
    const { data, nps, npsSegments, keyDrivers, clv, rfm, funnel, serviceLevels, touchpoints, retention, survival } = body.sections as Record<string, any>;
    // The ratings were generated with known drivers (scripts/generate-sample-data.ts, DRIVERS): the
    // analysis recovers their order, and delivery speed, the strongest and worst rated, is the one to improve.
    expect(knownDrivers().map((d) => d.name)).toEqual(['delivery speed', 'support quality', 'product range', 'price', 'app experience']);
    expect(keyDrivers.drivers.map((d: { driver: string }) => d.driver)).toEqual(knownDrivers().map((d) => d.name));
    expect(keyDrivers.drivers[0].quadrant).toBe('improve');
    expect(keyDrivers.drivers[4].upper).toBeLessThan(keyDrivers.drivers[0].lower);
    // Revenue by NPS category covers every customer and every dollar of purchases.csv.
    const csv = readFileSync(join(dataDir, 'purchases.csv'), 'utf8').trim().split('\n').slice(1);
    const dollars = csv.reduce((s, line) => s + Number(line.split(',')[3]), 0);
    const groups = npsSegments.revenueByCategory.groups as { customers: number; revenue: number }[];
    expect(groups.reduce((s, g) => s + g.customers, 0)).toBe(2357);
    expect(groups.reduce((s, g) => s + g.revenue, 0)).toBeCloseTo(dollars, 6);
    expect(npsSegments.bySegment.map((g: { segment: string }) => g.segment)).toEqual(['email', 'partner', 'search', 'social']);
    expect(rfm.segments.reduce((s: number, g: { customers: number }) => s + g.customers, 0) + rfm.unmatched).toBe(2357);
    // Counts known from the source files (CDNOW: 6,919 purchases of 2,357 customers).
    expect(data).toMatchObject({ buyers: 2357, purchases: 6919, observationEnd: '1998-06-30', calibrationEnd: '1997-09-30' });
    expect(clv.bgNbd.r).toBeCloseTo(0.243, 3);
    expect(clv.bgNbd.alpha).toBeCloseTo(4.414, 2);
    expect(clv.gammaGamma.p).toBeCloseTo(6.25, 2);
    expect(clv.topByClv).toHaveLength(10);
    expect(clv.topByProbabilityAlive).toHaveLength(10);
    expect(clv.repeatPurchaseHistogram.map((h: { observed: number }) => h.observed).reduce((a: number, b: number) => a + b, 0)).toBe(2357);
    // 946 of the 2,357 customers repeat in calibration (data README): 1,411 never do.
    expect(clv.repeatPurchaseHistogram[0].observed).toBe(2357 - 946);
    expect(funnel.stages.map((s: { stage: string }) => s.stage)).toEqual(['awareness', 'consideration', 'purchase', 'onboarding', 'loyalty']);
    expect(funnel.stages[2].reached).toBe(2357);
    expect(serviceLevels.channels.at(-1).channel).toBe('all');
    expect(touchpoints.groups.length).toBeGreaterThan(3);
    expect(nps.monthly.length).toBe(18);
    // Every CDNOW customer first bought in 1997-Q1: one quarter of acquisition, three monthly cohorts.
    expect(retention.quarterly[0]).toMatchObject({ period: '1997-Q1', active: 2357, acquired: 2357 });
    expect(retention.quarterly.slice(1).every((q: { acquired: number }) => q.acquired === 0)).toBe(true);
    expect(retention.cohorts.map((c: { cohort: string }) => c.cohort)).toEqual(['1997-01', '1997-02', '1997-03']);
    expect(retention.cohorts.reduce((s: number, c: { size: number }) => s + c.size, 0)).toBe(2357);
    expect(survival).toMatchObject({ subjects: 2357, churnAfterMonths: 3 });
    expect(survival.lost + survival.censored).toBe(2357);
    expect(survival.curve.at(-1).month).toBe(24);
    expect('kaplanMeier' in survival.curve.at(-1)).toBe(false); // beyond the data: projection only
  });

  it('marks the segments and months that differ significantly after Holm correction, and only those', () => {
    const body = JSON.parse(json.stdout) as { sections: Record<string, any> };
    const { nps, npsSegments } = body.sections;
    const lines = text.stdout.split('\n');
    const check = (rows: { significant: boolean; adjustedPValue?: number }[], label: (r: any) => string) => {
      for (const r of rows) {
        expect(r.significant).toBe(r.adjustedPValue !== undefined && r.adjustedPValue < 0.05);
        const line = lines.find((l) => l.startsWith(`${label(r)} `)) as string;
        expect(line, label(r)).toBeDefined();
        expect(/[▲▼]/.test(line)).toBe(r.significant);
      }
    };
    check(npsSegments.bySegment, (r) => r.segment);
    check(nps.monthly, (r) => r.month);
    // The bundled sample has segments on both sides of the rest and a month whose rise is significant.
    expect(npsSegments.bySegment.filter((r: { significant: boolean }) => r.significant).length).toBeGreaterThan(0);
    expect(nps.monthly.filter((r: { significant: boolean }) => r.significant).length).toBeGreaterThan(0);
    expect(nps.trend.periods).toBeGreaterThan(1);
    expect(nps.trend.interval.lower).toBeLessThanOrEqual(nps.trend.slope);
  });

  it('--json NPS agrees with a count made directly from the file', () => {
    const records = JSON.parse(readFileSync(join(dataDir, 'interactions.json'), 'utf8')) as { type: string; metric?: string; score?: number }[];
    const scores = records.filter((r) => r.type === 'survey' && r.metric === 'nps').map((r) => r.score as number);
    const promoters = scores.filter((s) => s >= 9).length;
    const detractors = scores.filter((s) => s <= 6).length;
    const body = JSON.parse(json.stdout) as { sections: { nps: { score: number; answers: number } } };
    expect(body.sections.nps.answers).toBe(scores.length);
    expect(body.sections.nps.score).toBeCloseTo((100 * (promoters - detractors)) / scores.length, 10);
  });
});
