/**
 * The HTML report's charts, drawn from the sections' data (and, for curves and distributions
 * the sections summarise, from the same analyses the sections run). Okabe–Ito colours.
 */
import { money, num, pct, points as signed } from '../format';
import { analyseClv, FREQUENCY_BINS, predictAtEnd } from '../sections/clv';
import { analyseRetention, CHURN_AFTER_MONTHS, PROJECTION_MONTHS } from '../sections/retention';
import type { ReportInput, Section } from '../sections/types';
import { barChart, groupedBarChart } from '../svg/bar-chart';
import { heatMap } from '../svg/heat-map';
import { intervalChart, type IntervalRow } from '../svg/interval-chart';
import { lineBandChart } from '../svg/line-band-chart';
import { ticks } from '../svg/scale';
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

function clvCharts(section: Section, input: ReportInput): Chart[] {
  const analysis = analyseClv(input);
  const data = section.data as Data;
  const out: Chart[] = [];
  if (analysis === undefined) return out;
  const labels = Array.from({ length: FREQUENCY_BINS }, (_, x) => (x === FREQUENCY_BINS - 1 ? `${x}+` : String(x)));
  out.push({
    id: 'repeat-purchases',
    section: section.id,
    svg: groupedBarChart(labels, [analysis.observedFrequency, analysis.expectedFrequency], {
      title: 'Model check: repeat purchases, observed vs BG/NBD',
      subtitle: `Customers by repeat purchases in calibration; r ${num(analysis.bgNbd.r, 3)}, α ${num(analysis.bgNbd.alpha, 3)}, a ${num(analysis.bgNbd.a, 3)}, b ${num(analysis.bgNbd.b, 3)}`,
      description: `Grouped bar chart: customers making 0 to ${FREQUENCY_BINS - 1} or more repeat purchases in the calibration period, observed and expected under the fitted BG/NBD model.`,
      xLabel: 'repeat purchases in calibration',
      yLabel: 'customers',
      format: (v) => num(v),
      series: [
        { name: 'observed', fill: COLOURS.blue },
        { name: 'BG/NBD expected', fill: COLOURS.grey },
      ],
    }),
  });
  if (analysis.gammaGamma === undefined) return out;
  const { prediction } = predictAtEnd(input, analysis, analysis.gammaGamma);
  const values = [...prediction.clv].filter(Number.isFinite).sort((a, b) => a - b);
  if (values.length > 0) {
    // Bins of equal width up to the 95th percentile; the rest in the last bin.
    const cap = values[Math.min(values.length - 1, Math.floor(0.95 * values.length))] as number;
    const bins = 10;
    const width = Math.max(1, Math.ceil(cap / bins / 5) * 5);
    const counts = new Array<number>(bins).fill(0);
    for (const v of values) {
      const k = Math.min(bins - 1, Math.max(0, Math.floor(v / width)));
      counts[k] = (counts[k] as number) + 1;
    }
    out.push({
      id: 'clv-distribution',
      section: section.id,
      svg: barChart(
        counts.map((value, k) => ({ label: k === bins - 1 ? `≥ ${num(k * width)}` : `${num(k * width)}–`, value, fill: COLOURS.blue })),
        {
          title: 'Predicted 12-month CLV per customer',
          subtitle: `${num(values.length)} customers; bins of $${num(width)} (last bin open-ended); median ${money(values[Math.floor(values.length / 2)])}`,
          description: `Histogram of the predicted customer lifetime value over the next 12 months (BG/NBD and Gamma-Gamma, discounted 1 % a month) for ${values.length} customers, in bins of ${width} dollars.`,
          xLabel: 'predicted CLV, dollars (bin start)',
          yLabel: 'customers',
          format: (v) => num(v),
        },
      ),
    });
  }
  const top = (data.topByClv ?? []) as { customerId: string; clv: number }[];
  if (top.length > 0) {
    out.push({
      id: 'top-customers',
      section: section.id,
      svg: barChart(
        top.map((c) => ({ label: c.customerId.length > 8 ? `${c.customerId.slice(0, 7)}…` : c.customerId, value: c.clv, fill: COLOURS.green })),
        {
          title: 'Top customers by predicted CLV',
          subtitle: 'Next 12 months, revenue, discounted 1 % a month',
          description: `Bar chart of the ${top.length} customers with the highest predicted 12-month CLV: ${top.map((c) => `${c.customerId} ${money(c.clv)}`).join(', ')}.`,
          xLabel: 'customer',
          yLabel: 'predicted CLV ($)',
          format: (v) => `$${num(v)}`,
        },
      ),
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
    else if (s.id === 'clv') out.push(...clvCharts(s, input));
    else if (s.id === 'funnel') out.push(...[funnel(s)].filter((c): c is Chart => c !== undefined));
  }
  return out;
}
