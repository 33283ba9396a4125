import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../../src/cli/svg/contrast';
import { heatMap } from '../../../src/cli/svg/heat-map';

const options = {
  title: 'Cohorts',
  description: 'Share of each cohort buying again',
  rowLabels: ['1997-01', '1997-02'],
  columnLabels: ['M0', 'M1', 'M2'],
  xLabel: 'months since first purchase',
  max: 1,
  format: (v: number) => `${Math.round(v * 100)}`,
  note: 'darker = more',
};

describe('heatMap', () => {
  const svg = heatMap(
    [
      [1, 0.5, 0.05],
      [1, 0.25, undefined],
    ],
    options,
  );
  const cells = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="30" height="30" fill="(#[0-9a-f]{6})"\/>\n<text[^>]*fill="(#[0-9a-f]{6})">([^<]*)<\/text>/g)];

  it('a labelled cell per observed value; unobserved cells stay blank', () => {
    expect(cells.map((c) => c[3])).toEqual(['100', '50', '5', '100', '25']);
    for (const label of ['1997-01', '1997-02', 'M0', 'M1', 'M2', 'months since first purchase', 'darker = more']) expect(svg).toContain(`>${label}</text>`);
    expect(svg).toContain('<title id="title">Cohorts</title>');
  });

  it('the maximum is the darkest colour, labelled in white; every label reaches 4.5:1 on its cell', () => {
    expect(cells[0]?.[1]).toBe('#084594');
    expect(cells[0]?.[2]).toBe('#ffffff');
    expect(cells[2]?.[2]).toBe('#222222');
    for (const [, fill, ink] of cells) expect(contrastRatio(fill as string, ink as string)).toBeGreaterThanOrEqual(4.5);
  });

  it('values above the maximum take the darkest colour too', () => {
    const over = heatMap([[2]], { ...options, rowLabels: ['x'], columnLabels: ['M0'] });
    expect(over).toContain('fill="#084594"');
  });
});
