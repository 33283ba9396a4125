/**
 * The door every customer-base model opens the same way: its fit carries the same diagnostics,
 * its standard errors the same shape, and its descriptor bundles the same functions, so that
 * generic code (CLV, validation, intervals) takes any model without importing the others.
 * Shared by the clv models and sBG in retention, so it lives in the public types layer.
 */
import type { Values } from '../internal/values';

/** The literal `model` discriminant of every fit and descriptor. */
export type ModelName = 'bg-nbd' | 'mbg-nbd' | 'pareto-nbd' | 'bg-bb' | 'gamma-gamma' | 'sbg';

/** One asymptotic standard error per parameter, on the natural scale (SE(θ) = θ·SE(ln θ)). */
export type StandardErrors<P> = { readonly [K in keyof P]: number };

/** Diagnostics every maximum-likelihood fit carries, whatever the model. */
export interface FitDiagnostics<P> {
  /** Log-likelihood at the estimates, Σ weightᵢ · ln Lᵢ. */
  readonly logLikelihood: number;
  /** Optimizer iterations (BFGS plus, if needed, the Nelder–Mead fallback). */
  readonly iterations: number;
  /**
   * Whether the optimizer met its convergence test at a strict interior maximum that the data
   * identify (Hessian positive definite, every SE(ln θ) ≤ 20). When `false`, the parameters are
   * the best point found, finite, and `message` says why; do not trust them for prediction.
   */
  readonly converged: boolean;
  /** `'bfgs'`, or `'nelder-mead'` when the fallback was needed. */
  readonly method: 'bfgs' | 'nelder-mead';
  /** How the optimizer stopped, and anything the caller must know about the maximum. */
  readonly message: string;
  /**
   * Standard errors from the inverse Hessian of the negative log-likelihood in log-parameters,
   * mapped to the natural scale by the delta method. `undefined` when the Hessian is not
   * positive definite (the estimate is on a boundary or not a strict maximum).
   */
  readonly standardErrors: StandardErrors<P> | undefined;
  /**
   * The covariance matrix of the log-parameters (the inverse Hessian), rows and columns in the
   * order of the model's `parameterNames`; `undefined` exactly when `standardErrors` is.
   */
  readonly logParameterCovariance: readonly (readonly number[])[] | undefined;
  /** Number of customers fitted: the sum of the weights. */
  readonly n: number;
  /** Input rows used (a grouped row counts once). */
  readonly rows: number;
  /** Rows skipped because they, or one of their fields, were `null`/`undefined`. */
  readonly skipped: number;
}

/** A fitted model: its parameters, its `model` name and the shared diagnostics. Frozen. */
export type ModelFit<M extends ModelName, P> = P &
  FitDiagnostics<P> & {
    /** Which model was fitted: the discriminant generic code switches on. */
    readonly model: M;
  };

/** What every model descriptor holds, whatever the model's kind. */
export interface ModelDescriptor<M extends ModelName, P, C, F extends ModelFit<M, P> = ModelFit<M, P>> {
  /** The model's name, the same literal as its fits' `model`. */
  readonly model: M;
  /** The parameter names, in the order of `logParameterCovariance`. */
  readonly parameterNames: readonly (keyof P & string)[];
  /**
   * The model's fit on rows of its customer shape (the field names read directly). It takes no
   * options: a second argument throws `INVALID_OPTION` (pass options to the model's own fit
   * function, e.g. `fitBgNbd(rows, options)`), it is never silently ignored.
   */
  readonly fit: (rows: Values<C>) => F;
  /**
   * The log-likelihood Σ wᵢ ln Lᵢ of rows of its customer shape at the given parameters. A third
   * (options) argument throws `INVALID_OPTION`: pass options to the model's own log-likelihood function.
   */
  readonly logLikelihood: (params: P, rows: Values<C>) => number;
}

/**
 * Per-customer log-likelihoods, as columns aligned with `index` (the input position of each row
 * used; rows skipped for missing values are absent): what a model's log-likelihood function
 * returns with `{ perCustomer: true }`, for per-customer diagnostics and comparison with
 * published per-customer values. The arrays are fresh and owned by the caller.
 */
export interface CustomerLogLikelihoods {
  /** Input position of each row used. */
  readonly index: Uint32Array;
  /** ln Lᵢ of each row, unweighted (one customer of that history). */
  readonly logLikelihood: Float64Array;
  /** Σ wᵢ ln Lᵢ: the same number the function returns without `perCustomer`. */
  readonly total: number;
  /** Rows skipped because they, or one of their fields, were `null`/`undefined`. */
  readonly skipped: number;
}
