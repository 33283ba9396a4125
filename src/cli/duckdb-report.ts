/**
 * `cx-metrics report --engine duckdb`: the purchase file goes through DuckDB, the other files
 * are read as always. The CLV section is computed from DuckDB's aggregates (the RFM histogram
 * and the holdout totals); the figures that need every purchase in memory (retention, survival,
 * RFM segments, revenue by NPS answer, the top-customer tables) are left out, and the data
 * section says so.
 */
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdPurchaseCountProbability,
  fitBgNbd,
  fitGammaGamma,
  type BgNbdFit,
  type GammaGammaFit,
} from '../clv/index';
import { UsageError } from './args';
import { checkPurchaseFile, histogram, holdoutCounts, openDuckDb, openPurchases, purchaseFile } from './duckdb-engine';
import { count, day, money, num, pct, table } from './format';
import { dateRange, loadInput, type InputOptions } from './input';
import { clvSection, FREQUENCY_BINS } from './sections/clv';
import { overviewSection } from './sections/overview';
import { rfmSection } from './sections/rfm';
import type { ReportInput, Section } from './sections/types';

/** What the CLV section shows, from DuckDB's aggregates. */
export interface DuckDbClv {
  readonly calibrationEnd: number;
  readonly bgNbd: BgNbdFit;
  readonly gammaGamma: GammaGammaFit | undefined;
  /** Customers with x = 0 … 6 and ≥ 7 repeat purchases in calibration, observed and expected by the BG/NBD fit. */
  readonly observedFrequency: readonly number[];
  readonly expectedFrequency: readonly number[];
  readonly holdout: { readonly weeks: number; readonly predicted: number; readonly observed: number } | undefined;
}

/** What the sections left out under `--engine duckdb` need. */
export const OMITTED =
  'Purchases aggregated by DuckDB (--engine duckdb): the CLV section comes from its aggregates; retention, survival, ' +
  'RFM segments, revenue by NPS answer and the top-customer tables need every purchase in memory and are left out ' +
  '(run with --engine memory for them).';

/** A report section, as `SECTIONS` of report.ts lists them. */
type SectionFn = (input: ReportInput) => Section | undefined;

/** The report's input (purchases left in the file) and the sections that replace the in-memory ones. */
export interface DuckDbReport {
  readonly input: ReportInput;
  readonly replace: ReadonlyMap<SectionFn, SectionFn>;
}

/** Read the other files as always, aggregate the purchase file in DuckDB, and fit the CLV models on the aggregates. */
export async function duckdbReport(options: InputOptions): Promise<DuckDbReport> {
  const source = purchaseFile(options);
  const others = { ...options, files: { ...options.files } };
  delete others.files.purchases;
  const base = loadInput(others, ['interactions', 'customers', 'journeys']);
  if (base.purchases.length > 0) throw new UsageError('--engine duckdb reads purchases from --purchases only: move the purchases out of --interactions, or use --engine memory');
  if (source === undefined) return { input: base, replace: new Map() };
  checkPurchaseFile(source.file);
  const db = await openDuckDb();
  try {
    const file = await openPurchases(db, source.file, source.shownAs);
    const range = dateRange([], base.interactions, base.journeys);
    const observationEnd = options.observationEnd !== undefined || options.sample ? base.observationEnd : Math.max(range?.last ?? -Infinity, file.last ?? -Infinity, 0);
    const firstInstant = [base.firstInstant, file.first].filter((x): x is number => x !== undefined).reduce<number | undefined>((a, b) => (a === undefined ? b : Math.min(a, b)), undefined);
    const input: ReportInput = { ...base, files: [file.summary, ...base.files], observationEnd, firstInstant };
    const clv = file.summary.records === 0 ? undefined : await analyse(db, observationEnd, base.calibrationEnd);
    const overview: SectionFn = (i) => {
      const s = overviewSection(i);
      const purchases = `${count(file.buyers)} buying customers, ${count(file.summary.records)} purchases`;
      const lines = s.lines.filter((l) => !l.startsWith('No purchases:')).map((l) => l.replace('no purchases', purchases));
      return { ...s, lines: [...lines, OMITTED], data: { ...(s.data as object), buyers: file.buyers, purchases: file.summary.records } };
    };
    const replace = new Map<SectionFn, SectionFn>([
      [overviewSection, overview],
      [clvSection, () => (clv === undefined ? undefined : section(clv))],
      [rfmSection, () => undefined],
    ]);
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
  return { calibrationEnd: calibrationEnd ?? observationEnd, bgNbd, gammaGamma, observedFrequency, expectedFrequency, holdout };
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
