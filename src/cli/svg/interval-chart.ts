import { GRID, heading, INK, MUTED } from './chart';
import { linear, ticks } from './scale';
import { el, svgDocument, text } from './svg';

/** One row of an {@link intervalChart}: a label, an estimate and its interval. */
export interface IntervalRow {
  readonly label: string;
  readonly value: number | undefined;
  readonly lower: number | undefined;
  readonly upper: number | undefined;
  /** A note after the row (e.g. the number of answers). */
  readonly note?: string;
}

/** Options of {@link intervalChart}. */
export interface IntervalChartOptions {
  readonly title: string;
  readonly subtitle?: string;
  readonly description: string;
  readonly xLabel: string;
  readonly domain: readonly [number, number];
  readonly format: (v: number) => string;
  readonly colour: string;
}

const WIDTH = 680;
const ROW = 26;

/** Horizontal dot-and-whisker rows: the estimate as a dot, the interval as a line, one row per label. */
export function intervalChart(rows: readonly IntervalRow[], o: IntervalChartOptions): string {
  const left = Math.min(260, Math.max(96, Math.max(...rows.map((r) => r.label.length)) * 7 + 20));
  const right = WIDTH - 96;
  const top = 64;
  const bottom = top + rows.length * ROW + 8;
  const height = bottom + 48;
  const x = linear(o.domain, [left, right]);
  const body: string[] = [];
  for (const v of ticks(o.domain[0], o.domain[1], 6)) {
    body.push(el('line', { x1: x(v), x2: x(v), y1: top, y2: bottom, stroke: GRID, 'stroke-width': 1 }));
    body.push(text(x(v), bottom + 16, o.format(v), { 'font-size': 11, 'text-anchor': 'middle', fill: MUTED }));
  }
  rows.forEach((r, k) => {
    const cy = top + k * ROW + ROW / 2;
    body.push(text(left - 10, cy + 4, r.label, { 'font-size': 12, 'text-anchor': 'end' }));
    if (r.lower !== undefined && r.upper !== undefined) {
      body.push(el('line', { x1: x(r.lower), x2: x(r.upper), y1: cy, y2: cy, stroke: o.colour, 'stroke-width': 2 }));
      for (const end of [r.lower, r.upper]) body.push(el('line', { x1: x(end), x2: x(end), y1: cy - 5, y2: cy + 5, stroke: o.colour, 'stroke-width': 2 }));
    }
    if (r.value !== undefined) body.push(el('circle', { cx: x(r.value), cy, r: 4, fill: o.colour }));
    const shown = r.value === undefined ? 'no answers' : o.format(r.value);
    body.push(text(right + 8, cy + 4, r.note === undefined ? shown : `${shown} ${r.note}`, { 'font-size': 11, fill: MUTED }));
  });
  body.push(el('line', { x1: left, x2: right, y1: bottom, y2: bottom, stroke: INK, 'stroke-width': 1 }));
  body.push(text((left + right) / 2, height - 12, o.xLabel, { 'font-size': 12, 'text-anchor': 'middle' }));
  return svgDocument(WIDTH, height, o.title, o.description, [...heading(o.title, o.subtitle), ...body]);
}
