import { beforeAll, describe, expect, it } from 'vitest';
import { aliveColumn, analyseClv, clvSection, FREQUENCY_BINS, type ClvAnalysis } from '../../../src/cli/sections/clv';
import type { Section } from '../../../src/cli/sections/types';
import { compareModels } from '../../../src/clv/index';
import type { ReportInput } from '../../../src/cli/sections/types';
import { day, purchase, reportInput, sampleInput } from './report-input';

let sample: ReportInput;
let analysis: ClvAnalysis;
let section: Section;
// The analysis fits four models and draws the intervals: once for the whole file.
beforeAll(() => {
  sample = sampleInput();
  analysis = analyseClv(sample) as ClvAnalysis;
  section = clvSection(sample, analysis) as Section;
});

describe('analyseClv on the bundled CDNOW sample', () => {
  it('reproduces the published BG/NBD estimates (Fader, Hardie & Lee 2005: r 0.243, α 4.414, a 0.793, b 2.426)', () => {
    const a = analysis;
    expect(a?.calibrationEnd).toBe(Date.UTC(1997, 8, 30));
    expect(a?.bgNbd.n).toBe(2357);
    expect(a?.bgNbd.r).toBeCloseTo(0.243, 3);
    expect(a?.bgNbd.alpha).toBeCloseTo(4.414, 2);
    expect(a?.bgNbd.a).toBeCloseTo(0.793, 3);
    expect(a?.bgNbd.b).toBeCloseTo(2.426, 2);
  });

  it('frequency histogram: every customer in one bin, the expected counts add up to the customers', () => {
    const a = analysis;
    expect(a?.observedFrequency).toHaveLength(FREQUENCY_BINS);
    expect(a?.observedFrequency.reduce((s, x) => s + x, 0)).toBe(2357);
    // FHL 2005, Figure 2: 1,411 of the 2,357 customers made no repeat purchase in calibration.
    expect(a?.observedFrequency[0]).toBe(1411);
    expect(a?.expectedFrequency.reduce((s, x) => s + x, 0)).toBeCloseTo(2357, 6);
    expect(Math.abs((a?.expectedFrequency[0] as number) - 1411)).toBeLessThan(30);
  });

  it('holdout: 39 weeks; observed = the distinct purchase days after the calibration end', () => {
    const h = analysis.holdout;
    expect(h?.weeks).toBe(39);
    const end = Math.floor(Date.UTC(1997, 8, 30) / 86_400_000);
    const days = new Set(
      sample.purchases.map((p) => [p.customerId, Math.floor(new Date(p.at).getTime() / 86_400_000)] as const).filter(([, d]) => d > end).map(([id, d]) => `${id}|${d}`),
    );
    expect(h?.observed).toBe(days.size);
    expect(h?.observed).toBe(1882);
    // The same prediction `cx-metrics fit bg-nbd --sample` reports.
    expect(h?.predicted).toBeCloseTo(1653.4, 1);
  });

  it('atEnd: one finite, non-negative CLV and P(alive) per customer, by the chosen model', () => {
    const { rows, prediction } = analysis.atEnd!;
    expect(rows).toHaveLength(2357);
    expect(prediction.clv).toHaveLength(2357);
    for (const p of prediction.probabilityAlive) expect(p >= 0 && p <= 1).toBe(true);
    for (const v of prediction.clv) expect(Number.isFinite(v) && v >= 0).toBe(true);
  });
});

describe('clvSection', () => {
  it('prints the fit with standard errors and the holdout check', () => {
    const s = section;
    expect(s?.id).toBe('clv');
    expect(s?.lines[0]).toMatch(/^BG\/NBD fitted on 2,357 customers, purchases up to 1997-09-30, time in weeks \(converged\):$/);
    expect(s?.lines[1]).toMatch(/^ {2}r = 0\.243 ± 0\.01\d, α = 4\.41\d ± /);
  });

  it('nothing to fit: no purchases, fewer than four customers, or nobody bought twice', () => {
    expect(analyseClv(reportInput({}))).toBeUndefined();
    expect(clvSection(reportInput({}))).toBeUndefined();
    const three = [purchase('a', day(2020, 1, 1), 1), purchase('a', day(2020, 2, 1), 1), purchase('b', day(2020, 1, 1), 1), purchase('c', day(2020, 1, 1), 1)];
    expect(analyseClv(reportInput({ purchases: three, observationEnd: day(2020, 6, 1) }))).toBeUndefined();
    const once = ['a', 'b', 'c', 'd'].map((id) => purchase(id, day(2020, 1, 1), 1));
    expect(analyseClv(reportInput({ purchases: once, observationEnd: day(2020, 6, 1) }))).toBeUndefined();
  });
});

describe('the three transaction models on the sample: comparison, choice, validation, CLV intervals', () => {
  it('BG/NBD, MBG/NBD and Pareto/NBD compared on the same customers; the lowest BIC is chosen and named', () => {
    const data = section.data as { modelComparison: { chosen: string; chosenBy: string; models: { model: string; bic: number; akaikeWeight: number; holdout: { mae: number; actual: number } }[] } };
    const { models, chosen } = data.modelComparison;
    expect(models.map((m) => m.model)).toEqual(['bgNbd', 'mbgNbd', 'paretoNbd']);
    expect(models.reduce((t, m) => t + m.akaikeWeight, 0)).toBeCloseTo(1, 12);
    const lowest = [...models].sort((p, q) => p.bic - q.bic)[0];
    expect(chosen).toBe(lowest?.model);
    expect(chosen).toBe('mbgNbd'); // CDNOW: ℓ −9,582.1 against BG/NBD's −9,582.4, the same k
    expect(analysis.chosen.key).toBe('mbgNbd');
    for (const m of models) {
      expect(m.holdout.actual).toBe(1882);
      expect(m.holdout.mae).toBeGreaterThan(0);
    }
    expect(section.lines).toContain('* Chosen by fit: MBG/NBD, the lowest BIC. The tracking curve, the conditional expectations, the CLV and the top customers below use it.');
  });

  it('one-time buyers are not certainly alive under the chosen model; the P(alive) column names it', () => {
    const { rows, prediction } = analysis.atEnd!;
    const once = rows.map((r, k) => [r, k] as const).filter(([r]) => r.frequency === 0);
    expect(once.length).toBeGreaterThan(1000);
    for (const [, k] of once) expect(prediction.probabilityAlive[k]).toBeLessThan(1);
    expect(section.lines.some((l) => l.includes('P(alive) MBG/NBD'))).toBe(true);
    const alive = (section.data as { topByProbabilityAlive: { probabilityAlive: number }[] }).topByProbabilityAlive;
    expect(alive).toHaveLength(10);
    for (const c of alive) expect(c.probabilityAlive).toBeLessThan(1);
  });

  it('tracking curve: 78 weeks from 1997-01-01, calibration ends in week 39, the actual totals are the data’s', () => {
    const t = (section.data as { trackingCurve: { calibrationWeek: number; weeks: { start: string; actualCumulative: number; expectedCumulative: number }[] } }).trackingCurve;
    expect(t.weeks).toHaveLength(78);
    expect(t.weeks[0]?.start).toBe('1997-01-01');
    expect(t.calibrationWeek).toBe(38);
    expect(t.weeks[77]?.actualCumulative).toBe(2457 + 1882);
    for (let k = 1; k < 78; k++) expect(t.weeks[k]!.expectedCumulative).toBeGreaterThanOrEqual(t.weeks[k - 1]!.expectedCumulative);
  });

  it('conditional expectations: every customer in one calibration-frequency group, by the chosen model', () => {
    const c = (section.data as { calibrationVsHoldout: { model: string; holdoutWeeks: number; groups: { label: string; customers: number; actual: number }[] } }).calibrationVsHoldout;
    expect(c.model).toBe('mbgNbd');
    expect(c.holdoutWeeks).toBe(39);
    expect(c.groups.map((g) => g.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(c.groups.reduce((t, g) => t + g.customers, 0)).toBe(2357);
    expect(c.groups.reduce((t, g) => t + g.customers * g.actual, 0)).toBeCloseTo(1882, 9);
  });

  it('CLV with intervals: the customer equity and every top customer inside their 95 % interval', () => {
    const d = section.data as { customerEquity: { total: number; lower: number; upper: number; level: number; draws: number }; topByClv: { clv: number; clvLower: number; clvUpper: number }[] };
    const e = d.customerEquity;
    expect(e.level).toBe(0.95);
    expect(e.draws).toBe(200);
    expect(e.total).toBeCloseTo(analysis.atEnd!.prediction.total, 9);
    expect(e.lower).toBeLessThan(e.total);
    expect(e.upper).toBeGreaterThan(e.total);
    for (const c of d.topByClv) {
      expect(c.clvLower).toBeLessThanOrEqual(c.clv);
      expect(c.clvUpper).toBeGreaterThanOrEqual(c.clv);
    }
    expect(section.lines.some((l) => /^Customer equity, next 12 months \(MBG\/NBD × Gamma-Gamma.*\$58,044, 95 % interval \$\d{2},\d{3}–\$\d{2},\d{3}\.$/.test(l))).toBe(true);
  });
});

describe('clvSection on a small base', () => {
  it('five customers: a section, whatever models the data allow, and no NaN in the text', () => {
    const p = [
      purchase('a', day(2024, 1, 1), 5),
      purchase('a', day(2024, 2, 1), 6),
      purchase('b', day(2024, 1, 3), 7),
      purchase('c', day(2024, 1, 9), 3),
      purchase('c', day(2024, 3, 1), 4),
      purchase('d', day(2024, 2, 1), 9),
      purchase('e', day(2024, 2, 11), 5),
      purchase('e', day(2024, 4, 1), 5),
    ];
    const s = clvSection(reportInput({ purchases: p, observationEnd: day(2024, 4, 30) }));
    expect(s?.id).toBe('clv');
    expect(s?.lines.join('\n')).not.toMatch(/NaN|Infinity|undefined/);
    const chosen = (s?.data as { modelComparison: { chosen: string } }).modelComparison.chosen;
    expect(['bgNbd', 'mbgNbd', 'paretoNbd']).toContain(chosen);
  });
});

describe('P(alive) when BG/NBD is chosen by fit', () => {
  it('comes from the better of MBG/NBD and Pareto/NBD, named as such, so one-time buyers are not certainly alive', () => {
    const bg = analysis.models[0]!;
    expect(bg.key).toBe('bgNbd');
    const alive = aliveColumn(analysis.models, analysis.comparison, bg, analysis.atEnd!);
    expect(alive.key).toBe('mbgNbd');
    analysis.atEnd!.rows.forEach((r, k) => {
      if (r.frequency === 0) expect(alive.probabilityAlive[k]).toBeLessThan(1);
    });
    const s = clvSection(sample, { ...analysis, chosen: bg, alive }) as Section;
    expect(s.lines.some((l) => l.includes('P(alive) MBG/NBD'))).toBe(true);
    expect(s.lines.some((l) => l.includes('BG/NBD, chosen by fit, gives every one-time buyer 100 %'))).toBe(true);
    expect((s.data as { probabilityAliveModel: string }).probabilityAliveModel).toBe('mbgNbd');
  });

  it('BG/NBD alone (the others not fitted): its own P(alive), repeat buyers only in the P(alive) ranking, and the warning', () => {
    const bg = analysis.models[0]!;
    const comparison = compareModels({ bgNbd: bg.fit });
    const alive = aliveColumn([bg], comparison, bg, analysis.atEnd!);
    expect(alive.key).toBe('bgNbd');
    const s = clvSection(sample, { ...analysis, models: [bg], comparison, chosen: bg, alive }) as Section;
    expect(s.lines).toContain('Top 10 repeat customers by probability alive (BG/NBD gives one-time buyers P(alive) = 100 %)');
    for (const c of (s.data as { topByProbabilityAlive: { frequency: number }[] }).topByProbabilityAlive) expect(c.frequency).toBeGreaterThan(0);
  });
});
