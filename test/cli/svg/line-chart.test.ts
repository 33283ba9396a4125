import { describe, expect, it } from 'vitest';
import { lineChart } from '../../../src/cli/svg/line-chart';

describe('lineChart', () => {
  const svg = lineChart(
    [
      { name: 'actual', colour: '#0072B2', points: [[0, 0], [4, 50], [8, 100]] },
      { name: 'expected', colour: '#D55E00', dash: '6 4', markers: true, points: [[0, 0], [8, 80]] },
    ],
    {
      title: 'Tracking',
      subtitle: 'Weekly',
      description: 'Cumulative purchases, actual and expected',
      xLabel: 'week',
      yLabel: 'purchases',
      xDomain: [0, 8],
      xTicks: [{ at: 0, label: '0' }, { at: 4, label: 'four' }, { at: 8, label: '8' }],
      yMax: 100,
      format: (v) => String(v),
      marker: { at: 6, label: 'calibration ends' },
    },
  );

  it('each series is one path over the plot (x 0…8 → 64…656, y 0…100 → 344…80), dashed when asked', () => {
    expect(svg).toContain('<path d="M64 344 L360 212 L656 80" fill="none" stroke="#0072B2" stroke-width="2"/>');
    expect(svg).toContain('<path d="M64 344 L656 132.8" fill="none" stroke="#D55E00" stroke-width="2" stroke-dasharray="6 4"/>');
  });

  it('markers only on the series that asks for them', () => {
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg).toContain('<circle cx="656" cy="132.8" r="3" fill="#D55E00"/>');
  });

  it('the vertical marker, labelled on the side with room; ticks, axis titles, legend, title and description', () => {
    expect(svg).toContain('<line x1="508" x2="508" y1="80" y2="344"');
    expect(svg).toContain('<text x="504" y="92" font-size="11" text-anchor="end" fill="#666666">calibration ends</text>');
    for (const label of ['0', 'four', '8', '100', 'week', 'purchases', 'actual', 'expected', 'Weekly']) expect(svg).toContain(`>${label}</text>`);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="title desc">\n<title id="title">Tracking<\/title>\n<desc id="desc">Cumulative purchases, actual and expected<\/desc>/);
  });

  it('a marker in the left half is labelled to its right; no marker, no line', () => {
    const left = lineChart([{ name: 'a', colour: '#0072B2', points: [[0, 1], [1, 2]] }], {
      title: 't',
      description: 'd',
      xLabel: 'x',
      yLabel: 'y',
      xDomain: [0, 8],
      xTicks: [],
      yMax: 2,
      format: String,
      marker: { at: 2, label: 'here' },
    });
    expect(left).toContain('<text x="216" y="92" font-size="11" fill="#666666">here</text>');
    const none = lineChart([{ name: 'a', colour: '#0072B2', points: [[0, 1], [1, 2]] }], { title: 't', description: 'd', xLabel: 'x', yLabel: 'y', xDomain: [0, 1], xTicks: [], yMax: 2, format: String });
    expect(none).not.toContain('stroke-dasharray="2 3"');
  });
});
