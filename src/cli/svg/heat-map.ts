import { heading, INK, MARGIN, MUTED } from './chart';
import { contrastRatio, readableOn } from './contrast';
import { el, svgDocument, text } from './svg';

/** Options of {@link heatMap}. */
export interface HeatMapOptions {
  readonly title: string;
  readonly subtitle?: string;
  readonly description: string;
  readonly rowLabels: readonly string[];
  readonly columnLabels: readonly string[];
  readonly xLabel: string;
  /** Values at or above this get the darkest colour. */
  readonly max: number;
  readonly format: (v: number) => string;
  /** A note under the chart (the colour scale's meaning). */
  readonly note?: string;
}

const LIGHT = [239, 246, 255] as const;
const DARK = [8, 69, 148] as const;

const hex = (c: readonly number[]): string => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/**
 * White-to-blue: `t` in [0, 1]. Mid-tones where neither ink nor white text reaches a 4.5:1
 * contrast are darkened until white text does, so every cell label stays readable.
 */
function colour(t: number): string {
  let c = LIGHT.map((l, k) => Math.round(l + ((DARK[k] as number) - l) * Math.min(1, Math.max(0, t))));
  while (contrastRatio(readableOn(hex(c), [INK, '#ffffff']), hex(c)) < 4.5) c = c.map((v) => Math.floor(v * 0.95));
  return hex(c);
}

/** A grid of cells coloured by value, each labelled; `undefined` cells (not observed yet) stay blank. */
export function heatMap(values: readonly (readonly (number | undefined)[])[], o: HeatMapOptions): string {
  const cell = 32;
  const labelWidth = Math.max(...o.rowLabels.map((l) => l.length)) * 7 + 16; // room for the row labels
  const left = Math.max(MARGIN.left, labelWidth);
  const top = 64;
  const width = Math.max(680, left + o.columnLabels.length * cell + 24);
  const height = top + o.rowLabels.length * cell + 72;
  const body: string[] = [];
  o.columnLabels.forEach((label, c) => body.push(text(left + c * cell + cell / 2, top - 8, label, { 'font-size': 11, 'text-anchor': 'middle', fill: MUTED })));
  values.forEach((row, r) => {
    body.push(text(left - 8, top + r * cell + cell / 2 + 4, o.rowLabels[r] ?? '', { 'font-size': 12, 'text-anchor': 'end' }));
    row.forEach((v, c) => {
      if (v === undefined) return;
      const fill = colour(v / o.max);
      body.push(el('rect', { x: left + c * cell, y: top + r * cell, width: cell - 2, height: cell - 2, fill }));
      // The label takes whichever of ink and white contrasts more with its cell (WCAG ratio).
      body.push(text(left + c * cell + (cell - 2) / 2, top + r * cell + cell / 2 + 3, o.format(v), { 'font-size': 10, 'text-anchor': 'middle', fill: readableOn(fill, [INK, '#ffffff']) }));
    });
  });
  const bottom = top + o.rowLabels.length * cell;
  body.push(text(left + (o.columnLabels.length * cell) / 2, bottom + 22, o.xLabel, { 'font-size': 12, 'text-anchor': 'middle' }));
  if (o.note !== undefined) body.push(text(left, bottom + 48, o.note, { 'font-size': 11, fill: MUTED }));
  return svgDocument(width, height, o.title, o.description, [...heading(o.title, o.subtitle), ...body]);
}
