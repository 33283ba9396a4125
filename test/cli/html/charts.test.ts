import { beforeAll, describe, expect, it } from 'vitest';
import { reportCharts, type Chart } from '../../../src/cli/html/charts';
import { buildReport } from '../../../src/cli/report';
import { npsSection } from '../../../src/cli/sections/nps';
import type { Section } from '../../../src/cli/sections/types';
import { answer, day, reportInput, sampleInput } from '../sections/report-input';
import { EXPECTED_CHARTS } from './expected-charts';

describe('reportCharts on the bundled sample', () => {
  let charts: Chart[];
  let sections: Section[];
  beforeAll(() => {
    const input = sampleInput();
    sections = buildReport(input);
    charts = reportCharts(input, sections);
  });

  it('every chart of the list, in report order, each tied to a section of the report', () => {
    expect(charts.map((c) => c.id)).toEqual([...EXPECTED_CHARTS]);
    const order = sections.map((s) => s.id);
    const positions = charts.map((c) => order.indexOf(c.section));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('each is an accessible SVG with a title, a description and finite coordinates', () => {
    for (const c of charts) {
      expect(c.svg, c.id).toMatch(/^<svg [^>]*role="img" aria-labelledby="title desc">/);
      expect(c.svg, c.id).toMatch(/<title id="title">[^<]{4,}<\/title>/);
      expect(c.svg, c.id).toMatch(/<desc id="desc">[^<]{20,}<\/desc>/);
      expect(c.svg, c.id).not.toMatch(/NaN|Infinity|undefined/);
    }
  });

  it('the NPS trend has one marker per month with the month’s NPS', () => {
    const nps = sections.find((s) => s.id === 'nps')?.data as { monthly: { month: string; nps: number | undefined }[] };
    const svg = charts.find((c) => c.id === 'nps-trend')?.svg as string;
    const markers = svg.match(/<circle /g) ?? [];
    expect(markers).toHaveLength(nps.monthly.filter((m) => m.nps !== undefined).length);
    expect(svg).toContain(`<title>${nps.monthly[0]?.month.slice(2)}: `);
  });

  it('the tracking curve: actual and expected by the chosen model, the end of calibration marked at week 39', () => {
    const svg = charts.find((c) => c.id === 'tracking-curve')?.svg as string;
    expect(svg).toContain('>MBG/NBD expected</text>');
    expect(svg).toContain('>calibration ends</text>');
    // x: weeks 0…78 → 64…656 px; week 39 is the middle of the plot.
    expect(svg).toContain('<line x1="360" x2="360" y1="80" y2="344" stroke="#666666" stroke-dasharray="2 3"/>');
    expect(svg.match(/<path d="M[^"]*" fill="none"/g)).toHaveLength(2);
    expect(svg).toMatch(/<desc id="desc">[^<]*actual 4,339 and expected by MBG\/NBD 4,050/);
  });

  it('calibration vs holdout: one marker per frequency group and line, labelled 0 … 7+', () => {
    const svg = charts.find((c) => c.id === 'calibration-holdout')?.svg as string;
    expect(svg.match(/<circle /g)).toHaveLength(16);
    for (const label of ['0', '3', '7+', 'repeat purchases in calibration', 'holdout purchases per customer']) expect(svg).toContain(`>${label}</text>`);
  });

  it('the top customers with the whiskers of their CLV interval', () => {
    const svg = charts.find((c) => c.id === 'top-customers')?.svg as string;
    expect(svg).toContain('whiskers: 95 % parameter interval');
    expect(svg).toMatch(/1981 \$848\.11 \(\$\d{3}\.\d{2} to \$\d{3}\.\d{2}\)/);
  });
});

describe('reportCharts on small inputs', () => {
  const months = (n: number) => Array.from({ length: n }, (_, k) => [10, 9, 0].map((score, j) => answer(`${k}-${j}`, 'nps', score, day(2020, k + 1, j + 1)))).flat();

  it('a two-month NPS trend draws the trend chart only', () => {
    const input = reportInput({ interactions: months(2) });
    const charts = reportCharts(input, [npsSection(input) as Section]);
    expect(charts.map((c) => [c.id, c.section])).toEqual([['nps-trend', 'nps']]);
    expect(charts[0]?.svg).toContain('<title>20-01: ');
    expect(charts[0]?.svg).toContain('<title>20-02: ');
  });

  it('one month is no trend; no sections, no charts', () => {
    const input = reportInput({ interactions: months(1) });
    expect(reportCharts(input, [npsSection(input) as Section])).toEqual([]);
    expect(reportCharts(input, [])).toEqual([]);
  });
});
