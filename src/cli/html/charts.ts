/**
 * The HTML report's charts, drawn from the sections' data (and, for curves and distributions
 * the sections summarise, from the same analyses the sections run). Okabe–Ito colours.
 */
import { money, num, pct, points as signed } from '../format';
import { FREQUENCY_BINS, MODEL_LABELS } from '../sections/clv';
import { analyseRetention, CHURN_AFTER_MONTHS, PROJECTION_MONTHS } from '../sections/retention';
import type { ReportInput, Section } from '../sections/types';
import { barChart, groupedBarChart } from '../svg/bar-chart';
import { heatMap } from '../svg/heat-map';
import { intervalChart, type IntervalRow } from '../svg/interval-chart';
import { lineBandChart } from '../svg/line-band-chart';
import { lineChart } from '../svg/line-chart';
import { niceMax, ticks } from '../svg/scale';
import { survivalChart } from '../svg/step-chart';

/** Okabe–Ito colours, distinguishable with the common colour-vision deficiencies (each ≥ 3:1 on white as a graphic). */
export const COLOURS = { blue: '#0072B2', vermilion: '#D55E00', green: '#007A5E', purple: '#AA4499', grey: '#767676' } as const;

/** One chart of the report: the section it belongs to and its SVG. */
export interface Chart {
  readonly id: string;
  readonly section: string;
  readonly svg: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

/** A range covering `values` padded to round ticks, clamped to `[min, max]`. */
function niceDomain(values: readonly (number | undefined)[], min: number, max: number): [number, number] {
  const finite = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (finite.length === 0) return [min, max];
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (hi - lo < 1e-9) {
    lo -= Math.max(Math.abs(lo) * 0.1, (max - min) / 20);
    hi += Math.max(Math.abs(hi) * 0.1, (max - min) / 20);
  }
  const t = ticks(lo, hi, 5);
  const step = t.length > 1 ? (t[1] as number) - (t[0] as number) : (hi - lo) / 5;
  return [Math.max(min, Math.floor(lo / step) * step), Math.min(max, Math.ceil(hi / step) * step)];
}

function npsTrend(section: Section): Chart | undefined {
  const d = section.data as Data;
  const months = d.monthly as { month: string; nps: number | undefined; lower: number | undefined; upper: number | undefined }[];
  if (months.length < 2) return undefined;
  const domain = niceDomain(months.flatMap((m) => [m.lower, m.upper, m.nps]), -100, 100);
  return {
    id: 'nps-trend',
    section: section.id,
    svg: lineBandChart(
      months.map((m) => ({ label: m.month.slice(2), value: m.nps, lower: m.lower, upper: m.upper })),
      {
        title: 'NPS by month',
        subtitle: `Overall NPS ${signed(d.score)} from ${num(d.answers)} answers; band = 95 % interval of each month`,
        description: `Line chart of the monthly Net Promoter Score from ${months[0]?.month} to ${months[months.length - 1]?.month}, in points from −100 to 100, with a shaded band showing each month's 95 % adjusted-Wald interval.`,
        xLabel: 'month (YY-MM)',
        yLabel: 'NPS (points)',
        domain,
        format: (v) => signed(v, 0),
        colour: COLOURS.blue,
        seriesName: 'NPS',
        bandName: '95 % interval',
      },
    ),
  };
}

function touchpointCharts(section: Section): Chart[] {
  const groups = (section.data as Data).groups as Data[];
  const out: Chart[] = [];
  const csat = groups.filter((g) => g.csatAnswers > 0);
  if (csat.length > 0) {
    const rows: IntervalRow[] = csat.map((g) => ({ label: g.touchpoint, value: g.csat, lower: g.csatLower, upper: g.csatUpper, note: `(${num(g.csatAnswers)})` }));
    out.push({
      id: 'csat-touchpoints',
      section: section.id,
      svg: intervalChart(rows, {
        title: 'CSAT per touchpoint',
        subtitle: 'Share answering 4–5 of 5, with its 95 % Wilson interval (answers in brackets)',
        description: `Dot-and-whisker chart of the CSAT share for ${rows.length} touchpoints: ${rows.map((r) => `${r.label} ${pct(r.value)}`).join(', ')}.`,
        xLabel: 'CSAT: share satisfied',
        domain: niceDomain(rows.flatMap((r) => [r.lower, r.upper, r.value]), 0, 1),
        format: (v) => pct(v, 0),
        colour: COLOURS.blue,
      }),
    });
  }
  const ces = groups.filter((g) => g.cesAnswers > 0);
  if (ces.length > 0) {
    const rows: IntervalRow[] = ces.map((g) => ({ label: g.touchpoint, value: g.ces, lower: g.cesLower, upper: g.cesUpper, note: `(${num(g.cesAnswers)})` }));
    out.push({
      id: 'ces-touchpoints',
      section: section.id,
      svg: intervalChart(rows, {
        title: 'CES per touchpoint',
        subtitle: 'Mean effort score on 1–7 (higher is easier), with its 95 % Student-t interval',
        description: `Dot-and-whisker chart of the mean Customer Effort Score for ${rows.length} touchpoints: ${rows.map((r) => `${r.label} ${num(r.value, 2)}`).join(', ')}.`,
        xLabel: 'CES: mean score (1–7)',
        domain: niceDomain(rows.flatMap((r) => [r.lower, r.upper, r.value]), 1, 7),
        format: (v) => num(v, 1),
        colour: COLOURS.green,
      }),
    });
  }
  return out;
}

const METRIC = {
  nps: { label: 'NPS', format: (v: number) => signed(v, 0), range: [-100, 100] as [number, number], colour: COLOURS.vermilion },
  csat: { label: 'CSAT', format: (v: number) => pct(v, 0), range: [0, 1] as [number, number], colour: COLOURS.vermilion },
  ces: { label: 'CES', format: (v: number) => num(v, 1), range: [1, 7] as [number, number], colour: COLOURS.vermilion },
};

function weakestCharts(section: Section): Chart[] {
  const data = section.data as Record<string, Data[]>;
  return (Object.keys(METRIC) as (keyof typeof METRIC)[]).flatMap((metric) => {
    const ranking = data[metric];
    if (ranking === undefined || ranking.length === 0) return [];
    const m = METRIC[metric];
    const rows: IntervalRow[] = ranking.map((t, k) => ({ label: `${k + 1}. ${t.touchpoint ?? '(none)'}`, value: t.estimate, lower: t.lower, upper: t.upper, note: `(${num(t.responses)})` }));
    return [
      {
        id: `weakest-${metric}`,
        section: section.id,
        svg: intervalChart(rows, {
          title: `Weakest touchpoints by ${m.label}`,
          subtitle: 'Ranked by the optimistic end of the 95 % interval (answers in brackets)',
          description: `The ${rows.length} touchpoints with the lowest ${m.label}, even at the top of their interval: ${rows.map((r) => `${r.label} ${m.format(r.value as number)}`).join(', ')}.`,
          xLabel: m.label,
          domain: niceDomain(rows.flatMap((r) => [r.lower, r.upper, r.value]), m.range[0], m.range[1]),
          format: m.format,
          colour: m.colour,
        }),
      },
    ];
  });
}

function cohortChart(section: Section): Chart | undefined {
  const cohorts = (section.data as Data).cohorts as { cohort: string; size: number; retention: number[] }[];
  if (cohorts.length === 0) return undefined;
  const widest = Math.max(...cohorts.map((c) => c.retention.length));
  // M0 is 100 % by definition: the colour scale is set by the later months.
  const later = cohorts.flatMap((c) => c.retention.slice(1));
  const max = Math.max(0.05, ...later);
  return {
    id: 'cohort-heat-map',
    section: section.id,
    svg: heatMap(
      cohorts.map((c) => Array.from({ length: widest }, (_, k) => c.retention[k])),
      {
        title: 'Monthly cohort retention',
        subtitle: 'Customers by month of first purchase: % buying in month 0, 1, 2, …',
        description: `Heat map: one row per first-purchase cohort (${cohorts.map((c) => `${c.cohort}, ${c.size} customers`).join('; ')}), one column per month since the first purchase, cell = share of the cohort buying that month.`,
        rowLabels: cohorts.map((c) => `${c.cohort} (${num(c.size)})`),
        columnLabels: Array.from({ length: widest }, (_, k) => `M${k}`),
        xLabel: 'months since first purchase',
        max,
        format: (v) => num(100 * v, 0),
        note: `Cell = % of the cohort buying in that month (M0 = 100 %); colour saturates at ${num(100 * max, 0)} %.`,
      },
    ),
  };
}

function survival(section: Section, input: ReportInput): Chart | undefined {
  const analysis = analyseRetention(input);
  if (analysis === undefined) return undefined;
  const { survival: km, sbg, projection } = analysis;
  const until = km.steps.length === 0 ? 0 : (km.steps[km.steps.length - 1] as { time: number }).time;
  return {
    id: 'survival',
    section: section.id,
    svg: survivalChart(
      { name: 'Kaplan–Meier (95 % band)', colour: COLOURS.blue, steps: km.steps.map((s) => [s.time, s.survival, s.interval.lower, s.interval.upper] as const), until },
      { name: `sBG projection (α ${num(sbg.alpha, 2)}, β ${num(sbg.beta, 2)})`, colour: COLOURS.purple, points: projection.map((s, t) => [t, s] as const) },
      {
        title: 'Customer survival: observed and projected',
        subtitle: `${num(km.subjects)} customers; lost after ${CHURN_AFTER_MONTHS} months without a purchase`,
        description: `Kaplan–Meier survival curve of ${km.subjects} customers over ${until} months with a 95 % log-log band, and the shifted-beta-geometric model fitted to the same lifetimes, projected to month ${PROJECTION_MONTHS}.`,
        xLabel: 'months since first purchase',
        yLabel: 'still a customer',
        xMax: Math.max(PROJECTION_MONTHS, until),
      },
    ),
  };
}

const MODEL_NAMES: Readonly<Record<string, string>> = MODEL_LABELS;

function clvCharts(section: Section): Chart[] {
  const data = section.data as Data;
  const out: Chart[] = [];
  const histogram = (data.repeatPurchaseHistogram ?? []) as { repeatPurchases: string; observed: number; expected: number }[];
  const bg = data.bgNbd as { r: number; alpha: number; a: number; b: number } | undefined;
  if (histogram.length > 0 && bg !== undefined) {
    out.push({
      id: 'repeat-purchases',
      section: section.id,
      svg: groupedBarChart(
        histogram.map((h) => h.repeatPurchases),
        [histogram.map((h) => h.observed), histogram.map((h) => h.expected)],
        {
          title: 'Model check: repeat purchases, observed vs BG/NBD',
          subtitle: `Customers by repeat purchases in calibration; r ${num(bg.r, 3)}, α ${num(bg.alpha, 3)}, a ${num(bg.a, 3)}, b ${num(bg.b, 3)}`,
          description: `Grouped bar chart: customers making 0 to ${FREQUENCY_BINS - 1} or more repeat purchases in the calibration period, observed and expected under the fitted BG/NBD model.`,
          xLabel: 'repeat purchases in calibration',
          yLabel: 'customers',
          format: (v) => num(v),
          series: [
            { name: 'observed', fill: COLOURS.blue },
            { name: 'BG/NBD expected', fill: COLOURS.grey },
          ],
        },
      ),
    });
  }
  const tracking = data.trackingCurve as
    | { model: string; calibrationWeek: number | undefined; weeks: { week: number; start: string; expectedCumulative: number; actualCumulative: number }[] }
    | undefined;
  if (tracking !== undefined && tracking.weeks.length >= 2) {
    const name = MODEL_NAMES[tracking.model] ?? tracking.model;
    const weeks = tracking.weeks;
    const last = weeks[weeks.length - 1] as (typeof weeks)[number];
    const top = niceMax(Math.max(1, ...weeks.flatMap((w) => [w.expectedCumulative, w.actualCumulative])));
    const step = ticks(0, weeks.length, 8);
    const cal = tracking.calibrationWeek;
    out.push({
      id: 'tracking-curve',
      section: section.id,
      svg: lineChart(
        [
          { name: 'actual', colour: COLOURS.blue, points: weeks.map((w) => [w.week, w.actualCumulative] as const) },
          { name: `${name} expected`, colour: COLOURS.vermilion, dash: '6 4', points: weeks.map((w) => [w.week, w.expectedCumulative] as const) },
        ],
        {
          title: 'Tracking: cumulative repeat purchases',
          subtitle: `Weekly from ${weeks[0]?.start}; expected by ${name}, the model chosen by fit (lowest BIC)`,
          description:
            `Line chart of the cumulative repeat purchases of the whole customer base, week 1 to ${weeks.length}: actual ${num(last.actualCumulative)} and expected by ${name} ${num(last.expectedCumulative)} by the last week` +
            (cal === undefined ? '.' : `; a dashed vertical line marks the end of calibration in week ${cal + 1}, after which the curve is a forecast.`),
          xLabel: 'week',
          yLabel: 'cumulative repeat purchases',
          xDomain: [0, weeks.length],
          xTicks: step.map((t) => ({ at: t, label: num(t) })),
          yMax: top,
          format: (v) => num(v),
          ...(cal === undefined ? {} : { marker: { at: cal + 1, label: 'calibration ends' } }),
        },
      ),
    });
  }
  const cvh = data.calibrationVsHoldout as { model: string; holdoutWeeks: number; groups: { label: string; customers: number; expected: number | undefined; actual: number | undefined }[] } | undefined;
  const groups = (cvh?.groups ?? []).map((g, k) => ({ ...g, k })).filter((g) => g.expected !== undefined && g.actual !== undefined);
  if (cvh !== undefined && groups.length >= 2) {
    const name = MODEL_NAMES[cvh.model] ?? cvh.model;
    const top = niceMax(Math.max(0.1, ...groups.flatMap((g) => [g.expected as number, g.actual as number])));
    out.push({
      id: 'calibration-holdout',
      section: section.id,
      svg: lineChart(
        [
          { name: 'actual', colour: COLOURS.blue, markers: true, points: groups.map((g) => [g.k, g.actual as number] as const) },
          { name: `${name} expected`, colour: COLOURS.vermilion, dash: '6 4', markers: true, points: groups.map((g) => [g.k, g.expected as number] as const) },
        ],
        {
          title: 'Calibration vs holdout: conditional expectations',
          subtitle: `Mean purchases per customer in the ${num(cvh.holdoutWeeks)} holdout weeks, by repeat purchases in calibration`,
          description: `Line chart of the mean holdout purchases per customer, actual and expected by ${name} given each customer's calibration history, for customers grouped by calibration repeat purchases: ${groups.map((g) => `${g.label}: actual ${num(g.actual, 2)}, expected ${num(g.expected, 2)}`).join('; ')}.`,
          xLabel: 'repeat purchases in calibration',
          yLabel: 'holdout purchases per customer',
          xDomain: [-0.5, (cvh.groups.length) - 0.5],
          xTicks: cvh.groups.map((g, k) => ({ at: k, label: g.label })),
          yMax: top,
          format: (v) => num(v, top < 5 ? 1 : 0),
        },
      ),
    });
  }
  const distribution = data.clvDistribution as { binWidth: number; median: number; bins: { from: number; customers: number }[] } | undefined;
  const model = MODEL_NAMES[data.topCustomersModel as string] ?? 'the chosen model';
  if (distribution !== undefined) {
    const { bins, binWidth: width } = distribution;
    const total = bins.reduce((t, b) => t + b.customers, 0);
    out.push({
      id: 'clv-distribution',
      section: section.id,
      svg: barChart(
        bins.map((b, k) => ({ label: k === bins.length - 1 ? `≥ ${num(b.from)}` : `${num(b.from)}–`, value: b.customers, fill: COLOURS.blue })),
        {
          title: 'Predicted 12-month CLV per customer',
          subtitle: `${num(total)} customers; bins of $${num(width)} (last bin open-ended); median ${money(distribution.median)}`,
          description: `Histogram of the predicted customer lifetime value over the next 12 months (${model} and Gamma-Gamma, discounted 1 % a month) for ${total} customers, in bins of ${width} dollars.`,
          xLabel: 'predicted CLV, dollars (bin start)',
          yLabel: 'customers',
          format: (v) => num(v),
        },
      ),
    });
  }
  const top = (data.topByClv ?? []) as { customerId: string; clv: number; clvLower: number | undefined; clvUpper: number | undefined }[];
  if (top.length > 0) {
    const rows: IntervalRow[] = top.map((c) => ({ label: c.customerId.length > 10 ? `${c.customerId.slice(0, 9)}…` : c.customerId, value: c.clv, lower: c.clvLower, upper: c.clvUpper }));
    const level = (data.customerEquity as { level: number | undefined } | undefined)?.level;
    out.push({
      id: 'top-customers',
      section: section.id,
      svg: intervalChart(rows, {
        title: 'Top customers by predicted CLV',
        subtitle: `12 months, ${model} × Gamma-Gamma` + (level === undefined ? '' : `; whiskers: ${num(level * 100)} % parameter interval`),
        description: `Dot-and-whisker chart of the ${top.length} customers with the highest predicted 12-month CLV: ${top.map((c) => `${c.customerId} ${money(c.clv)}${c.clvLower === undefined || c.clvUpper === undefined ? '' : ` (${money(c.clvLower)} to ${money(c.clvUpper)})`}`).join(', ')}.`,
        xLabel: 'predicted 12-month CLV ($)',
        domain: [0, niceMax(Math.max(1, ...top.flatMap((c) => [c.clv, c.clvUpper ?? 0])))],
        format: (v) => `$${num(v)}`,
        colour: COLOURS.green,
      }),
    });
  }
  return out;
}

function funnel(section: Section): Chart | undefined {
  const stages = (section.data as Data).stages as { stage: string; reached: number; fromPrevious: number | undefined }[];
  if (stages.length === 0) return undefined;
  return {
    id: 'funnel',
    section: section.id,
    svg: barChart(
      stages.map((s) => ({ label: s.stage.length > 14 ? `${s.stage.slice(0, 13)}…` : s.stage, value: s.reached, fill: COLOURS.blue })),
      {
        title: 'Journey funnel',
        subtitle: 'Journeys reaching each stage; conversion rates with their intervals in the table below',
        description: `Bar chart of the journeys reaching each stage: ${stages.map((s) => `${s.stage} ${s.reached}`).join(', ')}.`,
        xLabel: 'stage',
        yLabel: 'journeys',
        format: (v) => num(v),
      },
    ),
  };
}

/** Every chart the sections have data for, in report order. */
export function reportCharts(input: ReportInput, sections: readonly Section[]): Chart[] {
  const out: Chart[] = [];
  for (const s of sections) {
    if (s.id === 'nps') out.push(...[npsTrend(s)].filter((c): c is Chart => c !== undefined));
    else if (s.id === 'touchpoints') out.push(...touchpointCharts(s));
    else if (s.id === 'weakestTouchpoints') out.push(...weakestCharts(s));
    else if (s.id === 'retention') out.push(...[cohortChart(s)].filter((c): c is Chart => c !== undefined));
    else if (s.id === 'survival') out.push(...[survival(s, input)].filter((c): c is Chart => c !== undefined));
    else if (s.id === 'clv') out.push(...clvCharts(s));
    else if (s.id === 'funnel') out.push(...[funnel(s)].filter((c): c is Chart => c !== undefined));
  }
  return out;
}
