/** The frame shared by the charts: plot area, axes with gridlines, axis titles, legend. */
import { el, text } from './svg';
import { linear, ticks, type Scale } from './scale';

export const WIDTH = 680;
export const HEIGHT = 400;
export const MARGIN = { top: 80, right: 24, bottom: 56, left: 64 } as const;
export const INK = '#222222';
export const GRID = '#e6e6e6';
export const MUTED = '#666666';

/** The plot area in pixels. */
export const PLOT = {
  left: MARGIN.left,
  right: WIDTH - MARGIN.right,
  top: MARGIN.top,
  bottom: HEIGHT - MARGIN.bottom,
} as const;

/** Characters of 12 px text that fit beside the left margin (about 6.4 px each, a conservative average). */
const SUBTITLE_CHARACTERS = Math.floor((WIDTH - MARGIN.left - 8) / 6.4);

/** The chart's title, top left; a subtitle too long for the width is cut with an ellipsis (data-dependent names can be long). */
export function heading(title: string, subtitle?: string): string[] {
  const out = [text(MARGIN.left, 22, title, { 'font-size': 16, 'font-weight': 600 })];
  if (subtitle !== undefined) {
    const shown = [...subtitle].length > SUBTITLE_CHARACTERS ? `${[...subtitle].slice(0, SUBTITLE_CHARACTERS - 1).join('')}…` : subtitle;
    out.push(text(MARGIN.left, 38, shown, { 'font-size': 12, fill: MUTED }));
  }
  return out;
}

/** A vertical value axis with horizontal gridlines; returns the scale and the SVG. */
export function valueAxis(max: number, label: string, format: (v: number) => string, tickCount = 5): { y: Scale; svg: string[] } {
  const y = linear([0, max], [PLOT.bottom, PLOT.top]);
  const svg: string[] = [];
  for (const v of ticks(0, max, tickCount)) {
    svg.push(el('line', { x1: PLOT.left, x2: PLOT.right, y1: y(v), y2: y(v), stroke: GRID, 'stroke-width': 1 }));
    svg.push(text(PLOT.left - 8, y(v) + 4, format(v), { 'font-size': 11, 'text-anchor': 'end', fill: MUTED }));
  }
  svg.push(text(16, (PLOT.top + PLOT.bottom) / 2, label, { 'font-size': 12, 'text-anchor': 'middle', transform: `rotate(-90 16 ${(PLOT.top + PLOT.bottom) / 2})` }));
  return { y, svg };
}

/** The x-axis title under the plot, and the baseline. */
export function baseAxis(label: string): string[] {
  return [
    el('line', { x1: PLOT.left, x2: PLOT.right, y1: PLOT.bottom, y2: PLOT.bottom, stroke: INK, 'stroke-width': 1 }),
    text((PLOT.left + PLOT.right) / 2, HEIGHT - 14, label, { 'font-size': 12, 'text-anchor': 'middle' }),
  ];
}

/** A legend entry: a swatch (filled box or line sample) and its label; returns the SVG and its width. */
export interface LegendItem {
  readonly label: string;
  readonly fill?: string;
  readonly stroke?: string;
  readonly dash?: string;
}

/** A legend in one row under the heading, left-aligned with the plot. */
export function legend(items: readonly LegendItem[]): string[] {
  const widths = items.map((i) => 22 + i.label.length * 6.6 + 14);
  let x = PLOT.left;
  const y = 62;
  const out: string[] = [];
  items.forEach((item, k) => {
    if (item.fill !== undefined) out.push(el('rect', { x, y: y - 9, width: 14, height: 10, fill: item.fill }));
    else out.push(el('line', { x1: x, x2: x + 16, y1: y - 4, y2: y - 4, stroke: item.stroke ?? INK, 'stroke-width': 2, 'stroke-dasharray': item.dash }));
    out.push(text(x + 20, y, item.label, { 'font-size': 12 }));
    x += widths[k] as number;
  });
  return out;
}
