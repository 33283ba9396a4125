/**
 * The grouping pass behind `surveyBreakdown` and the significance tests built on it: survey
 * responses of one metric → one score tally per (group, calendar period), validated once.
 */
import { periodIndex, requireTimeUnit, toEpochMs } from '../internal/calendar';
import { forEachRecord, forEachValue, isMissing, requireValues } from '../internal/input';
import { requireAccessor } from '../internal/options';
import { addNpsAnswer, createNpsState } from './nps-state';
import { createCesState, createCsatState, readCesSettings, readCsatSettings } from './scale-state';
import { addAnswer } from './survey-scores';
import { describeValue, fail, requireOneOf } from '../internal/validate';
import type { Customer } from '../models/customer';
import type { Interaction, SurveyMetric, SurveyResponse, SurveyScale } from '../models/interaction';
import type { TimeUnit } from '../internal/time';
import type { Accessor, Values } from '../internal/values';
import type { CesRange } from './ces';
import type { CesTallyState } from './ces-tally';
import type { CsatTallyState } from './csat-tally';
import type { NpsTallyState } from './nps-tally';

/** The tally of one group: NPS categories, or CSAT / CES score bins. */
export type SurveyGroupState = NpsTallyState | CsatTallyState | CesTallyState;

/** One (group, period) cell and its tally. */
export interface SurveyGroupBucket {
  /** The group's value; `null` for responses without one, and for the single group without `by`. */
  readonly group: string | null;
  readonly period: number | undefined;
  readonly state: SurveyGroupState;
}

/** The grouping options shared by surveyBreakdown, compareGroups and trendTest. */
export interface SurveyGroupingOptions {
  readonly by?: 'touchpoint' | 'channel' | 'segment' | Accessor<SurveyResponse, string | null | undefined>;
  readonly period?: TimeUnit;
  readonly customers?: Values<Customer>;
  readonly weight?: Accessor<SurveyResponse, number | null | undefined>;
  readonly scale?: SurveyScale;
  readonly threshold?: number;
  readonly easy?: CesRange;
  readonly difficult?: CesRange;
}

/** A setting of another metric would be ignored without a word: `INVALID_OPTION` naming it. */
export function rejectOtherMetricOptions(
  fn: string,
  metric: SurveyMetric,
  options: { readonly scale?: unknown; readonly threshold?: unknown; readonly easy?: unknown; readonly difficult?: unknown },
): void {
  for (const [key, applies] of [
    ['scale', metric !== 'nps'],
    ['threshold', metric === 'csat'],
    ['easy', metric === 'ces'],
    ['difficult', metric === 'ces'],
  ] as const) {
    if (!applies && options[key] !== undefined) {
      throw fail('INVALID_OPTION', fn, `${key} does not apply to ${metric.toUpperCase()}`, { field: key, value: options[key] });
    }
  }
}

function readGroupLabel(fn: string, value: unknown, index: number): string | null {
  if (isMissing(value)) return null;
  if (typeof value !== 'string') {
    throw fail('INVALID_RECORD', fn, `group ${describeValue(value)} at index ${index} is not a string`, { field: 'by', value, index });
  }
  return value;
}

/**
 * Tally the responses of `metric` per (group, period), validating the grouping options and
 * every response with the codes of `fn`. Buckets are sorted by group label (missing last),
 * then by period; `missing` counts the `null`/`undefined` entries of `responses` (skipped).
 */
export function collectSurveyGroups(
  fn: string,
  responses: Values<Interaction>,
  options: SurveyGroupingOptions,
  metric: SurveyMetric,
  level: number,
): { buckets: SurveyGroupBucket[]; ignored: number; missing: number; unit: TimeUnit | undefined } {
  const unit = options.period === undefined ? undefined : requireTimeUnit(fn, 'period', options.period);
  const by = options.by;
  if (by !== undefined && typeof by !== 'function') requireOneOf(fn, 'by', by, ['touchpoint', 'channel', 'segment'] as const);
  const weight = requireAccessor(fn, 'weight', options.weight);
  rejectOtherMetricOptions(fn, metric, options);
  if (options.customers !== undefined) requireValues(fn, 'customers', options.customers);
  const csatSettings = metric === 'csat' ? readCsatSettings(fn, options) : undefined;
  const cesSettings = metric === 'ces' ? readCesSettings(fn, { ...options, level }) : undefined;
  const scale = csatSettings ?? cesSettings ?? { min: 0, max: 10 };

  let segments: Map<string, string | null> | undefined;
  if (by === 'segment') {
    if (options.customers === undefined) {
      throw fail('INVALID_OPTION', fn, "by: 'segment' needs the customers option (their segment is read from it)", { field: 'customers' });
    }
    segments = new Map();
    const map = segments;
    forEachValue(requireValues<Customer>(fn, 'customers', options.customers), (c, i) => {
      if (c === null || typeof c !== 'object' || typeof c.id !== 'string') {
        throw fail('INVALID_RECORD', fn, `customer ${describeValue(c)} at index ${i} has no string id`, { field: 'customers', value: c, index: i });
      }
      map.set(c.id, readGroupLabel(fn, c.segment, i));
    });
  }

  const create = (): SurveyGroupState =>
    metric === 'nps' ? createNpsState() : metric === 'csat' ? createCsatState(csatSettings!) : createCesState(cesSettings!);
  const buckets = new Map<string, SurveyGroupBucket>();
  let ignored = 0;
  // A null or undefined response is skipped and counted, as a missing answer is.
  const missing = forEachRecord(responses, (r, i) => {
    if (typeof r !== 'object') {
      throw fail('INVALID_RECORD', fn, `interaction ${describeValue(r)} at index ${i} is not an object`, { value: r, index: i });
    }
    if (r.type !== 'survey' || r.metric !== metric) {
      ignored++;
      return;
    }
    if (r.scale !== undefined && (r.scale.min !== scale.min || r.scale.max !== scale.max)) {
      throw fail('INCONSISTENT_INPUT', fn, `response at index ${i} is on the scale ${r.scale.min}–${r.scale.max}, not ${scale.min}–${scale.max}`, {
        field: 'scale',
        value: r.scale,
        index: i,
      });
    }
    let group: string | null = null;
    if (by === 'touchpoint') group = readGroupLabel(fn, r.touchpoint, i);
    else if (by === 'channel') group = readGroupLabel(fn, r.channel, i);
    else if (by === 'segment') group = segments!.get(r.customerId) ?? null;
    else if (by !== undefined) group = readGroupLabel(fn, by(r, i), i);
    const period = unit === undefined ? undefined : periodIndex(toEpochMs(fn, 'at', r.at, i), unit);
    const key = bucketKey(group, period);
    let bucket = buckets.get(key);
    if (bucket === undefined) {
      bucket = { group, period, state: create() };
      buckets.set(key, bucket);
    }
    const value = weight === undefined ? r.score : { score: r.score, weight: weight(r, i) };
    if (metric === 'nps') addNpsAnswer(fn, bucket.state as NpsTallyState, value, i);
    else addAnswer(fn, bucket.state as CsatTallyState, value, i);
  });

  return { buckets: [...buckets.values()].sort(compareBuckets), ignored, missing, unit };
}

/** The order of grouped results: by group label (missing last), then by period. */
export function compareBuckets(a: SurveyGroupBucket, b: SurveyGroupBucket): number {
  if (a.group !== b.group) {
    if (a.group === null) return 1;
    if (b.group === null) return -1;
    return a.group < b.group ? -1 : 1;
  }
  return (a.period ?? 0) - (b.period ?? 0);
}

/** The key of a (group, period) cell in a map of buckets. */
export function bucketKey(group: string | null, period: number | undefined): string {
  return `${group === null ? '\u0000' : `\u0001${group}`}\u0002${period ?? ''}`;
}
