import { describe, expect, it } from 'vitest';
import { intervalChart } from '../../../src/cli/svg/interval-chart';

describe('intervalChart', () => {
  const svg = intervalChart(
    [
      { label: 'checkout', value: 0.5, lower: 0.25, upper: 0.75, note: '(n = 40)' },
      { label: 'support & help', value: undefined, lower: undefined, upper: undefined },
    ],
    { title: 'CSAT per touchpoint', description: 'CSAT with 95 % intervals', xLabel: 'CSAT', domain: [0, 1], format: (v) => `${Math.round(v * 100)} %`, colour: '#0072B2' },
  );

  it('a dot at the estimate and a whisker over the interval, on the domain mapped to the row area', () => {
    // The longest label (14 characters) sets the left edge at 14 × 7 + 20 = 118 px; the right edge is 680 − 96 = 584 px.
    expect(svg).toContain('<circle cx="351" cy="77" r="4" fill="#0072B2"/>');
    expect(svg).toContain('<line x1="234.5" x2="467.5" y1="77" y2="77" stroke="#0072B2" stroke-width="2"/>');
    expect(svg).toContain('>50 % (n = 40)</text>');
  });

  it('a row without answers has no dot or whisker, and says so; labels are escaped', () => {
    expect(svg.match(/<circle/g)).toHaveLength(1);
    expect(svg).toContain('>no answers</text>');
    expect(svg).toContain('>support &amp; help</text>');
  });

  it('tick labels along the domain, the axis title and the accessible name', () => {
    for (const t of ['0 %', '20 %', '40 %', '60 %', '80 %', '100 %', 'CSAT']) expect(svg).toContain(`>${t}</text>`);
    expect(svg).toContain('aria-labelledby="title desc"');
    expect(svg).toContain('<desc id="desc">CSAT with 95 % intervals</desc>');
  });
});
