import { describe, expect, it } from 'vitest';
import { lineBandChart } from '../../../src/cli/svg/line-band-chart';

const options = {
  title: 'NPS by month',
  description: 'Monthly NPS with 95 % intervals',
  xLabel: 'month',
  yLabel: 'NPS',
  domain: [-100, 100] as const,
  format: (v: number) => String(v),
  colour: '#0072B2',
  seriesName: 'NPS',
  bandName: '95 % interval',
};

describe('lineBandChart', () => {
  it('a line through the values, a marker with a tooltip per value, a band over the intervals', () => {
    const svg = lineBandChart(
      [
        { label: 'Jan', value: 0, lower: -50, upper: 50 },
        { label: 'Feb', value: 50, lower: 0, upper: 100 },
      ],
      options,
    );
    // Two slots of 296 px: points at x = 212 and 508; y(0) = 212, y(50) = 146, y(100) = 80, y(−50) = 278.
    expect(svg).toContain('<path d="M212 212 L508 146" fill="none" stroke="#0072B2" stroke-width="2"/>');
    expect(svg).toContain('<path d="M212 146 L508 80 L508 212 L212 278 Z" fill="#0072B2" fill-opacity="0.18" stroke="none"/>');
    expect(svg).toContain('<circle cx="508" cy="146" r="3" fill="#0072B2"><title>Feb: 50</title></circle>');
    for (const label of ['Jan', 'Feb', 'month', 'NPS', '95 % interval', '-100', '100']) expect(svg).toContain(`>${label}</text>`);
  });

  it('points without a value or an interval are left out, and one point draws no line or band', () => {
    const svg = lineBandChart(
      [
        { label: 'Jan', value: 10, lower: undefined, upper: undefined },
        { label: 'Feb', value: undefined, lower: undefined, upper: undefined },
      ],
      options,
    );
    expect(svg.match(/<circle/g)).toHaveLength(1);
    expect(svg).not.toContain('fill-opacity="0.18"');
    expect(svg).not.toMatch(/<path d="M[^"]*" fill="none"/);
    expect(svg).not.toMatch(/NaN|undefined/);
  });
});
