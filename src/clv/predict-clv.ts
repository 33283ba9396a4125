import type { ModelDescriptor, ModelFit, ModelName } from '../models/model';
import type { Interval, IntervalColumns, IntervalOptions } from '../models/interval';
import type { TimeUnit } from '../models/time';
import { UNIT_MILLISECONDS } from '../models/time';
import type { Accessor, Values } from '../models/values';
import type { CustomerHistory, CustomerHistoryAccessors } from './customer-history';
import type { DiscreteCustomerHistory } from './discrete-customer-history';
import type { GammaGammaFit, GammaGammaParams } from './gamma-gamma/gamma-gamma-params';
import type { ContinuousTransactionModel, TransactionModel } from './model';
import { drawParameters } from '../models/draw-parameters';
import { requireTimeUnit } from '../internal/calendar';
import { gammaGammaMean, requireGammaGammaParams } from './gamma-gamma/spend';
import { groupRows } from '../internal/group-rows';
import { selectInPlace } from '../internal/quantile';
import { preciseSum } from '../internal/sum';
import { describeValue, fail, requireCount, requireFiniteTotal, requireLevel, requireNonNegative, requireProportion } from '../internal/validate';
import { requireValues } from '../internal/input';
import { readOptions, requireAccessor } from '../internal/options';
import { readRfmRows } from './rfm-rows';

/** One customer as {@link predictClv} reads them with a continuous-time model: a history and its mean spend; a `summarizeTransactions` row is one. */
export interface PredictClvCustomer extends CustomerHistory {
  /** z̄, the mean value of the repeat purchases (ignored by Gamma-Gamma when x = 0; not read with a fixed `valuePerPurchase`). */
  readonly monetaryValue: number;
}

/** One customer as {@link predictClv} reads them with a discrete-time model (BG/BB): a history at transaction opportunities and its mean spend. */
export interface PredictClvDiscreteCustomer extends DiscreteCustomerHistory {
  /** z̄, the mean value of the repeat transactions (ignored by Gamma-Gamma when x = 0; not read with a fixed `valuePerPurchase`). */
  readonly monetaryValue: number;
}

/** Accessors reading a customer's fields from any record type: the history's, and the mean spend's. */
export interface PredictClvAccessors<D> extends CustomerHistoryAccessors<D> {
  /** Mean repeat purchase value z̄ of a record. */
  readonly monetaryValue: Accessor<D, number | null | undefined>;
}

/** Accessors reading a discrete-time customer's fields (BG/BB) from any record type. */
export interface PredictClvDiscreteAccessors<D> {
  /** Opportunities with a repeat transaction, x, of a record. */
  readonly frequency: Accessor<D, number | null | undefined>;
  /** The opportunity of the last transaction, tₓ, of a record. */
  readonly recency: Accessor<D, number | null | undefined>;
  /** Opportunities observed after the first transaction, n, of a record. */
  readonly periods: Accessor<D, number | null | undefined>;
  /** Mean repeat transaction value z̄ of a record. */
  readonly monetaryValue: Accessor<D, number | null | undefined>;
}

/**
 * The spend model of {@link predictClv}, as Gamma-Gamma: each customer's expected value per
 * purchase is the Gamma-Gamma posterior mean given their x and z̄ (Fader & Hardie 2013).
 */
export interface PredictClvGammaGammaSpend {
  /** Gamma-Gamma parameters, or its fit (a {@link GammaGammaFit}; required with `intervals`, which draw from it too). */
  readonly gammaGamma: GammaGammaParams;
  /** Not with `gammaGamma`: one spend model per call. */
  readonly valuePerPurchase?: never;
}

/**
 * The spend model of {@link predictClv}, as a fixed value per purchase: `{ valuePerPurchase: 35 }`
 * values every purchase of every customer at 35; `{ valuePerPurchase: 'monetaryValue' }` values
 * each customer's purchases at their own `monetaryValue`, taken as is (no shrinkage towards the
 * population mean, so a customer with no repeat purchase and `monetaryValue` 0 is worth 0).
 */
export interface PredictClvFixedSpend {
  /** A value ≥ 0 per purchase for everyone, or `'monetaryValue'`: each customer's own mean spend. */
  readonly valuePerPurchase: number | 'monetaryValue';
  /** Not with `valuePerPurchase`: one spend model per call. */
  readonly gammaGamma?: never;
}

/** The spend argument of {@link predictClv}: `{ gammaGamma }` or `{ valuePerPurchase }`. */
export type PredictClvSpend = PredictClvGammaGammaSpend | PredictClvFixedSpend;

/** The Gamma-Gamma spend model of {@link predictClv} with `intervals`: a fit, whose covariance is drawn from. */
export interface PredictClvGammaGammaFitSpend {
  /** The Gamma-Gamma fit, carrying `logParameterCovariance`. */
  readonly gammaGamma: GammaGammaFit;
  /** Not with `gammaGamma`: one spend model per call. */
  readonly valuePerPurchase?: never;
}

/** The spend argument of {@link predictClv} with `intervals`: Gamma-Gamma must be a fit (its covariance is drawn from), or a fixed value. */
export type PredictClvFittedSpend = PredictClvGammaGammaFitSpend | PredictClvFixedSpend;

/** Whether a spend argument `S` reads the customers' `monetaryValue`: every form but a fixed number. */
export type PredictClvReadsMonetaryValue<S> = [S] extends [PredictClvFixedNumberSpend] ? false : true;

/** A fixed spend given as a number (the one form that does not read `monetaryValue`). */
export interface PredictClvFixedNumberSpend {
  /** The value of every purchase. */
  readonly valuePerPurchase: number;
}

/** The accessors `A` a spend form `S` needs: all of them, or all but `monetaryValue` for a fixed number. */
export type PredictClvAccessorsFor<A, S> = PredictClvReadsMonetaryValue<S> extends true ? A : Omit<A, 'monetaryValue'>;

/** A window of future periods, `from` (exclusive) to `to` (inclusive): `{ from: 0, to: 3 }` is the first three periods. */
export interface PredictClvWindowOption {
  /** Periods before the window, a whole number ≥ 0 and < `to`. */
  readonly from: number;
  /** The last period of the window, a whole number ≤ `horizon`. */
  readonly to: number;
}

/** Settings of {@link predictClv} shared by the continuous-time and discrete-time models. */
export interface PredictClvHorizonSettings {
  /**
   * Number of future periods to value, a whole number from 0 to 10,000 (e.g. `12`). Required.
   * For a discrete-time model (BG/BB) a period is one transaction opportunity.
   */
  readonly horizon: number;
  /**
   * Discount rate per period, ≥ 0 (e.g. 0.01 a month ≈ 12.7 % a year). Each
   * period's value is discounted by (1 + rate)^k, k = 1 for the first period (end-of-period
   * discounting). Default 0.
   */
  readonly discountRate?: number;
  /** Profit margin applied to revenue, a proportion in [0, 1]. Default 1 (the CLV is revenue). */
  readonly margin?: number;
  /** Also value each customer in this window of periods (the result's `window`). Default: none. */
  readonly window?: PredictClvWindowOption;
  /**
   * Intervals of the expected values under parameter uncertainty (the result's `intervals`):
   * `params` (and a Gamma-Gamma spend model) must then be fits carrying `logParameterCovariance`.
   * Default: none.
   */
  readonly intervals?: IntervalOptions;
}

/** Settings of {@link predictClv} with a continuous-time model (BG/NBD, Pareto/NBD) that do not depend on the record type. */
export interface PredictClvSettings extends PredictClvHorizonSettings {
  /** The unit the customers' `recency` and `T` (and the model's fit) are in, e.g. `'week'`. Required. */
  readonly timeUnit: TimeUnit;
  /** The unit of one period of the horizon, e.g. `'month'`. Required. */
  readonly horizonUnit: TimeUnit;
}

/**
 * Settings of {@link predictClv} with a discrete-time model (BG/BB): the horizon counts
 * transaction opportunities, so there is no `timeUnit` or `horizonUnit`.
 */
export interface PredictClvDiscreteSettings extends PredictClvHorizonSettings {
  /** Not for a discrete-time model: its periods are transaction opportunities. */
  readonly timeUnit?: never;
  /** Not for a discrete-time model: its periods are transaction opportunities. */
  readonly horizonUnit?: never;
}

/**
 * Options of {@link predictClv} with a continuous-time model: the settings, plus accessors —
 * optional for {@link PredictClvCustomer} rows (or {@link CustomerHistory} rows with a fixed
 * `valuePerPurchase`), required for any other record type.
 */
export type PredictClvOptions<D, S = PredictClvSpend> = PredictClvSettings &
  ([D] extends [PredictClvReadsMonetaryValue<S> extends true ? PredictClvCustomer : CustomerHistory]
    ? Partial<PredictClvAccessors<D>>
    : PredictClvAccessorsFor<PredictClvAccessors<D>, S>);

/**
 * Options of {@link predictClv} with a discrete-time model (BG/BB): the settings, plus accessors —
 * optional for {@link PredictClvDiscreteCustomer} rows (or {@link DiscreteCustomerHistory} rows
 * with a fixed `valuePerPurchase`), required for any other record type.
 */
export type PredictClvDiscreteOptions<D, S = PredictClvSpend> = PredictClvDiscreteSettings &
  ([D] extends [PredictClvReadsMonetaryValue<S> extends true ? PredictClvDiscreteCustomer : DiscreteCustomerHistory]
    ? Partial<PredictClvDiscreteAccessors<D>>
    : PredictClvAccessorsFor<PredictClvDiscreteAccessors<D>, S>);

/**
 * The base-wide cash-flow schedule: one entry per future period (length `horizon`), summed over
 * the predicted customers. Σ `discountedValue` is the customer equity (`total`).
 */
export interface PredictClvSchedule {
  /** Expected purchases of the whole base in each future period (undiscounted). */
  readonly expectedPurchases: Float64Array;
  /** Expected margin of the whole base in each future period, undiscounted. */
  readonly value: Float64Array;
  /** Expected margin of the whole base in each future period, discounted to today. */
  readonly discountedValue: Float64Array;
}

/** Each customer's value in the `window` of periods asked for, as columns aligned with `index`. */
export interface PredictClvWindow {
  /** Periods before the window. */
  readonly from: number;
  /** The last period of the window. */
  readonly to: number;
  /** Discounted (to today) expected margin in periods from + 1 … to. */
  readonly clv: Float64Array;
  /** Expected purchases in periods from + 1 … to (undiscounted). */
  readonly expectedPurchases: Float64Array;
}

/**
 * Intervals of the EXPECTED values under parameter uncertainty (quantiles over parameter vectors
 * drawn from the fits): how far the predictions could move with other estimates from data like
 * these. They are not predictive intervals of what a customer will actually buy or spend, which
 * also vary with the purchase process itself and are much wider.
 */
export interface PredictClvIntervals {
  /** Nominal coverage of each interval. */
  readonly level: number;
  /** Parameter vectors drawn. */
  readonly draws: number;
  /** Per customer, of `clv`. */
  readonly clv: IntervalColumns;
  /** Per customer, of `expectedPurchases`. */
  readonly expectedPurchases: IntervalColumns;
  /** Per customer, of `probabilityAlive`. */
  readonly probabilityAlive: IntervalColumns;
  /** Of the customer equity, `total`. */
  readonly total: Interval;
  /** Of each period's expected purchases of the whole base (`schedule.expectedPurchases`). */
  readonly periodPurchases: readonly Interval[];
}

/**
 * Per-customer predictions, as columns aligned with `index` (the input position of each
 * predicted customer; customers skipped for missing values are absent), and the base-wide
 * schedule. The arrays are fresh and owned by the caller.
 */
export interface PredictClvResult {
  /** Input position of each predicted customer. */
  readonly index: Uint32Array;
  /** Discounted expected margin over the horizon, in the currency of the spend model. */
  readonly clv: Float64Array;
  /** Expected purchases over the whole horizon (undiscounted), E[Y(horizon) | history], from the transaction model. */
  readonly expectedPurchases: Float64Array;
  /** Expected value per purchase from the spend model. */
  readonly expectedSpend: Float64Array;
  /** P(alive | history) from the transaction model (for BG/BB: alive at the next opportunity). */
  readonly probabilityAlive: Float64Array;
  /** Σ clv over the customers (compensated summation): the customer equity. */
  readonly total: number;
  /** Base-wide expected purchases and value per future period. */
  readonly schedule: PredictClvSchedule;
  /** Each customer's value in the `window` option's periods; `undefined` without it. */
  readonly window: PredictClvWindow | undefined;
  /** Intervals under parameter uncertainty; `undefined` without the `intervals` option. */
  readonly intervals: PredictClvIntervals | undefined;
  /** Customers skipped because they, or one of their fields, were `null`/`undefined`. */
  readonly skipped: number;
  /**
   * Length of one horizon period in `timeUnit`: UNIT_MILLISECONDS[horizonUnit] / UNIT_MILLISECONDS[timeUnit];
   * 1 (one transaction opportunity) for a discrete-time model.
   */
  readonly periodLength: number;
}

/** A {@link PredictClvResult} of a call with the `intervals` option: its `intervals` are there. */
export type PredictClvResultWithIntervals = PredictClvResult & {
  /** Intervals under parameter uncertainty. */
  readonly intervals: PredictClvIntervals;
};

const FN = 'predictClv';

/** The default reader of a discrete row's `periods`. */
const readPeriods = (d: unknown): number | null | undefined => (typeof d === 'object' && d !== null ? (d as { periods?: number | null }).periods : undefined);

/**
 * Largest `horizon` accepted: 10,000 periods (over 27 years of days, 833 years of months). Every
 * period is valued separately, so a longer horizon is refused with `OUT_OF_RANGE` rather than
 * allocated and looped over.
 */
const MAX_HORIZON_PERIODS = 10_000;
const MAX_DRAWS = 100_000;

const OPTION_KEYS = [
  'timeUnit',
  'horizon',
  'horizonUnit',
  'discountRate',
  'margin',
  'window',
  'intervals',
  'frequency',
  'recency',
  'T',
  'periods',
  'monetaryValue',
] as const;

/** The Gamma-Gamma parameter order of its covariance, for drawing (its descriptor would bundle its fit). */
const GAMMA_GAMMA_DRAWS = { model: 'gamma-gamma', parameterNames: ['p', 'q', 'gamma'] } as unknown as ModelDescriptor<'gamma-gamma', GammaGammaParams, never>;

/**
 * One set of parameters as the loops call it. Continuous-time models group customers by (x, T):
 * `cumulative` is E[purchases in (T, T + kL] | alive, x, T] and the customer's P(alive) scales it.
 * Discrete-time models group by the whole history: `cumulative` is already the conditional
 * expectation, so the scale is 1.
 */
interface Evaluator {
  readonly alive: (x: number, tx: number, T: number) => number;
  readonly cumulative: (x: number, tx: number, T: number, k: number) => number;
}

type AnyModel = {
  readonly model: ModelName;
  readonly kernel?: ContinuousTransactionModel<ModelName, unknown>['kernel'];
  readonly conditionalExpectedPurchases?: (params: unknown, customer: DiscreteCustomerHistory, t: number) => number;
  readonly probabilityAlive?: (params: unknown, customer: DiscreteCustomerHistory) => number;
  readonly expectedPurchases?: (params: unknown, t: number) => number;
};

function evaluator(model: AnyModel, params: unknown, continuous: boolean, periodLength: number): Evaluator {
  if (continuous) {
    const kernel = (model.kernel as NonNullable<AnyModel['kernel']>)(FN, params);
    return { alive: kernel.probabilityAlive, cumulative: (x, _tx, T, k) => kernel.expectedIfAlive(x, T, k * periodLength) };
  }
  const conditional = model.conditionalExpectedPurchases as NonNullable<AnyModel['conditionalExpectedPurchases']>;
  const alive = model.probabilityAlive as NonNullable<AnyModel['probabilityAlive']>;
  // Checks the parameters (the descriptor's own messages) even when there is no customer.
  (model.expectedPurchases as NonNullable<AnyModel['expectedPurchases']>)(params, 0);
  return {
    alive: (x, tx, n) => alive(params, { frequency: x, recency: tx, periods: n }),
    cumulative: (x, tx, n, k) => conditional(params, { frequency: x, recency: tx, periods: n }, k),
  };
}

/** Type-7 quantile (Hyndman & Fan 1996, the library's one definition) of a[0..n-1], selecting in place from `from`. */
function selectQuantile(a: Float64Array, n: number, p: number, from: number): number {
  const h = (n - 1) * p;
  const j = Math.floor(h);
  selectInPlace(a, j, from, n - 1);
  const lo = a[j] as number;
  if (j >= n - 1 || h === j) return lo;
  let hi = a[j + 1] as number;
  for (let m = j + 2; m < n; m++) if ((a[m] as number) < hi) hi = a[m] as number;
  return lo + (h - j) * (hi - lo);
}

/** Largest number of extreme order statistics kept by {@link quantilePair}'s one-pass path. */
const TAIL_LIMIT = 40;

/**
 * The type-7 quantiles at pLow and 1 − pLow of a[0..n-1], into out[0] and out[1]. For the usual
 * levels only the few smallest and largest values matter: one pass keeps them in two small
 * sorted buffers (`tails`, length ≥ 2·TAIL_LIMIT), far cheaper than two selections per
 * customer; otherwise selection in place (which reorders `a`).
 */
function quantilePair(a: Float64Array, n: number, pLow: number, out: Float64Array, tails: Float64Array): void {
  const hLow = (n - 1) * pLow;
  const jLow = Math.floor(hLow);
  const hHigh = (n - 1) * (1 - pLow);
  const jHigh = Math.floor(hHigh);
  const m = Math.max(jLow + 2, n - jHigh);
  if (m > TAIL_LIMIT || m > n) {
    out[0] = selectQuantile(a, n, pLow, 0);
    // Everything from the lower quantile's position on is ≥ it: select the upper one in that part.
    out[1] = selectQuantile(a, n, 1 - pLow, jLow);
    return;
  }
  // tails[0..m-1]: the m smallest, ascending; tails[TAIL_LIMIT..TAIL_LIMIT+m-1]: the m largest, descending.
  let size = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i] as number;
    if (size < m) {
      let j = size - 1;
      while (j >= 0 && (tails[j] as number) > v) {
        tails[j + 1] = tails[j] as number;
        j--;
      }
      tails[j + 1] = v;
      let k = TAIL_LIMIT + size - 1;
      while (k >= TAIL_LIMIT && (tails[k] as number) < v) {
        tails[k + 1] = tails[k] as number;
        k--;
      }
      tails[k + 1] = v;
      size++;
      continue;
    }
    if (v < (tails[m - 1] as number)) {
      let j = m - 2;
      while (j >= 0 && (tails[j] as number) > v) {
        tails[j + 1] = tails[j] as number;
        j--;
      }
      tails[j + 1] = v;
    }
    if (v > (tails[TAIL_LIMIT + m - 1] as number)) {
      let k = TAIL_LIMIT + m - 2;
      while (k >= TAIL_LIMIT && (tails[k] as number) < v) {
        tails[k + 1] = tails[k] as number;
        k--;
      }
      tails[k + 1] = v;
    }
  }
  const lo = tails[jLow] as number;
  out[0] = jLow >= n - 1 || hLow === jLow ? lo : lo + (hLow - jLow) * ((tails[jLow + 1] as number) - lo);
  // Ascending order statistic j is the (n − 1 − j)-th largest.
  const hi = tails[TAIL_LIMIT + n - 1 - jHigh] as number;
  out[1] = jHigh >= n - 1 || hHigh === jHigh ? hi : hi + (hHigh - jHigh) * ((tails[TAIL_LIMIT + n - 2 - jHigh] as number) - hi);
}

/** Order items 0..n-1 by their key in 0..size-1 (stable): `order` and the start of each key's run. */
function countingSort(keyOf: Int32Array, n: number, size: number): { order: Uint32Array; start: Uint32Array } {
  const start = new Uint32Array(size + 1);
  for (let i = 0; i < n; i++) {
    const key = (keyOf[i] as number) + 1;
    start[key] = (start[key] as number) + 1;
  }
  for (let g = 0; g < size; g++) start[g + 1] = (start[g + 1] as number) + (start[g] as number);
  const next = start.slice(0, size);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const g = keyOf[i] as number;
    order[next[g] as number] = i;
    next[g] = (next[g] as number) + 1;
  }
  return { order, start };
}

/** What {@link parameterIntervals} needs from the point-estimate pass. */
interface IntervalInputs {
  readonly model: AnyModel;
  readonly params: unknown;
  /** The Gamma-Gamma fit, or `undefined` for a fixed spend (then `expectedSpend` is fixed per customer). */
  readonly gammaGamma: GammaGammaParams | undefined;
  readonly continuous: boolean;
  readonly periodLength: number;
  readonly rows: ReturnType<typeof readRfmRows>;
  readonly groups: ReturnType<typeof groupRows>;
  readonly horizon: number;
  readonly factors: Float64Array;
  readonly margin: number;
  readonly expectedSpend: Float64Array;
  readonly level: number;
  readonly draws: number;
  readonly seed: number;
}

/** A fit carrying a covariance to draw from, or `INCONSISTENT_INPUT` naming what is missing. */
function requireCovariance(what: string, fit: unknown): void {
  const covariance = fit !== null && typeof fit === 'object' ? (fit as { readonly logParameterCovariance?: unknown }).logParameterCovariance : undefined;
  if (!Array.isArray(covariance)) {
    throw fail(
      'INCONSISTENT_INPUT',
      FN,
      `intervals need ${what} to be a fit carrying logParameterCovariance (bare parameters, or a fit whose Hessian was not positive definite, have no sampling distribution to draw from)`,
      { field: what },
    );
  }
}

/**
 * The intervals: every prediction at each drawn parameter vector, per distinct history — the
 * expectations once per group ((x, T), or the whole history for BG/BB) and draw, P(alive) once per
 * (x, tₓ, T) and draw — then per-customer type-7 quantiles over the draws.
 */
function parameterIntervals(input: IntervalInputs): PredictClvIntervals {
  const { model, continuous, periodLength, rows, groups, horizon: H, factors, margin, expectedSpend, level, draws: D } = input;
  requireCovariance('params', input.params);
  if (input.gammaGamma !== undefined) requireCovariance('spend.gammaGamma', input.gammaGamma);
  const drawn = drawParameters(model as unknown as ModelDescriptor<ModelName, unknown, never>, input.params as ModelFit<ModelName, unknown>, { draws: D, seed: input.seed });
  const evaluators = drawn.map((params) => evaluator(model, params, continuous, periodLength));
  const ggP = new Float64Array(D);
  const ggQ = new Float64Array(D);
  const ggGamma = new Float64Array(D);
  if (input.gammaGamma !== undefined) {
    const ggDrawn = drawParameters(GAMMA_GAMMA_DRAWS, input.gammaGamma as GammaGammaFit, { draws: D, seed: input.seed + 1 });
    for (let k = 0; k < D; k++) {
      const d = ggDrawn[k] as GammaGammaParams;
      ggP[k] = d.p;
      ggQ[k] = d.q;
      ggGamma[k] = d.gamma;
    }
  }
  const n = rows.length;
  const G = groups.size;
  // Histories (x, tₓ, T) within each group; for BG/BB the groups are the histories already.
  const histories = continuous ? groupRows([rows.x, rows.tx, rows.T], new Float64Array(n).fill(1), n) : groups;
  const HN = histories.size;
  const historyGroup = new Int32Array(HN);
  for (let i = 0; i < n; i++) historyGroup[histories.groupOf[i] as number] = groups.groupOf[i] as number;
  const byGroup = countingSort(historyGroup, HN, G);
  const byHistory = countingSort(histories.groupOf, n, HN);
  const hx = histories.keys[0] as Float64Array;
  const htx = histories.keys[1] as Float64Array;
  const hT = histories.keys[2] as Float64Array;

  const pLow = (1 - level) / 2;
  const increments = new Float64Array(D * H);
  const discounted = new Float64Array(D);
  const cumulative = new Float64Array(D);
  const scale = new Float64Array(D);
  const groupScale = new Float64Array(D);
  const intercept = new Float64Array(D);
  const slope = new Float64Array(D);
  const work = new Float64Array(D);
  const totals = new Float64Array(D);
  const totalsError = new Float64Array(D);
  const periodPurchases = new Float64Array(D * H);
  const clvLower = new Float64Array(n);
  const clvUpper = new Float64Array(n);
  const purchasesLower = new Float64Array(n);
  const purchasesUpper = new Float64Array(n);
  const aliveLower = new Float64Array(n);
  const aliveUpper = new Float64Array(n);
  const band = new Float64Array(2);
  const tails = new Float64Array(2 * TAIL_LIMIT);
  const addTotal = (k: number, v: number): void => {
    const s = totals[k] as number;
    const t = s + v;
    totalsError[k] = (totalsError[k] as number) + (Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s);
    totals[k] = t;
  };
  const gammaGamma = input.gammaGamma !== undefined;
  for (let g = 0; g < G; g++) {
    const first = byGroup.order[byGroup.start[g] as number] as number;
    const x = hx[first] as number;
    const T = hT[first] as number;
    const gtx = continuous ? 0 : (htx[first] as number);
    for (let k = 0; k < D; k++) {
      const ev = evaluators[k] as Evaluator;
      let previous = 0;
      let sum = 0;
      for (let j = 1; j <= H; j++) {
        const current = ev.cumulative(x, gtx, T, j);
        const increment = current > previous ? current - previous : 0;
        increments[k * H + j - 1] = increment;
        sum += increment * (factors[j] as number);
        if (current > previous) previous = current;
      }
      discounted[k] = sum;
      cumulative[k] = previous;
    }
    // Gamma-Gamma's mean spend is linear in z̄ for a given x and draw: s = A + B·z̄, with
    // A = E[Z | x, z̄ = 0] and B = A·x/γ (p·(γ + x·z̄)/(p·x + q − 1)).
    if (gammaGamma) {
      for (let k = 0; k < D; k++) {
        const a0 = gammaGammaMean(FN, ggP[k] as number, ggQ[k] as number, ggGamma[k] as number, x, 0);
        intercept[k] = margin * a0 * (discounted[k] as number);
        slope[k] = x === 0 ? 0 : (margin * a0 * x * (discounted[k] as number)) / (ggGamma[k] as number);
      }
    }
    groupScale.fill(0);
    for (let a = byGroup.start[g] as number; a < (byGroup.start[g + 1] as number); a++) {
      const h = byGroup.order[a] as number;
      const tx = htx[h] as number;
      const from = byHistory.start[h] as number;
      const to = byHistory.start[h + 1] as number;
      const count = to - from;
      for (let k = 0; k < D; k++) {
        const pa = (evaluators[k] as Evaluator).alive(x, tx, T);
        work[k] = pa;
        const sk = continuous ? pa : 1;
        scale[k] = sk;
        groupScale[k] = (groupScale[k] as number) + count * sk;
      }
      quantilePair(work, D, pLow, band, tails);
      const aliveLo = band[0] as number;
      const aliveHi = band[1] as number;
      for (let k = 0; k < D; k++) work[k] = (scale[k] as number) * (cumulative[k] as number);
      quantilePair(work, D, pLow, band, tails);
      const purchasesLo = band[0] as number;
      const purchasesHi = band[1] as number;
      for (let b = from; b < to; b++) {
        const i = byHistory.order[b] as number;
        aliveLower[i] = aliveLo;
        aliveUpper[i] = aliveHi;
        purchasesLower[i] = purchasesLo;
        purchasesUpper[i] = purchasesHi;
      }
      if (!gammaGamma) {
        // A fixed spend scales every draw alike: one quantile per history, one sum for the totals.
        for (let k = 0; k < D; k++) work[k] = (scale[k] as number) * (discounted[k] as number);
        quantilePair(work, D, pLow, band, tails);
        let spendSum = 0;
        for (let b = from; b < to; b++) {
          const i = byHistory.order[b] as number;
          const v = margin * (expectedSpend[i] as number);
          spendSum += v;
          clvLower[i] = v * (band[0] as number);
          clvUpper[i] = v * (band[1] as number);
        }
        for (let k = 0; k < D; k++) addTotal(k, spendSum * (scale[k] as number) * (discounted[k] as number));
        continue;
      }
      // Gamma-Gamma: value at draw k = scale·(A + B·z̄); the totals need Σ z̄ only.
      let zSum = 0;
      let lastZ = Number.NaN;
      for (let b = from; b < to; b++) {
        const i = byHistory.order[b] as number;
        const z = x === 0 ? 0 : (rows.z[i] as number);
        zSum += z;
        if (z !== lastZ) {
          // A customer with the z̄ of the previous one of this history has the same values.
          for (let k = 0; k < D; k++) work[k] = (scale[k] as number) * ((intercept[k] as number) + (slope[k] as number) * z);
          quantilePair(work, D, pLow, band, tails);
          lastZ = z;
        }
        clvLower[i] = requireFiniteTotal(FN, 'CLV', band[0] as number, undefined, rows.at[i]);
        clvUpper[i] = requireFiniteTotal(FN, 'CLV', band[1] as number, undefined, rows.at[i]);
      }
      for (let k = 0; k < D; k++) addTotal(k, (scale[k] as number) * (count * (intercept[k] as number) + zSum * (slope[k] as number)));
    }
    for (let k = 0; k < D; k++) {
      const weight = groupScale[k] as number;
      const row = k * H;
      for (let j = 0; j < H; j++) periodPurchases[row + j] = (periodPurchases[row + j] as number) + weight * (increments[row + j] as number);
    }
  }
  for (let k = 0; k < D; k++) work[k] = requireFiniteTotal(FN, 'total CLV', (totals[k] as number) + (totalsError[k] as number));
  quantilePair(work, D, pLow, band, tails);
  const total = Object.freeze({ lower: band[0] as number, upper: band[1] as number });
  const periods: Interval[] = [];
  for (let j = 0; j < H; j++) {
    for (let k = 0; k < D; k++) work[k] = periodPurchases[k * H + j] as number;
    quantilePair(work, D, pLow, band, tails);
    periods.push(Object.freeze({ lower: band[0] as number, upper: band[1] as number }));
  }
  return Object.freeze({
    level,
    draws: D,
    clv: Object.freeze({ lower: clvLower, upper: clvUpper }),
    expectedPurchases: Object.freeze({ lower: purchasesLower, upper: purchasesUpper }),
    probabilityAlive: Object.freeze({ lower: aliveLower, upper: aliveUpper }),
    total,
    periodPurchases: Object.freeze(periods),
  });
}

/**
 * Probabilistic customer lifetime value with any transaction model and spend model: for each
 * customer, the expected purchases in each future period from the transaction model (e.g.
 * {@link bgNbd}, {@link paretoNbd} or {@link bgBb}, with their fitted parameters), times the
 * expected value per purchase (Gamma-Gamma, or a fixed value), times the margin, discounted per
 * period; with the base-wide schedule of purchases and value per period, an optional window of
 * periods, and optional intervals under parameter uncertainty.
 *
 * ```text
 * E(k)  = E[Y(kL) | history]   (the model's conditional expectation; L the period length)
 *       continuous time: L = UNIT_MILLISECONDS[horizonUnit] / UNIT_MILLISECONDS[timeUnit],
 *                        E(k) = P(alive | x, tₓ, T) · E[Y(kL) | alive, x, T]
 *       BG/BB:           L = 1 opportunity, E(k) = E[X(n, n + k) | x, tₓ, n]
 * s     = E[Z | z̄, x] (Gamma-Gamma), or the fixed value per purchase
 * CLV   = margin · s · Σ_{k=1..H} (E(k) − E(k−1)) / (1 + d)^k
 * schedule_k = Σ_customers (E(k) − E(k−1))  (purchases), · margin · s (value), · (1 + d)^−k (discounted)
 * window(from, to) = margin · s · Σ_{k=from+1..to} (E(k) − E(k−1)) / (1 + d)^k
 * total = Σ CLV = Σ_k discounted schedule_k   (the customer equity)
 * ```
 *
 * The model is passed as its descriptor, so only the models you import are bundled; `params`
 * must be that model's (a fit of another model is refused with `INCONSISTENT_INPUT`). A
 * continuous-time model takes `timeUnit` and `horizonUnit`; a discrete-time model (BG/BB, a
 * descriptor without `kernel`) reads `frequency`, `recency` and `periods` and counts the horizon
 * in transaction opportunities, so those units are refused (and fail to compile).
 *
 * With `intervals`, `params` (and a Gamma-Gamma spend model) must be fits carrying
 * `logParameterCovariance`: `draws` parameter vectors are drawn from each
 * ({@link models!drawParameters}; Gamma-Gamma with seed + 1), every prediction is evaluated at
 * each draw — per distinct history, (x, T) for the expectation and (x, tₓ, T) for P(alive) — and
 * the type-7 quantiles at (1 − level)/2 and (1 + level)/2 give the intervals. They are
 * intervals of the EXPECTED values under parameter uncertainty, not predictive intervals of the
 * value customers will realise. The point estimates are those at the fit, not the draws' medians.
 *
 * Discounting is at the end of each period, as in `lifetimes`' `customer_lifetime_value`
 * (discount rate per period), but the period length comes from the documented
 * {@link models!UNIT_MILLISECONDS} constants (a month is 30.436875 days, a week to month ratio of
 * 4.348125), never from a hidden 30-day month. Gamma-Gamma assumes spend independent of the
 * purchase process (check `frequencySpendCorrelation` of its fit).
 *
 * Source: Fader, Hardie & Lee (2005), RFM and CLV, *J. Marketing Research* 42(4) (CLV as
 * expected transactions × expected spend × margin, discounted); BG/NBD eq. 10 from Fader,
 * Hardie & Lee (2005), *Marketing Science* 24(2); Pareto/NBD eq. 22 of Fader & Hardie (2005),
 * *A note on deriving the Pareto/NBD model*; BG/BB from Fader, Hardie & Shang (2010),
 * *Marketing Science* 29(6); Gamma-Gamma mean from Fader & Hardie (2013); intervals by
 * simulation from the estimates' asymptotic normal, King, Tomz & Wittenberg (2000).
 *
 * @param model - The transaction model: {@link bgNbd}, {@link paretoNbd} or {@link bgBb}.
 * @param params - That model's parameters fitted in `timeUnit` (its fit will do; a fit with `intervals`).
 * @param spend - `{ gammaGamma: params or fit }`, `{ valuePerPurchase: 35 }` or `{ valuePerPurchase: 'monetaryValue' }`.
 * @param customers - Customers with `frequency`, `recency`, `T` (BG/BB: `periods`) and, unless the spend is a fixed number, `monetaryValue` (or accessors).
 * @param options - `timeUnit`, `horizon`, `horizonUnit`, `discountRate`, `margin`, `window`, `intervals`, accessors.
 * @returns Columns of CLV, expected purchases, expected spend and P(alive) per customer, the total, the schedule, and the window and intervals when asked for.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `INCONSISTENT_INPUT` for a fit of another model than `model`, or `intervals` with parameters
 *   that are not a fit with `logParameterCovariance`; `INVALID_INPUT` for a `model` that is not
 *   a transaction model descriptor or a `spend` that is not an object;
 *   `OUT_OF_RANGE` for a parameter ≤ 0, a margin outside [0, 1], or a Gamma-Gamma model with
 *   no finite mean (p·x + q ≤ 1, at the estimates or at a draw), a horizon of more than 10,000 periods (use a longer `horizonUnit`), a
 *   window outside 0 ≤ from < to ≤ horizon, `draws` outside 1–100,000, a `level` outside (0, 1), an
 *   expectation that cannot be computed to 1e-10 (not met in tests over every parameter in
 *   [e^−30, e^30]), or a CLV beyond a double; `NEGATIVE_VALUE` for a negative field, horizon, value per purchase or discount
 *   rate; `NOT_AN_INTEGER` for a fractional frequency or horizon (BG/BB: recency or periods); `ORDER_VIOLATION` for
 *   recency > T (periods); `INCONSISTENT_INPUT` for a recency inconsistent with the frequency;
 *   `INVALID_OPTION` for an unknown unit, a unit or `T` with a discrete-time model, `periods` with a continuous-time one.
 *   `INVALID_INPUT` when `customers` is not an array, a typed array or an iterable; `INVALID_OPTION`
 *   for options that are not a plain object, an unknown option key (the near miss is suggested:
 *   `levle` → `level`) or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { bgBb, bgNbd, paretoNbd, predictClv } from 'cx-metrics/clv';
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // BG/NBD on CDNOW, fitted in weeks
 * const gammaGamma = { p: 6.25, q: 3.74, gamma: 15.44 };
 * const result = predictClv(
 *   bgNbd,
 *   params,
 *   { gammaGamma },
 *   [
 *     { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 },
 *     { frequency: 0, recency: 0, T: 38.86, monetaryValue: 0 },
 *   ],
 *   { timeUnit: 'week', horizon: 12, horizonUnit: 'month', discountRate: 0.01, margin: 0.3, window: { from: 0, to: 3 } },
 * );
 * // One month is 30.436875 / 7 weeks (mean Gregorian month):
 * result.periodLength; // => 4.348125
 * Array.from(result.clv); // => [10.89, 2.51]
 * Array.from(result.probabilityAlive); // => [0.7266, 1]
 * Array.from(result.expectedSpend); // => [24.66, 35.22]
 * // The first quarter of it, and the base-wide schedule (expected purchases in the first month):
 * Array.from(result.window!.clv); // => [3.33, 0.73]
 * result.schedule.expectedPurchases[0]; // => 0.1839
 * result.total; // => 13.41
 * // Any transaction model, e.g. Pareto/NBD fitted on the same data, and a fixed value per purchase:
 * const pareto = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
 * const customer = { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 };
 * predictClv(paretoNbd, pareto, { gammaGamma }, [customer], { timeUnit: 'week', horizon: 12, horizonUnit: 'month' }).total; // => 45.78
 * predictClv(paretoNbd, pareto, { valuePerPurchase: 20 }, [customer], { timeUnit: 'week', horizon: 12, horizonUnit: 'month' }).total; // => 37.12
 * // BG/BB: the horizon counts transaction opportunities (here five annual appeals), no time unit.
 * const donors = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * const donor = { frequency: 6, recency: 6, periods: 6, monetaryValue: 50 };
 * predictClv(bgBb, donors, { valuePerPurchase: 'monetaryValue' }, [donor], { horizon: 5 }).total; // => 187.6
 * predictClv(bgNbd, params, { gammaGamma }, [], { timeUnit: 'week', horizon: 12, horizonUnit: 'fortnight' as 'week' }); // => throws INVALID_OPTION
 * ```
 */
export function predictClv<M extends ModelName, P, F extends ModelFit<M, P>, S extends PredictClvSpend = PredictClvSpend, D = PredictClvCustomer>(
  model: ContinuousTransactionModel<M, P, F>,
  params: NoInfer<P>,
  spend: S,
  customers: Values<D>,
  options: PredictClvOptions<D, S> & { readonly intervals?: undefined },
): PredictClvResult;
export function predictClv<M extends ModelName, P, F extends ModelFit<M, P>, S extends PredictClvFittedSpend = PredictClvFittedSpend, D = PredictClvCustomer>(
  model: ContinuousTransactionModel<M, P, F>,
  params: NoInfer<F>,
  spend: S,
  customers: Values<D>,
  options: PredictClvOptions<D, S> & { readonly intervals: IntervalOptions },
): PredictClvResultWithIntervals;
export function predictClv<M extends ModelName, P, F extends ModelFit<M, P>, S extends PredictClvSpend = PredictClvSpend, D = PredictClvDiscreteCustomer>(
  model: TransactionModel<M, P, DiscreteCustomerHistory, F>,
  params: NoInfer<P>,
  spend: S,
  customers: Values<D>,
  options: PredictClvDiscreteOptions<D, S> & { readonly intervals?: undefined },
): PredictClvResult;
export function predictClv<M extends ModelName, P, F extends ModelFit<M, P>, S extends PredictClvFittedSpend = PredictClvFittedSpend, D = PredictClvDiscreteCustomer>(
  model: TransactionModel<M, P, DiscreteCustomerHistory, F>,
  params: NoInfer<F>,
  spend: S,
  customers: Values<D>,
  options: PredictClvDiscreteOptions<D, S> & { readonly intervals: IntervalOptions },
): PredictClvResultWithIntervals;
export function predictClv(model: unknown, params: unknown, spend: unknown, customers: unknown, options: unknown): PredictClvResult {
  const m = model as AnyModel;
  const continuous = m !== null && typeof m === 'object' && typeof m.kernel === 'function';
  if (!continuous && (m === null || typeof m !== 'object' || typeof m.conditionalExpectedPurchases !== 'function' || typeof m.probabilityAlive !== 'function')) {
    throw fail('INVALID_INPUT', FN, `model ${describeValue(model)} is not a transaction model (pass bgNbd, paretoNbd or bgBb)`, { field: 'model', value: model });
  }
  const fitted = params !== null && typeof params === 'object' ? (params as { readonly model?: unknown }).model : undefined;
  if (fitted !== undefined && fitted !== m.model) {
    throw fail('INCONSISTENT_INPUT', FN, `params are a ${describeValue(fitted)} fit but the model is ${describeValue(m.model)}`, { field: 'params', value: fitted });
  }
  type Settings = Partial<PredictClvSettings> & Partial<Record<'frequency' | 'recency' | 'T' | 'periods' | 'monetaryValue', Accessor<unknown, number | null | undefined>>>;
  const settings = readOptions(FN, options as Settings, OPTION_KEYS) as Settings;
  for (const key of ['frequency', 'recency', 'T', 'periods', 'monetaryValue'] as const) requireAccessor(FN, key, settings[key]);
  requireValues(FN, 'customers', customers);
  let periodLength = 1;
  if (continuous) {
    if (settings.periods !== undefined) {
      throw fail('INVALID_OPTION', FN, `option "periods" is for a discrete-time model; the ${m.model} model reads T (pass a T accessor)`, { field: 'periods' });
    }
    const timeUnit = requireTimeUnit(FN, 'timeUnit', settings.timeUnit);
    const horizonUnit = requireTimeUnit(FN, 'horizonUnit', settings.horizonUnit);
    periodLength = UNIT_MILLISECONDS[horizonUnit] / UNIT_MILLISECONDS[timeUnit];
  } else {
    for (const key of ['timeUnit', 'horizonUnit', 'T'] as const) {
      if (settings[key] !== undefined) {
        throw fail(
          'INVALID_OPTION',
          FN,
          `option "${key}" does not apply to the discrete-time ${m.model} model: its horizon counts transaction opportunities${key === 'T' ? ' (pass a periods accessor)' : ''}`,
          { field: key, value: settings[key] },
        );
      }
    }
  }
  const horizon = requireCount(FN, 'horizon', settings.horizon);
  if (horizon > MAX_HORIZON_PERIODS) {
    throw fail('OUT_OF_RANGE', FN, `horizon ${describeValue(horizon)} exceeds the limit of ${MAX_HORIZON_PERIODS} periods (each period is valued separately)`, {
      field: 'horizon',
      value: horizon,
    });
  }
  const discountRate = settings.discountRate === undefined ? 0 : requireNonNegative(FN, 'discountRate', settings.discountRate);
  const margin = settings.margin === undefined ? 1 : requireProportion(FN, 'margin', settings.margin);
  let windowFrom = 0;
  let windowTo = 0;
  const windowAsked = settings.window !== undefined;
  if (windowAsked) {
    const window = readOptions(FN, settings.window, ['from', 'to'], 'window');
    windowFrom = requireCount(FN, 'window.from', window.from);
    windowTo = requireCount(FN, 'window.to', window.to);
    if (!(windowFrom < windowTo && windowTo <= horizon)) {
      throw fail('OUT_OF_RANGE', FN, `window from ${windowFrom} to ${windowTo} must satisfy 0 ≤ from < to ≤ horizon ${horizon}`, { field: 'window', value: settings.window });
    }
  }
  let level = 0.9;
  let draws = 0;
  let seed = 1;
  if (settings.intervals !== undefined) {
    const intervals = readOptions(FN, settings.intervals, ['level', 'draws', 'seed'], 'intervals');
    level = intervals.level === undefined ? 0.9 : requireLevel(FN, intervals.level);
    draws = intervals.draws === undefined ? 200 : requireCount(FN, 'draws', intervals.draws);
    if (draws < 1 || draws > MAX_DRAWS) throw fail('OUT_OF_RANGE', FN, `draws ${draws} is outside 1–${MAX_DRAWS}`, { field: 'draws', value: draws });
    seed = intervals.seed === undefined ? 1 : requireCount(FN, 'seed', intervals.seed);
  }

  // The spend model.
  if (spend === null || typeof spend !== 'object' || Array.isArray(spend)) {
    throw fail('INVALID_INPUT', FN, `spend ${describeValue(spend)} must be { gammaGamma: params } or { valuePerPurchase: value | 'monetaryValue' }`, { field: 'spend', value: spend });
  }
  const spendSettings = readOptions(FN, spend as { gammaGamma?: unknown; valuePerPurchase?: unknown }, ['gammaGamma', 'valuePerPurchase'], 'spend');
  const gammaGamma = spendSettings.gammaGamma as GammaGammaParams | undefined;
  const perPurchase = spendSettings.valuePerPurchase;
  if ((gammaGamma === undefined) === (perPurchase === undefined)) {
    throw fail('INVALID_INPUT', FN, 'spend must hold exactly one of gammaGamma and valuePerPurchase', { field: 'spend', value: spend });
  }
  let gg: [number, number, number] = [0, 0, 0];
  let fixedValue = -1; // ≥ 0 for a fixed number; −1 for Gamma-Gamma or monetaryValue as is
  if (gammaGamma !== undefined) {
    const ggModel = gammaGamma !== null && typeof gammaGamma === 'object' ? (gammaGamma as { readonly model?: unknown }).model : undefined;
    if (ggModel !== undefined && ggModel !== 'gamma-gamma') {
      throw fail('INCONSISTENT_INPUT', FN, `spend.gammaGamma is a ${describeValue(ggModel)} fit, not a Gamma-Gamma one`, { field: 'gammaGamma', value: ggModel });
    }
    gg = requireGammaGammaParams(FN, gammaGamma);
  } else if (perPurchase !== 'monetaryValue') {
    fixedValue = requireNonNegative(FN, 'valuePerPurchase', perPurchase);
  }
  const readsMonetary = fixedValue < 0;
  const useGammaGamma = gammaGamma !== undefined;

  const point = evaluator(m, params, continuous, periodLength);
  const rows = readRfmRows(
    FN,
    customers as Values<unknown>,
    // A discrete row's age is its `periods`, read in T's place (the messages name it `periods`).
    { frequency: settings.frequency, recency: settings.recency, T: continuous ? settings.T : (settings.periods ?? readPeriods), monetaryValue: settings.monetaryValue },
    { recencyAge: true, monetary: readsMonetary, age: continuous ? 'T' : 'periods' },
  );
  const n = rows.length;
  if (!continuous) {
    // Whole opportunities, at most one transaction each.
    for (let i = 0; i < n; i++) {
      const at = rows.at[i] as number;
      requireCount(FN, 'recency', rows.tx[i], at);
      requireCount(FN, 'periods', rows.T[i], at);
      if ((rows.x[i] as number) > (rows.tx[i] as number)) {
        throw fail('INCONSISTENT_INPUT', FN, `frequency ${rows.x[i]} at index ${at} exceeds recency ${rows.tx[i]} (at most one transaction per opportunity)`, {
          field: 'frequency',
          value: rows.x[i],
          index: at,
        });
      }
    }
  }
  // Group by what the expectation depends on: (x, T) for continuous time, the whole history for BG/BB.
  const ones = new Float64Array(n).fill(1);
  const groups = groupRows(continuous ? [rows.x, rows.T] : [rows.x, rows.tx, rows.T], ones, n);
  const G = groups.size;
  const gx = groups.keys[0] as Float64Array;
  const gtx = continuous ? new Float64Array(G) : (groups.keys[1] as Float64Array);
  const gT = groups.keys[continuous ? 1 : 2] as Float64Array;
  const groupAlive = new Float64Array(continuous ? 0 : G);
  for (let g = 0; g < groupAlive.length; g++) groupAlive[g] = point.alive(gx[g] as number, gtx[g] as number, gT[g] as number);

  // Pass A, per customer: P(alive), spend, and the group weights of the schedule.
  const expectedSpend = new Float64Array(n);
  const probabilityAlive = new Float64Array(n);
  const index = new Uint32Array(n);
  const purchaseWeight = new Float64Array(G);
  const valueWeight = new Float64Array(G);
  const [p, q, gamma] = gg;
  for (let i = 0; i < n; i++) {
    const x = rows.x[i] as number;
    const g = groups.groupOf[i] as number;
    const alive = continuous ? point.alive(x, rows.tx[i] as number, rows.T[i] as number) : (groupAlive[g] as number);
    const s = useGammaGamma ? gammaGammaMean(FN, p, q, gamma, x, x === 0 ? 0 : (rows.z[i] as number)) : readsMonetary ? (rows.z[i] as number) : fixedValue;
    const scale = continuous ? alive : 1;
    probabilityAlive[i] = alive;
    expectedSpend[i] = s;
    index[i] = rows.at[i] as number;
    purchaseWeight[g] = (purchaseWeight[g] as number) + scale;
    valueWeight[g] = (valueWeight[g] as number) + margin * s * scale;
  }
  // Pass B, per group: the per-period expectations, once.
  const factors = new Float64Array(horizon + 1);
  for (let k = 1; k <= horizon; k++) factors[k] = Math.pow(1 + discountRate, -k);
  const discounted = new Float64Array(G);
  const total = new Float64Array(G);
  const windowDiscounted = new Float64Array(windowAsked ? G : 0);
  const windowTotal = new Float64Array(windowAsked ? G : 0);
  const schedulePurchases = new Float64Array(horizon);
  const scheduleValue = new Float64Array(horizon);
  const purchasesError = new Float64Array(horizon);
  const valueError = new Float64Array(horizon);
  for (let g = 0; g < G; g++) {
    const x = gx[g] as number;
    const tx = gtx[g] as number;
    const T = gT[g] as number;
    const wp = purchaseWeight[g] as number;
    const wv = valueWeight[g] as number;
    let previous = 0;
    let sum = 0;
    let before = 0;
    let windowSum = 0;
    let atTo = 0;
    for (let k = 1; k <= horizon; k++) {
      const current = point.cumulative(x, tx, T, k);
      // The expectation is non-decreasing in t; guard rounding so no period is negative.
      const increment = current > previous ? current - previous : 0;
      const discountedIncrement = increment * (factors[k] as number);
      sum += discountedIncrement;
      if (current > previous) previous = current;
      if (k === windowFrom) before = previous;
      if (k === windowTo) atTo = previous;
      if (k > windowFrom && k <= windowTo) windowSum += discountedIncrement;
      // Neumaier's compensated sums over the groups, one per period.
      const j = k - 1;
      const a = wp * increment;
      const sp = schedulePurchases[j] as number;
      const tp = sp + a;
      purchasesError[j] = (purchasesError[j] as number) + (Math.abs(sp) >= Math.abs(a) ? sp - tp + a : a - tp + sp);
      schedulePurchases[j] = tp;
      const v = wv * increment;
      const sv = scheduleValue[j] as number;
      const tv = sv + v;
      valueError[j] = (valueError[j] as number) + (Math.abs(sv) >= Math.abs(v) ? sv - tv + v : v - tv + sv);
      scheduleValue[j] = tv;
    }
    discounted[g] = sum;
    total[g] = previous;
    if (windowAsked) {
      windowDiscounted[g] = windowSum;
      windowTotal[g] = atTo - before;
    }
  }
  // Pass C, per customer.
  const clv = new Float64Array(n);
  const expectedPurchases = new Float64Array(n);
  const windowClv = new Float64Array(windowAsked ? n : 0);
  const windowPurchases = new Float64Array(windowAsked ? n : 0);
  for (let i = 0; i < n; i++) {
    const g = groups.groupOf[i] as number;
    const scale = continuous ? (probabilityAlive[i] as number) : 1;
    const value = margin * (expectedSpend[i] as number) * scale;
    expectedPurchases[i] = scale * (total[g] as number);
    clv[i] = requireFiniteTotal(FN, 'CLV', value * (discounted[g] as number), undefined, rows.at[i]);
    if (windowAsked) {
      windowClv[i] = value * (windowDiscounted[g] as number);
      windowPurchases[i] = scale * (windowTotal[g] as number);
    }
  }
  const discountedValue = new Float64Array(horizon);
  for (let j = 0; j < horizon; j++) {
    schedulePurchases[j] = (schedulePurchases[j] as number) + (purchasesError[j] as number);
    scheduleValue[j] = requireFiniteTotal(FN, 'scheduled value', (scheduleValue[j] as number) + (valueError[j] as number));
    discountedValue[j] = (scheduleValue[j] as number) * (factors[j + 1] as number);
  }
  return Object.freeze({
    index,
    clv,
    expectedPurchases,
    expectedSpend,
    probabilityAlive,
    total: requireFiniteTotal(FN, 'total CLV', preciseSum(clv)),
    schedule: Object.freeze({ expectedPurchases: schedulePurchases, value: scheduleValue, discountedValue }),
    window: windowAsked ? Object.freeze({ from: windowFrom, to: windowTo, clv: windowClv, expectedPurchases: windowPurchases }) : undefined,
    intervals:
      draws === 0
        ? undefined
        : parameterIntervals({
            model: m,
            params,
            gammaGamma: useGammaGamma ? (gammaGamma as GammaGammaParams) : undefined,
            continuous,
            periodLength,
            rows,
            groups,
            horizon,
            factors,
            margin,
            expectedSpend,
            level,
            draws,
            seed,
          }),
    skipped: rows.skipped,
    periodLength,
  });
}
