import {
  bgNbdConditionalExpectedPurchases,
  bgNbdPurchaseCountProbability,
  fitBgNbd,
  fitGammaGamma,
  bgNbd,
  predictClv,
  rankCustomers,
  summarizeTransactions,
  type BgNbdFit,
  type GammaGammaFit,
  type RankCustomersBy,
  type TransactionSummaryRow,
} from '../../clv/index';
import { count, day, money, num, pct, table } from '../format';
import type { ReportInput, Section } from './types';

/** Repeat-purchase counts 0 … 6 and "7+", as in Fader, Hardie & Lee (2005), Figure 2. */
export const FREQUENCY_BINS = 8;

/** Horizon of the CLV figures: 12 months, discounted 1 % a month, revenue (margin 1). */
export const HORIZON = { timeUnit: 'week', horizon: 12, horizonUnit: 'month', discountRate: 0.01 } as const;

/** The fitted customer-base models and what they say about the data. */
export interface ClvAnalysis {
  /** Calibration window: first purchase to calibration end (or the end of data). */
  readonly calibrationEnd: number;
  readonly rows: readonly TransactionSummaryRow[];
  readonly bgNbd: BgNbdFit;
  readonly gammaGamma: GammaGammaFit | undefined;
  /** Customers with x = 0 … 6 and ≥ 7 repeat purchases in calibration. */
  readonly observedFrequency: readonly number[];
  /** The same counts expected by the BG/NBD fit: Σᵢ P(X(Tᵢ) = x). */
  readonly expectedFrequency: readonly number[];
  /** Holdout check, when the data were split: repeat purchases predicted vs observed after the calibration end. */
  readonly holdout: { readonly weeks: number; readonly predicted: number; readonly observed: number } | undefined;
}

/** Summarise the purchases and fit BG/NBD and Gamma-Gamma; `undefined` when there is nothing to fit. */
export function analyseClv(input: ReportInput): ClvAnalysis | undefined {
  if (input.purchases.length === 0) return undefined;
  const calibrationEnd = input.calibrationEnd ?? input.observationEnd;
  const summary =
    input.calibrationEnd === undefined
      ? summarizeTransactions(input.purchases, { observationEnd: input.observationEnd })
      : summarizeTransactions(input.purchases, { observationEnd: input.observationEnd, calibrationEnd: input.calibrationEnd });
  const rows = summary.rows;
  if (!rows.some((r) => r.frequency > 0) || rows.length < 4) return undefined;
  const bgNbd = fitBgNbd(rows);
  const gammaGamma = rows.some((r) => r.frequency > 0) ? fitGammaGamma(rows) : undefined;
  const observedFrequency = new Array<number>(FREQUENCY_BINS).fill(0);
  const expectedFrequency = new Array<number>(FREQUENCY_BINS).fill(0);
  for (const row of rows) {
    const bin = Math.min(row.frequency, FREQUENCY_BINS - 1);
    observedFrequency[bin] = (observedFrequency[bin] as number) + 1;
    // Expected: each customer's own P(X(Tᵢ) = x), summed (FHL 2005, Figure 2); the last bin takes the rest.
    let below = 0;
    for (let x = 0; x < FREQUENCY_BINS; x++) {
      const p = x < FREQUENCY_BINS - 1 ? bgNbdPurchaseCountProbability(bgNbd, x, row.T) : Math.max(0, 1 - below);
      expectedFrequency[x] = (expectedFrequency[x] as number) + p;
      below += p;
    }
  }
  let holdout: ClvAnalysis['holdout'];
  if (input.calibrationEnd !== undefined) {
    let predicted = 0;
    let observed = 0;
    let weeks = 0;
    for (const row of summary.rows) {
      const h = row as typeof row & { holdoutFrequency: number; holdoutDuration: number };
      predicted += bgNbdConditionalExpectedPurchases(bgNbd, row, h.holdoutDuration);
      observed += h.holdoutFrequency;
      weeks = h.holdoutDuration;
    }
    holdout = { weeks, predicted, observed };
  }
  return { calibrationEnd, rows, bgNbd, gammaGamma, observedFrequency, expectedFrequency, holdout };
}

/**
 * Every customer's summary over the whole data and their 12-month prediction: the population
 * parameters from the calibration fit, applied to each customer's full history.
 */
export function predictAtEnd(input: ReportInput, analysis: ClvAnalysis, gammaGamma: GammaGammaFit) {
  const rows = summarizeTransactions(input.purchases, { observationEnd: input.observationEnd }).rows;
  return { rows, prediction: predictClv(bgNbd, analysis.bgNbd, { gammaGamma }, rows, HORIZON) };
}

/** Top customers by predicted value or by probability alive, as of the end of the data. */
function topCustomers(input: ReportInput, analysis: ClvAnalysis, gammaGamma: GammaGammaFit, by: RankCustomersBy) {
  const all = summarizeTransactions(input.purchases, { observationEnd: input.observationEnd }).rows;
  // BG/NBD gives P(alive) = 1 to anyone who never repeated: rank "alive" among repeat buyers.
  const rows = by === 'probabilityAlive' ? all.filter((r) => r.frequency > 0) : all;
  const prediction = predictClv(bgNbd, analysis.bgNbd, { gammaGamma }, rows, HORIZON);
  return rankCustomers(prediction, { by, top: 10 }).map((c) => {
    const row = rows[c.index] as TransactionSummaryRow;
    return {
      rank: c.rank,
      customerId: String(row.customerId),
      frequency: row.frequency,
      recencyWeeks: row.recency,
      ageWeeks: row.T,
      probabilityAlive: c.probabilityAlive,
      expectedPurchases: c.expectedPurchases,
      expectedSpend: c.expectedSpend,
      clv: c.clv,
    };
  });
}

/** The BG/NBD and Gamma-Gamma fits, the fit check, and the top customers. */
export function clvSection(input: ReportInput): Section | undefined {
  const analysis = analyseClv(input);
  if (analysis === undefined) return undefined;
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
  const histogram = analysis.observedFrequency.map((observed, x) => ({
    repeatPurchases: x === FREQUENCY_BINS - 1 ? `${x}+` : String(x),
    observed,
    expected: analysis.expectedFrequency[x] as number,
  }));
  lines.push(
    '',
    'Repeat purchases in calibration: customers observed vs expected by the BG/NBD fit',
    ...table(
      [{ header: 'repeat purchases', align: 'right' }, { header: 'observed', align: 'right' }, { header: 'expected', align: 'right' }],
      histogram.map((h) => [h.repeatPurchases, count(h.observed), num(h.expected, 1)]),
    ),
  );
  const data: Record<string, unknown> = { bgNbd, gammaGamma, holdout: analysis.holdout, repeatPurchaseHistogram: histogram };
  if (gammaGamma !== undefined) {
    const byClv = topCustomers(input, analysis, gammaGamma, 'clv');
    const byAlive = topCustomers(input, analysis, gammaGamma, 'probabilityAlive');
    const columns = [
      { header: '#', align: 'right' },
      { header: 'customer' },
      { header: 'repeats', align: 'right' },
      { header: 'last buy (wk)', align: 'right' },
      { header: 'age (wk)', align: 'right' },
      { header: 'P(alive)', align: 'right' },
      { header: 'E[purchases]', align: 'right' },
      { header: 'E[spend]', align: 'right' },
      { header: '12-mo CLV', align: 'right' },
    ] as const;
    const render = (list: typeof byClv) =>
      list.map((c) => [
        String(c.rank),
        c.customerId,
        count(c.frequency),
        num(c.recencyWeeks, 1),
        num(c.ageWeeks, 1),
        pct(c.probabilityAlive),
        num(c.expectedPurchases, 2),
        money(c.expectedSpend),
        money(c.clv),
      ]);
    lines.push(
      '',
      `Top 10 customers by CLV at ${day(input.observationEnd)} (next 12 months, revenue, discounted 1 % a month)`,
      ...table(columns, render(byClv)),
      '',
      'Top 10 repeat customers by probability alive',
      ...table(columns, render(byAlive)),
    );
    data.topByClv = byClv;
    data.topByProbabilityAlive = byAlive;
    data.horizon = HORIZON;
  }
  return { id: 'clv', title: 'Customer lifetime value: BG/NBD and Gamma-Gamma', lines, data };
}
