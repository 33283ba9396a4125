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
import { bgNbdSufficientStatistics, type BgNbdSufficientStatistics } from '../bg-nbd/bg-nbd-likelihood';
import { mbgNbdNegativeLogLikelihood } from './mbg-nbd-likelihood';

/**
 * The four MBG/NBD parameters: transaction rates λ ~ Gamma(r, α), dropout probabilities
 * p ~ Beta(a, b) (a dropout opportunity at the first purchase and after every repeat purchase).
 */
export interface MbgNbdParams {
  /** Shape of the gamma distribution of purchase rates, > 0. */
  readonly r: number;
  /** Scale of the gamma distribution of purchase rates, in the data's time unit, > 0 (mean rate r/α). */
  readonly alpha: number;
  /** First shape of the beta distribution of the dropout probability at each purchase, > 0. */
  readonly a: number;
  /** Second shape of the beta distribution of the dropout probability, > 0 (mean dropout a/(a+b)). */
  readonly b: number;
}

/**
 * A fitted MBG/NBD model: the parameters, `model: 'mbg-nbd'` and the shared diagnostics
 * ({@link models!FitDiagnostics}). Frozen. `converged` is `false` also when the maximum lies on
 * a boundary such as a, b → 0 or ∞ (typically too little data).
 */
export type MbgNbdFit = ModelFit<'mbg-nbd', MbgNbdParams>;

/** Options of {@link fitMbgNbd}: `weight`, accessors (required unless the rows are {@link CustomerHistory}), `maxIterations`. */
export type MbgNbdFitOptions<D> = CustomerHistoryOptions<D> & {
  /** Iteration budget of each optimizer phase; default 1000. */
  readonly maxIterations?: number;
};

const FN = 'fitMbgNbd';
/** Below this α (with recency-0 repeat rows present) the fit is on the unbounded boundary. */
const BOUNDARY_ALPHA = 1e-8;

/**
 * Fit the MBG/NBD model ("modified BG/NBD") by maximum likelihood: while alive, a customer buys
 * as a Poisson process with rate λ ~ Gamma(r, α); at the first purchase and after each repeat
 * purchase they drop out for good with probability p ~ Beta(a, b). Unlike the BG/NBD, a customer
 * may leave right after the first purchase, so one-time buyers get P(alive) < 1.
 *
 * ```text
 * L(r, α, a, b | x, tₓ, T) = B(a, b+x+1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
 *                          + B(a+1, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+tₓ)^(r+x))
 * maximise Σ wᵢ ln Lᵢ over (ln r, ln α, ln a, ln b)
 * ```
 *
 * Evaluated in log space (lnΓ terms and a log-sum-exp of the two terms), with the analytic
 * gradient (digamma), by BFGS with a Nelder–Mead fallback, on the rows reduced to sufficient
 * statistics (identical (x, tₓ, T) grouped, in sorted order), exactly as {@link fitBgNbd}: the
 * same customers in any order or grouping give the same fit bit for bit. Rows with recency 0 and
 * frequency ≥ 1 make the likelihood unbounded as α → 0 with r → 0, as for the BG/NBD: the fit
 * then reports the interior local maximum and says so in `message` (`converged: false` if the
 * optimiser runs to that boundary).
 *
 * Deterministic start: r = a = b = 1 and α = Σw·T / Σw·x. Rescaling all times by k rescales α
 * by k and leaves r, a, b unchanged.
 *
 * Source: Batislam, Denizel & Filiztekin (2007), "Empirical validation and comparison of models
 * for customer base analysis", *International Journal of Research in Marketing* 24(3), 201–209
 * (the likelihood, eq. 6); the same model is Hoppe & Wagner's (2007) "central variant" and
 * BTYDplus `mbgcnbd` with k = 1. On the CDNOW sample (2,357 customers, weeks) it gives
 * r = 0.525, α = 6.183, a = 0.891, b = 1.614, log-likelihood −9582.13 (BTYDplus; BG/NBD: −9582.43).
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
 *   customers or no repeat purchase; `OUT_OF_RANGE` for a `maxIterations` that is not a whole
 *   number ≥ 1; `INVALID_INPUT` when `rows` is not an array, a typed array or an iterable;
 *   `INVALID_OPTION` for options that are not a plain object, an unknown option key or an
 *   accessor that is not a function.
 *
 * @example
 * ```ts
 * import { fitMbgNbd } from 'cx-metrics/clv';
 * // [x, tₓ, T] in weeks, read through accessors:
 * const rows: [number, number, number][] = [
 *   [1, 1, 30], [1, 12, 30], [1, 7, 30], [0, 0, 30], [3, 14, 30], [9, 24, 30], [12, 29, 30],
 *   [1, 14, 30], [4, 28, 30], [4, 30, 30], [1, 25, 30], [1, 10, 30], [1, 2, 30], [6, 14, 30],
 * ];
 * const fit = fitMbgNbd(rows, { frequency: (d) => d[0], recency: (d) => d[1], T: (d) => d[2] });
 * fit.model; // => 'mbg-nbd'
 * fit.logLikelihood; // => -135.953
 * fitMbgNbd([{ frequency: 0, recency: 0, T: 30 }]); // => throws INSUFFICIENT_DATA
 * ```
 */
export function fitMbgNbd<D = CustomerHistory>(
  rows: Values<D>,
  ...[options]: [D] extends [CustomerHistory | null | undefined] ? [options?: MbgNbdFitOptions<D>] : [options: MbgNbdFitOptions<D>]
): MbgNbdFit {
  const settings = readOptions(FN, options, ['maxIterations', 'weight', 'frequency', 'recency', 'T']) as MbgNbdFitOptions<D> & Partial<CustomerHistoryAccessors<D>>;
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
  return fitMbgNbdStatistics(stats, columns.length, columns.skipped, maxIterations, zeroRecencyRepeats);
}

/** The fit on sufficient statistics. */
function fitMbgNbdStatistics(stats: BgNbdSufficientStatistics, rows: number, skipped: number, maxIterations: number, zeroRecencyRepeats: number): MbgNbdFit {
  const n = stats.totalWeight;
  requireRepeatData(FN, stats, NO_REPEAT_PURCHASE);
  const start = [0, Math.log(stats.weightedAge / stats.weightedFrequency), 0, 0];
  const fit = fitLogScaleLikelihood(FN, (theta, g) => mbgNbdNegativeLogLikelihood(theta, stats, g), start, n, maxIterations, [
    { indices: [0], meaning: 'r: every customer buys at the same rate' },
    { indices: [2, 3], meaning: 'a + b: every customer has the same dropout probability' },
  ], newtonPolish);
  const [r, alpha, a, b] = fit.estimates as [number, number, number, number];
  let converged = fit.converged;
  let message = fit.message;
  if (zeroRecencyRepeats > 0) {
    // As for the BG/NBD: the dropout term of a row with x ≥ 1 and tₓ = 0 grows like r·Γ(x)/α^x as α → 0.
    const rows = `${zeroRecencyRepeats} customer${zeroRecencyRepeats === 1 ? ' has' : 's have'} repeat purchases with recency 0`;
    if (alpha < BOUNDARY_ALPHA) {
      converged = false;
      message = `${message}; the fit ran to the boundary alpha → 0, r → 0, where the likelihood is unbounded because ${rows}: no interior maximum was found`;
    } else {
      message = `${message}; interior local maximum: the likelihood is unbounded as alpha → 0 with r → 0 because ${rows}`;
    }
  }
  const se = fit.standardErrors;
  return Object.freeze({
    model: 'mbg-nbd',
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
    rows,
    skipped,
  });
}
