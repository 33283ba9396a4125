import { baseAxis, GRID, heading, legend, MUTED, PLOT, HEIGHT, WIDTH } from './chart';
import { linear, ticks } from './scale';
import { el, polyline, svgDocument, text } from './svg';

/** One point of a {@link lineBandChart}: its label, value and interval (`undefined` ends are not drawn). */
export interface BandPoint {
  readonly label: string;
  readonly value: number | undefined;
  readonly lower: number | undefined;
  readonly upper: number | undefined;
}

/** Options of {@link lineBandChart}. */
export interface LineBandChartOptions {
  readonly title: string;
  readonly subtitle?: string;
  readonly description: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** The value axis' range. */
  readonly domain: readonly [number, number];
  readonly format: (v: number) => string;
  readonly colour: string;
  readonly seriesName: string;
  readonly bandName: string;
}

/** A line over categories (months) with a shaded interval band and a marker at each point. */
export function lineBandChart(points: readonly BandPoint[], o: LineBandChartOptions): string {
  const y = linear(o.domain, [PLOT.bottom, PLOT.top]);
  const slot = (PLOT.right - PLOT.left) / Math.max(1, points.length);
  const x = (k: number): number => PLOT.left + slot * (k + 0.5);
  const axis: string[] = [];
  for (const v of ticks(o.domain[0], o.domain[1], 5)) {
    axis.push(el('line', { x1: PLOT.left, x2: PLOT.right, y1: y(v), y2: y(v), stroke: GRID, 'stroke-width': 1 }));
    axis.push(text(PLOT.left - 8, y(v) + 4, o.format(v), { 'font-size': 11, 'text-anchor': 'end', fill: MUTED }));
  }
  axis.push(text(16, (PLOT.top + PLOT.bottom) / 2, o.yLabel, { 'font-size': 12, 'text-anchor': 'middle', transform: `rotate(-90 16 ${(PLOT.top + PLOT.bottom) / 2})` }));
  const banded = points.map((p, k) => ({ p, k })).filter(({ p }) => p.lower !== undefined && p.upper !== undefined);
  const band =
    banded.length < 2
      ? []
      : [
          el('path', {
            d: `${polyline(banded.map(({ p, k }) => [x(k), y(p.upper as number)]))} ${polyline([...banded].reverse().map(({ p, k }) => [x(k), y(p.lower as number)])).replace(/^M/, 'L')} Z`,
            fill: o.colour,
            'fill-opacity': 0.18,
            stroke: 'none',
          }),
        ];
  const valued = points.map((p, k) => ({ p, k })).filter(({ p }) => p.value !== undefined);
  const line = valued.length < 2 ? [] : [el('path', { d: polyline(valued.map(({ p, k }) => [x(k), y(p.value as number)])), fill: 'none', stroke: o.colour, 'stroke-width': 2 })];
  const markers = valued.map(({ p, k }) => el('circle', { cx: x(k), cy: y(p.value as number), r: 3, fill: o.colour }, [`<title>${escape(`${p.label}: ${o.format(p.value as number)}`)}</title>`]));
  // Label every category when they fit, else every n-th.
  const every = Math.max(1, Math.ceil((points.length * 54) / (PLOT.right - PLOT.left)));
  const labels = points.flatMap((p, k) => (k % every === 0 ? [text(x(k), PLOT.bottom + 16, p.label, { 'font-size': 11, 'text-anchor': 'middle', fill: MUTED })] : []));
  return svgDocument(WIDTH, HEIGHT, o.title, o.description, [
    ...heading(o.title, o.subtitle),
    ...legend([
      { label: o.seriesName, stroke: o.colour },
      { label: o.bandName, fill: `${o.colour}44` },
    ]),
    ...axis,
    ...band,
    ...line,
    ...markers,
    ...labels,
    ...baseAxis(o.xLabel),
  ]);
}

function escape(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
