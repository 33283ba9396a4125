import { describe, expect, it } from 'vitest';
import { baseAxis, HEIGHT, heading, legend, PLOT, valueAxis, WIDTH } from '../../../src/cli/svg/chart';

describe('the chart frame', () => {
  it('the plot area lies inside the canvas', () => {
    expect(PLOT).toEqual({ left: 64, right: WIDTH - 24, top: 80, bottom: HEIGHT - 56 });
  });

  it('heading: the title, and a subtitle cut with an ellipsis when too long', () => {
    expect(heading('NPS')).toEqual(['<text x="64" y="22" font-size="16" font-weight="600">NPS</text>']);
    const [, short] = heading('T', 'per month');
    expect(short).toBe('<text x="64" y="38" font-size="12" fill="#666666">per month</text>');
    const long = 'x'.repeat(200);
    const shown = /<text[^>]*>([^<]*)<\/text>/.exec(heading('T', long)[1] as string)?.[1] as string;
    expect(shown.endsWith('…')).toBe(true);
    expect([...shown].length).toBe(Math.floor((WIDTH - 64 - 8) / 6.4));
  });

  it('valueAxis: a scale from 0 at the bottom to max at the top, one gridline and label per tick, the rotated title', () => {
    const { y, svg } = valueAxis(100, 'NPS', (v) => `${v} pts`);
    expect(y(0)).toBe(PLOT.bottom);
    expect(y(100)).toBe(PLOT.top);
    const labels = svg.filter((s) => s.startsWith('<text')).map((s) => /<text[^>]*>([^<]*)</.exec(s)?.[1]);
    expect(labels).toEqual(['0 pts', '20 pts', '40 pts', '60 pts', '80 pts', '100 pts', 'NPS']);
    expect(svg.filter((s) => s.startsWith('<line'))).toHaveLength(6);
    expect(svg[svg.length - 1]).toContain('transform="rotate(-90 16 212)"');
  });

  it('baseAxis: the baseline and the centred title', () => {
    expect(baseAxis('month')).toEqual([
      `<line x1="64" x2="656" y1="344" y2="344" stroke="#222222" stroke-width="1"/>`,
      `<text x="360" y="386" font-size="12" text-anchor="middle">month</text>`,
    ]);
  });

  it('legend: a box for filled items, a (dashed) line for the others, labels left to right', () => {
    const svg = legend([{ label: 'observed', fill: '#0072B2' }, { label: 'model', stroke: '#D55E00', dash: '6 4' }]);
    expect(svg[0]).toBe('<rect x="64" y="53" width="14" height="10" fill="#0072B2"/>');
    expect(svg[1]).toBe('<text x="84" y="62" font-size="12">observed</text>');
    const second = 64 + 22 + 'observed'.length * 6.6 + 14;
    expect(svg[2]).toBe(`<line x1="${second}" x2="${second + 16}" y1="58" y2="58" stroke="#D55E00" stroke-width="2" stroke-dasharray="6 4"/>`);
    expect(svg[3]).toContain('>model</text>');
  });
});
