import { requireValues } from '../internal/input';
import { optionKeys, readOptions } from '../internal/options';
import { collectSurveyGroups } from './survey-groups';
import { breakdownResult } from './breakdown-result';
import { fail, requireCount, requireLevel, requireOneOf } from '../internal/validate';
import type { Customer } from '../models/customer';
import type { Interaction, SurveyMetric, SurveyResponse, SurveyScale } from '../models/interaction';
import { SURVEY_METRICS } from '../models/interaction';
import type { TimeUnit } from '../models/time';
import type { Accessor, Values } from '../models/values';
import type { CesRange } from './ces';
import { CSAT_INTERVAL_METHODS, type CsatIntervalMethod } from './csat-interval';
import { NPS_INTERVAL_METHODS, type NpsIntervalMethod } from './nps-interval';
import type { SurveyBreakdownResult } from './survey-breakdown-types';

/** What to group responses by: a field of the response, the customer's segment, or your own key. */
export type SurveyBreakdownDimension = 'touchpoint' | 'channel' | 'segment' | Accessor<SurveyResponse, string | null | undefined>;

/** Options of {@link surveyBreakdown}. */
export interface SurveyBreakdownOptions<M extends SurveyMetric = SurveyMetric> {
  /** Which survey metric to compute; responses of other metrics (and non-survey interactions) are counted in `ignored`. */
  readonly metric: M;
  /**
   * Group by `'touchpoint'` or `'channel'` (fields of the response), `'segment'` (the
   * `segment` of the response's customer, from `customers`), or an accessor returning a label.
   * Default: no grouping (one group, `group: null`). Responses without a value (including
   * customers missing from `customers` or without a segment) form their own group with
   * `group: null`, sorted last; nothing is dropped.
   */
  readonly by?: SurveyBreakdownDimension;
  /** Split every group by calendar period of `at` (UTC; ISO weeks) for trends. Default: no split. */
  readonly period?: TimeUnit;
  /** Customers, read for their `segment` when `by` is `'segment'`. */
  readonly customers?: Values<Customer>;
  /** Confidence level of every group's interval, strictly between 0 and 1. Default `0.95`. */
  readonly level?: number;
  /** Interval method: NPS `'adjusted-wald'` (default) or `'wald'`; CSAT `'wilson'` (default) or `'clopper-pearson'`; CES always Student-t. */
  readonly method?: NpsIntervalMethod | CsatIntervalMethod;
  /**
   * Groups whose (effective) sample size is below this are flagged `belowMinimum: true` —
   * still reported, with their (wide) interval. Default `30`: below about 30 answers a 95 %
   * NPS interval is typically ±25–35 points wide, too wide to rank groups on. Raise it for
   * decisions, lower it for exploration; `0` flags nothing.
   */
  readonly minimumSize?: number;
  /** Reads a survey weight per response: 0, or between 1e-100 and 1e100 (weights are relative). Default: none. A `null`/`undefined` weight skips the response. */
  readonly weight?: Accessor<SurveyResponse, number | null | undefined>;
  /** CSAT/CES answer scale. Default: the metric's usual scale (CSAT 1–5, CES 1–7); NPS is always 0–10 (a `scale` with `metric: 'nps'` is `INVALID_OPTION`). */
  readonly scale?: SurveyScale;
  /** CSAT only (`INVALID_OPTION` with another metric): lowest satisfied score. Default `scale.max − 1`. */
  readonly threshold?: number;
  /** CES only (`INVALID_OPTION` with another metric): scores that mean "easy" (default: above the midpoint). */
  readonly easy?: CesRange;
  /** CES only (`INVALID_OPTION` with another metric): scores that mean "difficult" (default: below the midpoint). */
  readonly difficult?: CesRange;
}

const FN = 'surveyBreakdown';

const OPTION_KEYS = optionKeys<SurveyBreakdownOptions>({
  metric: true,
  by: true,
  period: true,
  customers: true,
  level: true,
  method: true,
  minimumSize: true,
  weight: true,
  scale: true,
  threshold: true,
  easy: true,
  difficult: true,
});

/**
 * NPS, CSAT or CES per segment, touchpoint, channel or your own key, optionally per calendar
 * period (trends), in one pass over survey responses — each group with its interval, small
 * groups flagged rather than hidden.
 *
 * ```text
 * for each survey response of `metric`: key = (by(response), period(at)) → that key's tally
 * per group: the tally's result (as nps / csat / ces), its interval, n, effective n
 * belowMinimum = effective n < minimumSize (default 30)
 * ```
 *
 * Source: the metrics and intervals of {@link nps} / {@link npsInterval}, {@link csat} /
 * {@link csatInterval}, {@link ces}; calendar periods in UTC with ISO 8601 weeks.
 *
 * @param responses - Interactions; survey responses of `metric` are used, everything else is counted in `ignored`.
 * @param options - The metric, the dimension, the period, interval settings, the minimum size.
 * @returns Groups sorted by label then period, with totals of skipped and ignored responses.
 * @throws {@link models!CxMetricsError} the score codes of the metric (with the response's index);
 *   `INVALID_DATE` for a bad `at` when `period` is set; `INCONSISTENT_INPUT` for a response
 *   whose `scale` differs from the one used; `INVALID_RECORD` for a non-string group label;
 *   `INVALID_OPTION` for an unknown metric, dimension, unit or method, an option of another metric
 *   (`scale` for NPS, `threshold` outside CSAT, `easy`/`difficult` outside CES), or `by: 'segment'`
 *   without `customers`; `OUT_OF_RANGE` for a bad level; `NEGATIVE_VALUE`/`NOT_AN_INTEGER` for a bad minimum size.
 *   `INVALID_INPUT` when `responses` is not an array, a typed array or an iterable; `INVALID_OPTION` for options that are not a plain object or have an unknown key (the nearest documented name is suggested), or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { surveyBreakdown } from 'cx-metrics/survey';
 * const at = Date.UTC(2024, 0, 15);
 * const responses = [
 *   { type: 'survey', metric: 'nps', customerId: 'a', at, channel: 'web', score: 10 },
 *   { type: 'survey', metric: 'nps', customerId: 'b', at, channel: 'web', score: 9 },
 *   { type: 'survey', metric: 'nps', customerId: 'c', at, channel: 'phone', score: 3 },
 *   { type: 'survey', metric: 'csat', customerId: 'a', at, channel: 'web', score: 5 },
 * ] as const;
 * const r = surveyBreakdown(responses, { metric: 'nps', by: 'channel', period: 'month' });
 * r.groups.map((g) => [g.group, g.period]); // => [['phone', '2024-01'], ['web', '2024-01']]
 * r.groups[1]; // => { group: 'web', period: '2024-01', score: 100, n: 2, belowMinimum: true }
 * r.ignored; // => 1
 * surveyBreakdown(responses, { metric: 'nps', by: 'segment' }); // => throws INVALID_OPTION
 * ```
 */
export function surveyBreakdown<M extends SurveyMetric>(
  responses: Values<Interaction>,
  options: SurveyBreakdownOptions<M>,
): SurveyBreakdownResult<M> {
  if (options === undefined) {
    throw fail('INVALID_OPTION', FN, 'options with at least { metric } are required', { field: 'options', value: options });
  }
  readOptions(FN, options, OPTION_KEYS);
  requireValues(FN, 'responses', responses);
  const metric = requireOneOf(FN, 'metric', options.metric, SURVEY_METRICS) as M;
  const level = requireLevel(FN, options.level ?? 0.95);
  const minimumSize = requireCount(FN, 'minimumSize', options.minimumSize ?? 30);
  const npsMethod =
    metric === 'nps' ? requireOneOf(FN, 'method', options.method ?? 'adjusted-wald', NPS_INTERVAL_METHODS) : 'adjusted-wald';
  const csatMethod = metric === 'csat' ? requireOneOf(FN, 'method', options.method ?? 'wilson', CSAT_INTERVAL_METHODS) : 'wilson';
  if (metric === 'ces' && options.method !== undefined) {
    throw fail('INVALID_OPTION', FN, 'method does not apply to CES (its interval is Student-t)', { field: 'method', value: options.method });
  }
  const { buckets, ignored, missing, unit } = collectSurveyGroups(FN, responses, options, metric, level);
  return breakdownResult(metric, buckets, unit, { level, minimumSize, npsMethod, csatMethod, missing, ignored });
}
