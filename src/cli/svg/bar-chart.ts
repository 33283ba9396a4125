import { baseAxis, heading, legend, MUTED, PLOT, valueAxis, WIDTH, HEIGHT, type LegendItem } from './chart';
import { niceMax } from './scale';
import { el, svgDocument, text } from './svg';

/** One bar: its label under the axis, its value, and its colour. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly fill: string;
}

/** Options of {@link barChart}. */
export interface BarChartOptions {
  readonly title: string;
  readonly subtitle?: string;
  readonly description: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly format: (v: number) => string;
  readonly legend?: readonly LegendItem[];
}

/** A bar chart with a value above each bar. */
export function barChart(bars: readonly Bar[], o: BarChartOptions): string {
  const { y, svg: axis } = valueAxis(niceMax(Math.max(...bars.map((b) => b.value)) * 1.08), o.yLabel, o.format);
  const slot = (PLOT.right - PLOT.left) / bars.length;
  const body = bars.flatMap((b, k) => {
    const x = PLOT.left + k * slot + slot * 0.15;
    const w = slot * 0.7;
    return [
      el('rect', { x, y: y(b.value), width: w, height: PLOT.bottom - y(b.value), fill: b.fill }),
      text(x + w / 2, y(b.value) - 4, o.format(b.value), { 'font-size': 10, 'text-anchor': 'middle', fill: MUTED }),
      text(x + w / 2, PLOT.bottom + 16, b.label, { 'font-size': 12, 'text-anchor': 'middle' }),
    ];
  });
  return svgDocument(WIDTH, HEIGHT, o.title, o.description, [
    ...heading(o.title, o.subtitle),
    ...(o.legend ? legend(o.legend) : []),
    ...axis,
    ...body,
    ...baseAxis(o.xLabel),
  ]);
}

/** Options of {@link groupedBarChart}. */
export interface GroupedBarChartOptions extends BarChartOptions {
  /** Name and colour of each series, in the order of the values. */
  readonly series: readonly { readonly name: string; readonly fill: string }[];
}

/** Side-by-side bars per category, one per series. */
export function groupedBarChart(categories: readonly string[], values: readonly (readonly number[])[], o: GroupedBarChartOptions): string {
  const max = Math.max(...values.flat());
  const { y, svg: axis } = valueAxis(niceMax(max * 1.08), o.yLabel, o.format);
  const slot = (PLOT.right - PLOT.left) / categories.length;
  const w = (slot * 0.76) / o.series.length;
  const body = categories.flatMap((label, k) => {
    const x0 = PLOT.left + k * slot + slot * 0.12;
    return [
      ...o.series.map((s, j) =>
        el('rect', { x: x0 + j * w, y: y(values[j]?.[k] ?? 0), width: w - 1, height: PLOT.bottom - y(values[j]?.[k] ?? 0), fill: s.fill }),
      ),
      text(x0 + (w * o.series.length) / 2, PLOT.bottom + 16, label, { 'font-size': 12, 'text-anchor': 'middle' }),
    ];
  });
  return svgDocument(WIDTH, HEIGHT, o.title, o.description, [
    ...heading(o.title, o.subtitle),
    ...legend(o.series.map((s) => ({ label: s.name, fill: s.fill }))),
    ...axis,
    ...body,
    ...baseAxis(o.xLabel),
  ]);
}
