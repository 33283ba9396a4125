import { baseAxis, GRID, heading, legend, MUTED, PLOT, valueAxis, WIDTH, HEIGHT } from './chart';
import { linear, ticks } from './scale';
import { el, polyline, svgDocument, text } from './svg';

/** A survival curve estimated from data: a step function with a confidence band. */
export interface StepSeries {
  readonly name: string;
  readonly colour: string;
  /** (time, value, lower, upper) at each step, time increasing; the curve starts at (0, 1). */
  readonly steps: readonly (readonly [number, number, number, number])[];
  /** Last time observed: the curve stops there. */
  readonly until: number;
}

/** A model curve evaluated at whole times (drawn as steps: survival changes at each renewal). */
export interface LineSeries {
  readonly name: string;
  readonly colour: string;
  readonly points: readonly (readonly [number, number])[];
}

/** Options of {@link survivalChart}. */
export interface SurvivalChartOptions {
  readonly title: string;
  readonly subtitle?: string;
  readonly description: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xMax: number;
}

/** Kaplan–Meier-style steps with a shaded band, and a dashed model projection on top. */
export function survivalChart(observed: StepSeries, model: LineSeries, o: SurvivalChartOptions): string {
  const { y, svg: axis } = valueAxis(1, o.yLabel, (v) => `${Math.round(v * 100)} %`);
  const x = linear([0, o.xMax], [PLOT.left, PLOT.right]);
  const xTicks = ticks(0, o.xMax, 8).flatMap((t) => [
    el('line', { x1: x(t), x2: x(t), y1: PLOT.bottom, y2: PLOT.bottom + 4, stroke: MUTED }),
    text(x(t), PLOT.bottom + 18, String(t), { 'font-size': 11, 'text-anchor': 'middle', fill: MUTED }),
  ]);
  // Step function: horizontal to each event time, then down.
  const line: [number, number][] = [[x(0), y(1)]];
  const upper: [number, number][] = [[x(0), y(1)]];
  const lower: [number, number][] = [[x(0), y(1)]];
  let previous: readonly [number, number, number, number] = [0, 1, 1, 1];
  for (const step of observed.steps) {
    const [t, s, lo, hi] = step;
    line.push([x(t), y(previous[1])], [x(t), y(s)]);
    upper.push([x(t), y(previous[3])], [x(t), y(hi)]);
    lower.push([x(t), y(previous[2])], [x(t), y(lo)]);
    previous = step;
  }
  line.push([x(observed.until), y(previous[1])]);
  upper.push([x(observed.until), y(previous[3])]);
  lower.push([x(observed.until), y(previous[2])]);
  const modelSteps: [number, number][] = [];
  model.points.forEach(([t, s], k) => {
    if (k > 0) modelSteps.push([x(t), y((model.points[k - 1] as readonly [number, number])[1])]);
    modelSteps.push([x(t), y(s)]);
  });
  const band = `${polyline(upper)} ${polyline([...lower].reverse()).replace(/^M/, 'L')} Z`;
  const end = el('line', { x1: x(observed.until), x2: x(observed.until), y1: PLOT.top, y2: PLOT.bottom, stroke: GRID, 'stroke-dasharray': '2 3' });
  return svgDocument(WIDTH, HEIGHT, o.title, o.description, [
    ...heading(o.title, o.subtitle),
    ...legend([
      { label: observed.name, stroke: observed.colour },
      { label: model.name, stroke: model.colour, dash: '6 4' },
    ]),
    ...axis,
    end,
    text(x(observed.until) + 4, PLOT.top + 12, 'end of data', { 'font-size': 10, fill: MUTED }),
    el('path', { d: band, fill: observed.colour, 'fill-opacity': 0.15, stroke: 'none' }),
    el('path', { d: polyline(line), fill: 'none', stroke: observed.colour, 'stroke-width': 2 }),
    el('path', { d: polyline(modelSteps), fill: 'none', stroke: model.colour, 'stroke-width': 2, 'stroke-dasharray': '6 4' }),
    ...xTicks,
    ...baseAxis(o.xLabel),
  ]);
}
