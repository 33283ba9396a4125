import type { ModelFit, ModelName } from '../models/model';
import type { TimeUnit } from '../models/time';
import { UNIT_MILLISECONDS } from '../models/time';
import type { Accessor, Values } from '../models/values';
import type { CustomerHistory, CustomerHistoryAccessors } from './customer-history';
import type { GammaGammaParams } from './gamma-gamma/gamma-gamma-params';
import type { ContinuousTransactionModel } from './model';
import { requireTimeUnit } from '../internal/calendar';
import { gammaGammaMean, requireGammaGammaParams } from './gamma-gamma/spend';
import { groupRows } from '../internal/group-rows';
import { preciseSum } from '../internal/sum';
import { describeValue, fail, requireCount, requireFiniteTotal, requireNonNegative, requireProportion } from '../internal/validate';
import { requireValues } from '../internal/input';
import { readOptions, requireAccessor } from '../internal/options';
import { readRfmRows } from './rfm-rows';

/** One customer as {@link predictClv} reads them: a history and its mean spend; a `summarizeTransactions` row is one. */
export interface PredictClvCustomer extends CustomerHistory {
  /** z̄, the mean value of the repeat purchases (ignored when x = 0). */
  readonly monetaryValue: number;
}

/** Accessors reading a customer's fields from any record type: the history's, and the mean spend's. */
export interface PredictClvAccessors<D> extends CustomerHistoryAccessors<D> {
  /** Mean repeat purchase value z̄ of a record. */
  readonly monetaryValue: Accessor<D, number | null | undefined>;
}

/** Settings of {@link predictClv} that do not depend on the record type. */
export interface PredictClvSettings {
  /** The unit the customers' `recency` and `T` (and the model's fit) are in, e.g. `'week'`. Required. */
  readonly timeUnit: TimeUnit;
  /** Number of future periods to value, a whole number from 0 to 10,000 (e.g. `12`). Required. */
  readonly horizon: number;
  /** The unit of one period of the horizon, e.g. `'month'`. Required. */
  readonly horizonUnit: TimeUnit;
  /**
   * Discount rate per `horizonUnit` period, ≥ 0 (e.g. 0.01 a month ≈ 12.7 % a year). Each
   * period's value is discounted by (1 + rate)^k, k = 1 for the first period (end-of-period
   * discounting). Default 0.
   */
  readonly discountRate?: number;
  /** Profit margin applied to revenue, a proportion in [0, 1]. Default 1 (the CLV is revenue). */
  readonly margin?: number;
}

/**
 * Options of {@link predictClv}: the settings, plus accessors — optional for
 * {@link PredictClvCustomer} rows, required for any other record type.
 */
export type PredictClvOptions<D> = PredictClvSettings &
  ([D] extends [PredictClvCustomer] ? Partial<PredictClvAccessors<D>> : PredictClvAccessors<D>);

/**
 * Per-customer predictions, as columns aligned with `index` (the input position of each
 * predicted customer; customers skipped for missing values are absent). The arrays are
 * fresh and owned by the caller.
 */
export interface PredictClvResult {
  /** Input position of each predicted customer. */
  readonly index: Uint32Array;
  /** Discounted expected margin over the horizon, in the currency of `monetaryValue`. */
  readonly clv: Float64Array;
  /** Expected purchases over the whole horizon (undiscounted), E[Y(horizon) | x, tₓ, T], from the transaction model. */
  readonly expectedPurchases: Float64Array;
  /** Expected value per purchase from the Gamma-Gamma model. */
  readonly expectedSpend: Float64Array;
  /** P(alive | x, tₓ, T) from the transaction model. */
  readonly probabilityAlive: Float64Array;
  /** Σ clv over the customers (compensated summation). */
  readonly total: number;
  /** Customers skipped because they, or one of their fields, were `null`/`undefined`. */
  readonly skipped: number;
  /** Length of one horizon period in `timeUnit`: UNIT_MILLISECONDS[horizonUnit] / UNIT_MILLISECONDS[timeUnit]. */
  readonly periodLength: number;
}

const FN = 'predictClv';

/**
 * Largest `horizon` accepted: 10,000 periods (over 27 years of days, 833 years of months). Every
 * period is valued separately, so a longer horizon is refused with `OUT_OF_RANGE` rather than
 * allocated and looped over.
 */
const MAX_HORIZON_PERIODS = 10_000;

/**
 * Probabilistic customer lifetime value with any transaction model: for each customer, the
 * expected purchases in each future period from the model (e.g. {@link bgNbd} or
 * {@link paretoNbd}, with their fitted parameters), times the expected spend per purchase from
 * Gamma-Gamma, times the margin, discounted per period.
 *
 * ```text
 * L     = UNIT_MILLISECONDS[horizonUnit] / UNIT_MILLISECONDS[timeUnit]   (period length in data units)
 * E(t)  = E[Y(t) | x, tₓ, T] = P(alive | x, tₓ, T) · E[Y(t) | alive, x, T]   (the model's)
 * CLV   = margin · E[Z | z̄, x] · Σ_{k=1..H} (E(kL) − E((k−1)L)) / (1 + d)^k
 * ```
 *
 * The model is passed as its descriptor, so only the models you import are bundled; `params`
 * must be that model's (a fit of another model is refused with `INCONSISTENT_INPUT`).
 *
 * Discounting is at the end of each period, as in `lifetimes`' `customer_lifetime_value`
 * (discount rate per period), but the period length comes from the documented
 * {@link models!UNIT_MILLISECONDS} constants (a month is 30.436875 days, a week to month ratio of
 * 4.348125), never from a hidden 30-day month. The model assumes spend independent of the
 * purchase process (check `frequencySpendCorrelation` of the Gamma-Gamma fit). Customers with
 * the same (x, T) share the expectation if alive (the model's costly part, e.g. BG/NBD's
 * hypergeometric series), so a million customers take about half a second.
 *
 * Source: Fader, Hardie & Lee (2005), RFM and CLV, *J. Marketing Research* 42(4) (CLV as
 * expected transactions × expected spend × margin, discounted); BG/NBD eq. 10 from Fader,
 * Hardie & Lee (2005), *Marketing Science* 24(2); Pareto/NBD eq. 22 of Fader & Hardie (2005),
 * *A note on deriving the Pareto/NBD model*; Gamma-Gamma mean from Fader & Hardie (2013).
 *
 * @param model - The transaction model: {@link bgNbd} or {@link paretoNbd}.
 * @param params - That model's parameters fitted in `timeUnit` (its fit will do).
 * @param gammaGamma - Gamma-Gamma parameters (a {@link GammaGammaFit} will do).
 * @param customers - Customers with `frequency`, `recency`, `T` and `monetaryValue` (or accessors).
 * @param options - `timeUnit`, `horizon`, `horizonUnit`, `discountRate`, `margin`, accessors.
 * @returns Columns of CLV, expected purchases, expected spend and P(alive) per customer.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `INCONSISTENT_INPUT` for a fit of another model than `model`; `INVALID_INPUT` for a
 *   `model` that is not a transaction model descriptor;
 *   `OUT_OF_RANGE` for a parameter ≤ 0, a margin outside [0, 1], or a Gamma-Gamma model with
 *   no finite mean (p·x + q ≤ 1), a horizon of more than 10,000 periods (use a longer `horizonUnit`), an
 *   expectation that cannot be computed to 1e-10 (not met in tests over every parameter in
 *   [e^−30, e^30]), or a CLV beyond a double; `NEGATIVE_VALUE` for a negative field, horizon or discount
 *   rate; `NOT_AN_INTEGER` for a fractional frequency or horizon; `ORDER_VIOLATION` for
 *   recency > T; `INCONSISTENT_INPUT` for a recency inconsistent with the frequency;
 *   `INVALID_OPTION` for an unknown unit.
 *   `INVALID_INPUT` when `customers` is not an array, a typed array or an iterable; `INVALID_OPTION`
 *   for options that are not a plain object, an unknown option key (the near miss is suggested:
 *   `levle` → `level`) or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { bgNbd, paretoNbd, predictClv } from 'cx-metrics/clv';
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // BG/NBD on CDNOW, fitted in weeks
 * const gammaGamma = { p: 6.25, q: 3.74, gamma: 15.44 };
 * const result = predictClv(
 *   bgNbd,
 *   params,
 *   gammaGamma,
 *   [
 *     { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 },
 *     { frequency: 0, recency: 0, T: 38.86, monetaryValue: 0 },
 *   ],
 *   { timeUnit: 'week', horizon: 12, horizonUnit: 'month', discountRate: 0.01, margin: 0.3 },
 * );
 * // One month is 30.436875 / 7 weeks (mean Gregorian month):
 * result.periodLength; // => 4.348125
 * Array.from(result.clv); // => [10.89, 2.51]
 * Array.from(result.probabilityAlive); // => [0.7266, 1]
 * Array.from(result.expectedSpend); // => [24.66, 35.22]
 * // Any transaction model, e.g. Pareto/NBD fitted on the same data:
 * const pareto = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
 * const customer = { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 };
 * predictClv(paretoNbd, pareto, gammaGamma, [customer], { timeUnit: 'week', horizon: 12, horizonUnit: 'month' }).total; // => 45.78
 * predictClv(bgNbd, params, gammaGamma, [], { timeUnit: 'week', horizon: 12, horizonUnit: 'fortnight' as 'week' }); // => throws INVALID_OPTION
 * ```
 */
export function predictClv<M extends ModelName, P, F extends ModelFit<M, P>, D = PredictClvCustomer>(
  model: ContinuousTransactionModel<M, P, F>,
  params: NoInfer<P>,
  gammaGamma: GammaGammaParams,
  customers: Values<D>,
  options: PredictClvOptions<D>,
): PredictClvResult {
  if (model === null || typeof model !== 'object' || typeof model.kernel !== 'function') {
    throw fail('INVALID_INPUT', FN, `model ${describeValue(model)} is not a transaction model (pass bgNbd or paretoNbd)`, { field: 'model', value: model });
  }
  const fitted = params !== null && typeof params === 'object' ? (params as { readonly model?: unknown }).model : undefined;
  if (fitted !== undefined && fitted !== model.model) {
    throw fail('INCONSISTENT_INPUT', FN, `params are a ${describeValue(fitted)} fit but the model is ${describeValue(model.model)}`, { field: 'params', value: fitted });
  }
  const kernel = model.kernel(FN, params);
  const [p, q, gamma] = requireGammaGammaParams(FN, gammaGamma);
  const settings = readOptions(FN, options, ['timeUnit', 'horizon', 'horizonUnit', 'discountRate', 'margin', 'frequency', 'recency', 'T', 'monetaryValue']) as PredictClvSettings &
    Partial<PredictClvAccessors<D>>;
  for (const key of ['frequency', 'recency', 'T', 'monetaryValue'] as const) requireAccessor(FN, key, settings[key]);
  requireValues(FN, 'customers', customers);
  const timeUnit = requireTimeUnit(FN, 'timeUnit', settings.timeUnit);
  const horizonUnit = requireTimeUnit(FN, 'horizonUnit', settings.horizonUnit);
  const horizon = requireCount(FN, 'horizon', settings.horizon);
  const discountRate = settings.discountRate === undefined ? 0 : requireNonNegative(FN, 'discountRate', settings.discountRate);
  const margin = settings.margin === undefined ? 1 : requireProportion(FN, 'margin', settings.margin);
  const periodLength = UNIT_MILLISECONDS[horizonUnit] / UNIT_MILLISECONDS[timeUnit];

  const rows = readRfmRows(FN, customers, settings, { recencyAge: true, monetary: true });
  const n = rows.length;
  // Pass 1, per distinct (x, T): the discounted sum of per-period purchases if alive, and the
  // horizon total. Both depend on x and T only (tₓ enters through P(alive)).
  const ones = new Float64Array(n).fill(1);
  const pairs = groupRows([rows.x, rows.T], ones, n);
  const [px, pT] = pairs.keys as [Float64Array, Float64Array];
  const discounted = new Float64Array(pairs.size);
  const total = new Float64Array(pairs.size);
  if (horizon > MAX_HORIZON_PERIODS) {
    throw fail('OUT_OF_RANGE', FN, `horizon ${describeValue(horizon)} exceeds the limit of ${MAX_HORIZON_PERIODS} periods (each period is valued separately)`, {
      field: 'horizon',
      value: horizon,
    });
  }
  const factors = new Float64Array(horizon + 1);
  for (let k = 1; k <= horizon; k++) factors[k] = Math.pow(1 + discountRate, -k);
  for (let g = 0; g < pairs.size; g++) {
    const x = px[g] as number;
    const T = pT[g] as number;
    let previous = 0;
    let sum = 0;
    for (let k = 1; k <= horizon; k++) {
      const current = kernel.expectedIfAlive(x, T, k * periodLength);
      // The expectation is non-decreasing in t; guard rounding so no period is negative.
      const increment = current > previous ? current - previous : 0;
      sum += increment * (factors[k] as number);
      if (current > previous) previous = current;
    }
    discounted[g] = sum;
    total[g] = previous;
  }
  // Pass 2, per customer.
  const clv = new Float64Array(n);
  const expectedPurchases = new Float64Array(n);
  const expectedSpend = new Float64Array(n);
  const probabilityAlive = new Float64Array(n);
  const index = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const x = rows.x[i] as number;
    const g = pairs.groupOf[i] as number;
    const alive = kernel.probabilityAlive(x, rows.tx[i] as number, rows.T[i] as number);
    const spend = gammaGammaMean(FN, p, q, gamma, x, x === 0 ? 0 : (rows.z[i] as number));
    probabilityAlive[i] = alive;
    expectedSpend[i] = spend;
    expectedPurchases[i] = alive * (total[g] as number);
    clv[i] = requireFiniteTotal(FN, 'CLV', margin * spend * alive * (discounted[g] as number), undefined, rows.at[i]);
    index[i] = rows.at[i] as number;
  }
  return Object.freeze({
    index,
    clv,
    expectedPurchases,
    expectedSpend,
    probabilityAlive,
    total: requireFiniteTotal(FN, 'total CLV', preciseSum(clv)),
    skipped: rows.skipped,
    periodLength,
  });
}

