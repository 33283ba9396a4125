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
