/**
 * A two-sided interval, `lower ≤ upper`, on the scale of the figure it brackets (points for NPS,
 * a proportion for CSAT, the survey scale for mean scores, purchases or money for model
 * predictions). Where no interval can be computed the field holding it is `undefined`; an
 * interval never has a missing end.
 */
export interface Interval {
  /** Lower end. */
  readonly lower: number;
  /** Upper end. */
  readonly upper: number;
}

/**
 * The `intervals` option of the model predictions (`predictClv`, `predictTransactions`, …):
 * quantile intervals over parameter vectors drawn from the fit's asymptotic normal
 * (`drawParameters`), seeded and deterministic. The predictions then need a fit carrying
 * `logParameterCovariance`, not bare parameters.
 */
export interface IntervalOptions {
  /** Nominal coverage, strictly between 0 and 1. Default 0.9. */
  readonly level?: number;
  /** Parameter vectors drawn, a whole number from 1 to 100,000. Default 200. */
  readonly draws?: number;
  /** Seed of the random stream, a whole number ≥ 0. Default 1. */
  readonly seed?: number;
}

/** Per-customer interval ends, as columns aligned with the result's other columns. Fresh arrays, owned by the caller. */
export interface IntervalColumns {
  /** Lower end for each customer. */
  readonly lower: Float64Array;
  /** Upper end for each customer. */
  readonly upper: Float64Array;
}
