/** A two-sided confidence interval for a proportion, both ends in [0, 1]. */
export interface JourneyInterval {
  /** Lower end. */
  readonly lower: number;
  /** Upper end. */
  readonly upper: number;
}
