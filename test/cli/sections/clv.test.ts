import { beforeAll, describe, expect, it } from 'vitest';
import { analyseClv, clvSection, FREQUENCY_BINS, type ClvAnalysis } from '../../../src/cli/sections/clv';
import type { Section } from '../../../src/cli/sections/types';
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
