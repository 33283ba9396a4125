import { periodLabel, periodStart, requireTimeUnit } from '../internal/calendar';
import { adjustPValues } from '../internal/multiple-comparisons';
import { normalCdf, normalQuantile } from '../internal/normal';
import { requireValues } from '../internal/input';
import { optionKeys, readOptions } from '../internal/options';
import { collectSurveyGroups } from './survey-groups';
import { compareStates, estimateOf, type GroupEstimate } from './survey-tests';
import { fail, requireCount, requireLevel, requireOneOf } from '../internal/validate';
import type { Interaction, SurveyMetric } from '../models/interaction';
import { SURVEY_METRICS } from '../models/interaction';
import type { TimeUnit } from '../models/time';
import type { Interval } from '../models/interval';
import type { Values } from '../models/values';
import { MULTIPLE_COMPARISON_CORRECTIONS, type CompareGroupsStatus, type MultipleComparisonCorrection } from './compare-groups';
import { NPS_INTERVAL_METHODS, type NpsIntervalMethod } from './nps-interval';
import type { SurveyBreakdownOptions } from './survey-breakdown';
import type { SampleComparison } from './sample-comparison';

/** Options of {@link trendTest}: the metric and calendar period, plus the test settings. */
export interface TrendTestOptions<M extends SurveyMetric = SurveyMetric>
  extends Omit<SurveyBreakdownOptions<M>, 'method' | 'minimumSize' | 'by' | 'customers' | 'period'> {
  /** The calendar period (UTC; ISO weeks): `'day'`, `'week'`, `'month'`, `'quarter'` or `'year'`. Required. */
  readonly period: TimeUnit;
  /** `'holm'` (default) or `'benjamini-hochberg'`, over the period-to-period comparisons. */
  readonly correction?: MultipleComparisonCorrection;
  /**
   * Periods with an effective sample size below this are not tested against their
   * predecessor (`'too-small'`) and are left out of the linear trend. Default `30`.
   */
  readonly minimumSize?: number;
  /** NPS only: interval of each change, `'adjusted-wald'` (default) or `'wald'`. The test is always Wald. */
  readonly method?: NpsIntervalMethod;
}

/**
 * Why a period was or was not tested against the previous one: the statuses of
 * {@link compareGroups} (`'reference'` is not used) plus `'first'` for the earliest period.
 */
export type TrendTestStatus = Exclude<CompareGroupsStatus, 'reference'> | 'first';

/** One period of a {@link trendTest}, compared with the previous period that has answers. Frozen. */
export interface TrendTestPeriod {
  /** Period label (`2024-03`, `2024-Q1`, `2024-W05`…). */
  readonly period: string;
  /** Start of the period in epoch ms (UTC). The first period of the valid instant range starts before −8.64e15, where no `Date` reaches; its start is still exact. */
  readonly periodStart: number;
  /** The period's score: NPS in points, CSAT share, or CES mean; `undefined` without answers. */
  readonly score: number | undefined;
  /** Number of answers. */
  readonly n: number;
  /** Kish effective sample size (= `n` unweighted). */
  readonly effectiveSampleSize: number;
  /** Label of the period it is compared with (the previous one with answers); `undefined` for the first. */
  readonly previous: string | undefined;
  /** score − previous score; `undefined` when not tested. */
  readonly change: number | undefined;
  /** Standard error of the change; `undefined` when not tested. */
  readonly standardError: number | undefined;
  /** Interval for the change (per comparison, as {@link SampleComparison}); `undefined` when not tested. */
  readonly interval: Interval | undefined;
  /** z (NPS, CSAT) or Welch's t (CES); `undefined` when not tested. */
  readonly statistic: number | undefined;
  /** Welch–Satterthwaite degrees of freedom of the CES t test; `undefined` for NPS, CSAT and untested periods. */
  readonly degreesOfFreedom: number | undefined;
  /** Two-sided p-value of this change alone; `undefined` when not tested. */
  readonly pValue: number | undefined;
  /** p-value corrected over all tested changes, ≥ `pValue`; `undefined` when not tested. */
  readonly adjustedPValue: number | undefined;
  /** True when `adjustedPValue < 1 − level`. */
  readonly significant: boolean;
  /** Whether the change was tested, and why not. */
  readonly status: TrendTestStatus;
}

/** The weighted-least-squares line through the per-period scores. Frozen. */
export interface TrendTestLine {
  /** Change per period (NPS points, CSAT proportion or CES scale points per `period`). */
  readonly slope: number;
  /** Standard error of the slope (the per-period variances taken as known). */
  readonly standardError: number;
  /** Normal confidence interval for the slope, slope ± z·standardError. */
  readonly interval: Interval;
  /** slope / standardError. */
  readonly z: number;
  /** Two-sided p-value for "no linear trend" (slope 0). */
  readonly pValue: number;
  /** The fitted score at the first period used. */
  readonly intercept: number;
  /** Number of periods the line was fitted on. */
  readonly periods: number;
}

/** What {@link trendTest} reports. Frozen. */
export interface TrendTestResult {
  /** The metric tested. */
  readonly metric: SurveyMetric;
  /** The calendar period. */
  readonly unit: TimeUnit;
  /** Every period with answers, in time order. */
  readonly periods: readonly TrendTestPeriod[];
  /** The linear trend; `undefined` with fewer than two periods large enough, or when one of them has a variance of 0 (every answer alike). */
  readonly trend: TrendTestLine | undefined;
  /** The correction applied to the period-to-period tests. */
  readonly correction: MultipleComparisonCorrection;
  /** Confidence level of the intervals; `1 − level` is the significance threshold. */
  readonly level: number;
  /** The minimum effective size used. */
  readonly minimumSize: number;
  /** Number of period-to-period changes tested (the family size of the correction). */
  readonly tested: number;
  /** Responses of the metric without an answer, plus `null`/`undefined` entries of the input. */
  readonly skipped: number;
  /** Interactions that are not survey responses of this metric. */
  readonly ignored: number;
}

const FN = 'trendTest';

const OPTION_KEYS = optionKeys<TrendTestOptions>({
  metric: true,
  period: true,
  weight: true,
  scale: true,
  threshold: true,
  easy: true,
  difficult: true,
  level: true,
  correction: true,
  minimumSize: true,
  method: true,
});

/** The entries of `o` that are not undefined (the grouping options are exact-optional). */
function defined<O extends object>(o: O): { [K in keyof O]?: Exclude<O[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof O]?: Exclude<O[K], undefined> };
}

/** Weighted least squares of y on x with known variances v: the slope, its SE and the intercept at x = 0. */
function weightedLine(x: readonly number[], y: readonly number[], v: readonly number[]): { slope: number; se: number; intercept: number } {
  let sw = 0;
  let swx = 0;
  let swy = 0;
  for (let i = 0; i < x.length; i++) {
    const w = 1 / (v[i] as number);
    sw += w;
    swx += w * (x[i] as number);
    swy += w * (y[i] as number);
  }
  const mx = swx / sw;
  const my = swy / sw;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const w = 1 / (v[i] as number);
    const dx = (x[i] as number) - mx;
    sxx += w * dx * dx;
    sxy += w * dx * ((y[i] as number) - my);
  }
  const slope = sxy / sxx;
  return { slope, se: 1 / Math.sqrt(sxx), intercept: my - slope * mx };
}

/**
 * Did the score really move? Tests every calendar period's NPS, CSAT or CES against the
 * previous period (with the p-values corrected for the number of changes tested), and fits a
 * linear trend across all periods by weighted least squares with a z test of its slope.
 *
 * ```text
 * period k vs the previous period with answers: the two-sample test of compareGroups
 *   (NPS Wald z, CSAT pooled z, CES Welch t), adjusted by Holm (default) or Benjamini–Hochberg
 * trend: periods with effective n ≥ minimumSize; x = period number (0 = first used),
 *   y = score, v = its variance (NPS 100²·V/n, CSAT p(1 − p)/n, CES s²/n), w = 1/v
 *   slope = Σw(x − x̄)(y − ȳ) / Σw(x − x̄)²,  SE = 1/√(Σw(x − x̄)²)   (x̄, ȳ weighted means)
 *   z = slope/SE, p = 2·Φ(−|z|), interval slope ± z₁₋α/₂·SE
 * ```
 *
 * The per-period variances are treated as known (inverse-variance weighting, as in a fixed-effect
 * meta-regression); a score that wobbles around a line more than sampling explains makes the
 * trend's p-value too small, so read the period-to-period tests too. Source: the WLS estimator
 * of any regression text (e.g. Draper & Smith 1998, *Applied Regression Analysis*, §9.2); the
 * corrections and tests as in {@link compareGroups}.
 *
 * @param responses - Interactions; survey responses of `options.metric` are used, the rest counted in `ignored`.
 * @param options - The metric, the period, the correction, level, minimum size, weights and scale settings.
 * @returns The periods with their tests and the linear trend, or `undefined` when no response has an answer.
 * @throws {@link models!CxMetricsError} the codes of {@link surveyBreakdown} (naming `trendTest`);
 *   `INVALID_OPTION` for a missing or unknown period, correction or method; `INSUFFICIENT_DATA`
 *   when the answers fall in fewer than two periods; `INVALID_OPTION` for an unknown option key;
 *   `INVALID_INPUT` for responses that are not a collection.
 *
 * @example
 * ```ts
 * import { trendTest } from 'cx-metrics/survey';
 * const month = (m: number, promoters: number, detractors: number) =>
 *   Array.from({ length: 100 }, (_, i) => ({
 *     type: 'survey', metric: 'nps', customerId: `${m}-${i}`, at: Date.UTC(2024, m, 10),
 *     score: i < promoters ? 10 : i < 100 - detractors ? 8 : 3,
 *   }) as const);
 * const responses = [...month(0, 40, 30), ...month(1, 45, 25), ...month(2, 50, 25), ...month(3, 60, 15)];
 * const r = trendTest(responses, { metric: 'nps', period: 'month' })!;
 * r.periods.map((p) => p.score); // => [10, 20, 25, 45]
 * r.periods[3]; // => { previous: '2024-03', change: 20, pValue: 0.0719, adjustedPValue: 0.216, significant: false }
 * r.trend; // => { slope: 11.23, standardError: 3.52, pValue: 0.00143 }
 * trendTest(responses, { metric: 'nps' } as never); // => throws INVALID_OPTION
 * ```
 */
export function trendTest<M extends SurveyMetric>(responses: Values<Interaction>, options: TrendTestOptions<M>): TrendTestResult | undefined {
  if (options === undefined) {
    throw fail('INVALID_OPTION', FN, 'options with at least { metric, period } are required', { field: 'options', value: options });
  }
  readOptions(FN, options, OPTION_KEYS);
  requireValues(FN, 'responses', responses);
  const metric = requireOneOf(FN, 'metric', options.metric, SURVEY_METRICS);
  const unit = requireTimeUnit(FN, 'period', options.period);
  const level = requireLevel(FN, options.level ?? 0.95);
  const minimumSize = requireCount(FN, 'minimumSize', options.minimumSize ?? 30);
  const correction = requireOneOf(FN, 'correction', options.correction ?? 'holm', MULTIPLE_COMPARISON_CORRECTIONS);
  if (metric !== 'nps' && options.method !== undefined) {
    throw fail('INVALID_OPTION', FN, `method applies to NPS only (CSAT: pooled z test, CES: Welch t)`, { field: 'method', value: options.method });
  }
  const npsMethod = requireOneOf(FN, 'method', options.method ?? 'adjusted-wald', NPS_INTERVAL_METHODS);
  const { weight, scale, threshold, easy, difficult } = options;
  const grouping = { period: unit, ...defined({ weight, scale, threshold, easy, difficult }) };
  const { buckets, ignored, missing } = collectSurveyGroups(FN, responses, grouping, metric, level);
  const skipped = buckets.reduce((sum, b) => sum + b.state.skipped, missing);
  const estimates: GroupEstimate[] = buckets.map((b) => estimateOf(metric, b.state));
  const live = buckets.flatMap((_, k) => ((estimates[k] as GroupEstimate).score === undefined ? [] : [k]));
  if (live.length === 0) return undefined;
  if (live.length < 2) {
    const only = periodLabel(buckets[live[0] as number]!.period as number, unit);
    throw fail('INSUFFICIENT_DATA', FN, `the answers fall in one ${unit} (${only}); a trend needs at least two`, { field: 'period', value: unit });
  }
  const large = (e: GroupEstimate) => e.effectiveSampleSize >= minimumSize && e.effectiveSampleSize > (metric === 'ces' ? 1 : 0);
  let previousIndex: number | undefined;
  const rows = live.map((k) => {
    const bucket = buckets[k]!;
    const own = estimates[k]!;
    const prev = previousIndex;
    previousIndex = k;
    const base = {
      period: periodLabel(bucket.period as number, unit),
      periodStart: periodStart(bucket.period as number, unit),
      score: own.score,
      n: own.n,
      effectiveSampleSize: own.effectiveSampleSize,
      previous: prev === undefined ? undefined : periodLabel(buckets[prev]!.period as number, unit),
    };
    const untested = (status: TrendTestStatus) => ({
      ...base,
      change: undefined,
      standardError: undefined,
      interval: undefined,
      statistic: undefined,
      degreesOfFreedom: undefined,
      pValue: undefined,
      status,
    });
    if (prev === undefined) return untested('first');
    if (!large(own) || !large(estimates[prev]!)) return untested('too-small');
    const c = compareStates(metric, bucket.state, buckets[prev]!.state, level, npsMethod);
    if (c === undefined) return untested('no-variance');
    return {
      ...base,
      change: c.difference,
      standardError: c.standardError,
      interval: c.interval,
      statistic: c.statistic,
      degreesOfFreedom: c.degreesOfFreedom,
      pValue: c.pValue,
      status: 'tested' as TrendTestStatus,
    };
  });
  const testedRows = rows.flatMap((r, j) => (r.pValue === undefined ? [] : [j]));
  const adjusted = adjustPValues(
    testedRows.map((j) => rows[j]!.pValue as number),
    correction,
  );
  const adjustedOf = new Map(testedRows.map((j, t) => [j, adjusted[t] as number]));
  const periods = rows.map((r, j) => {
    const adjustedPValue = adjustedOf.get(j);
    return Object.freeze({ ...r, adjustedPValue, significant: adjustedPValue !== undefined && adjustedPValue < 1 - level });
  });

  let trend: TrendTestLine | undefined;
  const used = live.filter((k) => large(estimates[k]!));
  const variances = used.map((k) => estimates[k]!.variance as number);
  if (used.length >= 2 && variances.every((v) => v > 0)) {
    const first = buckets[used[0] as number]!.period as number;
    const x = used.map((k) => (buckets[k]!.period as number) - first);
    const y = used.map((k) => estimates[k]!.score as number);
    const { slope, se, intercept } = weightedLine(x, y, variances);
    const z = slope / se;
    const half = normalQuantile(1 - (1 - level) / 2) * se;
    trend = Object.freeze({
      slope,
      standardError: se,
      interval: Object.freeze({ lower: slope - half, upper: slope + half }),
      z,
      pValue: Math.min(1, 2 * normalCdf(-Math.abs(z))),
      intercept,
      periods: used.length,
    });
  }
  return Object.freeze({
    metric,
    unit,
    periods: Object.freeze(periods),
    trend,
    correction,
    level,
    minimumSize,
    tested: testedRows.length,
    skipped,
    ignored,
  });
}
