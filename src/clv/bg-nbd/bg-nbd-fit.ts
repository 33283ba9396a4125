import type { ModelFit } from '../../models/model';
import type { Values } from '../../models/values';
import type { CustomerHistory, CustomerHistoryAccessors, CustomerHistoryOptions } from '../customer-history';
import { fitLogScaleLikelihood } from '../../internal/log-scale-fit';
import { rejectValue, requireCount } from '../../internal/validate';
import { requireValues } from '../../internal/input';
import { readOptions, requireAccessor } from '../../internal/options';
import { NO_REPEAT_PURCHASE, requireRepeatData } from '../repeat-data';
import { readRfmRows } from '../rfm-rows';
import { bgNbdNegativeLogLikelihood, bgNbdSufficientStatistics } from './bg-nbd-likelihood';

/** The four BG/NBD parameters: transaction rates λ ~ Gamma(r, α), dropout probabilities p ~ Beta(a, b). */
export interface BgNbdParams {
  /** Shape of the gamma distribution of purchase rates, > 0. */
  readonly r: number;
  /** Scale of the gamma distribution of purchase rates, in the data's time unit, > 0 (mean rate r/α). */
  readonly alpha: number;
  /** First shape of the beta distribution of the dropout probability after each purchase, > 0. */
  readonly a: number;
  /** Second shape of the beta distribution of the dropout probability, > 0 (mean dropout a/(a+b)). */
  readonly b: number;
}

/**
 * A fitted BG/NBD model: the parameters, `model: 'bg-nbd'` and the shared diagnostics
 * ({@link models!FitDiagnostics}). Frozen. `converged` is `false` also when the maximum lies on
 * a boundary such as a, b → 0 or ∞ (typically too little data).
 */
export type BgNbdFit = ModelFit<'bg-nbd', BgNbdParams>;

/** Options of {@link fitBgNbd}: `weight`, accessors (required unless the rows are {@link CustomerHistory}), `maxIterations`. */
export type BgNbdFitOptions<D> = CustomerHistoryOptions<D> & {
  /** Iteration budget of each optimizer phase; default 1000. */
  readonly maxIterations?: number;
};

const FN = 'fitBgNbd';
/** Below this α (with recency-0 repeat rows present) the fit is on the unbounded boundary. */
const BOUNDARY_ALPHA = 1e-8;

/**
 * Fit the BG/NBD model ("beta-geometric / negative binomial distribution") by maximum
 * likelihood: while alive, a customer buys as a Poisson process with rate λ ~ Gamma(r, α);
 * after each purchase they drop out for good with probability p ~ Beta(a, b).
 *
 * ```text
 * L(r, α, a, b | x, tₓ, T) = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
 *                          + δ(x>0) B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+tₓ)^(r+x))
 * maximise Σ wᵢ ln Lᵢ over (ln r, ln α, ln a, ln b)
 * ```
 *
 * Evaluated in log space (lnΓ terms and a log-sum-exp of the two terms), with the analytic
 * gradient (digamma), by BFGS with a Nelder–Mead fallback. Rows are first reduced to sufficient
 * statistics (identical (x, tₓ, T) grouped, in sorted order; terms that depend on x alone summed
 * once per distinct x), so millions of customers fit in about a second, and the fit does not
 * depend on the order or the grouping of the rows: shuffled, or as a weighted histogram, the same
 * customers give the same fit bit for bit. (Unlike the Pareto/NBD and Gamma-Gamma fits, no
 * Newton polish follows BFGS: the BG/NBD maximum is well conditioned, and BFGS's own gradient test
 * already pins it to 1e-9 between inputs that differ in rounding.)
 *
 * Rows with recency 0 and frequency ≥ 1 (several purchases inside the rounding step of an
 * export) are valid, but with one of them the likelihood has no maximum: it grows without bound
 * as α → 0 together with r → 0. The fit then returns the interior local maximum its optimiser
 * finds from the start below (as Python `lifetimes`' BetaGeoFitter does), says so in `message`,
 * and reports `converged: false` if the optimiser instead runs to that boundary (α < 1e-8).
 *
 * Deterministic start: r = a = b = 1 and α = Σw·T / Σw·x (mean rate r/α equal to the observed
 * repeat rate). The start scales with the time unit, so rescaling all times by k rescales α by k
 * and leaves r, a, b and every prediction at rescaled times unchanged.
 *
 * Source: Fader, Hardie & Lee (2005), "Counting your customers" the easy way: an alternative to
 * the Pareto/NBD model, *Marketing Science* 24(2), 275–284 (eq. 6); the log-likelihood as laid
 * out in Fader, Hardie & Lee (2005), *Implementing the BG/NBD model for customer base analysis
 * in Excel*. On the CDNOW sample of that paper (2,357 customers, weeks) it gives r = 0.243,
 * α = 4.414, a = 0.793, b = 2.426, log-likelihood −9582.4, as published.
 *
 * @param rows - One row per customer (or per group of identical customers with a `weight`),
 *   any iterable or array-like; `null`/`undefined` rows or fields are skipped and counted.
 * @param options - Accessors for other record types, `weight`, `maxIterations`.
 * @returns The frozen fit: `r`, `alpha`, `a`, `b`, `logLikelihood`, `iterations`,
 *   `converged`, `standardErrors`, `n` and more diagnostics. Never `NaN`: a fit that does not
 *   converge returns the best point found with `converged: false`.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a value that is not a finite number;
 *   `NEGATIVE_VALUE` for a negative frequency, recency, T or weight; `NOT_AN_INTEGER` for a
 *   fractional frequency; `ORDER_VIOLATION` for recency > T; `INCONSISTENT_INPUT` for a
 *   positive recency with frequency 0; `INSUFFICIENT_DATA` when there are fewer than 4
 *   customers or no repeat purchase; `OUT_OF_RANGE` for a
 *   `maxIterations` that is not a whole number ≥ 1.
 *   `INVALID_INPUT` when `rows` is not an array, a typed array or an iterable; `INVALID_OPTION`
 *   for options that are not a plain object, an unknown option key (the near miss is suggested:
 *   `levle` → `level`) or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { fitBgNbd } from 'cx-metrics/clv';
 * // [x, tₓ, T] in weeks, read through accessors:
 * const rows: [number, number, number][] = [
 *   [1, 1, 30], [1, 12, 30], [1, 7, 30], [0, 0, 30], [3, 14, 30], [9, 24, 30], [12, 29, 30],
 *   [1, 14, 30], [4, 28, 30], [4, 30, 30], [1, 25, 30], [1, 10, 30], [1, 2, 30], [6, 14, 30],
 * ];
 * const fit = fitBgNbd(rows, { frequency: (d) => d[0], recency: (d) => d[1], T: (d) => d[2] });
 * fit.converged; // => true
 * fit.logLikelihood; // => -132.519
 * fit.r; // => 2.32
 * // Few customers: the dropout parameters are poorly determined.
 * fit.a; // => 0.03
 * fit.standardErrors?.a; // => 0.18
 * // Rows shaped like summarizeTransactions output need no accessors:
 * fitBgNbd([{ frequency: 0, recency: 0, T: 30 }]); // => throws INSUFFICIENT_DATA
 * fitBgNbd([{ frequency: 2, recency: 31, T: 30 }]); // => throws ORDER_VIOLATION
 * ```
 */
export function fitBgNbd<D = CustomerHistory>(
  rows: Values<D>,
  ...[options]: [D] extends [CustomerHistory | null | undefined] ? [options?: BgNbdFitOptions<D>] : [options: BgNbdFitOptions<D>]
): BgNbdFit {
  const settings = readOptions(FN, options, ['maxIterations', 'weight', 'frequency', 'recency', 'T']) as BgNbdFitOptions<D> & Partial<CustomerHistoryAccessors<D>>;
  for (const key of ['weight', 'frequency', 'recency', 'T'] as const) requireAccessor(FN, key, settings[key]);
  requireValues(FN, 'rows', rows);
  const maxIterations = settings.maxIterations === undefined ? 1000 : requireCount(FN, 'maxIterations', settings.maxIterations);
  if (maxIterations < 1) throw rejectValue('OUT_OF_RANGE', FN, 'maxIterations', maxIterations, undefined, 'must be at least 1');
  const columns = readRfmRows(FN, rows, settings, { recencyAge: true, monetary: false });
  const stats = bgNbdSufficientStatistics(columns.x, columns.tx, columns.T, columns.w, columns.length);
  let zeroRecencyRepeats = 0;
  for (let i = 0; i < columns.length; i++) {
    if ((columns.x[i] as number) > 0 && columns.tx[i] === 0 && (columns.w[i] as number) > 0) zeroRecencyRepeats++;
  }
  const n = stats.totalWeight;
  requireRepeatData(FN, stats, NO_REPEAT_PURCHASE);
  const start = [0, Math.log(stats.weightedAge / stats.weightedFrequency), 0, 0];
  const fit = fitLogScaleLikelihood(FN, (theta, g) => bgNbdNegativeLogLikelihood(theta, stats, g), start, n, maxIterations, [
    { indices: [0], meaning: 'r: every customer buys at the same rate' },
    { indices: [2, 3], meaning: 'a + b: every customer has the same dropout probability' },
  ]);
  const [r, alpha, a, b] = fit.estimates as [number, number, number, number];
  let converged = fit.converged;
  let message = fit.message;
  if (zeroRecencyRepeats > 0) {
    // For a row with x ≥ 1 and tₓ = 0 the dropout term of the likelihood is
    // B(a+1, b+x−1)/B(a, b) · Γ(r+x)/Γ(r) · α^r/(α+0)^(r+x) ≈ B(…)/B(a, b) · r·Γ(x)/α^x, unbounded as
    // α → 0 faster than r^(1/x): the supremum is on that boundary, so the fit worth reporting
    // is the interior local maximum.
    const customers = `${zeroRecencyRepeats} customer${zeroRecencyRepeats === 1 ? ' has' : 's have'} repeat purchases with recency 0`;
    // Below BOUNDARY_ALPHA the fit ran to that boundary: no interior maximum.
    converged &&= alpha >= BOUNDARY_ALPHA;
    message += `; ${alpha < BOUNDARY_ALPHA ? 'no interior maximum (the fit ran to the boundary)' : 'interior local maximum'}: the likelihood is unbounded as alpha → 0 with r → 0 because ${customers}`;
  }
  const se = fit.standardErrors;
  return Object.freeze({
    model: 'bg-nbd',
    r,
    alpha,
    a,
    b,
    logLikelihood: fit.logLikelihood,
    iterations: fit.iterations,
    converged,
    method: fit.method,
    message,
    standardErrors: se === undefined ? undefined : Object.freeze({ r: se[0] as number, alpha: se[1] as number, a: se[2] as number, b: se[3] as number }),
    logParameterCovariance: fit.logParameterCovariance,
    n,
    rows: columns.length,
    skipped: columns.skipped,
  });
}
