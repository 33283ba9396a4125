/**
 * The result of a survey breakdown from its (group, period) tallies: shared by
 * `surveyBreakdown` (tallies of raw responses) and `surveyBreakdownFromCounts` (tallies of
 * counted scores), so both report every group the same way.
 */
import type { Interval } from '../models/interval';
import type { SurveyMetric } from '../models/interaction';
import type { TimeUnit } from '../models/time';
import { periodLabel, periodStart } from '../internal/calendar';
import { npsIntervalOf, npsResult } from './nps-state';
import { cesResult, csatIntervalOf, csatResult } from './scale-state';
import type { SurveyGroupBucket } from './survey-groups';
import type { SurveyBreakdownGroup, SurveyBreakdownResult, SurveyMetricResult } from './survey-breakdown-types';
import type { CesResult } from './ces';
import type { CsatResult } from './csat';
import type { CsatIntervalMethod } from './csat-interval';
import type { NpsResult } from './nps';
import type { NpsIntervalMethod } from './nps-interval';
import type { CesTallyState } from './ces-tally';
import type { CsatTallyState } from './csat-tally';
import type { NpsTallyState } from './nps-tally';

/** The validated settings a breakdown reports with, and its input totals. */
export interface BreakdownSettings {
  readonly level: number;
  readonly minimumSize: number;
  readonly npsMethod: NpsIntervalMethod;
  readonly csatMethod: CsatIntervalMethod;
  /** `null`/`undefined` entries of the input, added to the groups' own skipped answers. */
  readonly missing: number;
  readonly ignored: number;
}

/** Each bucket's metric, interval, sizes and flag, in the buckets' order; frozen. */
export function breakdownResult<M extends SurveyMetric>(
  metric: M,
  buckets: readonly SurveyGroupBucket[],
  unit: TimeUnit | undefined,
  settings: BreakdownSettings,
): SurveyBreakdownResult<M> {
  const { level, minimumSize } = settings;
  const groups = buckets.map((bucket) => {
    let detail: NpsResult | CsatResult | CesResult;
    let score: number | undefined;
    let interval: Interval | undefined;
    if (metric === 'nps') {
      const r = npsResult(bucket.state as NpsTallyState);
      const i = npsIntervalOf(r, level, settings.npsMethod);
      [detail, score, interval] = [r, r.score, i && Object.freeze({ lower: i.lower, upper: i.upper })];
    } else if (metric === 'csat') {
      const r = csatResult(bucket.state as CsatTallyState);
      const i = csatIntervalOf((r.share ?? 0) * r.effectiveSampleSize, r.effectiveSampleSize, level, settings.csatMethod);
      [detail, score, interval] = [r, r.share, i && Object.freeze({ lower: i.lower, upper: i.upper })];
    } else {
      const r = cesResult(bucket.state as CesTallyState);
      [detail, score, interval] = [r, r.mean, r.interval];
    }
    const dated = bucket.period !== undefined && unit !== undefined;
    const group: SurveyBreakdownGroup<M> = {
      group: bucket.group,
      period: dated ? periodLabel(bucket.period as number, unit) : undefined,
      periodStart: dated ? periodStart(bucket.period as number, unit) : undefined,
      score,
      interval,
      n: detail.total,
      effectiveSampleSize: detail.effectiveSampleSize,
      belowMinimum: detail.effectiveSampleSize < minimumSize,
      detail: detail as SurveyMetricResult<M>,
    };
    return Object.freeze(group);
  });
  const skipped = groups.reduce((sum, g) => sum + g.detail.skipped, settings.missing);
  return Object.freeze({ metric, groups: Object.freeze(groups), minimumSize, level, skipped, ignored: settings.ignored });
}
