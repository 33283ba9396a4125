import type { Accessor, Values } from '../../models/values';
import type { SbgFit } from './sbg-params';
import { fitLogScale } from '../../internal/log-scale-fit';
import { newtonPolish } from '../../internal/newton-polish';
import { sbgObjective } from './likelihood';
import { readSbgInput } from './statistics';
import { requireCount, requirePositive } from '../../internal/validate';
import { requireValues } from '../../internal/input';
import { readOptions, requireAccessor } from '../../internal/options';

/** Settings of {@link fitSbg}. */
export interface SbgFitSettings {
  /** Iteration budget of each optimizer phase; default 1000. */
  readonly maxIterations?: number;
}

/** How {@link fitSbg} reads per-customer records; both accessors may return `null`/`undefined` to skip a record. */
export interface SbgCustomerAccessors<D> {
  /** Renewals the customer made (0 = lost at, or still before, the first renewal), a whole number ≥ 0. */
  readonly renewals: Accessor<D, number | null | undefined>;
  /** `true` when the customer did not renew at the next opportunity (churned), `false` when still a customer (right-censored). */
  readonly churned: Accessor<D, boolean | null | undefined>;
}

/** Options of {@link fitSbg} from per-customer records: the settings plus the two accessors. */
export type SbgCustomerFitOptions<D> = SbgFitSettings & SbgCustomerAccessors<D>;

const FN = 'fitSbg';

/**
 * Fit the shifted-beta-geometric (sBG) retention model by maximum likelihood, from the number
 * of customers of a cohort still active after each renewal, or from per-customer renewal
 * counts with right-censoring (customers still active).
 *
 * ```text
 * θ ~ Beta(α, β)                        churn probability at each renewal, across customers
 * P(T = t) = B(α + 1, β + t − 1) / B(α, β)      lost at renewal opportunity t = 1, 2, …
 * S(t)     = B(α, β + t) / B(α, β)              still a customer after t renewals
 * ln L = Σₜ (n₍ₜ₋₁₎ − nₜ) ln P(T = t) + n_T ln S(T)           from survivor counts n₀ … n_T
 * ```
 *
 * The likelihood is maximised over (ln α, ln β) by BFGS (Nelder–Mead fallback) from α = β = 1;
 * standard errors come from the inverse Hessian and the delta method. ln L is evaluated from the
 * product form of S(t), not from differences of ln B values, so it stays exact where those cancel:
 * when retention does not rise (no heterogeneity to fit) the maximum lies at α, β → ∞, and the fit
 * reports the homogeneous geometric log-likelihood with `converged: false`.
 *
 * Source: Fader & Hardie (2007), "How to project customer retention", *Journal of Interactive
 * Marketing* 21(1), 76–90, eqs. (3)–(6). On its Table 1 (1,000 customers, years 1–7) this
 * reproduces the published α = 0.704, β = 1.182 (regular) and α = 0.668, β = 3.806 (high end).
 *
 * @param survivors Survivor counts n₀ (the cohort), n₁, …, n_T: whole numbers, never increasing.
 * @param options `maxIterations` (default 1000).
 * @returns The frozen {@link SbgFit}.
 * @throws `INVALID_NUMBER` (NaN, missing), `NEGATIVE_VALUE`, `NOT_AN_INTEGER` for a bad count;
 *   `INCONSISTENT_INPUT` when a count exceeds the cohort; `ORDER_VIOLATION` when counts increase;
 *   `INSUFFICIENT_DATA` with fewer than two counts or an empty cohort.
 *   `INVALID_INPUT` when `input` is not an array, a typed array or an iterable; `INVALID_OPTION`
 *   for options that are not a plain object, an unknown option key (the near miss is suggested:
 *   `levle` → `level`) or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { fitSbg } from 'cx-metrics/retention';
 * // Fader & Hardie (2007), Table 1, "regular" segment: 1,000 customers, years 0–7.
 * const fit = fitSbg([1000, 631, 468, 382, 326, 289, 262, 241]);
 * fit.alpha; // => 0.704
 * fit.beta; // => 1.182
 * fit.converged; // => true
 * fitSbg([1000, 631, 700]); // => throws ORDER_VIOLATION
 * ```
 */
export function fitSbg(survivors: Values<number>, options?: SbgFitSettings): SbgFit;
/**
 * Fit the sBG model from per-customer records: the renewals each customer made and whether
 * they churned at the next opportunity (`false` = still active, right-censored). Customers
 * acquired at different times simply have different numbers of opportunities.
 *
 * ```text
 * ln L = Σ churned customers ln P(T = renewals + 1) + Σ active customers ln S(renewals)
 * ```
 *
 * @param customers Any records; read through `options.renewals` and `options.churned`.
 * @param options The accessors, and `maxIterations` (default 1000).
 * @returns The frozen {@link SbgFit}.
 * @throws `INVALID_NUMBER`, `NEGATIVE_VALUE`, `NOT_AN_INTEGER` for bad renewals;
 *   `INVALID_RECORD` when `churned` is not a boolean; `INSUFFICIENT_DATA` with no records.
 *   `INVALID_INPUT` when `input` is not an array, a typed array or an iterable; `INVALID_OPTION`
 *   for options that are not a plain object, an unknown option key (the near miss is suggested:
 *   `levle` → `level`) or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { fitSbg } from 'cx-metrics/retention';
 * const customers = [
 *   { renewals: 0, churned: true }, { renewals: 0, churned: true }, { renewals: 1, churned: true },
 *   { renewals: 3, churned: true }, { renewals: 2, churned: false }, { renewals: 4, churned: false },
 * ];
 * const fit = fitSbg(customers, { renewals: (c) => c.renewals, churned: (c) => c.churned });
 * fit.n; // => 6
 * fit.churned; // => 4
 * ```
 */
export function fitSbg<D>(customers: Values<D>, options: SbgCustomerFitOptions<D>): SbgFit;
/**
 * Both forms of {@link fitSbg}: survivor counts, or per-customer records when the `renewals`
 * and `churned` accessors are given.
 *
 * @example
 * ```ts
 * import { fitSbg } from 'cx-metrics/retention';
 * // Fader & Hardie (2007), Table 1, "high end" segment.
 * const fit = fitSbg([1000, 869, 743, 653, 593, 551, 517, 491]);
 * [fit.alpha, fit.beta]; // => [0.668, 3.806]
 * ```
 */
export function fitSbg<D>(input: Values<D> | Values<number>, optionsArgument?: SbgFitSettings | SbgCustomerFitOptions<D>): SbgFit {
  const options = readOptions(FN, optionsArgument, ['maxIterations', 'renewals', 'churned']) as Partial<SbgCustomerFitOptions<D>>;
  requireAccessor(FN, 'renewals', options.renewals);
  requireAccessor(FN, 'churned', options.churned);
  requireValues(FN, 'input', input);
  const maxIterations = options?.maxIterations === undefined ? 1000 : requireCount(FN, 'maxIterations', options.maxIterations);
  requirePositive(FN, 'maxIterations', maxIterations);
  const stats = readSbgInput(FN, input, options);
  let churned = 0;
  for (const e of stats.events) churned += e;
  const periods = stats.times.length === 0 ? 0 : (stats.times[stats.times.length - 1] as number);
  const { objective, gradient } = sbgObjective(stats);
  const fit = fitLogScale(FN, objective, gradient, [0, 0], stats.customers, maxIterations, [
    { indices: [0, 1], meaning: 'α + β: every customer has the same churn probability' },
  ], newtonPolish);
  const [alpha, beta] = fit.estimates as [number, number];
  const se = fit.standardErrors;
  return Object.freeze({
    model: 'sbg' as const,
    alpha,
    beta,
    logLikelihood: fit.logLikelihood,
    iterations: fit.iterations,
    converged: fit.converged,
    method: fit.method,
    message: fit.message,
    standardErrors: se === undefined ? undefined : Object.freeze({ alpha: se[0] as number, beta: se[1] as number }),
    logParameterCovariance: fit.logParameterCovariance,
    n: stats.customers,
    rows: stats.rows,
    skipped: stats.skipped,
    churned,
    periods,
  });
}
