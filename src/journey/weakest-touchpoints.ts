import { optionKeys, readOptions } from '../internal/options';
import { describeValue, fail, requireCount, requireFinite, requireOneOf, requireProportion } from '../internal/validate';
import type { Channel } from '../models/channel';
import type { Interval } from '../models/interval';
import type { SurveyMetric } from '../models/interaction';
import { SURVEY_METRICS } from '../models/interaction';
import type { TouchpointScoresGroup, TouchpointScoresResult } from './touchpoint-scores';

/** Options of {@link weakestTouchpoints}. */
export interface WeakestTouchpointsOptions {
  /** The metric to rank by. Default `'nps'`. */
  readonly metric?: SurveyMetric;
  /** Leave out groups with fewer answers of that metric; a whole number ≥ 0. Default `30`. */
  readonly minimumSize?: number;
  /** How many to list; a whole number ≥ 1. Default: all. */
  readonly limit?: number;
}

/** One ranked touchpoint. */
export interface WeakestTouchpoint {
  /** Touchpoint id (`null`/`undefined` as in {@link TouchpointScoresGroup}). */
  readonly touchpoint: string | null | undefined;
  /** Channel (`null`/`undefined` as in {@link TouchpointScoresGroup}). */
  readonly channel: Channel | null | undefined;
  /** The estimate: NPS in points, CSAT share in [0, 1], or mean CES on its scale. */
  readonly estimate: number;
  /** Its interval (NPS adjusted Wald, CSAT Wilson, CES Student t); the upper end is the ranking key. */
  readonly interval: Interval;
  /** Answers of the metric in the group. */
  readonly responses: number;
}

/** What {@link weakestTouchpoints} returns. */
export interface WeakestTouchpointsResult {
  /** The metric ranked. */
  readonly metric: SurveyMetric;
  /** Weakest first: ascending upper bound, ties by estimate, then by touchpoint and channel. */
  readonly ranking: readonly WeakestTouchpoint[];
  /** Groups left out for having fewer than `minimumSize` answers (or too few for an interval). */
  readonly leftOut: number;
}


const OPTION_KEYS = optionKeys<WeakestTouchpointsOptions>({ metric: true, minimumSize: true, limit: true });

/**
 * Touchpoints ranked from weakest, by the **upper** end of their interval: a touchpoint is
 * called weak only when even the optimistic end of its interval is low, so a small group
 * with one bad answer does not top the list. Groups with fewer than `minimumSize` answers
 * are left out (and counted).
 *
 * ```text
 * key(group) = upper end of the interval of the metric
 *   NPS: adjusted-Wald interval in points;  CSAT: Wilson interval of the share;
 *   CES: Student-t interval of the mean (higher = easier, CES 2.0)
 * ranking    = groups with ≥ minimumSize answers, ascending key
 * ```
 *
 * @param scores - The result of {@link touchpointScores}.
 * @param options - `metric`, `minimumSize`, `limit`; see {@link WeakestTouchpointsOptions}.
 * @returns The ranking and how many groups were left out.
 * @throws CxMetricsError `INVALID_INPUT` (not a touchpointScores result: no `groups` array, a group
 *   or the metric's figures not an object, a touchpoint or channel not a string),
 *   `INVALID_NUMBER` (a total, estimate or interval end of the ranked metric not a finite number),
 *   `NEGATIVE_VALUE`/`NOT_AN_INTEGER` (a total), `OUT_OF_RANGE` (an NPS outside −100…100, a CSAT
 *   share outside [0, 1]), `INCONSISTENT_INPUT` (an interval whose lower end is above its upper end),
 *   `INVALID_OPTION` (metric),
 *   `NEGATIVE_VALUE`/`NOT_AN_INTEGER`/`INVALID_NUMBER` (`minimumSize`, `limit`),
 *   `OUT_OF_RANGE` (`limit` 0).
 *   `INVALID_OPTION` for options that are not a plain object or have an unknown key (the nearest documented name is suggested).
 *
 * @example
 * ```ts
 * import { touchpointScores, weakestTouchpoints } from 'cx-metrics/journey';
 * const answers = (touchpoint: string, ...scores: number[]) =>
 *   scores.map((score) => ({ type: 'survey' as const, customerId: 'c', at: 0, touchpoint, metric: 'nps' as const, score }));
 * const scores = touchpointScores([
 *   ...answers('checkout', 10, 9, 9, 8, 6, 3, 2, 1, 9, 10),
 *   ...answers('delivery', 9, 10, 10, 9, 8, 7, 9, 10, 9, 10),
 *   ...answers('returns', 0),
 * ]);
 * const weakest = weakestTouchpoints(scores, { minimumSize: 5 });
 * weakest.ranking.map((t) => t.touchpoint); // => ['checkout', 'delivery']
 * weakest.leftOut; // => 1
 * weakest.ranking[0].estimate; // => 10
 * ```
 */
export function weakestTouchpoints(scores: TouchpointScoresResult, options: WeakestTouchpointsOptions = {}): WeakestTouchpointsResult {
  const fn = 'weakestTouchpoints';
  if (scores === null || typeof scores !== 'object' || !Array.isArray((scores as Partial<TouchpointScoresResult>).groups)) {
    throw fail('INVALID_INPUT', fn, `scores ${describeValue(scores)} is not a touchpointScores result`, { field: 'scores', value: scores });
  }
  readOptions(fn, options, OPTION_KEYS);
  const metric = options.metric === undefined ? 'nps' : requireOneOf(fn, 'metric', options.metric, SURVEY_METRICS);
  const minimumSize = options.minimumSize === undefined ? 30 : requireCount(fn, 'minimumSize', options.minimumSize);
  let limit = Infinity;
  if (options.limit !== undefined) {
    limit = requireCount(fn, 'limit', options.limit);
    if (limit < 1) throw fail('OUT_OF_RANGE', fn, `limit ${describeValue(limit)} must be at least 1`, { field: 'limit', value: limit });
  }
  const ranking: WeakestTouchpoint[] = [];
  let leftOut = 0;
  const groups: readonly unknown[] = scores.groups;
  for (let index = 0; index < groups.length; index++) {
    const entry = measure(fn, groups[index], index, metric);
    if (entry === undefined || entry.responses < minimumSize) leftOut++;
    else ranking.push(Object.freeze(entry));
  }
  ranking.sort((a, b) => a.interval.upper - b.interval.upper || a.estimate - b.estimate || compareKeys(a.touchpoint, b.touchpoint) || compareKeys(a.channel, b.channel));
  return Object.freeze({ metric, ranking: Object.freeze(ranking.slice(0, limit)), leftOut });
}

/**
 * One group's entry for `metric`, its fields checked first (a result restored from storage or
 * built by hand): a group must be an object whose touchpoint and channel are strings (or
 * `null`/`undefined`), and the fields the metric reads must be finite and on their scale, so no
 * `TypeError`, `NaN` or `Infinity` reaches the ranking. `undefined` when the group has no
 * estimate or no interval for the metric (left out, as documented).
 */
function measure(fn: string, value: unknown, index: number, metric: SurveyMetric): WeakestTouchpoint | undefined {
  const path = `scores.groups[${index}]`;
  const group = requireObject(fn, path, value) as unknown as TouchpointScoresGroup;
  const touchpoint = requireKey(fn, `${path}.touchpoint`, group.touchpoint);
  const channel = requireKey(fn, `${path}.channel`, group.channel) as Channel | null | undefined;
  const at = `${path}.${metric}`;
  const stats = requireObject(fn, at, metric === 'nps' ? group.nps : metric === 'csat' ? group.csat : group.ces);
  const responses = requireCount(fn, `${at}.total`, stats['total']);
  const estimateKey = metric === 'nps' ? 'score' : metric === 'csat' ? 'share' : 'mean';
  const rawEstimate = stats[estimateKey];
  const rawInterval = metric === 'nps' ? group.npsInterval : metric === 'csat' ? group.csatInterval : stats['interval'];
  const intervalPath = metric === 'ces' ? `${at}.interval` : `${path}.${metric}Interval`;
  const estimate =
    rawEstimate === undefined
      ? undefined
      : metric === 'csat'
        ? requireProportion(fn, `${at}.${estimateKey}`, rawEstimate)
        : requireFinite(fn, `${at}.${estimateKey}`, rawEstimate);
  if (metric === 'nps' && estimate !== undefined && Math.abs(estimate) > 100) {
    throw fail('OUT_OF_RANGE', fn, `${at}.score ${describeValue(estimate)} is outside −100…100`, { field: `${at}.score`, value: estimate });
  }
  if (rawInterval === undefined) return undefined;
  const interval = requireObject(fn, intervalPath, rawInterval);
  const lower = requireFinite(fn, `${intervalPath}.lower`, interval['lower']);
  const upper = requireFinite(fn, `${intervalPath}.upper`, interval['upper']);
  if (!(lower <= upper)) {
    throw fail('INCONSISTENT_INPUT', fn, `${intervalPath} has lower ${describeValue(lower)} above upper ${describeValue(upper)}`, {
      field: intervalPath,
      value: rawInterval,
    });
  }
  if (estimate === undefined) return undefined;
  return { touchpoint, channel, estimate, interval: Object.freeze({ lower, upper }), responses };
}

/** A field of the result that must be a (non-array) object. */
function requireObject(fn: string, path: string, value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw fail('INVALID_INPUT', fn, `${path} ${describeValue(value)} is not an object of a touchpointScores result`, { field: path, value });
  }
  return value as Record<string, unknown>;
}

/** A touchpoint or channel: a string, or `null`/`undefined` (no touchpoint or channel). */
function requireKey(fn: string, path: string, value: unknown): string | null | undefined {
  if (value === null || value === undefined || typeof value === 'string') return value;
  throw fail('INVALID_INPUT', fn, `${path} ${describeValue(value)} is not a string, null or undefined`, { field: path, value });
}

function compareKeys(a: string | null | undefined, b: string | null | undefined): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return 1;
  if (b === undefined || b === null) return -1;
  return a < b ? -1 : 1;
}
