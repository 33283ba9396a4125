import { periodLabel, periodStart } from '../internal/calendar';
import { adjustPValues } from '../internal/multiple-comparisons';
import { requireValues } from '../internal/input';
import { optionKeys, readOptions } from '../internal/options';
import { collectSurveyGroups, type SurveyGroupBucket } from './survey-groups';
import { compareStates, estimateOf, mergeStates } from './survey-tests';
import { describeValue, fail, requireCount, requireLevel, requireOneOf } from '../internal/validate';
import type { Interaction, SurveyMetric } from '../models/interaction';
import { SURVEY_METRICS } from '../models/interaction';
import type { Interval } from '../models/interval';
import type { Values } from '../models/values';
import type { SampleComparison } from './sample-comparison';
import { NPS_INTERVAL_METHODS, type NpsIntervalMethod } from './nps-interval';
import type { SurveyBreakdownOptions } from './survey-breakdown';

/** How p-values are corrected for testing many groups (or periods) at once. */
export type MultipleComparisonCorrection = 'holm' | 'benjamini-hochberg';

/** The {@link MultipleComparisonCorrection}s as a run-time list. */
export const MULTIPLE_COMPARISON_CORRECTIONS: readonly MultipleComparisonCorrection[] = Object.freeze(['holm', 'benjamini-hochberg'] as const);

/**
 * What each group is compared with: all other answers, the overall score, or one reference
 * group named by its `group` (with `by`; `null` names the responses without a value) and its
 * `period` label (with `period`), exactly as the result's groups carry them.
 */
export type CompareGroupsVersus =
  | 'rest'
  | 'overall'
  | {
      /** The reference group's value (`'email'`, or `null` for responses without one); required with `by`, not allowed without. */
      readonly group?: string | null;
      /** The reference period's label (`'2024-03'`); required with `period`, not allowed without. */
      readonly period?: string;
    };

/** Options of {@link compareGroups}: the grouping of {@link surveyBreakdown} plus the test settings. */
export interface CompareGroupsOptions<M extends SurveyMetric = SurveyMetric> extends Omit<SurveyBreakdownOptions<M>, 'method' | 'minimumSize'> {
  /**
   * The comparison. `'rest'` (default): each group against all other answers pooled.
   * `'overall'`: the gap between the group and the overall score (all answers, the group's
   * included); its test is the same as against the rest. `{ reference: 'email' }`: every other
   * group against the group `'email'` (`{ group: 'email', period: '2024-03' }` when split by period).
   */
  readonly versus?: CompareGroupsVersus;
  /** `'holm'` (default; family-wise error rate) or `'benjamini-hochberg'` (false discovery rate). */
  readonly correction?: MultipleComparisonCorrection;
  /**
   * Groups whose effective sample size is below this (or compared with fewer answers than
   * this) are flagged `'too-small'` and not tested, so they do not dilute the correction.
   * Default `30`; `0` tests every group that has answers.
   */
  readonly minimumSize?: number;
  /** NPS only: the interval of each difference, `'adjusted-wald'` (default, as {@link compareNps}) or `'wald'`. The test is always Wald. */
  readonly method?: NpsIntervalMethod;
}

/**
 * Why a group was or was not tested: `'tested'`; `'too-small'` (it or what it is compared with
 * has an effective n below `minimumSize`; CES also needs more than 1); `'reference'` (the
 * reference group itself); `'no-variance'` (both sides unanimous on different answers: the
 * difference is plain, but a Wald test has no standard error).
 */
export type CompareGroupsStatus = 'tested' | 'too-small' | 'reference' | 'no-variance';

/** One group of a {@link compareGroups} result. Frozen. */
export interface CompareGroupsGroup {
  /** The group's value; `null` for answers without one (and for the groups of a `period`-only split). */
  readonly group: string | null;
  /** Period label, when `period` is set. */
  readonly period: string | undefined;
  /** Start of the period in epoch ms (UTC), when `period` is set. The first period of the valid instant range starts before −8.64e15, where no `Date` reaches; its start is still exact. */
  readonly periodStart: number | undefined;
  /** The group's score: NPS in points, CSAT share in [0, 1], or CES mean; `undefined` without answers. */
  readonly score: number | undefined;
  /** The score it is compared with (the rest, the overall score or the reference group); `undefined` when not compared. */
  readonly baseline: number | undefined;
  /** Number of answers in the group. */
  readonly n: number;
  /** Kish effective sample size (= `n` unweighted). */
  readonly effectiveSampleSize: number;
  /** score − baseline (NPS points, CSAT proportion, CES scale points); `undefined` when not tested. */
  readonly difference: number | undefined;
  /** Standard error the interval was built from (as {@link SampleComparison}); `undefined` when not tested. */
  readonly standardError: number | undefined;
  /** Interval for the difference (per comparison, not corrected for multiplicity); `undefined` when not tested. */
  readonly interval: Interval | undefined;
  /** z (NPS, CSAT) or Welch's t (CES); `undefined` when not tested. */
  readonly statistic: number | undefined;
  /** Welch–Satterthwaite degrees of freedom of the CES t test; `undefined` for NPS, CSAT and untested groups. */
  readonly degreesOfFreedom: number | undefined;
  /** Two-sided p-value of this comparison alone; `undefined` when not tested. */
  readonly pValue: number | undefined;
  /** p-value corrected for all tested groups (Holm or Benjamini–Hochberg), ≥ `pValue`; `undefined` when not tested. */
  readonly adjustedPValue: number | undefined;
  /** True when `adjustedPValue < 1 − level`. */
  readonly significant: boolean;
  /** Whether the group was tested, and why not. */
  readonly status: CompareGroupsStatus;
}

/** What {@link compareGroups} reports. Frozen. */
export interface CompareGroupsResult {
  /** The metric compared. */
  readonly metric: SurveyMetric;
  /** The comparison made. */
  readonly versus: CompareGroupsVersus;
  /** The correction applied. */
  readonly correction: MultipleComparisonCorrection;
  /** Confidence level of the intervals; `1 − level` is the significance threshold of the adjusted p-values. */
  readonly level: number;
  /** The minimum effective size used. */
  readonly minimumSize: number;
  /** The overall score of all answers. */
  readonly overall: number;
  /** Groups in the order of {@link surveyBreakdown} (label, missing last, then period). */
  readonly groups: readonly CompareGroupsGroup[];
  /** Number of groups tested: the size of the family the correction accounts for. */
  readonly tested: number;
  /** Responses of the metric without an answer, plus `null`/`undefined` entries of the input. */
  readonly skipped: number;
  /** Interactions that are not survey responses of this metric. */
  readonly ignored: number;
}

const FN = 'compareGroups';

const OPTION_KEYS = optionKeys<CompareGroupsOptions>({
  metric: true,
  by: true,
  period: true,
  customers: true,
  weight: true,
  scale: true,
  threshold: true,
  easy: true,
  difficult: true,
  level: true,
  versus: true,
  correction: true,
  minimumSize: true,
  method: true,
});

const VERSUS_KEYS = optionKeys<Exclude<CompareGroupsVersus, string>>({ group: true, period: true });

function requireVersus(value: unknown, grouped: boolean, split: boolean): CompareGroupsVersus {
  if (value === 'rest' || value === 'overall') return value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw fail('INVALID_OPTION', FN, `versus ${describeValue(value)} is not 'rest', 'overall' or { group, period }`, { field: 'versus', value });
  }
  readOptions(FN, value, VERSUS_KEYS);
  const v = value as { group?: unknown; period?: unknown };
  const hasGroup = 'group' in v && v.group !== undefined;
  if (hasGroup !== grouped || (hasGroup && v.group !== null && typeof v.group !== 'string')) {
    throw fail('INVALID_OPTION', FN, grouped ? `versus.group ${describeValue(v.group)} must name a group (a string, or null for responses without one)` : 'versus.group applies only with the by option', {
      field: 'versus.group',
      value: v.group,
    });
  }
  if ((v.period !== undefined) !== split || (v.period !== undefined && typeof v.period !== 'string')) {
    throw fail('INVALID_OPTION', FN, split ? `versus.period ${describeValue(v.period)} must name a period label such as '2024-03'` : 'versus.period applies only with the period option', {
      field: 'versus.period',
      value: v.period,
    });
  }
  return Object.freeze({ ...(hasGroup ? { group: v.group as string | null } : {}), ...(split ? { period: v.period as string } : {}) });
}

function describeCell(bucket: SurveyGroupBucket, grouped: boolean, unit: Parameters<typeof periodLabel>[1] | undefined): string {
  const periodText = bucket.period === undefined || unit === undefined ? undefined : `period ${periodLabel(bucket.period, unit)}`;
  const groupText = grouped ? `group ${describeValue(bucket.group)}` : undefined;
  return [groupText, periodText].filter((s) => s !== undefined).join(', ') || 'all answers';
}

/**
 * Which segments (touchpoints, channels, months…) really differ? Compares every group's NPS,
 * CSAT or CES with the rest of the answers, with the overall score or with a reference group,
 * and corrects the p-values for the number of groups tested (Holm by default,
 * Benjamini–Hochberg as an option). Groups too small to tell are flagged, not tested.
 *
 * ```text
 * groups: as surveyBreakdown (by, period, weights → Kish effective n)
 * NPS:  z = (NPS_g − NPS_b)/100 / √(V_g/n_g + V_b/n_b),  V = p + d − (p − d)²  (Wald test, as compareNps;
 *       interval adjusted Wald by default, Rocks 2016)
 * CSAT: pooled two-proportion z test, unpooled Wald interval (as compareCsat)
 * CES:  Welch t = (m_g − m_b)/√(s_g²/n_g + s_b²/n_b), df = Welch–Satterthwaite
 * p = two-sided;  adjusted p over the m tested groups:
 *   Holm:  p̃₍ᵢ₎ = max_{j≤i} min(1, (m − j + 1) p₍ⱼ₎);   BH: p̃₍ᵢ₎ = min_{j≥i} min(1, m/j · p₍ⱼ₎)
 * versus 'overall': gap g − overall = (1 − s)(g − rest), s = the group's share of the weight;
 *   z and p are those of g vs rest (the group is part of the overall: not an independent sample)
 * significant = adjusted p < 1 − level
 * (with two groups and versus 'rest' or 'overall' both rows are one test: no correction)
 * ```
 *
 * Sources: S. Holm (1979), Scandinavian Journal of Statistics 6(2), 65–70; Y. Benjamini & Y.
 * Hochberg (1995), JRSS B 57(1), 289–300; B. Rocks (2016), The American Statistician 70(4)
 * (NPS variance and adjusted Wald); B. L. Welch (1947), Biometrika 34(1–2), 28–35.
 *
 * Intervals are per comparison (not simultaneous); read significance from `adjustedPValue`.
 *
 * @param responses - Interactions; survey responses of `options.metric` are used, the rest counted in `ignored`.
 * @param options - The metric and grouping (as {@link surveyBreakdown}), `versus`, `correction`, `level`, `minimumSize`.
 * @returns Every group with its test, or `undefined` when no response of the metric has an answer.
 * @throws {@link models!CxMetricsError} the codes of {@link surveyBreakdown} (naming `compareGroups`);
 *   `INSUFFICIENT_DATA` when the answers fall in fewer than two groups; `UNKNOWN_REFERENCE` for a
 *   reference group that has no answers; `INVALID_OPTION` for an unknown `versus`,
 *   `correction` or `method` (or a `method` for CSAT or CES), an unknown option key or options that are not
 *   a plain object; `INVALID_INPUT` for responses that are not a collection.
 *
 * @example
 * ```ts
 * import { compareGroups } from 'cx-metrics/survey';
 * const responses = [
 *   ...Array.from({ length: 60 }, (_, i) => ({ type: 'survey', metric: 'nps', customerId: `w${i}`, at: 0, channel: 'web', score: i % 10 < 6 ? 10 : 5 })),
 *   ...Array.from({ length: 60 }, (_, i) => ({ type: 'survey', metric: 'nps', customerId: `p${i}`, at: 0, channel: 'phone', score: i % 10 < 3 ? 10 : 5 })),
 *   ...Array.from({ length: 60 }, (_, i) => ({ type: 'survey', metric: 'nps', customerId: `s${i}`, at: 0, channel: 'store', score: i % 10 < 5 ? 10 : 5 })),
 * ] as const;
 * const r = compareGroups(responses, { metric: 'nps', by: 'channel' })!;
 * r.groups.map((g) => g.group); // => ['phone', 'store', 'web']
 * r.groups[0]; // => { score: -40, baseline: 10, difference: -50, pValue: 0.000802, adjustedPValue: 0.00241, significant: true }
 * r.groups[1]; // => { difference: 10, pValue: 0.526, adjustedPValue: 0.526, significant: false }
 * r.groups[2]; // => { difference: 40, pValue: 0.00982, adjustedPValue: 0.0196, significant: true }
 * compareGroups(responses, { metric: 'nps', by: 'channel', versus: { group: 'web' } })!.groups[2].status; // => 'reference'
 * compareGroups([], { metric: 'nps', by: 'channel' }); // => undefined
 * compareGroups(responses, { metric: 'nps' }); // => throws INSUFFICIENT_DATA
 * ```
 */
export function compareGroups<M extends SurveyMetric>(responses: Values<Interaction>, options: CompareGroupsOptions<M>): CompareGroupsResult | undefined {
  if (options === undefined) {
    throw fail('INVALID_OPTION', FN, 'options with at least { metric } are required', { field: 'options', value: options });
  }
  readOptions(FN, options, OPTION_KEYS);
  requireValues(FN, 'responses', responses);
  const metric = requireOneOf(FN, 'metric', options.metric, SURVEY_METRICS);
  const level = requireLevel(FN, options.level ?? 0.95);
  const minimumSize = requireCount(FN, 'minimumSize', options.minimumSize ?? 30);
  const correction = requireOneOf(FN, 'correction', options.correction ?? 'holm', MULTIPLE_COMPARISON_CORRECTIONS);
  const versus = requireVersus(options.versus ?? 'rest', options.by !== undefined, options.period !== undefined);
  if (metric !== 'nps' && options.method !== undefined) {
    throw fail('INVALID_OPTION', FN, `method applies to NPS only (CSAT: pooled z test, CES: Welch t)`, { field: 'method', value: options.method });
  }
  const npsMethod = requireOneOf(FN, 'method', options.method ?? 'adjusted-wald', NPS_INTERVAL_METHODS);
  const { buckets: all, ignored, missing, unit } = collectSurveyGroups(FN, responses, options, metric, level);
  const estimates = all.map((b) => estimateOf(metric, b.state));
  const skipped = all.reduce((sum, b) => sum + b.state.skipped, missing);
  // Groups whose every response was skipped (or weighted 0) have nothing to compare.
  const live = all.flatMap((b, k) => ((estimates[k] as { score: number | undefined }).score === undefined ? [] : [k]));
  if (live.length === 0) return undefined;
  const grouped = options.by !== undefined;
  if (live.length < 2) {
    throw fail('INSUFFICIENT_DATA', FN, `the answers fall in ${live.length} group (${describeCell(all[live[0] as number] as SurveyGroupBucket, grouped, unit)}); comparing needs at least two`, {
      field: 'by',
    });
  }
  const overallState = mergeStates(FN, metric, all.map((b) => b.state));
  const overallEstimate = estimateOf(metric, overallState);
  let referenceIndex: number | undefined;
  if (typeof versus === 'object') {
    const matches = (b: SurveyGroupBucket) =>
      (!grouped || b.group === versus.group) && (b.period === undefined || unit === undefined || periodLabel(b.period, unit) === versus.period);
    referenceIndex = live.find((k) => matches(all[k] as SurveyGroupBucket));
    if (referenceIndex === undefined) {
      const named = [grouped ? `group ${describeValue(versus.group)}` : undefined, versus.period === undefined ? undefined : `period ${describeValue(versus.period)}`].filter((s) => s !== undefined).join(', ');
      throw fail('UNKNOWN_REFERENCE', FN, `reference ${named} has no answers`, { field: 'versus', value: grouped ? versus.group : versus.period });
    }
  }
  const rows = all.map((bucket, k) => {
    const own = estimates[k]!;
    const base = {
      group: bucket.group,
      period: bucket.period === undefined || unit === undefined ? undefined : periodLabel(bucket.period, unit),
      periodStart: bucket.period === undefined || unit === undefined ? undefined : periodStart(bucket.period, unit),
      score: own.score,
      n: own.n,
      effectiveSampleSize: own.effectiveSampleSize,
    };
    const untested = (status: CompareGroupsStatus, baseline: number | undefined) => ({
      ...base,
      baseline,
      difference: undefined,
      standardError: undefined,
      interval: undefined,
      statistic: undefined,
      degreesOfFreedom: undefined,
      pValue: undefined,
      status,
    });
    if (k === referenceIndex) return untested('reference', undefined);
    let other: SurveyGroupBucket['state'];
    if (referenceIndex !== undefined) other = (all[referenceIndex] as SurveyGroupBucket).state;
    else {
      const rest = live.filter((j) => j !== k).map((j) => (all[j] as SurveyGroupBucket).state);
      other = mergeStates(FN, metric, rest.length > 0 ? rest : [bucket.state]);
    }
    const otherEstimate = estimateOf(metric, other);
    const baseline = versus === 'overall' ? overallEstimate.score : otherEstimate.score;
    const small = (e: { effectiveSampleSize: number }) => e.effectiveSampleSize < minimumSize || e.effectiveSampleSize <= (metric === 'ces' ? 1 : 0);
    if (own.score === undefined || small(own) || small(otherEstimate)) return untested('too-small', baseline);
    const c = compareStates(metric, bucket.state, other, level, npsMethod);
    if (c === undefined) return untested('no-variance', baseline);
    // Against the overall score: g − overall = (1 − s)(g − rest), s = the group's share of Σw.
    const f = versus === 'overall' ? otherEstimate.weightTotal / (own.weightTotal + otherEstimate.weightTotal) : 1;
    return {
      ...base,
      baseline,
      difference: versus === 'overall' ? (own.score as number) - (overallEstimate.score as number) : c.difference,
      standardError: f * c.standardError,
      interval: Object.freeze({ lower: f * c.interval.lower, upper: f * c.interval.upper }),
      statistic: c.statistic,
      degreesOfFreedom: c.degreesOfFreedom,
      pValue: c.pValue,
      status: 'tested' as CompareGroupsStatus,
    };
  });
  const testedIndices = rows.flatMap((r, k) => (r.pValue === undefined ? [] : [k]));
  // With two groups, "each against the rest" is one hypothesis tested twice (the same z): no correction.
  const raw = testedIndices.map((k) => rows[k]!.pValue as number);
  const adjusted = referenceIndex === undefined && live.length === 2 ? raw : adjustPValues(raw, correction);
  const adjustedOf = new Map(testedIndices.map((k, j) => [k, adjusted[j] as number]));
  const groups = rows.map((r, k) => {
    const adjustedPValue = adjustedOf.get(k);
    return Object.freeze({ ...r, adjustedPValue, significant: adjustedPValue !== undefined && adjustedPValue < 1 - level });
  });
  return Object.freeze({
    metric,
    versus,
    correction,
    level,
    minimumSize,
    overall: overallEstimate.score as number,
    groups: Object.freeze(groups),
    tested: testedIndices.length,
    skipped,
    ignored,
  });
}
