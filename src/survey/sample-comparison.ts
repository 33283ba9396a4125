import type { Interval } from '../models/interval';

/**
 * The comparison of two independent samples a and b: the difference a − b with its interval
 * and its test. {@link compareNps} and {@link compareCsat} return it (with their settings);
 * each group of {@link compareGroups} and each period of {@link trendTest} carries the same
 * fields for its own comparison.
 *
 * `standardError` is always the standard error the interval was built from. The test may use
 * another one (see each function: NPS tests with the observed Wald standard error while its
 * default interval is adjusted Wald; CSAT tests with the pooled one), so `statistic` need not
 * equal `difference / standardError`.
 */
export interface SampleComparison {
  /** The score of sample a: NPS in points, CSAT share in [0, 1], or CES mean. */
  readonly a: number;
  /** The score of sample b, on the same scale. */
  readonly b: number;
  /** a − b (NPS points in −200…200, CSAT proportion in −1…1, CES scale points). */
  readonly difference: number;
  /** Standard error the interval was built from, on the scale of `difference`. */
  readonly standardError: number;
  /** Confidence interval for the difference (per comparison, not simultaneous). */
  readonly interval: Interval;
  /** z (NPS, CSAT) or Welch's t (CES); `undefined` when the test's standard error is 0 and the samples differ (both unanimous, on different answers). */
  readonly statistic: number | undefined;
  /** Welch–Satterthwaite degrees of freedom of the CES t test; `undefined` for z tests. */
  readonly degreesOfFreedom: number | undefined;
  /** Two-sided p-value; `undefined` when `statistic` is. */
  readonly pValue: number | undefined;
}
