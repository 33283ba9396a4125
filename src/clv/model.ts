/** The door of the transaction models (BG/NBD, Pareto/NBD, BG/BB); the generic door is in models/model.ts. */
import type { ModelDescriptor, ModelFit, ModelName } from '../models/model';

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
  /** The probability that a customer with this history is still alive at the end of observation. */
  readonly probabilityAlive: (params: P, customer: C) => number;
}

/**
 * A model of how much customers spend per transaction (Gamma-Gamma): the functions generic
 * code needs, with the same argument order as the transaction models.
 */
export interface SpendModel<M extends ModelName, P, C, F extends ModelFit<M, P> = ModelFit<M, P>> extends ModelDescriptor<M, P, C, F> {
  /** Expected value of a future transaction of a customer with this history. */
  readonly expectedSpend: (params: P, customer: C) => number;
}
