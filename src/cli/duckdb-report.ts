/**
 * `cx-metrics report --engine duckdb`: the purchase file goes through DuckDB, the other files
 * are read as always. The CLV and RFM sections are computed from DuckDB's aggregates (the RFM
 * histograms and the holdout totals); the figures that need every purchase in memory (retention,
 * survival, revenue by NPS answer, the top-customer tables) are left out, and the data section
 * says so.
 */
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdPurchaseCountProbability,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  mbgNbd,
  predictClv,
  bgNbd as bgNbdModel,
  type BgNbdFit,
  type MbgNbdFit,
  type GammaGammaFit,
} from '../clv/index';
import { UsageError } from './args';
import { DEFAULT_RFM_SEGMENT_RULES } from '../journey/index';
import { checkPurchaseFile, histogram, holdoutCounts, openDuckDb, type HistogramRow, openPurchases, purchaseFile } from './duckdb-engine';
import { count, day, money, num, pct, table } from './format';
import { dateRange, loadInput, type InputOptions } from './input';
import { clvSection, FREQUENCY_BINS, HORIZON } from './sections/clv';
import { overviewSection } from './sections/overview';
import { rfmSection } from './sections/rfm';
import type { ReportInput, Section } from './sections/types';

/** What the CLV section shows, from DuckDB's aggregates. */
export interface DuckDbClv {
  readonly calibrationEnd: number;
  readonly bgNbd: BgNbdFit;
  /** MBG/NBD on the same rows: the RFM section's P(alive) and value (one-time buyers can be gone). */
  readonly mbgNbd: MbgNbdFit;
  readonly gammaGamma: GammaGammaFit | undefined;
  /** Customers with x = 0 … 6 and ≥ 7 repeat purchases in calibration, observed and expected by the BG/NBD fit. */
  readonly observedFrequency: readonly number[];
  readonly expectedFrequency: readonly number[];
  readonly holdout: { readonly weeks: number; readonly predicted: number; readonly observed: number } | undefined;
}

/** What the sections left out under `--engine duckdb` need. */
export const OMITTED =
  'Purchases aggregated by DuckDB (--engine duckdb): the CLV and RFM sections come from its aggregates; retention, survival, ' +
  'revenue by NPS answer and the top-customer tables need every purchase in memory and are left out ' +
  '(run with --engine memory for them).';

/** A report section computed from the input alone. */
type SectionFn = (input: ReportInput) => Section | undefined;

/** The report's input (purchases left in the file) and the sections that replace the in-memory ones. */
export interface DuckDbReport {
  readonly input: ReportInput;
  readonly replace: { readonly overview?: SectionFn; readonly clv?: SectionFn; readonly rfm?: SectionFn };
}

/** Read the other files as always, aggregate the purchase file in DuckDB, and fit the CLV models on the aggregates. */
export async function duckdbReport(options: InputOptions): Promise<DuckDbReport> {
  const source = purchaseFile(options);
  const others = { ...options, files: { ...options.files } };
  delete others.files.purchases;
  const base = loadInput(others, ['interactions', 'customers', 'journeys']);
  if (base.purchases.length > 0) throw new UsageError('--engine duckdb reads purchases from --purchases only: move the purchases out of --interactions, or use --engine memory');
  if (source === undefined) return { input: base, replace: {} };
  checkPurchaseFile(source.file);
  const db = await openDuckDb();
  try {
    const file = await openPurchases(db, source.file, source.shownAs);
    const range = dateRange([], base.interactions, base.journeys);
    const observationEnd = options.observationEnd !== undefined || options.sample ? base.observationEnd : Math.max(range?.last ?? -Infinity, file.last ?? -Infinity, 0);
    const firstInstant = [base.firstInstant, file.first].filter((x): x is number => x !== undefined).reduce<number | undefined>((a, b) => (a === undefined ? b : Math.min(a, b)), undefined);
    const input: ReportInput = { ...base, files: [file.summary, ...base.files], observationEnd, firstInstant };
    const clv = file.summary.records === 0 ? undefined : await analyse(db, observationEnd, base.calibrationEnd);
    // RFM: every customer's summary over the whole data, as the memory section's, grouped.
    const atEnd = clv?.gammaGamma === undefined ? undefined : await histogram(db, { observationEnd }, 'spend');
    const overview: SectionFn = (i) => {
      const s = overviewSection(i);
      const purchases = `${count(file.buyers)} buying customers, ${count(file.summary.records)} purchases`;
      const lines = s.lines.filter((l) => !l.startsWith('No purchases:')).map((l) => l.replace('no purchases', purchases));
      return { ...s, lines: [...lines, OMITTED], data: { ...(s.data as object), buyers: file.buyers, purchases: file.summary.records } };
    };
    const replace = {
      overview,
      clv: () => (clv === undefined ? undefined : section(clv)),
      rfm: () => (clv?.gammaGamma === undefined || atEnd === undefined ? undefined : rfm(clv.bgNbd, clv.mbgNbd, clv.gammaGamma, atEnd)),
    };
    return { input, replace };
  } finally {
    db.close();
  }
}

const weight = (r: { readonly customers: number }): number => r.customers;

/** BG/NBD and Gamma-Gamma on the weighted histogram, the fit check and the holdout totals, as `analyseClv` computes them per customer. */
async function analyse(db: Awaited<ReturnType<typeof openDuckDb>>, observationEnd: number, calibrationEnd: number | undefined): Promise<DuckDbClv | undefined> {
  const split = calibrationEnd === undefined ? undefined : { observationEnd, calibrationEnd };
  const rows = await histogram(db, split ?? { observationEnd }, 'spend');
  let customers = 0;
  for (const row of rows) customers += row.customers;
  if (!rows.some((r) => r.frequency > 0) || customers < 4) return undefined;
  const bgNbd = fitBgNbd(rows, { weight });
  const mbgNbd = fitMbgNbd(rows, { weight });
  const gammaGamma = fitGammaGamma(rows, { weight });
  const observedFrequency = new Array<number>(FREQUENCY_BINS).fill(0);
  const expectedFrequency = new Array<number>(FREQUENCY_BINS).fill(0);
  for (const row of rows) {
    const bin = Math.min(row.frequency, FREQUENCY_BINS - 1);
    observedFrequency[bin] = (observedFrequency[bin] as number) + row.customers;
    let below = 0;
    for (let x = 0; x < FREQUENCY_BINS; x++) {
      const p = x < FREQUENCY_BINS - 1 ? bgNbdPurchaseCountProbability(bgNbd, x, row.T) : Math.max(0, 1 - below);
      expectedFrequency[x] = (expectedFrequency[x] as number) + row.customers * p;
      below += p;
    }
  }
  let holdout: DuckDbClv['holdout'];
  if (split !== undefined) {
    let predicted = 0;
    let observed = 0;
    let weeks = 0;
    for (const row of await holdoutCounts(db, split)) {
      predicted += row.customers * bgNbdConditionalExpectedPurchases(bgNbd, row, row.holdoutDuration);
      observed += row.holdoutFrequency;
      weeks = row.holdoutDuration;
    }
    holdout = { weeks, predicted, observed };
  }
  return { calibrationEnd: calibrationEnd ?? observationEnd, bgNbd, mbgNbd, gammaGamma, observedFrequency, expectedFrequency, holdout };
}

/** The CLV section's text and data from {@link DuckDbClv} (the in-memory section's, without the top-customer tables). */
function section(analysis: DuckDbClv): Section {
  const { bgNbd, gammaGamma } = analysis;
  const se = bgNbd.standardErrors;
  const withSe = (x: number, s: number | undefined, d: number): string => (s === undefined ? num(x, d) : `${num(x, d)} ± ${num(s, d)}`);
  const lines = [
    `BG/NBD fitted on ${count(bgNbd.n)} customers, purchases up to ${day(analysis.calibrationEnd)}, time in weeks (${bgNbd.converged ? 'converged' : `NOT converged: ${bgNbd.message}`}):`,
    `  r = ${withSe(bgNbd.r, se?.r, 3)}, α = ${withSe(bgNbd.alpha, se?.alpha, 3)}, a = ${withSe(bgNbd.a, se?.a, 3)}, b = ${withSe(bgNbd.b, se?.b, 3)}; log-likelihood ${num(bgNbd.logLikelihood, 1)}`,
  ];
  if (gammaGamma !== undefined) {
    const meanSpend = gammaGamma.p > 0 && gammaGamma.q > 1 ? (gammaGamma.p * gammaGamma.gamma) / (gammaGamma.q - 1) : undefined;
    lines.push(
      `Gamma-Gamma spend model fitted on ${count(gammaGamma.n)} repeat customers (${gammaGamma.converged ? 'converged' : 'NOT converged'}):`,
      `  p = ${num(gammaGamma.p, 2)}, q = ${num(gammaGamma.q, 2)}, γ = ${num(gammaGamma.gamma, 2)}; population mean spend per purchase ${money(meanSpend)}` +
        (gammaGamma.frequencySpendCorrelation === undefined ? '' : `; frequency–spend correlation ${num(gammaGamma.frequencySpendCorrelation, 2)}`),
    );
  }
  if (analysis.holdout !== undefined) {
    const { weeks, predicted, observed } = analysis.holdout;
    const off = predicted / observed - 1;
    lines.push(
      `Holdout check, the ${num(weeks, 0)} weeks after calibration: ${num(predicted, 0)} repeat purchases predicted, ${count(observed)} observed ` +
        `(${pct(Math.abs(off))} ${off < 0 ? 'below' : 'above'}).`,
    );
  }
  const histogramRows = analysis.observedFrequency.map((observed, x) => ({
    repeatPurchases: x === FREQUENCY_BINS - 1 ? `${x}+` : String(x),
    observed,
    expected: analysis.expectedFrequency[x] as number,
  }));
  lines.push(
    '',
    'Repeat purchases in calibration: customers observed vs expected by the BG/NBD fit',
    ...table(
      [{ header: 'repeat purchases', align: 'right' }, { header: 'observed', align: 'right' }, { header: 'expected', align: 'right' }],
      histogramRows.map((h) => [h.repeatPurchases, count(h.observed), num(h.expected, 1)]),
    ),
    '',
    'Top customers by CLV and by probability alive: left out under --engine duckdb (they rank every customer in memory).',
  );
  return { id: 'clv', title: 'Customer lifetime value: BG/NBD and Gamma-Gamma', lines, data: { bgNbd, gammaGamma, holdout: analysis.holdout, repeatPurchaseHistogram: histogramRows } };
}

/**
 * Scores 1–5 by quintile of rank with ties kept together, as `rfmSegments` scores (a tie group
 * whose first 0-based position is s of n gets ⌊5s/n⌋ + 1), for values given with their counts.
 */
function weightedQuintileScores(values: readonly number[], counts: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const n = counts.reduce((s, c) => s + c, 0);
  const scores = new Array<number>(values.length).fill(0);
  let before = 0;
  let k = 0;
  while (k < order.length) {
    const value = values[order[k] as number] as number;
    const score = Math.floor((5 * before) / n) + 1;
    while (k < order.length && values[order[k] as number] === value) {
      scores[order[k] as number] = score;
      before += counts[order[k] as number] as number;
      k++;
    }
  }
  return scores;
}

/**
 * The RFM section from the histogram of every customer's summary at the end of the data: the
 * memory section's recency × frequency quintile scores (`recencyMeaning: 'first-to-last-purchase'`,
 * the default rules, which do not read the monetary score) and each segment's predicted value,
 * each histogram row counted `customers` times.
 */
function rfm(bgNbdFit: BgNbdFit, mbg: MbgNbdFit, gammaGamma: GammaGammaFit, rows: readonly HistogramRow[]): Section {
  // MBG/NBD lets one-time buyers be gone (BG/NBD keeps them at P(alive) = 1); BG/NBD only when
  // MBG/NBD did not converge on these aggregates.
  const model = mbg.converged ? 'mbgNbd' : 'bgNbd';
  const prediction = mbg.converged ? predictClv(mbgNbd, mbg, { gammaGamma }, rows, HORIZON) : predictClv(bgNbdModel, bgNbdFit, { gammaGamma }, rows, HORIZON);
  const counts = rows.map((r) => r.customers);
  // Lower time since the last purchase is better: score its negation so that 5 is the most recent.
  const r = weightedQuintileScores(rows.map((row) => -(row.T - row.recency)), counts);
  const f = weightedQuintileScores(rows.map((row) => row.frequency), counts);
  const n = counts.reduce((s, c) => s + c, 0);
  const names = [...new Set(DEFAULT_RFM_SEGMENT_RULES.map((rule) => rule.segment))];
  const bySegment = new Map<string, { customers: number; clv: number; alive: number }>(names.map((name) => [name, { customers: 0, clv: 0, alive: 0 }]));
  let unmatched = 0;
  rows.forEach((row, k) => {
    const rule = DEFAULT_RFM_SEGMENT_RULES.find((x) => (r[k] as number) >= x.recency[0] && (r[k] as number) <= x.recency[1] && (f[k] as number) >= x.frequency[0] && (f[k] as number) <= x.frequency[1]);
    if (rule === undefined) {
      unmatched += row.customers;
      return;
    }
    const s = bySegment.get(rule.segment) as { customers: number; clv: number; alive: number };
    s.customers += row.customers;
    s.clv += row.customers * (prediction.clv[k] as number);
    s.alive += row.customers * (prediction.probabilityAlive[k] as number);
  });
  const segments = names
    .map((segment) => ({ segment, ...(bySegment.get(segment) as { customers: number; clv: number; alive: number }) }))
    .filter((s) => s.customers > 0)
    .map((s) => ({ segment: s.segment, customers: s.customers, share: s.customers / n, meanProbabilityAlive: s.alive / s.customers, meanClv: s.clv / s.customers, totalClv: s.clv }));
  const lines = [
    `Recency and frequency scored 1–5 by quintile (ties kept together); P(alive) and value from ${model === 'mbgNbd' ? 'MBG/NBD' : 'BG/NBD'} × Gamma-Gamma, 12-month CLV.`,
    ...(model === 'bgNbd' ? ['BG/NBD gives P(alive) = 100 % to customers who never bought again (MBG/NBD did not converge on these aggregates): read the CLV column for them.'] : []),
    ...table(
      [
        { header: 'segment' },
        { header: 'customers', align: 'right' },
        { header: 'share', align: 'right' },
        { header: 'mean P(alive)', align: 'right' },
        { header: 'mean CLV', align: 'right' },
        { header: 'total CLV', align: 'right' },
      ],
      segments.map((s) => [s.segment, count(s.customers), pct(s.share), pct(s.meanProbabilityAlive), money(s.meanClv), money(s.totalClv, 0)]),
    ),
  ];
  return { id: 'rfm', title: 'RFM segments', lines, data: { model, probabilityAliveModel: model, segments, unmatched } };
}
