import { describe, expect, it } from 'vitest';
import { survivalChart } from '../../../src/cli/svg/step-chart';

describe('survivalChart', () => {
  const svg = survivalChart(
    { name: 'Kaplan–Meier', colour: '#0072B2', steps: [[2, 0.5, 0.25, 0.75]], until: 4 },
    { name: 'sBG', colour: '#D55E00', points: [[0, 1], [2, 0.5], [4, 0.25]] },
    { title: 'Survival', description: 'Share of customers still buying', xLabel: 'months', yLabel: 'still a customer', xMax: 8 },
  );

  it('the observed curve is a step function from (0, 100 %) to the end of data', () => {
    // x: 0…8 → 64…656 (74 px a month); y: 0…1 → 344…80.
    expect(svg).toContain('<path d="M64 80 L212 80 L212 212 L360 212" fill="none" stroke="#0072B2" stroke-width="2"/>');
    expect(svg).toContain('<path d="M64 80 L212 80 L212 146 L360 146 L360 278 L212 278 L212 80 L64 80 Z" fill="#0072B2" fill-opacity="0.15" stroke="none"/>');
  });

  it('the model is drawn dashed, as steps', () => {
    expect(svg).toContain('<path d="M64 80 L212 80 L212 212 L360 212 L360 278" fill="none" stroke="#D55E00" stroke-width="2" stroke-dasharray="6 4"/>');
  });

  it('marks the end of data; percent axis, month ticks, legend and titles', () => {
    expect(svg).toContain('<line x1="360" x2="360" y1="80" y2="344"');
    expect(svg).toContain('>end of data</text>');
    for (const label of ['0 %', '60 %', '100 %', '0', '2', '8', 'months', 'still a customer', 'Kaplan–Meier', 'sBG']) expect(svg).toContain(`>${label}</text>`);
    expect(svg).toContain('<title id="title">Survival</title>');
  });
});
