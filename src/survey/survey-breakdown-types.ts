/** The result types of {@link surveyBreakdown} and {@link surveyBreakdownFromCounts}. */
import type { Interval } from '../models/interval';
import type { SurveyMetric } from '../models/interaction';
import type { CesResult } from './ces';
import type { CsatResult } from './csat';
import type { NpsResult } from './nps';

/** The full result of each metric, as {@link nps}, {@link csat} and {@link ces} report it. */
export type SurveyMetricResult<M extends SurveyMetric> = M extends 'nps' ? NpsResult : M extends 'csat' ? CsatResult : CesResult;

/** One group (and period) of a {@link surveyBreakdown}. Frozen. */
export interface SurveyBreakdownGroup<M extends SurveyMetric = SurveyMetric> {
  /** The group's value of the dimension; `null` for responses without one (and for the single group without `by`). A group is identified by `group` and `period` together. */
  readonly group: string | null;
  /** Period label (`2024-03`, `2024-Q1`, `2024-W05`…), when `period` is set. */
  readonly period: string | undefined;
  /** Start of the period in epoch ms (UTC), when `period` is set. The first period of the valid instant range starts before −8.64e15, where no `Date` reaches; its start is still exact. */
  readonly periodStart: number | undefined;
  /** The headline figure: NPS in points, CSAT share in [0, 1], or CES mean; `undefined` without answers. */
  readonly score: number | undefined;
  /** The confidence interval of `score` (same units); `undefined` when it cannot be computed. */
  readonly interval: Interval | undefined;
  /** Number of answers in the group. */
  readonly n: number;
  /** Kish effective sample size (= `n` when unweighted). */
  readonly effectiveSampleSize: number;
  /** True when `effectiveSampleSize < minimumSize`: read with care, do not rank on it. */
  readonly belowMinimum: boolean;
  /** The full result of the metric for the group. */
  readonly detail: SurveyMetricResult<M>;
}

/** What {@link surveyBreakdown} reports. Frozen. */
export interface SurveyBreakdownResult<M extends SurveyMetric = SurveyMetric> {
  /** The metric computed. */
  readonly metric: M;
  /** Groups sorted by group label (missing last), then by period. */
  readonly groups: readonly SurveyBreakdownGroup<M>[];
  /** The minimum size used for flagging. */
  readonly minimumSize: number;
  /** The confidence level used. */
  readonly level: number;
  /** Responses of the metric without an answer (also counted per group in `detail.skipped`), plus `null`/`undefined` entries of the input. */
  readonly skipped: number;
  /** Interactions that are not survey responses of this metric (other metrics, purchases…). */
  readonly ignored: number;
}
