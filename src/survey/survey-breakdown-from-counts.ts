import type { SurveyMetric, SurveyScale } from '../models/interaction';
import { SURVEY_METRICS } from '../models/interaction';
import type { TimeUnit } from '../models/time';
import type { Values } from '../models/values';
import { periodIndex, periodLabel, periodStart, requireTimeUnit, toEpochMs } from '../internal/calendar';
import { forEachValue, isMissing, requireValues } from '../internal/input';
import { optionKeys, readOptions } from '../internal/options';
import { atIndex, describeValue, fail, requireCount, requireLevel, requireOneOf, requireScore } from '../internal/validate';
import { breakdownResult } from './breakdown-result';
import type { CesRange } from './ces';
import type { CesTallyState } from './ces-tally';
import { CSAT_INTERVAL_METHODS, type CsatIntervalMethod } from './csat-interval';
import type { CsatTallyState } from './csat-tally';
import { NPS_INTERVAL_METHODS, type NpsIntervalMethod } from './nps-interval';
import { npsStateFromBins } from './nps-state';
import { createCesState, createCsatState, readCesSettings, readCsatSettings } from './scale-state';
import type { SurveyBreakdownResult } from './survey-breakdown-types';
import { bucketKey, compareBuckets, rejectOtherMetricOptions, type SurveyGroupBucket } from './survey-groups';
import { createBins, type ScoreBins } from './survey-scores';

/**
 * One cell of a score histogram counted elsewhere: a row of `surveyCountsSql`'s output (the
 * column names are the same), or of any engine that counts the same way.
 */
export interface SurveyCountRow {
  /** The group's label (a number, e.g. a segment id, is labelled by its decimal text); `null`/absent for no group. */
  readonly group?: string | number | null;
  /** Start of the row's calendar period (UTC midnight, the engine's `DATE`), read when the `period` option is given. */
  readonly period?: Date | number | null;
  /** The score as stored; `null` counts `responses` answers without a score (skipped). */
  readonly score: number | null;
  /** How many answers had this score in this group and period: a whole number ≥ 0. */
  readonly responses: number;
}

/** Options of {@link surveyBreakdownFromCounts}: those of `surveyBreakdown` that apply to counted scores. */
export interface SurveyBreakdownFromCountsOptions<M extends SurveyMetric = SurveyMetric> {
  /** Which survey metric the scores are of. Required. */
  readonly metric: M;
  /** The calendar unit of the rows' `period` (the query's `period`). Default: no periods (a row's `period` must then be absent or `null`). */
  readonly period?: TimeUnit;
  /** Confidence level of every group's interval, strictly between 0 and 1. Default `0.95`. */
  readonly level?: number;
  /** Interval method: NPS `'adjusted-wald'` (default) or `'wald'`; CSAT `'wilson'` (default) or `'clopper-pearson'`; CES always Student-t. */
  readonly method?: NpsIntervalMethod | CsatIntervalMethod;
  /** Groups with fewer answers than this are flagged `belowMinimum: true`. Default `30`. */
  readonly minimumSize?: number;
  /** CSAT/CES answer scale. Default: the metric's usual scale (CSAT 1–5, CES 1–7); not for NPS. */
  readonly scale?: SurveyScale;
  /** CSAT only: lowest satisfied score. Default `scale.max − 1`. */
  readonly threshold?: number;
  /** CES only: scores that mean "easy" (default: above the midpoint). */
  readonly easy?: CesRange;
  /** CES only: scores that mean "difficult" (default: below the midpoint). */
  readonly difficult?: CesRange;
}

const FN = 'surveyBreakdownFromCounts';

const OPTION_KEYS = optionKeys<SurveyBreakdownFromCountsOptions>({
  metric: true,
  period: true,
  level: true,
  method: true,
  minimumSize: true,
  scale: true,
  threshold: true,
  easy: true,
  difficult: true,
});

function readGroup(value: unknown, index: number): string | null {
  if (isMissing(value)) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw fail('INVALID_RECORD', FN, `group ${describeValue(value)}${atIndex(index)} is not a string or a finite number`, { field: 'group', value, index });
}

/**
 * `surveyBreakdown`'s result — NPS, CSAT or CES per group and calendar period, each with its
 * interval, small groups flagged — from score counts made elsewhere, typically by
 * `surveyCountsSql` in the warehouse. Each row adds `responses` unweighted answers of one score
 * to its (group, period) cell, so the result equals `surveyBreakdown` on the raw answers grouped
 * the same way, intervals and effective sizes included (counts are not survey weights).
 *
 * ```text
 * rows: (group, period, score, responses)
 * cell(group, period): n_s += responses for each score s   (unweighted: effective n = n)
 * per cell: the metric, its interval and belowMinimum exactly as surveyBreakdown computes them
 * ```
 *
 * Source: the metrics and intervals of {@link nps} / {@link npsInterval}, {@link csat} /
 * {@link csatInterval}, {@link ces}, as in {@link surveyBreakdown}.
 *
 * @param rows - Count rows (`null`/`undefined` rows are skipped).
 * @param options - The metric, the periods' unit, interval settings, the minimum size, the scale options.
 * @returns Groups sorted by label (missing last) then period, as {@link surveyBreakdown} returns
 *   them (`ignored` is 0; `skipped` counts the answers of `null`-score rows and the missing rows).
 * @throws {@link models!CxMetricsError} the score codes of the metric for a score outside its
 *   scale (`OUT_OF_RANGE`, `NOT_AN_INTEGER`, `INVALID_NUMBER`); `INVALID_NUMBER`,
 *   `NEGATIVE_VALUE`, `NOT_AN_INTEGER` for `responses` that is not a whole number ≥ 0;
 *   `INVALID_DATE` for a period that is not a valid `Date` or epoch ms; `INCONSISTENT_INPUT` for
 *   a period that is not the start of a `period` unit, or a row with a period when no `period`
 *   unit is given; `INVALID_RECORD` for a group that is neither a string nor a finite number;
 *   `INVALID_OPTION` for a missing or unknown metric, an unknown unit or method, an option of
 *   another metric; `OUT_OF_RANGE` for a bad level; `INVALID_INPUT` when `rows` is not a
 *   collection; `INVALID_OPTION` for options that are not a plain object or an unknown key.
 *
 * @example
 * ```ts
 * import { surveyBreakdownFromCounts } from 'cx-metrics/survey';
 * // What surveyCountsSql returned, grouped by channel:
 * const counts = [
 *   { group: 'web', score: 10, responses: 30 },
 *   { group: 'web', score: 8, responses: 10 },
 *   { group: 'web', score: 3, responses: 10 },
 *   { group: 'phone', score: 9, responses: 5 },
 *   { group: 'phone', score: 2, responses: 15 },
 *   { group: 'phone', score: null, responses: 4 },
 * ];
 * const r = surveyBreakdownFromCounts(counts, { metric: 'nps' });
 * r.groups.map((g) => [g.group, g.score, g.n, g.belowMinimum]); // => [['phone', -50, 20, true], ['web', 40, 50, false]]
 * r.skipped; // => 4
 * surveyBreakdownFromCounts([{ score: 11, responses: 1 }], { metric: 'nps' }); // => throws OUT_OF_RANGE
 * ```
 */
export function surveyBreakdownFromCounts<M extends SurveyMetric>(
  rows: Values<SurveyCountRow | null | undefined>,
  options: SurveyBreakdownFromCountsOptions<M>,
): SurveyBreakdownResult<M> {
  if (options === undefined) {
    throw fail('INVALID_OPTION', FN, 'options with at least { metric } are required', { field: 'options', value: options });
  }
  readOptions(FN, options, OPTION_KEYS);
  requireValues(FN, 'rows', rows);
  const metric = requireOneOf(FN, 'metric', options.metric, SURVEY_METRICS) as M;
  const level = requireLevel(FN, options.level ?? 0.95);
  const minimumSize = requireCount(FN, 'minimumSize', options.minimumSize ?? 30);
  const npsMethod = metric === 'nps' ? requireOneOf(FN, 'method', options.method ?? 'adjusted-wald', NPS_INTERVAL_METHODS) : 'adjusted-wald';
  const csatMethod = metric === 'csat' ? requireOneOf(FN, 'method', options.method ?? 'wilson', CSAT_INTERVAL_METHODS) : 'wilson';
  if (metric === 'ces' && options.method !== undefined) {
    throw fail('INVALID_OPTION', FN, 'method does not apply to CES (its interval is Student-t)', { field: 'method', value: options.method });
  }
  rejectOtherMetricOptions(FN, metric, options);
  const unit = options.period === undefined ? undefined : requireTimeUnit(FN, 'period', options.period);
  const csatSettings = metric === 'csat' ? readCsatSettings(FN, options) : undefined;
  const cesSettings = metric === 'ces' ? readCesSettings(FN, { ...options, level }) : undefined;
  const { min, max } = csatSettings ?? cesSettings ?? { min: 0, max: 10 };

  // Counts go straight into score bins, unweighted: n, Σw and Σw² all grow by `responses`.
  const cells = new Map<string, { group: string | null; period: number | undefined; bins: ScoreBins }>();
  let missing = 0;
  forEachValue(rows, (row: SurveyCountRow | null | undefined, i: number) => {
    if (isMissing(row)) {
      missing++;
      return;
    }
    const group = readGroup(row.group, i);
    let period: number | undefined;
    if (!isMissing(row.period)) {
      if (unit === undefined) {
        throw fail('INCONSISTENT_INPUT', FN, `row${atIndex(i)} has a period; give the unit it was counted in as the period option`, { field: 'period', value: row.period, index: i });
      }
      const ms = toEpochMs(FN, 'period', row.period, i);
      period = periodIndex(ms, unit);
      if (periodStart(period, unit) !== ms) {
        throw fail('INCONSISTENT_INPUT', FN, `period ${describeValue(row.period)}${atIndex(i)} is not the start of a ${unit} (${periodLabel(period, unit)})`, {
          field: 'period',
          value: row.period,
          index: i,
        });
      }
    }
    const responses = requireCount(FN, 'responses', row.responses, i);
    const key = bucketKey(group, period);
    let cell = cells.get(key);
    if (cell === undefined) {
      cell = { group, period, bins: createBins(min, max) };
      cells.set(key, cell);
    }
    if (isMissing(row.score)) {
      cell.bins.skipped += responses;
      return;
    }
    const k = requireScore(FN, row.score, min, max, i) - min;
    cell.bins.counts[k] = (cell.bins.counts[k] as number) + responses;
    cell.bins.weightSums[k] = (cell.bins.weightSums[k] as number) + responses;
    cell.bins.weightSquares += responses;
  });

  const buckets: SurveyGroupBucket[] = [...cells.values()].map(({ group, period, bins }) => ({
    group,
    period,
    state:
      metric === 'nps'
        ? npsStateFromBins(bins)
        : metric === 'csat'
          ? ({ ...createCsatState(csatSettings!), ...bins } as CsatTallyState)
          : ({ ...createCesState(cesSettings!), ...bins } as CesTallyState),
  }));
  return breakdownResult(metric, buckets.sort(compareBuckets), unit, { level, minimumSize, npsMethod, csatMethod, missing, ignored: 0 });
}
