import type { ModelFit } from '../../models/model';
import type { Values } from '../../models/values';
import type { CustomerHistory, CustomerHistoryAccessors, CustomerHistoryOptions } from '../customer-history';
import { fitLogScaleLikelihood } from '../../internal/log-scale-fit';
import { newtonPolish } from '../../internal/newton-polish';
import { rejectValue, requireCount } from '../../internal/validate';
import { requireValues } from '../../internal/input';
import { readOptions, requireAccessor } from '../../internal/options';
import { NO_REPEAT_PURCHASE, requireRepeatData } from '../repeat-data';
import { readRfmRows } from '../rfm-rows';
import { paretoNbdNegativeLogLikelihood, paretoNbdSufficientStatistics, type ParetoNbdSufficientStatistics } from './pareto-nbd-likelihood';

/** The four Pareto/NBD parameters: purchase rates λ ~ Gamma(r, α), dropout rates μ ~ Gamma(s, β). */
export interface ParetoNbdParams {
  /** Shape of the gamma distribution of purchase rates, > 0. */
  readonly r: number;
  /** Scale of the gamma distribution of purchase rates, in the data's time unit, > 0 (mean rate r/α). */
  readonly alpha: number;
  /** Shape of the gamma distribution of dropout rates, > 0. */
  readonly s: number;
  /** Scale of the gamma distribution of dropout rates, in the data's time unit, > 0 (mean dropout rate s/β). */
  readonly beta: number;
}

/**
 * A fitted Pareto/NBD model: the parameters, `model: 'pareto-nbd'` and the shared diagnostics
 * ({@link models!FitDiagnostics}). Frozen. `converged` is `false` also when the maximum lies on
 * a boundary such as s, β → ∞ (typically too little data, or data without visible dropout).
 */
export type ParetoNbdFit = ModelFit<'pareto-nbd', ParetoNbdParams>;

/** Options of {@link fitParetoNbd}: `weight`, accessors (required unless the rows are {@link CustomerHistory}), `maxIterations`. */
export type ParetoNbdFitOptions<D> = CustomerHistoryOptions<D> & {
  /** Iteration budget of each optimizer phase; default 1000. */
  readonly maxIterations?: number;
};

const FN = 'fitParetoNbd';

/**
 * Fit the Pareto/NBD model by maximum likelihood: while alive, a customer buys as a Poisson
 * process with rate λ ~ Gamma(r, α); their lifetime is exponential with rate μ ~ Gamma(s, β),
 * so customers can drop out at any time (also before a first repeat purchase).
 *
 * ```text
 * L(r, α, s, β | x, tₓ, T) = Γ(r+x) α^r β^s / Γ(r)
 *     · [ (α+T)^(−(r+x)) (β+T)^(−s) + s ∫ₜₓ^T (α+τ)^(−(r+x)) (β+τ)^(−(s+1)) dτ ]
 *   = Γ(r+x) α^r β^s / Γ(r) · [ (r+x) I(r+x+1, s; T) + s I(r+x, s+1; tₓ) ]
 * I(p, q; t) = ∫ₜ^∞ (α+τ)^(−p) (β+τ)^(−q) dτ
 *            = (a+t)^(−m) ₂F₁(m, e; m+1; (a−b)/(a+t)) / m,   m = p+q−1
 * (a, b) = (α, β) with e = q when α ≥ β;  (β, α) with e = p when α < β
 * maximise Σ wᵢ ln Lᵢ over (ln r, ln α, ln s, ln β)
 * ```
 *
 * The second line (the first term integrated by parts) has no subtraction, so nothing cancels
 * when tₓ is close to T. Each ₂F₁ is evaluated in log space through Euler's transformation as
 * a series of positive terms, with a quadrature split near z = 1, accurate for both the α ≥ β and
 * α < β cases and for any x. Maximised with the analytic gradient by BFGS with a Nelder–Mead
 * fallback, and an interior maximum finished by Newton steps on the analytic gradient (the
 * likelihood is flat along a ridge, where a stop on a stalled value leaves the estimates ~1e-7
 * apart for inputs that differ in rounding). Rows are first reduced to sufficient statistics:
 * identical (x, tₓ, T) grouped, in sorted order (so the same customers in any order or grouping
 * give the same fit bit for bit), the ₂F₁ terms computed once per distinct (x, T) and (x, tₓ),
 * lnΓ terms once per distinct x.
 *
 * Deterministic start: r = s = 1, α = Σw·T / Σw·x (mean rate r/α equal to the observed repeat
 * rate) and β = Σw·T / Σw (the mean age). The start scales with the time unit, so rescaling all
 * times by k rescales α and β by k and leaves r, s and every prediction at rescaled times unchanged.
 *
 * Source: Schmittlein, Morrison & Colombo (1987), Counting your customers: who are they and what
 * will they do next?, *Management Science* 33(1), 1–24; the likelihood as derived in Fader &
 * Hardie (2005), *A note on deriving the Pareto/NBD model and related expressions* (eq. 19). On
 * the CDNOW sample (2,357 customers, weeks) it gives r = 0.553, α = 10.578, s = 0.606,
 * β = 11.669, log-likelihood −9595.0, as published by Fader, Hardie & Lee (2005).
 *
 * @param rows - One row per customer (or per group of identical customers with a `weight`),
 *   any iterable or array-like; `null`/`undefined` rows or fields are skipped and counted.
 * @param options - Accessors for other record types, `weight`, `maxIterations`.
 * @returns The frozen fit: `r`, `alpha`, `s`, `beta`, `logLikelihood`, `iterations`,
 *   `converged`, `standardErrors`, `n` and more diagnostics. Never `NaN`: a fit that does not
 *   converge returns the best point found with `converged: false`.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `NEGATIVE_VALUE` for a negative frequency, recency, T or weight; `NOT_AN_INTEGER` for a
 *   fractional frequency; `ORDER_VIOLATION` for recency > T; `INCONSISTENT_INPUT` for a
 *   positive recency with frequency 0 or a zero recency with frequency > 0; `INSUFFICIENT_DATA`
 *   when there are fewer than 4 customers or no repeat purchase;
 *   `OUT_OF_RANGE` for a `maxIterations` that is not a whole number ≥ 1.
 *   `INVALID_INPUT` when `rows` is not an array, a typed array or an iterable; `INVALID_OPTION`
 *   for options that are not a plain object, an unknown option key (the near miss is suggested:
 *   `levle` → `level`) or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { fitParetoNbd, paretoNbdProbabilityAlive } from 'cx-metrics/clv';
 * // [x, tₓ, T] in weeks, read through accessors:
 * const rows: [number, number, number][] = [
 *   [2, 3, 30], [0, 0, 30], [0, 0, 30], [5, 29, 30], [7, 8, 30], [1, 26, 30], [6, 6, 30], [3, 28, 30],
 *   [10, 29, 30], [4, 5, 30], [0, 0, 30], [2, 22, 30], [8, 10, 30], [1, 4, 30], [3, 27, 30], [9, 12, 30],
 * ];
 * const fit = fitParetoNbd(rows, { frequency: (d) => d[0], recency: (d) => d[1], T: (d) => d[2] });
 * fit.converged; // => true
 * fit.logLikelihood; // => -158.394
 * [fit.r, fit.alpha, fit.s, fit.beta]; // => [1.16, 3.86, 1.12, 20.2]
 * // Sixteen customers say little: the standard errors are as large as the estimates.
 * fit.standardErrors?.s; // => 1.56
 * // 7 purchases by week 8, then 22 silent weeks: almost certainly gone.
 * paretoNbdProbabilityAlive(fit, { frequency: 7, recency: 8, T: 30 }); // => 0.0017
 * // Rows shaped like summarizeTransactions output need no accessors:
 * fitParetoNbd([{ frequency: 0, recency: 0, T: 30 }]); // => throws INSUFFICIENT_DATA
 * fitParetoNbd([{ frequency: 2, recency: 31, T: 30 }]); // => throws ORDER_VIOLATION
 * ```
 */
export function fitParetoNbd<D = CustomerHistory>(
  rows: Values<D>,
  ...[options]: [D] extends [CustomerHistory | null | undefined] ? [options?: ParetoNbdFitOptions<D>] : [options: ParetoNbdFitOptions<D>]
): ParetoNbdFit {
  const settings = readOptions(FN, options, ['maxIterations', 'weight', 'frequency', 'recency', 'T']) as ParetoNbdFitOptions<D> & Partial<CustomerHistoryAccessors<D>>;
  for (const key of ['weight', 'frequency', 'recency', 'T'] as const) requireAccessor(FN, key, settings[key]);
  requireValues(FN, 'rows', rows);
  const maxIterations = settings.maxIterations === undefined ? 1000 : requireCount(FN, 'maxIterations', settings.maxIterations);
  if (maxIterations < 1) throw rejectValue('OUT_OF_RANGE', FN, 'maxIterations', maxIterations, undefined, 'must be at least 1');
  const columns = readRfmRows(FN, rows, settings, { recencyAge: true, monetary: false });
  const stats = paretoNbdSufficientStatistics(columns.x, columns.tx, columns.T, columns.w, columns.length);
  return fitParetoNbdStatistics(stats, columns.length, columns.skipped, maxIterations);
}

/** The fit on sufficient statistics. */
function fitParetoNbdStatistics(stats: ParetoNbdSufficientStatistics, rows: number, skipped: number, maxIterations: number): ParetoNbdFit {
  const n = stats.totalWeight;
  requireRepeatData(FN, stats, NO_REPEAT_PURCHASE);
  // r = s = 1, mean purchase rate r/α = the observed repeat rate, mean lifetime scale β = mean T.
  const start = [0, Math.log(stats.weightedAge / stats.weightedFrequency), 0, Math.log(stats.weightedAge / n)];
  const fit = fitLogScaleLikelihood(FN, (theta, g) => paretoNbdNegativeLogLikelihood(theta, stats, g), start, n, maxIterations, [
    { indices: [0], meaning: 'r: every customer buys at the same rate' },
    { indices: [2], meaning: 's: every customer has the same dropout rate' },
  ], newtonPolish);
  const [r, alpha, s, beta] = fit.estimates as [number, number, number, number];
  const se = fit.standardErrors;
  return Object.freeze({
    model: 'pareto-nbd',
    r,
    alpha,
    s,
    beta,
    logLikelihood: fit.logLikelihood,
    iterations: fit.iterations,
    converged: fit.converged,
    method: fit.method,
    message: fit.message,
    standardErrors: se === undefined ? undefined : Object.freeze({ r: se[0] as number, alpha: se[1] as number, s: se[2] as number, beta: se[3] as number }),
    logParameterCovariance: fit.logParameterCovariance,
    n,
    rows,
    skipped,
  });
}
