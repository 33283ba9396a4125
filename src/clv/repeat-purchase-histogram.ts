import type { ModelFit, ModelName } from '../models/model';
import type { Accessor, Values } from '../models/values';
import type { CustomerHistory } from './customer-history';
import type { ContinuousTransactionModel } from './model';
import { chiSquareSurvival } from '../internal/chi-square';
import { groupRows } from '../internal/group-rows';
import { readOptions, optionKeys, requireAccessor } from '../internal/options';
import { describeValue, fail } from '../internal/validate';
import { cutLabel, readValidationRows, requireContinuousModel, requireMaxFrequency } from './validation-rows';

/** Accessors reading the two fields {@link repeatPurchaseHistogram} needs from any record type. */
export interface RepeatPurchaseHistogramAccessors<D> {
  /** Calibration repeat purchases x of a record. */
  readonly frequency: Accessor<D, number | null | undefined>;
  /** Age T of a record (first purchase to the end of calibration), in the model's time unit. */
  readonly T: Accessor<D, number | null | undefined>;
}

/** Settings of {@link repeatPurchaseHistogram} that do not depend on the record type. */
export interface RepeatPurchaseHistogramSettings<D> {
  /**
   * The censored top cell: frequencies from this one on are counted together (`7+`). A whole
   * number from 1 to 1,000. Default 7 (cells 0, 1, …, 6, 7+, as in Fader, Hardie & Lee 2005, Fig. 3).
   */
  readonly maxFrequency?: number;
  /** The number of customers a row stands for, ≥ 0 (a grouped row). Default: every row is one customer. */
  readonly weight?: Accessor<D, number | null | undefined>;
}

/**
 * Options of {@link repeatPurchaseHistogram}: the settings, plus the `frequency` and `T`
 * accessors — optional for {@link CustomerHistory} rows, required for any other record type.
 */
export type RepeatPurchaseHistogramOptions<D> = RepeatPurchaseHistogramSettings<D> &
  ([D] extends [Pick<CustomerHistory, 'frequency' | 'T'>] ? Partial<RepeatPurchaseHistogramAccessors<D>> : RepeatPurchaseHistogramAccessors<D>);

/** One cell of the histogram. */
export interface RepeatPurchaseHistogramCell {
  /** Repeat purchases of the cell (the lower bound of the censored top cell). */
  readonly frequency: number;
  /** `'0'`, `'1'`, …, `'7+'` (the censored top cell); for pooled χ² cells `'4–5'` or `'5+'`. */
  readonly label: string;
  /** Customers observed with this many repeat purchases (the sum of their weights). */
  readonly observed: number;
  /** Customers the model expects: Σᵢ wᵢ P(X(Tᵢ) = n) (for the top cell, P(X(Tᵢ) ≥ n)). */
  readonly expected: number;
}

/** The χ² goodness-of-fit test of {@link RepeatPurchaseHistogramResult}. */
export interface RepeatPurchaseHistogramChiSquare {
  /** Σ (observed − expected)² / expected over the pooled cells; `undefined` without customers. */
  readonly statistic: number | undefined;
  /** Pooled cells − 1 − the model's number of parameters (may be ≤ 0: then no p-value). */
  readonly df: number;
  /** P(χ²_df ≥ statistic); `undefined` when df < 1 or there are no customers. */
  readonly pValue: number | undefined;
  /** The cells the statistic is computed over, after pooling (see {@link repeatPurchaseHistogram}). */
  readonly cells: readonly RepeatPurchaseHistogramCell[];
}

/** What {@link repeatPurchaseHistogram} returns. Frozen. */
export interface RepeatPurchaseHistogramResult {
  /** Cells 0, 1, …, `maxFrequency` − 1 and the censored `maxFrequency+`. */
  readonly cells: readonly RepeatPurchaseHistogramCell[];
  /** The χ² test over the cells pooled so that every expected count is ≥ 5. */
  readonly chiSquare: RepeatPurchaseHistogramChiSquare;
  /** Customers counted (the sum of the weights). */
  readonly customers: number;
  /** Rows skipped because they, or one of their fields, were `null`/`undefined`. */
  readonly skipped: number;
}

const FN = 'repeatPurchaseHistogram';

/** Smallest expected count of a χ² cell. */
const MIN_EXPECTED = 5;

function rangeLabel(lo: number, hi: number, top: number): string {
  if (hi === top) return `${lo}+`;
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

/**
 * Observed against expected numbers of customers by calibration repeat purchases (0, 1, …, a
 * censored 7+), each customer with their own observation length T, with the χ² goodness-of-fit
 * test of the model on that histogram.
 *
 * ```text
 * expected(n)  = Σᵢ wᵢ · P(X(Tᵢ) = n)                 n < K      (the door's purchaseCountProbability)
 * expected(K+) = Σᵢ wᵢ · (1 − Σ_{n<K} P(X(Tᵢ) = n))
 * χ²           = Σ_cells (O − E)² / E     over the pooled cells
 * df           = pooled cells − 1 − number of parameters;     p = P(χ²_df ≥ χ²)
 * ```
 *
 * Pooling rule: the cells are merged from the top (the censored K+ cell) downwards: a pooled
 * cell keeps absorbing the next lower cell until its expected count reaches 5, then a new one
 * starts; a remainder below 5 left at the bottom joins the pooled cell above it. The cells
 * with many customers (0, 1, …) therefore stay single, and every pooled cell expects ≥ 5
 * customers (unless all customers together expect fewer than 5: then there is one cell and no
 * p-value). The parameters are estimated from the individual-level likelihood, not from this
 * histogram, so the χ² reference distribution is approximate (df lies between cells − 1 − k
 * and cells − 1; Chernoff & Lehmann 1954); the customer-base papers use cells − 1 − k.
 *
 * The probability is computed once per distinct T, so a million customers on a daily grid of
 * T take milliseconds. Models whose descriptor lacks `purchaseCountProbability` are refused.
 *
 * Source: Fader, Hardie & Lee (2005), "Counting your customers" the easy way, *Marketing
 * Science* 24(2), eq. 8 and Fig. 3 (BG/NBD on CDNOW, cells 0–6 and 7+); Chernoff & Lehmann
 * (1954), *Annals of Mathematical Statistics* 25(3).
 *
 * @param model - The transaction model: {@link bgNbd} (any descriptor with `purchaseCountProbability`).
 * @param params - That model's parameters (its fit will do).
 * @param customers - Customers with `frequency` and `T` (or accessors).
 * @param options - `maxFrequency`, `weight`, accessors.
 * @returns The cells, the χ² test, and the counts.
 * @throws {@link models!CxMetricsError} `INVALID_INPUT` for a `model` without
 *   `purchaseCountProbability` or that is not a continuous-time transaction model, or
 *   `customers` that is not a collection; `INVALID_NUMBER` for a value that is not a finite
 *   number; `NEGATIVE_VALUE` for a negative field or weight; `NOT_AN_INTEGER` for a fractional
 *   frequency; `INCONSISTENT_INPUT` for a fit of another model than `model`; `OUT_OF_RANGE` for
 *   a parameter ≤ 0 or a `maxFrequency` outside 1–1,000; `INVALID_OPTION` for options that are
 *   not a plain object, an unknown option key or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { bgNbd, repeatPurchaseHistogram } from 'cx-metrics/clv';
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // BG/NBD on CDNOW, weeks
 * // 2,357 customers observed 32 weeks each, grouped by repeat purchases (the last row: 7 or more):
 * const counts = [1411, 439, 214, 100, 62, 38, 29, 64];
 * const rows = counts.map((customers, x) => ({ frequency: x, T: 32, customers }));
 * const result = repeatPurchaseHistogram(bgNbd, params, rows, { weight: (d) => d.customers });
 * result.cells.map((c) => c.label); // => ['0', '1', '2', '3', '4', '5', '6', '7+']
 * result.cells.map((c) => Math.round(c.expected)); // => [1411, 460, 192, 101, 59, 38, 25, 70]
 * result.chiSquare.statistic; // => 4.69
 * result.chiSquare.df; // => 3
 * result.chiSquare.pValue; // => 0.196
 * repeatPurchaseHistogram(bgNbd, params, rows, { weight: (d) => d.customers, maxFrequency: 0 }); // => throws OUT_OF_RANGE
 * ```
 */
export function repeatPurchaseHistogram<M extends ModelName, P, F extends ModelFit<M, P>, D = CustomerHistory>(
  model: ContinuousTransactionModel<M, P, F>,
  params: NoInfer<P>,
  customers: Values<D>,
  options?: RepeatPurchaseHistogramOptions<D>,
): RepeatPurchaseHistogramResult {
  requireContinuousModel(FN, model, params);
  const probability = model.purchaseCountProbability;
  if (typeof probability !== 'function') {
    throw fail('INVALID_INPUT', FN, `model ${describeValue(model.model)} has no purchaseCountProbability, which the expected histogram needs`, {
      field: 'model',
      value: model.model,
    });
  }
  const settings = readOptions(
    FN,
    options,
    optionKeys<RepeatPurchaseHistogramSettings<D> & RepeatPurchaseHistogramAccessors<D>>({ maxFrequency: true, weight: true, frequency: true, T: true }),
  ) as RepeatPurchaseHistogramSettings<D> & Partial<RepeatPurchaseHistogramAccessors<D>>;
  for (const key of ['weight', 'frequency', 'T'] as const) requireAccessor(FN, key, settings[key]);
  const top = requireMaxFrequency(FN, settings.maxFrequency);
  const rows = readValidationRows(
    FN,
    customers,
    [
      { name: 'frequency', read: settings.frequency, kind: 'count' },
      { name: 'T', read: settings.T, kind: 'nonNegative' },
    ],
    settings.weight,
  );
  const [x, T] = rows.columns as [Float64Array, Float64Array];
  const n = rows.length;
  const observed = new Float64Array(top + 1);
  let customersTotal = 0;
  for (let i = 0; i < n; i++) {
    const k = Math.min(x[i] as number, top);
    const wi = rows.weight[i] as number;
    observed[k] = (observed[k] as number) + wi;
    customersTotal += wi;
  }
  // P(X(T) = n) once per distinct T, weighted by the customers observed that long.
  const byT = groupRows([T], rows.weight, n);
  const [ts] = byT.keys as [Float64Array];
  const expected = new Float64Array(top + 1);
  for (let g = 0; g < byT.size; g++) {
    const t = ts[g] as number;
    const wg = byT.weights[g] as number;
    let below = 0;
    for (let k = 0; k < top; k++) {
      const pk = probability(params, k, t);
      below += pk;
      expected[k] = (expected[k] as number) + wg * pk;
    }
    expected[top] = (expected[top] as number) + wg * Math.max(0, 1 - below);
  }
  const cells = Array.from({ length: top + 1 }, (_, k) =>
    Object.freeze({ frequency: k, label: cutLabel(k, top), observed: observed[k] as number, expected: expected[k] as number }),
  );
  return Object.freeze({
    cells: Object.freeze(cells),
    chiSquare: chiSquareTest(cells, top, model.parameterNames.length, customersTotal),
    customers: customersTotal,
    skipped: rows.skipped,
  });
}

/** Pool the cells from the top until each expects ≥ 5, then the χ² statistic, df and p-value. */
function chiSquareTest(cells: readonly RepeatPurchaseHistogramCell[], top: number, parameters: number, total: number): RepeatPurchaseHistogramChiSquare {
  if (!(total > 0)) return Object.freeze({ statistic: undefined, df: -parameters, pValue: undefined, cells: Object.freeze([]) });
  // Ranges [lo, hi] of pooled cells, built from the top down.
  const pooled: { lo: number; hi: number; o: number; e: number }[] = [];
  let open: { lo: number; hi: number; o: number; e: number } | undefined;
  for (let k = top; k >= 0; k--) {
    const c = cells[k] as RepeatPurchaseHistogramCell;
    if (open === undefined) open = { lo: k, hi: k, o: 0, e: 0 };
    open.lo = k;
    open.o += c.observed;
    open.e += c.expected;
    if (open.e >= MIN_EXPECTED) {
      pooled.push(open);
      open = undefined;
    }
  }
  if (open !== undefined) {
    const last = pooled[pooled.length - 1];
    if (last === undefined) pooled.push(open);
    else {
      last.lo = open.lo;
      last.o += open.o;
      last.e += open.e;
    }
  }
  pooled.reverse();
  let statistic = 0;
  for (const c of pooled) if (c.e > 0) statistic += ((c.o - c.e) * (c.o - c.e)) / c.e;
  const df = pooled.length - 1 - parameters;
  return Object.freeze({
    statistic,
    df,
    pValue: df >= 1 ? chiSquareSurvival(statistic, df) : undefined,
    cells: Object.freeze(pooled.map((c) => Object.freeze({ frequency: c.lo, label: rangeLabel(c.lo, c.hi, top), observed: c.o, expected: c.e }))),
  });
}
