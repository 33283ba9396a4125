import { baseAxis, heading, legend, MUTED, PLOT, valueAxis, WIDTH, HEIGHT } from './chart';
import { linear } from './scale';
import { el, polyline, svgDocument, text } from './svg';

/** One line of a {@link lineChart}: its name in the legend, colour, optional dash, and (x, y) points in x order. */
export interface LineChartSeries {
  readonly name: string;
  readonly colour: string;
  /** SVG `stroke-dasharray`, e.g. `'6 4'`; solid without it. */
  readonly dash?: string;
  readonly points: readonly (readonly [number, number])[];
  /** Draw a dot at each point (for a few categories); default false. */
  readonly markers?: boolean;
}

/** Options of {@link lineChart}. */
export interface LineChartOptions {
  readonly title: string;
  readonly subtitle?: string;
  readonly description: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** The x axis' range. */
  readonly xDomain: readonly [number, number];
  /** The tick positions on the x axis and their labels. */
  readonly xTicks: readonly { readonly at: number; readonly label: string }[];
  /** The top of the value axis (the axis starts at 0). */
  readonly yMax: number;
  readonly format: (v: number) => string;
  /** A dashed vertical line at `at` with a label beside it (e.g. the end of calibration). */
  readonly marker?: { readonly at: number; readonly label: string };
}

/** Several lines over a numeric x axis from 0 up, with an optional vertical marker: tracking curves, conditional expectations. */
export function lineChart(series: readonly LineChartSeries[], o: LineChartOptions): string {
  const { y, svg: axis } = valueAxis(o.yMax, o.yLabel, o.format);
  const x = linear(o.xDomain, [PLOT.left, PLOT.right]);
  const xTicks = o.xTicks.flatMap((t) => [
    el('line', { x1: x(t.at), x2: x(t.at), y1: PLOT.bottom, y2: PLOT.bottom + 4, stroke: MUTED }),
    text(x(t.at), PLOT.bottom + 18, t.label, { 'font-size': 11, 'text-anchor': 'middle', fill: MUTED }),
  ]);
  const marker =
    o.marker === undefined
      ? []
      : [
          el('line', { x1: x(o.marker.at), x2: x(o.marker.at), y1: PLOT.top, y2: PLOT.bottom, stroke: MUTED, 'stroke-dasharray': '2 3' }),
          // The label on the side with room: left of a marker in the right half.
          x(o.marker.at) > (PLOT.left + PLOT.right) / 2
            ? text(x(o.marker.at) - 4, PLOT.top + 12, o.marker.label, { 'font-size': 11, 'text-anchor': 'end', fill: MUTED })
            : text(x(o.marker.at) + 4, PLOT.top + 12, o.marker.label, { 'font-size': 11, fill: MUTED }),
        ];
  const lines = series.flatMap((s) => [
    el('path', { d: polyline(s.points.map(([px, py]) => [x(px), y(py)])), fill: 'none', stroke: s.colour, 'stroke-width': 2, 'stroke-dasharray': s.dash }),
    ...(s.markers === true ? s.points.map(([px, py]) => el('circle', { cx: x(px), cy: y(py), r: 3, fill: s.colour })) : []),
  ]);
  return svgDocument(WIDTH, HEIGHT, o.title, o.description, [
    ...heading(o.title, o.subtitle),
    ...legend(series.map((s) => (s.dash === undefined ? { label: s.name, stroke: s.colour } : { label: s.name, stroke: s.colour, dash: s.dash }))),
    ...axis,
    ...marker,
    ...lines,
    ...xTicks,
    ...baseAxis(o.xLabel),
  ]);
}
