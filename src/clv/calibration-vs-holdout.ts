import type { ModelFit, ModelName } from '../models/model';
import type { Accessor, Values } from '../models/values';
import type { CustomerHistory, CustomerHistoryAccessors } from './customer-history';
import type { ContinuousTransactionModel } from './model';
import { groupRows } from '../internal/group-rows';
import { readOptions, optionKeys, requireAccessor } from '../internal/options';
import { cutLabel, readValidationRows, requireContinuousModel, requireMaxFrequency } from './validation-rows';
import { fail } from '../internal/validate';

/** One customer as {@link calibrationVsHoldout} reads them: a calibration history and its holdout; a `summarizeTransactions` holdout row is one. */
export interface CalibrationVsHoldoutCustomer extends CustomerHistory {
  /** Purchases (repeat purchase periods) in the holdout window, a whole number ≥ 0. */
  readonly holdoutFrequency: number;
  /** Length of the holdout window, ≥ 0, in the model's time unit. */
  readonly holdoutDuration: number;
}

/** Accessors reading a customer's calibration history and holdout from any record type. */
export interface CalibrationVsHoldoutAccessors<D> extends CustomerHistoryAccessors<D> {
  /** Holdout purchases of a record. */
  readonly holdoutFrequency: Accessor<D, number | null | undefined>;
  /** Holdout length of a record, in the model's time unit. */
  readonly holdoutDuration: Accessor<D, number | null | undefined>;
}

/** Settings of {@link calibrationVsHoldout} that do not depend on the record type. */
export interface CalibrationVsHoldoutSettings<D> {
  /**
   * Calibration frequencies from this one on are pooled into one group, labelled `7+`: a whole
   * number from 1 to 1,000. Default 7 (groups 0, 1, …, 6, 7+, as in Fader, Hardie & Lee 2005, Fig. 4).
   */
  readonly maxFrequency?: number;
  /** The number of customers a row stands for, ≥ 0 (a grouped row). Default: every row is one customer. */
  readonly weight?: Accessor<D, number | null | undefined>;
}

/**
 * Options of {@link calibrationVsHoldout}: the settings, plus accessors — optional for
 * {@link CalibrationVsHoldoutCustomer} rows, required for any other record type.
 */
export type CalibrationVsHoldoutOptions<D> = CalibrationVsHoldoutSettings<D> &
  ([D] extends [CalibrationVsHoldoutCustomer] ? Partial<CalibrationVsHoldoutAccessors<D>> : CalibrationVsHoldoutAccessors<D>);

/** One calibration-frequency group of {@link CalibrationVsHoldoutResult}. */
export interface CalibrationVsHoldoutGroup {
  /** Calibration repeat purchases x of the group (the lower bound of the pooled last group). */
  readonly frequency: number;
  /** `'0'`, `'1'`, …, and `'7+'` for the pooled last group. */
  readonly label: string;
  /** Customers in the group (the sum of their weights). */
  readonly customers: number;
  /** Mean conditional expected holdout purchases E[Y(t*) | x, tₓ, T]; `undefined` for an empty group. */
  readonly expected: number | undefined;
  /** Mean actual holdout purchases; `undefined` for an empty group. */
  readonly actual: number | undefined;
}

/**
 * Error metrics of the per-customer predictions against the holdout actuals (weighted by the
 * customers each row stands for). Every field is `undefined` when there are no customers.
 */
export interface HoldoutErrors {
  /** Mean absolute error Σ w|pᵢ − aᵢ| / Σ w, in purchases per customer. */
  readonly mae: number | undefined;
  /** Root mean squared error √(Σ w (pᵢ − aᵢ)² / Σ w), in purchases per customer. */
  readonly rmse: number | undefined;
  /**
   * Aggregate error (Σ pᵢ − Σ aᵢ)/Σ aᵢ as a proportion (−0.05: the model forecasts 5 % fewer
   * purchases than happened); `undefined` when nobody purchased in the holdout.
   */
  readonly aggregateError: number | undefined;
  /** Pearson correlation of pᵢ and aᵢ; `undefined` when either is constant. */
  readonly correlation: number | undefined;
}

/** What {@link calibrationVsHoldout} returns. Frozen; the arrays are fresh and owned by the caller. */
export interface CalibrationVsHoldoutResult {
  /** One group per calibration frequency 0, 1, …, `maxFrequency` − 1, then the pooled `maxFrequency+`, empty groups included. */
  readonly groups: readonly CalibrationVsHoldoutGroup[];
  /** Customers compared (the sum of the weights). */
  readonly customers: number;
  /** Σ expected holdout purchases over every customer. */
  readonly expectedTotal: number;
  /** Σ actual holdout purchases over every customer. */
  readonly actualTotal: number;
  /** MAE, RMSE, aggregate error and correlation of the per-customer predictions. */
  readonly errors: HoldoutErrors;
  /** Input position of each customer compared. */
  readonly index: Uint32Array;
  /** Each customer's conditional expected holdout purchases, aligned with `index`. */
  readonly expected: Float64Array;
  /** Rows skipped because they, or one of their fields, were `null`/`undefined`. */
  readonly skipped: number;
}

const FN = 'calibrationVsHoldout';

/**
 * Conditional expectations against the holdout: for customers grouped by their calibration
 * frequency (0, 1, …, pooled 7+), the mean expected purchases in the holdout given their
 * calibration history, against the mean they actually made — the "conditional expectations"
 * figure of the customer-base papers — with MAE, RMSE, aggregate error and correlation of the
 * per-customer predictions.
 *
 * ```text
 * pᵢ        = E[Y(t*ᵢ) | xᵢ, tₓᵢ, Tᵢ]  (the model's conditional expectation over the holdout length t*ᵢ)
 * group k   = { i : xᵢ = k }, k < K;  group K+ = { i : xᵢ ≥ K }
 * expected  = Σ_group wᵢ pᵢ / Σ_group wᵢ           actual = Σ_group wᵢ aᵢ / Σ_group wᵢ
 * MAE       = Σ wᵢ |pᵢ − aᵢ| / Σ wᵢ                RMSE   = √(Σ wᵢ (pᵢ − aᵢ)² / Σ wᵢ)
 * aggregate = (Σ wᵢ pᵢ − Σ wᵢ aᵢ) / Σ wᵢ aᵢ         correlation = weighted Pearson r(p, a)
 * ```
 *
 * The error metrics are part of the result, not a separate function: they compare the same
 * per-customer predictions, which are costly to compute twice. The predictions are also
 * returned (`expected`, aligned with `index`), for any other metric.
 *
 * Customers with the same (x, T, t*) share the expectation if alive (the costly part), so a
 * million customers take a fraction of a second.
 *
 * Source: Fader, Hardie & Lee (2005), "Counting your customers" the easy way, *Marketing
 * Science* 24(2), Fig. 4 (BG/NBD on CDNOW: conditional expectations for weeks 40–78);
 * Schmittlein & Peterson (1994), *Marketing Science* 13(1) (the same figure for Pareto/NBD).
 *
 * @param model - The transaction model: {@link bgNbd} or {@link paretoNbd}.
 * @param params - That model's parameters, fitted on the calibration window (its fit will do).
 * @param customers - Customers with `frequency`, `recency`, `T`, `holdoutFrequency` and `holdoutDuration` (or accessors).
 * @param options - `maxFrequency`, `weight`, accessors.
 * @returns The groups, totals, error metrics and per-customer predictions.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite
 *   number; `NEGATIVE_VALUE` for a negative field or weight; `NOT_AN_INTEGER` for a fractional
 *   frequency or holdout frequency; `ORDER_VIOLATION` for recency > T; `INCONSISTENT_INPUT` for
 *   a recency inconsistent with the frequency, or a fit of another model than `model`;
 *   `OUT_OF_RANGE` for a parameter ≤ 0, a `maxFrequency` outside 1–1,000, an expectation the
 *   model cannot compute accurately, or totals beyond a double (holdout frequencies or weights
 *   near 1e308); `INVALID_INPUT` for a `model` that is not a continuous-time
 *   transaction model or `customers` that is not a collection; `INVALID_OPTION` for options that
 *   are not a plain object, an unknown option key or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { bgNbd, calibrationVsHoldout } from 'cx-metrics/clv';
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // BG/NBD on CDNOW, weeks
 * const customers = [
 *   { frequency: 0, recency: 0, T: 38.86, holdoutFrequency: 0, holdoutDuration: 39 },
 *   { frequency: 0, recency: 0, T: 32.71, holdoutFrequency: 1, holdoutDuration: 39 },
 *   { frequency: 2, recency: 30.43, T: 38.86, holdoutFrequency: 1, holdoutDuration: 39 },
 *   { frequency: 9, recency: 37, T: 38, holdoutFrequency: 6, holdoutDuration: 39 },
 * ];
 * const result = calibrationVsHoldout(bgNbd, params, customers, { maxFrequency: 2 });
 * result.groups.map((g) => g.label); // => ['0', '1', '2+']
 * result.groups.map((g) => g.customers); // => [2, 0, 2]
 * result.groups[0]; // => { frequency: 0, label: '0', customers: 2, expected: 0.2095, actual: 0.5 }
 * result.groups[1]; // => { frequency: 1, label: '1', customers: 0, expected: undefined, actual: undefined }
 * result.errors; // => { mae: 0.328, rmse: 0.42, aggregateError: -0.03, correlation: 0.986 }
 * calibrationVsHoldout(bgNbd, params, customers, { maxFrequency: 0 }); // => throws OUT_OF_RANGE
 * ```
 */
export function calibrationVsHoldout<M extends ModelName, P, F extends ModelFit<M, P>, D = CalibrationVsHoldoutCustomer>(
  model: ContinuousTransactionModel<M, P, F>,
  params: NoInfer<P>,
  customers: Values<D>,
  options?: CalibrationVsHoldoutOptions<D>,
): CalibrationVsHoldoutResult {
  const kernel = requireContinuousModel(FN, model, params);
  const settings = readOptions(
    FN,
    options,
    optionKeys<CalibrationVsHoldoutSettings<D> & CalibrationVsHoldoutAccessors<D>>({
      maxFrequency: true,
      weight: true,
      frequency: true,
      recency: true,
      T: true,
      holdoutFrequency: true,
      holdoutDuration: true,
    }),
  ) as CalibrationVsHoldoutSettings<D> & Partial<CalibrationVsHoldoutAccessors<D>>;
  for (const key of ['weight', 'frequency', 'recency', 'T', 'holdoutFrequency', 'holdoutDuration'] as const) requireAccessor(FN, key, settings[key]);
  const top = requireMaxFrequency(FN, settings.maxFrequency);
  const rows = readValidationRows(
    FN,
    customers,
    [
      { name: 'frequency', read: settings.frequency, kind: 'count' },
      { name: 'recency', read: settings.recency, kind: 'nonNegative' },
      { name: 'T', read: settings.T, kind: 'nonNegative' },
      { name: 'holdoutFrequency', read: settings.holdoutFrequency, kind: 'count' },
      { name: 'holdoutDuration', read: settings.holdoutDuration, kind: 'nonNegative' },
    ],
    settings.weight,
  );
  const [x, tx, T, actual, duration] = rows.columns as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const n = rows.length;
  const w = rows.weight;
  // The expectation if alive depends on (x, T, t*) only: once per distinct triple.
  // (Rows of weight 0 get no group: their expectation is computed on its own.)
  const triples = groupRows([x, T, duration], w, n);
  const [gx, gT, gt] = triples.keys as [Float64Array, Float64Array, Float64Array];
  const ifAlive = new Float64Array(triples.size);
  for (let g = 0; g < triples.size; g++) ifAlive[g] = kernel.expectedIfAlive(gx[g] as number, gT[g] as number, gt[g] as number);

  const expected = new Float64Array(n);
  const index = new Uint32Array(n);
  const groupW = new Float64Array(top + 1);
  const groupP = new Float64Array(top + 1);
  const groupA = new Float64Array(top + 1);
  let sw = 0;
  let sp = 0;
  let sa = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const g = triples.groupOf[i] as number;
    const ifAliveI = g >= 0 ? (ifAlive[g] as number) : kernel.expectedIfAlive(xi, T[i] as number, duration[i] as number);
    const p = kernel.probabilityAlive(xi, tx[i] as number, T[i] as number) * ifAliveI;
    expected[i] = p;
    index[i] = rows.at[i] as number;
    const wi = w[i] as number;
    const k = xi < top ? xi : top;
    groupW[k] = (groupW[k] as number) + wi;
    groupP[k] = (groupP[k] as number) + wi * p;
    groupA[k] = (groupA[k] as number) + wi * (actual[i] as number);
    sw += wi;
    sp += wi * p;
    sa += wi * (actual[i] as number);
  }
  // Holdout counts or weights near the largest double (1e308) overflow the totals: an error, not an Infinity.
  if (!(Math.abs(sw) + Math.abs(sp) + Math.abs(sa) < Infinity)) {
    throw fail('OUT_OF_RANGE', FN, 'the total customers, expected or actual holdout purchases are beyond a double (weights or holdout frequencies near 1e308)', { field: 'holdoutFrequency' });
  }
  const groups: CalibrationVsHoldoutGroup[] = [];
  for (let k = 0; k <= top; k++) {
    const c = groupW[k] as number;
    groups.push(
      Object.freeze({
        frequency: k,
        label: cutLabel(k, top),
        customers: c,
        expected: c > 0 ? (groupP[k] as number) / c : undefined,
        actual: c > 0 ? (groupA[k] as number) / c : undefined,
      }),
    );
  }
  return Object.freeze({
    groups: Object.freeze(groups),
    customers: sw,
    expectedTotal: sp,
    actualTotal: sa,
    errors: holdoutErrors(expected, actual, w, n, sw, sp, sa),
    index,
    expected,
    skipped: rows.skipped,
  });
}

/** The weighted error metrics of predictions `p` against actuals `a` (sums already taken). */
function holdoutErrors(p: Float64Array, a: Float64Array, w: Float64Array, n: number, sw: number, sp: number, sa: number): HoldoutErrors {
  if (!(sw > 0)) return Object.freeze({ mae: undefined, rmse: undefined, aggregateError: undefined, correlation: undefined });
  const plain = holdoutErrorSums(p, a, w, n, sw, sp, sa, 1);
  // Squares of values near 1e308 overflow where the metrics do not: sum them scaled by the largest value then.
  let largest = 0;
  if (!(plain.abs + plain.sq + plain.vp + plain.va + plain.vp * plain.va < Infinity)) for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(p[i] as number), Math.abs(a[i] as number));
  const { abs, sq, cov, vp, va, scale } = largest > 0 ? holdoutErrorSums(p, a, w, n, sw, sp, sa, 1 / largest) : plain;
  const r = vp > 0 && va > 0 ? cov / Math.sqrt(vp * va) : undefined;
  return Object.freeze({
    mae: abs / sw / scale,
    rmse: Math.sqrt(sq / sw) / scale,
    aggregateError: sa > 0 ? (sp - sa) / sa : undefined,
    correlation: r === undefined ? undefined : Math.max(-1, Math.min(1, r)),
  });
}

/** The weighted sums behind {@link holdoutErrors}, of the predictions and actuals multiplied by `scale`. */
function holdoutErrorSums(p: Float64Array, a: Float64Array, w: Float64Array, n: number, sw: number, sp: number, sa: number, scale: number) {
  const mp = (sp / sw) * scale;
  const ma = (sa / sw) * scale;
  let abs = 0;
  let sq = 0;
  let cov = 0;
  let vp = 0;
  let va = 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i] as number;
    const pi = (p[i] as number) * scale;
    const ai = (a[i] as number) * scale;
    const e = pi - ai;
    abs += wi * Math.abs(e);
    sq += wi * e * e;
    cov += wi * (pi - mp) * (ai - ma);
    vp += wi * (pi - mp) * (pi - mp);
    va += wi * (ai - ma) * (ai - ma);
  }
  return { abs, sq, cov, vp, va, scale };
}
