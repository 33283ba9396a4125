/**
 * Draws the documentation charts from the bundled sample data into docs/images (or the
 * directory after `--out`). Deterministic: the same data give byte-identical SVG files.
 *
 *   npx tsx scripts/charts.ts
 *
 * - nps-distribution.svg      answers 0–10, coloured by NPS category
 * - cohort-retention.svg      monthly cohort heat map (share buying in each month)
 * - survival-curves.svg       Kaplan–Meier with its band vs the sBG projection
 * - repeat-purchases.svg      BG/NBD: customers by repeat purchases, observed vs expected (FHL 2005, Fig. 2)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadInput } from '../src/cli/input';
import { num } from '../src/cli/format';
import { fitCalibration, FREQUENCY_BINS } from '../src/cli/sections/clv';
import { analyseRetention, CHURN_AFTER_MONTHS, PROJECTION_MONTHS } from '../src/cli/sections/retention';
import type { ReportInput } from '../src/cli/sections/types';
import { classifyNps, nps, npsInterval } from '../src/survey/index';
import { barChart, groupedBarChart } from '../src/cli/svg/bar-chart';
import { heatMap } from '../src/cli/svg/heat-map';
import { survivalChart } from '../src/cli/svg/step-chart';

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
const COLOURS = { detractor: '#D55E00', passive: '#E69F00', promoter: '#009E73', observed: '#0072B2', model: '#CC79A7', expected: '#999999' } as const;

const signed = (x: number): string => (x > 0 ? `+${num(x, 1)}` : num(x, 1));

function npsDistribution(input: ReportInput): string {
  const scores: number[] = [];
  for (const i of input.interactions) if (i.type === 'survey' && i.metric === 'nps') scores.push(i.score);
  const counts = new Array<number>(11).fill(0);
  for (const s of scores) counts[s] = (counts[s] as number) + 1;
  const result = nps(scores);
  const ci = npsInterval(result);
  return barChart(
    counts.map((value, score) => ({ label: String(score), value, fill: COLOURS[classifyNps(score)] })),
    {
      title: 'NPS answers, 0–10',
      subtitle: `NPS ${signed(result.score ?? 0)} (95 % interval ${signed(ci?.lower ?? 0)} to ${signed(ci?.upper ?? 0)}), ${num(result.total)} answers, sample data`,
      description: `Bar chart of ${result.total} answers to "How likely are you to recommend us?", by score from 0 to 10: detractors 0–6, passives 7–8, promoters 9–10.`,
      xLabel: 'score',
      yLabel: 'answers',
      format: (v) => num(v),
      legend: [
        { label: 'detractors 0–6', fill: COLOURS.detractor },
        { label: 'passives 7–8', fill: COLOURS.passive },
        { label: 'promoters 9–10', fill: COLOURS.promoter },
      ],
    },
  );
}

function cohortHeatMap(input: ReportInput): string {
  const { cohorts } = analyseRetention(input) ?? fail('no purchases');
  const widest = Math.max(...cohorts.cohorts.map((c) => c.retention.length));
  return heatMap(
    cohorts.cohorts.map((c) => Array.from({ length: widest }, (_, k) => c.retention[k])),
    {
      title: 'Monthly cohort retention',
      subtitle: 'CDNOW customers by month of first purchase: % buying again in month 1, 2, …',
      description: `Heat map: one row per first-purchase cohort (${cohorts.cohorts.map((c) => `${c.cohort}, ${c.size} customers`).join('; ')}), one column per month since the first purchase, cell = share of the cohort buying that month.`,
      rowLabels: cohorts.cohorts.map((c) => `${c.cohort} (${c.size})`),
      columnLabels: Array.from({ length: widest }, (_, k) => `M${k}`),
      xLabel: 'months since first purchase',
      max: 0.2,
      format: (v) => num(100 * v, 0),
      note: 'Cell = % of the cohort buying in that month (M0 = 100 %); colour saturates at 20 %.',
    },
  );
}

function survivalCurves(input: ReportInput): string {
  const { survival, sbg, projection } = analyseRetention(input) ?? fail('no purchases');
  const until = survival.steps.length === 0 ? 0 : (survival.steps[survival.steps.length - 1] as { time: number }).time;
  return survivalChart(
    {
      name: 'Kaplan–Meier (95 % band)',
      colour: COLOURS.observed,
      steps: survival.steps.map((s) => [s.time, s.survival, s.interval.lower, s.interval.upper] as const),
      until,
    },
    { name: `sBG projection (α ${num(sbg.alpha, 2)}, β ${num(sbg.beta, 2)})`, colour: COLOURS.model, points: projection.map((s, t) => [t, s] as const) },
    {
      title: 'Customer survival: observed and projected',
      subtitle: `CDNOW sample, ${num(survival.subjects)} customers; lost after ${CHURN_AFTER_MONTHS} months without a purchase`,
      description: `Kaplan–Meier survival curve of ${survival.subjects} customers over ${until} months with a 95 % log-log band, and the shifted-beta-geometric model fitted to the same lifetimes, projected to month ${PROJECTION_MONTHS}.`,
      xLabel: 'months since first purchase',
      yLabel: 'still a customer',
      xMax: PROJECTION_MONTHS,
    },
  );
}

function repeatPurchases(input: ReportInput): string {
  const analysis = fitCalibration(input) ?? fail('no repeat purchases');
  const labels = Array.from({ length: FREQUENCY_BINS }, (_, x) => (x === FREQUENCY_BINS - 1 ? `${x}+` : String(x)));
  const { bgNbd } = analysis;
  return groupedBarChart(labels, [analysis.observedFrequency, analysis.expectedFrequency], {
    title: 'Repeat purchases: observed vs BG/NBD',
    subtitle: `CDNOW sample, 39-week calibration; r ${num(bgNbd.r, 3)}, α ${num(bgNbd.alpha, 3)}, a ${num(bgNbd.a, 3)}, b ${num(bgNbd.b, 3)}`,
    description: `Grouped bar chart: number of customers making 0 to 7 or more repeat purchases in the calibration period, observed and expected under the fitted BG/NBD model (sum of each customer's P(X(T) = x)), as in Fader, Hardie & Lee (2005), Figure 2.`,
    xLabel: 'repeat purchases in calibration',
    yLabel: 'customers',
    format: (v) => num(v),
    series: [
      { name: 'observed', fill: COLOURS.observed },
      { name: 'BG/NBD expected', fill: COLOURS.expected },
    ],
  });
}

function fail(reason: string): never {
  throw new Error(`charts: the sample data has ${reason}`);
}

/** Every chart, by file name. */
export function charts(input: ReportInput): Record<string, string> {
  return {
    'nps-distribution.svg': npsDistribution(input),
    'cohort-retention.svg': cohortHeatMap(input),
    'survival-curves.svg': survivalCurves(input),
    'repeat-purchases.svg': repeatPurchases(input),
  };
}

function main(): void {
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex === -1 ? fileURLToPath(new URL('../docs/images/', import.meta.url)) : (process.argv[outIndex + 1] ?? '');
  mkdirSync(out, { recursive: true });
  for (const [name, svg] of Object.entries(charts(loadInput({ sample: true, files: {} })))) {
    writeFileSync(join(out, name), svg);
    console.log(`wrote ${join(out, name)}`);
  }
}

// Run only as a script, not when a test imports `charts`.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
