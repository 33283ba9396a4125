import {
  bgNbd,
  bgNbdConditionalExpectedPurchases,
  bgNbdPurchaseCountProbability,
  calibrationVsHoldout,
  compareModels,
  expectedCumulativePurchases,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  fitParetoNbd,
  mbgNbd,
  paretoNbd,
  predictClv,
  predictTransactions,
  rankCustomers,
  summarizeTransactions,
  type BgNbdFit,
  type CalibrationVsHoldoutResult,
  type CompareModelsResult,
  type ExpectedCumulativePurchasesResult,
  type GammaGammaFit,
  type MbgNbdFit,
  type ParetoNbdFit,
  type PredictClvResult,
  type TransactionSummaryRow,
} from '../../clv/index';
import { CxMetricsError } from '../../internal/errors';
import { count, day, money, num, pct, table } from '../format';
import type { ReportInput, Section } from './types';

/** Repeat-purchase counts 0 … 6 and "7+", as in Fader, Hardie & Lee (2005), Figure 2. */
export const FREQUENCY_BINS = 8;

/** Horizon of the CLV figures: 12 months, discounted 1 % a month, revenue (margin 1). */
export const HORIZON = { timeUnit: 'week', horizon: 12, horizonUnit: 'month', discountRate: 0.01 } as const;

/** The CLV intervals: 95 % under parameter uncertainty, from 200 parameter draws (seeded: the report is reproducible). */
export const CLV_INTERVALS = { level: 0.95, draws: 200, seed: 1 } as const;

/** The three continuous-time transaction models the report compares, by key. */
export type ClvModelKey = 'bgNbd' | 'mbgNbd' | 'paretoNbd';

/** The models' names as the report prints them. */
export const MODEL_LABELS: Readonly<Record<ClvModelKey, string>> = { bgNbd: 'BG/NBD', mbgNbd: 'MBG/NBD', paretoNbd: 'Pareto/NBD' };

/** One transaction model fitted on the calibration window, and its check against the holdout. */
export type FittedModel =
  | { readonly key: 'bgNbd'; readonly fit: BgNbdFit; readonly holdout: CalibrationVsHoldoutResult | undefined }
  | { readonly key: 'mbgNbd'; readonly fit: MbgNbdFit; readonly holdout: CalibrationVsHoldoutResult | undefined }
  | { readonly key: 'paretoNbd'; readonly fit: ParetoNbdFit; readonly holdout: CalibrationVsHoldoutResult | undefined };

/** BG/NBD and Gamma-Gamma on the calibration window, and the BG/NBD checks: the cheap part of {@link ClvAnalysis}. */
export interface ClvCalibration {
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

/** The fitted customer-base models and what they say about the data. */
export interface ClvAnalysis extends ClvCalibration {
  /** BG/NBD, MBG/NBD and Pareto/NBD as fitted (a model whose fit failed on these data is left out; BG/NBD is always there). */
  readonly models: readonly FittedModel[];
  /** The fits compared by likelihood, AIC, BIC and Akaike weight. */
  readonly comparison: CompareModelsResult;
  /** The model chosen by fit: the lowest BIC. */
  readonly chosen: FittedModel;
  /** The chosen model's tracking curve: expected vs actual repeat purchases per week. */
  readonly tracking: ExpectedCumulativePurchasesResult;
  /** Every customer's summary over the whole data and the chosen model's 12-month prediction (with intervals when the fits allow); `undefined` without a spend model. */
  readonly atEnd: { readonly rows: readonly TransactionSummaryRow[]; readonly prediction: PredictClvResult } | undefined;
  /**
   * P(alive) of every customer of `atEnd.rows` (by input position) and the model it comes from:
   * the chosen model, unless that is BG/NBD (which gives every one-time buyer P(alive) = 1), then
   * the better by BIC of MBG/NBD and Pareto/NBD; BG/NBD only when neither could be fitted.
   */
  readonly alive: { readonly key: ClvModelKey; readonly probabilityAlive: Float64Array } | undefined;
}

/** Fit one model, or `undefined` when the data defeat it (a data error, not a bug). */
function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (error) {
    if (error instanceof CxMetricsError) return undefined;
    throw error;
  }
}

type HoldoutRow = TransactionSummaryRow & { readonly holdoutFrequency: number; readonly holdoutDuration: number };

function fitModels(rows: readonly TransactionSummaryRow[], bg: BgNbdFit, split: boolean): FittedModel[] {
  const h = rows as readonly HoldoutRow[];
  const out: FittedModel[] = [{ key: 'bgNbd', fit: bg, holdout: split ? attempt(() => calibrationVsHoldout(bgNbd, bg, h)) : undefined }];
  const mbg = attempt(() => fitMbgNbd(rows));
  if (mbg !== undefined) out.push({ key: 'mbgNbd', fit: mbg, holdout: split ? attempt(() => calibrationVsHoldout(mbgNbd, mbg, h)) : undefined });
  const pareto = attempt(() => fitParetoNbd(rows));
  if (pareto !== undefined) out.push({ key: 'paretoNbd', fit: pareto, holdout: split ? attempt(() => calibrationVsHoldout(paretoNbd, pareto, h)) : undefined });
  // A fit must be usable: finite likelihood.
  return out.filter((m) => Number.isFinite(m.fit.logLikelihood));
}

function tracking(input: ReportInput, m: FittedModel): ExpectedCumulativePurchasesResult {
  const options = input.calibrationEnd === undefined ? { observationEnd: input.observationEnd } : { observationEnd: input.observationEnd, calibrationEnd: input.calibrationEnd };
  if (m.key === 'bgNbd') return expectedCumulativePurchases(bgNbd, m.fit, input.purchases, options);
  if (m.key === 'mbgNbd') return expectedCumulativePurchases(mbgNbd, m.fit, input.purchases, options);
  return expectedCumulativePurchases(paretoNbd, m.fit, input.purchases, options);
}

/** The chosen model's 12-month CLV of every customer, with intervals under parameter uncertainty when the fits carry a covariance. */
function predict(m: FittedModel, gammaGamma: GammaGammaFit, rows: readonly TransactionSummaryRow[]): PredictClvResult {
  const withIntervals = { ...HORIZON, intervals: CLV_INTERVALS };
  const spend = { gammaGamma };
  const ranged = attempt(() => {
    if (m.key === 'bgNbd') return predictClv(bgNbd, m.fit, spend, rows, withIntervals);
    if (m.key === 'mbgNbd') return predictClv(mbgNbd, m.fit, spend, rows, withIntervals);
    return predictClv(paretoNbd, m.fit, spend, rows, withIntervals);
  });
  if (ranged !== undefined) return ranged;
  if (m.key === 'bgNbd') return predictClv(bgNbd, m.fit, spend, rows, HORIZON);
  if (m.key === 'mbgNbd') return predictClv(mbgNbd, m.fit, spend, rows, HORIZON);
  return predictClv(paretoNbd, m.fit, spend, rows, HORIZON);
}

/** A column by input position from a result's `index` and values. */
function byPosition(length: number, index: Uint32Array, values: Float64Array): Float64Array {
  const out = new Float64Array(length);
  index.forEach((position, k) => {
    out[position] = values[k] as number;
  });
  return out;
}

/** The P(alive) column of {@link ClvAnalysis.alive}. */
export function aliveColumn(models: readonly FittedModel[], comparison: CompareModelsResult, chosen: FittedModel, atEnd: NonNullable<ClvAnalysis['atEnd']>): NonNullable<ClvAnalysis['alive']> {
  const { rows, prediction } = atEnd;
  const bic = (m: FittedModel) => comparison.models.find((row) => row.name === m.key)?.bic ?? Number.POSITIVE_INFINITY;
  const other = chosen.key === 'bgNbd' ? models.filter((m) => m.key !== 'bgNbd').sort((p, q) => bic(p) - bic(q))[0] : undefined;
  if (other === undefined) return { key: chosen.key, probabilityAlive: byPosition(rows.length, prediction.index, prediction.probabilityAlive) };
  const p = other.key === 'mbgNbd' ? predictTransactions(mbgNbd, other.fit, rows, { t: 1 }) : predictTransactions(paretoNbd, other.fit, rows, { t: 1 });
  return { key: other.key, probabilityAlive: byPosition(rows.length, p.index, p.probabilityAlive) };
}

/** Summarise the calibration window, fit BG/NBD and Gamma-Gamma, and check BG/NBD's histogram and holdout total; `undefined` when there is nothing to fit. */
export function fitCalibration(input: ReportInput): ClvCalibration | undefined {
  if (input.purchases.length === 0) return undefined;
  const calibrationEnd = input.calibrationEnd ?? input.observationEnd;
  const summary =
    input.calibrationEnd === undefined
      ? summarizeTransactions(input.purchases, { observationEnd: input.observationEnd })
      : summarizeTransactions(input.purchases, { observationEnd: input.observationEnd, calibrationEnd: input.calibrationEnd });
  const rows = summary.rows;
  if (!rows.some((r) => r.frequency > 0) || rows.length < 4) return undefined;
  const bgNbdFit = fitBgNbd(rows);
  const gammaGamma = rows.some((r) => r.frequency > 0) ? fitGammaGamma(rows) : undefined;
  const observedFrequency = new Array<number>(FREQUENCY_BINS).fill(0);
  const expectedFrequency = new Array<number>(FREQUENCY_BINS).fill(0);
  for (const row of rows) {
    const bin = Math.min(row.frequency, FREQUENCY_BINS - 1);
    observedFrequency[bin] = (observedFrequency[bin] as number) + 1;
    // Expected: each customer's own P(X(Tᵢ) = x), summed (FHL 2005, Figure 2); the last bin takes the rest.
    let below = 0;
    for (let x = 0; x < FREQUENCY_BINS; x++) {
      const p = x < FREQUENCY_BINS - 1 ? bgNbdPurchaseCountProbability(bgNbdFit, x, row.T) : Math.max(0, 1 - below);
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
      const h = row as HoldoutRow;
      predicted += bgNbdConditionalExpectedPurchases(bgNbdFit, row, h.holdoutDuration);
      observed += h.holdoutFrequency;
      weeks = h.holdoutDuration;
    }
    holdout = { weeks, predicted, observed };
  }
  return { calibrationEnd, rows, bgNbd: bgNbdFit, gammaGamma, observedFrequency, expectedFrequency, holdout };
}

/** Summarise the purchases, fit BG/NBD, MBG/NBD, Pareto/NBD and Gamma-Gamma, compare and check them; `undefined` when there is nothing to fit. */
export function analyseClv(input: ReportInput): ClvAnalysis | undefined {
  const calibration = fitCalibration(input);
  if (calibration === undefined) return undefined;
  const { rows, bgNbd: bgNbdFit, gammaGamma } = calibration;
  const models = fitModels(rows, bgNbdFit, input.calibrationEnd !== undefined);
  const comparison = compareModels(Object.fromEntries(models.map((m) => [m.key, m.fit])));
  const chosen = models.find((m) => m.key === comparison.bestBic) as FittedModel;
  const atEnd =
    gammaGamma === undefined
      ? undefined
      : (() => {
          const all = summarizeTransactions(input.purchases, { observationEnd: input.observationEnd }).rows;
          return { rows: all, prediction: predict(chosen, gammaGamma, all) };
        })();
  return {
    ...calibration,
    models,
    comparison,
    chosen,
    tracking: tracking(input, chosen),
    atEnd,
    alive: atEnd === undefined ? undefined : aliveColumn(models, comparison, chosen, atEnd),
  };
}

/** Mean CLV of the customers in equal-width bins up to the 95th percentile, the rest in the last bin: the data of the CLV histogram. */
function clvDistribution(clv: Float64Array) {
  const values = [...clv].filter(Number.isFinite).sort((a, b) => a - b);
  if (values.length === 0) return undefined;
  const cap = values[Math.min(values.length - 1, Math.floor(0.95 * values.length))] as number;
  const bins = 10;
  const binWidth = Math.max(1, Math.ceil(cap / bins / 5) * 5);
  const customers = new Array<number>(bins).fill(0);
  for (const v of values) {
    const k = Math.min(bins - 1, Math.max(0, Math.floor(v / binWidth)));
    customers[k] = (customers[k] as number) + 1;
  }
  return { binWidth, median: values[Math.floor(values.length / 2)] as number, bins: customers.map((n, k) => ({ from: k * binWidth, customers: n })) };
}

/** Top customers by predicted value or by probability alive, as of the end of the data: value by the chosen model, P(alive) by `analysis.alive`. */
function topCustomers(analysis: ClvAnalysis, atEnd: NonNullable<ClvAnalysis['atEnd']>, alive: NonNullable<ClvAnalysis['alive']>, by: 'clv' | 'probabilityAlive') {
  const { rows, prediction } = atEnd;
  const intervals = prediction.intervals;
  const position = (k: number) => prediction.index[k] as number;
  let order: number[];
  if (by === 'clv') {
    const at = new Map<number, number>();
    prediction.index.forEach((p, k) => at.set(p, k));
    order = rankCustomers(prediction, { by: 'clv', top: 10 }).map((c) => at.get(c.index) as number);
  } else {
    // Only BG/NBD gives P(alive) = 1 to anyone who never repeated: with it, rank "alive" among repeat buyers only.
    const eligible = (k: number) => alive.key !== 'bgNbd' || (rows[position(k)] as TransactionSummaryRow).frequency > 0;
    order = Array.from(prediction.index, (_, k) => k)
      .filter(eligible)
      .sort((p, q) => (alive.probabilityAlive[position(q)] as number) - (alive.probabilityAlive[position(p)] as number) || (prediction.clv[q] as number) - (prediction.clv[p] as number))
      .slice(0, 10);
  }
  return order.map((k, n) => {
    const row = rows[position(k)] as TransactionSummaryRow;
    return {
      rank: n + 1,
      customerId: String(row.customerId),
      frequency: row.frequency,
      recencyWeeks: row.recency,
      ageWeeks: row.T,
      probabilityAlive: alive.probabilityAlive[position(k)] as number,
      expectedPurchases: prediction.expectedPurchases[k] as number,
      expectedSpend: prediction.expectedSpend[k] as number,
      clv: prediction.clv[k] as number,
      clvLower: intervals?.clv.lower[k],
      clvUpper: intervals?.clv.upper[k],
    };
  });
}

const signedPct = (x: number | undefined): string => (x === undefined ? '–' : `${x < 0 ? '−' : '+'}${pct(Math.abs(x))}`);

/** Every tracking period's cumulative repeat purchases, expected and actual, as plain data. */
function trackingData(analysis: ClvAnalysis) {
  const t = analysis.tracking;
  return {
    model: analysis.chosen.key,
    period: 'week',
    calibrationWeek: t.calibrationPeriod,
    totals: t.totals,
    weeks: Array.from(t.periodStart, (start, k) => ({
      week: k + 1,
      start: day(start),
      expectedCumulative: t.expectedCumulative[k] as number,
      actualCumulative: t.actualCumulative[k] as number,
    })),
  };
}

/** The model comparison, the validation against the holdout, the CLV with intervals, and the top customers, all by the model chosen by fit. */
export function clvSection(input: ReportInput, analysis: ClvAnalysis | undefined = analyseClv(input)): Section | undefined {
  if (analysis === undefined) return undefined;
  const { bgNbd: bg, gammaGamma, comparison, chosen } = analysis;
  const chosenName = MODEL_LABELS[chosen.key];
  const se = bg.standardErrors;
  const withSe = (x: number, s: number | undefined, d: number): string => (s === undefined ? num(x, d) : `${num(x, d)} ± ${num(s, d)}`);
  const lines = [
    `BG/NBD fitted on ${count(bg.n)} customers, purchases up to ${day(analysis.calibrationEnd)}, time in weeks (${bg.converged ? 'converged' : `NOT converged: ${bg.message}`}):`,
    `  r = ${withSe(bg.r, se?.r, 3)}, α = ${withSe(bg.alpha, se?.alpha, 3)}, a = ${withSe(bg.a, se?.a, 3)}, b = ${withSe(bg.b, se?.b, 3)}; log-likelihood ${num(bg.logLikelihood, 1)}`,
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
  // Model comparison: the fit criteria, and (with a holdout) the per-customer errors.
  const comparisonRows = comparison.models.map((row) => {
    const m = analysis.models.find((x) => x.key === row.name) as FittedModel;
    const errors = m.holdout?.errors;
    return {
      model: row.name as ClvModelKey,
      name: MODEL_LABELS[row.name as ClvModelKey],
      converged: m.fit.converged,
      logLikelihood: row.logLikelihood,
      parameters: row.parameters,
      aic: row.aic,
      bic: row.bic,
      deltaBic: row.deltaBic,
      akaikeWeight: row.akaikeWeight,
      holdout:
        m.holdout === undefined
          ? undefined
          : { expected: m.holdout.expectedTotal, actual: m.holdout.actualTotal, mae: errors?.mae, rmse: errors?.rmse, aggregateError: errors?.aggregateError, correlation: errors?.correlation },
    };
  });
  const split = analysis.holdout !== undefined;
  lines.push(
    '',
    `Model comparison on the same ${count(comparison.n)} customers` + (split ? `; holdout = the ${num(analysis.holdout?.weeks, 0)} weeks after ${day(analysis.calibrationEnd)}, per customer` : ''),
    ...table(
      [
        { header: 'model' },
        { header: 'log-lik.', align: 'right' },
        { header: 'k', align: 'right' },
        { header: 'AIC', align: 'right' },
        { header: 'BIC', align: 'right' },
        { header: 'ΔBIC', align: 'right' },
        { header: 'Akaike wt', align: 'right' },
        ...(split
          ? ([
              { header: 'MAE', align: 'right' },
              { header: 'RMSE', align: 'right' },
              { header: 'aggregate', align: 'right' },
              { header: 'corr.', align: 'right' },
            ] as const)
          : []),
      ],
      comparisonRows.map((r) => [
        `${r.name}${r.model === chosen.key ? ' *' : ''}${r.converged ? '' : ' (not converged)'}`,
        num(r.logLikelihood, 1),
        String(r.parameters),
        num(r.aic, 1),
        num(r.bic, 1),
        num(r.deltaBic, 1),
        pct(r.akaikeWeight),
        ...(split ? [num(r.holdout?.mae, 3), num(r.holdout?.rmse, 3), signedPct(r.holdout?.aggregateError), num(r.holdout?.correlation, 3)] : []),
      ]),
    ),
    '',
    `* Chosen by fit: ${chosenName}, the lowest BIC. The tracking curve, the conditional expectations, the CLV and the top customers below use it.`,
    ...(split ? ['MAE, RMSE: per-customer error in holdout purchases; aggregate: total expected vs actual holdout purchases; corr.: Pearson r of expected and actual.'] : []),
  );
  const tracking = trackingData(analysis);
  const totals = analysis.tracking.totals;
  const every = Math.max(1, Math.ceil(tracking.weeks.length / 8));
  const shown = tracking.weeks.filter((w, k) => k % every === every - 1 || k === tracking.weeks.length - 1 || k === tracking.calibrationWeek);
  lines.push(
    '',
    `Tracking: cumulative repeat purchases, expected by ${chosenName} vs actual, by week since ${tracking.weeks[0]?.start ?? '–'}`,
    ...table(
      [{ header: 'week', align: 'right' }, { header: 'from', align: 'right' }, { header: 'expected', align: 'right' }, { header: 'actual', align: 'right' }, { header: '' }],
      shown.map((w) => [String(w.week), w.start, num(w.expectedCumulative, 0), count(w.actualCumulative), w.week - 1 === tracking.calibrationWeek ? '← calibration ends' : '']),
    ),
    ...(totals === undefined
      ? []
      : [
          '',
          `Calibration: ${num(totals.calibrationExpected, 0)} expected, ${count(totals.calibrationActual)} actual; holdout: ${num(totals.holdoutExpected, 0)} expected, ${count(totals.holdoutActual)} actual.`,
        ]),
  );
  const data: Record<string, unknown> = {
    bgNbd: bg,
    gammaGamma,
    holdout: analysis.holdout,
    repeatPurchaseHistogram: analysis.observedFrequency.map((observed, x) => ({
      repeatPurchases: x === FREQUENCY_BINS - 1 ? `${x}+` : String(x),
      observed,
      expected: analysis.expectedFrequency[x] as number,
    })),
    modelComparison: { chosen: chosen.key, chosenBy: 'BIC', models: comparisonRows },
    fits: Object.fromEntries(analysis.models.map((m) => [m.key, m.fit])),
    trackingCurve: tracking,
  };
  const histogram = data.repeatPurchaseHistogram as { repeatPurchases: string; observed: number; expected: number }[];
  lines.push(
    '',
    'Repeat purchases in calibration: customers observed vs expected by the BG/NBD fit',
    ...table(
      [{ header: 'repeat purchases', align: 'right' }, { header: 'observed', align: 'right' }, { header: 'expected', align: 'right' }],
      histogram.map((h) => [h.repeatPurchases, count(h.observed), num(h.expected, 1)]),
    ),
  );
  const cvh = chosen.holdout;
  if (cvh !== undefined) {
    const groups = cvh.groups.map((g) => ({ label: g.label, customers: g.customers, expected: g.expected, actual: g.actual }));
    data.calibrationVsHoldout = { model: chosen.key, holdoutWeeks: analysis.holdout?.weeks, groups };
    lines.push(
      '',
      `Conditional expectations: mean holdout purchases per customer by calibration repeat purchases, ${chosenName} vs actual`,
      ...table(
        [{ header: 'repeat purchases', align: 'right' }, { header: 'customers', align: 'right' }, { header: 'expected', align: 'right' }, { header: 'actual', align: 'right' }],
        groups.map((g) => [g.label, count(g.customers), num(g.expected, 2), num(g.actual, 2)]),
      ),
    );
  }
  const { atEnd, alive } = analysis;
  if (gammaGamma !== undefined && atEnd !== undefined && alive !== undefined) {
    const aliveName = MODEL_LABELS[alive.key];
    const { prediction } = atEnd;
    const iv = prediction.intervals;
    const byClv = topCustomers(analysis, atEnd, alive, 'clv');
    const byAlive = topCustomers(analysis, atEnd, alive, 'probabilityAlive');
    const range = (lo: number | undefined, hi: number | undefined) => (lo === undefined || hi === undefined ? '–' : `${money(lo, 0)}–${money(hi, 0)}`);
    const columns = [
      { header: '#', align: 'right' },
      { header: 'customer' },
      { header: 'repeats', align: 'right' },
      { header: 'last buy (wk)', align: 'right' },
      { header: 'age (wk)', align: 'right' },
      { header: `P(alive) ${aliveName}`, align: 'right' },
      { header: 'E[purchases]', align: 'right' },
      { header: 'E[spend]', align: 'right' },
      { header: '12-mo CLV', align: 'right' },
      { header: `${num(CLV_INTERVALS.level * 100)} % interval`, align: 'right' },
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
        range(c.clvLower, c.clvUpper),
      ]);
    const equity = { model: chosen.key, total: prediction.total, lower: iv?.total.lower, upper: iv?.total.upper, level: iv?.level, draws: iv?.draws };
    lines.push(
      '',
      `Customer equity, next 12 months (${chosenName} × Gamma-Gamma, revenue, discounted 1 % a month): ${money(prediction.total, 0)}` +
        (iv === undefined
          ? ' (no interval: a fit has no parameter covariance).'
          : `, ${num(iv.level * 100)} % interval ${range(iv.total.lower, iv.total.upper)}.`),
      ...(iv === undefined
        ? []
        : [
            `The intervals are of the EXPECTED value under parameter uncertainty (${count(iv.draws)} parameter draws from the fits): how far the`,
            'prediction could move with other estimates from data like these. What a customer will actually spend varies much more.',
          ]),
      '',
      `Top 10 customers by CLV at ${day(input.observationEnd)}, by ${chosenName} (next 12 months, revenue, discounted 1 % a month)`,
      ...table(columns, render(byClv)),
      '',
      alive.key === 'bgNbd'
        ? 'Top 10 repeat customers by probability alive (BG/NBD gives one-time buyers P(alive) = 100 %)'
        : `Top 10 customers by probability alive, by ${aliveName}` +
          (alive.key === chosen.key ? '' : ` (BG/NBD, chosen by fit, gives every one-time buyer 100 %; ${aliveName} is the better fit of the two that do not)`),
      ...table(columns, render(byAlive)),
    );
    data.customerEquity = equity;
    data.clvDistribution = clvDistribution(prediction.clv);
    data.topCustomersModel = chosen.key;
    data.probabilityAliveModel = alive.key;
    data.topByClv = byClv;
    data.topByProbabilityAlive = byAlive;
    data.horizon = HORIZON;
  }
  return { id: 'clv', title: 'Customer lifetime value: model choice, validation and CLV', lines, data };
}
