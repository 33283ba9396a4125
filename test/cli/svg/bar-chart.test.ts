import { describe, expect, it } from 'vitest';
import { barChart, groupedBarChart } from '../../../src/cli/svg/bar-chart';

const options = { title: 'Repeat purchases', description: 'Customers by number of repeat purchases', xLabel: 'repeat purchases', yLabel: 'customers', format: (v: number) => String(v) };

describe('barChart', () => {
  it('one bar per value on a nice axis, its value above and its label below', () => {
    const svg = barChart(
      [
        { label: 'A', value: 10, fill: '#ff0000' },
        { label: 'B', value: 20, fill: '#00ff00' },
      ],
      options,
    );
    // Axis to niceMax(20 × 1.08) = 25 over the plot's 264 px; two slots of 296 px, bars 70 % wide.
    expect(svg).toContain('<rect x="108.4" y="238.4" width="207.2" height="105.6" fill="#ff0000"/>');
    expect(svg).toContain('<rect x="404.4" y="132.8" width="207.2" height="211.2" fill="#00ff00"/>');
    expect(svg).toContain('<text x="212" y="234.4" font-size="10" text-anchor="middle" fill="#666666">10</text>');
    expect(svg).toContain('<text x="212" y="360" font-size="12" text-anchor="middle">A</text>');
    expect(svg).toContain('>25</text>');
    expect(svg).toContain('role="img" aria-labelledby="title desc"');
    expect(svg).toContain('<title id="title">Repeat purchases</title>');
    expect(svg).toContain('>repeat purchases</text>');
    expect(svg).toContain('>customers</text>');
  });
});

describe('groupedBarChart', () => {
  it('one bar per series in each category, and a legend of the series', () => {
    const svg = groupedBarChart(
      ['0', '1', '2'],
      [
        [5, 3, 1],
        [4.5, 3.2, 1.1],
      ],
      { ...options, series: [{ name: 'observed', fill: '#0072B2' }, { name: 'BG/NBD', fill: '#D55E00' }] },
    );
    expect(svg.match(/fill="#0072B2"/g)).toHaveLength(3 + 1);
    expect(svg.match(/fill="#D55E00"/g)).toHaveLength(3 + 1);
    expect(svg).toContain('>observed</text>');
    expect(svg).toContain('>BG/NBD</text>');
    for (const label of ['0', '1', '2']) expect(svg).toContain(`text-anchor="middle">${label}</text>`);
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  });
});
