/** The door of the transaction models (BG/NBD, Pareto/NBD, BG/BB); the generic door is in models/model.ts. */
import type { ModelDescriptor, ModelFit, ModelName } from '../models/model';
import type { CustomerHistory } from './customer-history';

/**
 * A transaction model's per-customer arithmetic on plain numbers, its parameters checked once:
 * what generic batch code (e.g. `predictClv` over a million customers) calls in its loops.
 * Every prediction of these models factors as P(alive) × E[purchases | alive], and the second
 * factor depends on (x, T) only, so it is computed once per distinct (x, T).
 */
export interface TransactionModelKernel {
  /** P(alive at the end of observation | x, tₓ, T). Each number is checked (frequency a whole number ≥ 0, 0 ≤ recency ≤ T, recency 0 when frequency is 0). */
  readonly probabilityAlive: (x: number, tx: number, T: number) => number;
  /**
   * Expected transactions in the next t of a customer with x repeat transactions in T who is
   * alive at T: E[Y(t) | x, tₓ, T] = P(alive) · expectedIfAlive(x, T, t). Non-decreasing in t,
   * 0 at t = 0. May throw `OUT_OF_RANGE` (naming the caller) where it cannot be computed accurately.
   */
  readonly expectedIfAlive: (x: number, T: number, t: number) => number;
}

/**
 * A model of when customers transact and when they leave (BG/NBD, Pareto/NBD, BG/BB): the
 * functions generic code needs, with the same argument order in every model. `t` is a duration
 * in the time unit of the fit for continuous-time models, a number of transaction opportunities
 * for BG/BB.
 */
export interface TransactionModel<M extends ModelName, P, C, F extends ModelFit<M, P> = ModelFit<M, P>>
  extends ModelDescriptor<M, P, C, F> {
  /** Expected transactions of a new customer in (0, t]. */
  readonly expectedPurchases: (params: P, t: number) => number;
  /** Expected transactions in the next t of a customer with this history. */
  readonly conditionalExpectedPurchases: (params: P, customer: C, t: number) => number;
  /**
   * The probability that a customer with this history is still alive at the end of observation,
   * or `t` later (default 0).
   */
  readonly probabilityAlive: (params: P, customer: C, t?: number) => number;
  /** P(X(t) = n): the probability that a new customer makes exactly n transactions in (0, t]. */
  readonly purchaseCountProbability?: (params: P, n: number, t: number) => number;
  /**
   * P(Y(t) = n | history): the probability that a customer with this history makes exactly n
   * transactions in the next t (n = 0: "no purchase in the next t", the churn CX teams report).
   */
  readonly conditionalPurchaseCountProbability?: (params: P, customer: C, n: number, t: number) => number;
  /**
   * Discounted expected residual transactions of a customer with this history. Continuous-time
   * models discount continuously at `discountRate` δ per unit of time (15 % a year in weeks:
   * δ = ln 1.15 / 52); BG/BB discounts by (1 + d) per transaction opportunity.
   */
  readonly dert?: (params: P, customer: C, options: DertOptions) => number;
}

/** Options of the DERT functions (`bgNbdDert`, `mbgNbdDert`, `paretoNbdDert`, `bgBbDert`). */
export interface DertOptions {
  /**
   * The discount rate, > 0: δ per unit of time with continuous compounding for the
   * continuous-time models (value at time t is discounted by e^(−δt)); d per opportunity for
   * BG/BB (discounted by (1 + d)^−k). Required.
   */
  readonly discountRate: number;
}

/**
 * A continuous-time transaction model (BG/NBD, Pareto/NBD) over {@link CustomerHistory} rows, whose
 * conditional prediction factors as P(alive | x, tₓ, T) × E[purchases in t | alive, x, T]: the
 * door `predictClv` and other batch code take, evaluating the second factor once per distinct (x, T).
 */
export interface ContinuousTransactionModel<M extends ModelName, P, F extends ModelFit<M, P> = ModelFit<M, P>>
  extends TransactionModel<M, P, CustomerHistory, F> {
  /**
   * The parameters checked (errors name the calling function `fn`: `INVALID_NUMBER`,
   * `OUT_OF_RANGE`), returned as the fast per-customer arithmetic generic batch code uses. The
   * returned functions check their numbers as the public predictions check a history (errors
   * name `fn`); `fn` itself must be a non-empty string (`INVALID_INPUT` otherwise).
   */
  readonly kernel: (fn: string, params: P) => TransactionModelKernel;
}

/**
 * A model of how much customers spend per transaction (Gamma-Gamma): the functions generic
 * code needs, with the same argument order as the transaction models.
 */
export interface SpendModel<M extends ModelName, P, C, F extends ModelFit<M, P> = ModelFit<M, P>> extends ModelDescriptor<M, P, C, F> {
  /** Expected value of a future transaction of a customer with this history. */
  readonly expectedSpend: (params: P, customer: C) => number;
}
