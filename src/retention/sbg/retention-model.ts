import type { ModelDescriptor, ModelFit, ModelName } from '../../models/model';

/**
 * A model of how long contractual customers stay (sBG): the functions generic code needs, with
 * the same argument order in every retention model. `t` counts renewal opportunities.
 */
export interface RetentionModel<M extends ModelName, P, C, F extends ModelFit<M, P> = ModelFit<M, P>> extends ModelDescriptor<M, P, C, F> {
  /** S(t): the share of a new cohort still customers after t renewal opportunities. */
  readonly survival: (params: P, t: number) => number;
  /** r(t): the share of the customers at opportunity t − 1 who renew at opportunity t. */
  readonly retentionRate: (params: P, t: number) => number;
  /** Expected lifetime of a new customer in periods, E[T] = Σ_{t≥0} S(t) (or up to a `horizon`); `undefined` when infinite. */
  readonly expectedLifetime: (params: P, options?: { readonly horizon?: number }) => number | undefined;
}
