import type { WithScoreAccessor } from './score-options';
import type { Interval } from '../models/interval';
import { normalCdf } from '../internal/normal';
import { intervalBasis, netVariance, npsIntervalOf, readNpsInput, summarizeNps } from './nps-state';
import { optionKeys, readOptions } from '../internal/options';
import { cesResult, createCesState, createCsatState, csatIntervalOf, csatResult, readCesSettings, readCsatInput, readCsatSettings } from './scale-state';
import { studentTCdf, studentTQuantile } from '../internal/student-t';
import { binScores, isSummaryObject, readCount } from './survey-scores';
import { describeValue, fail, requireFinite, requireLevel, requireOneOf } from '../internal/validate';
import type { SurveyMetric, SurveyScale } from '../models/interaction';
import { SURVEY_METRICS } from '../models/interaction';
import type { Accessor, Values } from '../models/values';
import type { CesRange, CesResult } from './ces';
import type { CsatResult } from './csat';
import type { CsatCounts } from './csat-interval';
import type { NpsCounts, NpsResult } from './nps';

/** The alternative hypothesis of {@link benchmarkTest}: the score differs from, is above, or is below the benchmark. */
export type BenchmarkAlternative = 'two-sided' | 'greater' | 'less';

/** The {@link BenchmarkAlternative}s as a run-time list. */
export const BENCHMARK_ALTERNATIVES: readonly BenchmarkAlternative[] = Object.freeze(['two-sided', 'greater', 'less'] as const);

/** Options of {@link benchmarkTest}. */
export interface BenchmarkTestOptions<T = number> {
  /** `'nps'`, `'csat'` or `'ces'`. Required. */
  readonly metric: SurveyMetric;
  /**
   * The value to test against, on the metric's own scale: NPS points in [−100, 100] (an
   * industry +36 is `36`); a CSAT share strictly between 0 and 1; a CES mean on the scale.
   * Required.
   */
  readonly benchmark: number;
  /** `'two-sided'` (default), `'greater'` (is the score above the benchmark?) or `'less'`. */
  readonly alternative?: BenchmarkAlternative;
  /** Confidence level of the (two-sided) interval, strictly between 0 and 1. Default `0.95`. */
  readonly level?: number;
  /** Reads the score of a record. Default: the element itself. `null`/`undefined` = no answer. */
  readonly accessor?: Accessor<T, number | null | undefined>;
  /** Reads a survey weight per response (Kish effective n is used). Default: none. */
  readonly weight?: Accessor<T, number | null | undefined>;
  /** CSAT/CES answer scale. Default: CSAT 1–5, CES 1–7. */
  readonly scale?: SurveyScale;
  /** CSAT only: lowest satisfied score. Default `scale.max − 1`. */
  readonly threshold?: number;
  /** CES only: scores that mean "easy" (as {@link ces}). */
  readonly easy?: CesRange;
  /** CES only: scores that mean "difficult" (as {@link ces}). */
  readonly difficult?: CesRange;
}

/** What {@link benchmarkTest} reports. Frozen. */
export interface BenchmarkTestResult {
  /** The metric tested. */
  readonly metric: SurveyMetric;
  /** The observed score: NPS points, CSAT share, or CES mean. */
  readonly score: number;
  /** The estimate tested: for NPS the adjusted-Wald NPS (pseudo-answers added), otherwise `score`. */
  readonly estimate: number;
  /** The benchmark. */
  readonly benchmark: number;
  /** estimate − benchmark. */
  readonly difference: number;
  /** Standard error of the estimate (NPS: adjusted Wald; CSAT: under the benchmark, √(p₀(1 − p₀)/n); CES: s/√n); `undefined` for CES with one answer. */
  readonly standardError: number | undefined;
  /** Confidence interval for the score (NPS adjusted Wald, CSAT Wilson, CES Student t); `undefined` when it cannot be computed. */
  readonly interval: Interval | undefined;
  /** z (NPS, CSAT) or t (CES); `undefined` when the standard error is 0 (or unknown) and the estimate differs from the benchmark. */
  readonly statistic: number | undefined;
  /** Degrees of freedom of the CES t test (effective n − 1); `undefined` for NPS and CSAT. */
  readonly degreesOfFreedom: number | undefined;
  /** p-value under the chosen alternative; `undefined` when `statistic` is. */
  readonly pValue: number | undefined;
  /** The alternative hypothesis. */
  readonly alternative: BenchmarkAlternative;
  /** The confidence level of the interval. */
  readonly level: number;
  /** Number of answers. */
  readonly n: number;
  /** Kish effective sample size (= `n` unweighted). */
  readonly effectiveSampleSize: number;
  /** Responses without an answer (`null`/`undefined` score or weight); 0 for counts. */
  readonly skipped: number;
}

const FN = 'benchmarkTest';

const OPTION_KEYS = optionKeys<BenchmarkTestOptions>({
  metric: true,
  benchmark: true,
  alternative: true,
  level: true,
  accessor: true,
  weight: true,
  scale: true,
  threshold: true,
  easy: true,
  difficult: true,
});

function pValueOf(alternative: BenchmarkAlternative, lowerTail: (x: number) => number, statistic: number): number {
  if (alternative === 'greater') return lowerTail(-statistic);
  if (alternative === 'less') return lowerTail(statistic);
  return Math.min(1, 2 * lowerTail(-Math.abs(statistic)));
}

function isCesResult(value: unknown): value is CesResult {
  return isSummaryObject(value, 'netEffort') && 'mean' in value && 'effectiveSampleSize' in value;
}

/**
 * Is our score really above (or below) the benchmark? A one-sample test of NPS, CSAT or CES
 * against a fixed value, such as an industry NPS of +36: the adjusted-Wald z test for NPS, the
 * one-proportion z (score) test for CSAT, Student's t for CES.
 *
 * ```text
 * NPS:  n' = n + 3, p' = (p·n + ¾)/n', d' = (d·n + ¾)/n'  (Rocks' pseudo-answers)
 *       z = ((p' − d') − B/100) / √((p' + d' − (p' − d')²)/n')      interval: npsInterval (adjusted Wald)
 * CSAT: z = (p̂ − p₀) / √(p₀(1 − p₀)/n)                            interval: Wilson (inverts this test)
 * CES:  t = (x̄ − μ₀) / (s/√n), df = n − 1                          interval: Student t, as ces
 * n = answers, or Kish's effective n for weighted data
 * p-value: two-sided 2·P(Z > |z|); 'greater' P(Z > z); 'less' P(Z < z)   (t: Student's t with df)
 * ```
 *
 * Sources: the adjusted-Wald NPS of B. Rocks (2016), The American Statistician 70(4), 365–372,
 * which J. Sauro's MeasuringU method uses for NPS confidence intervals and comparisons with a
 * benchmark; the one-proportion score test and E. B. Wilson (1927), JASA 22(158); Student
 * (1908), Biometrika 6(1).
 *
 * @param input - Scores (or records with `accessor`); NPS also `{ promoters, passives, detractors }` or an {@link nps} result;
 *   CSAT also `{ satisfied, total }` or a {@link csat} result; CES also a {@link ces} result.
 * @param options - The metric and benchmark (required), the alternative, level, accessor, weight and scale settings.
 * @returns The test, or `undefined` when there is no answer (or every weight is 0).
 * @throws {@link models!CxMetricsError} the score, count and weight codes of {@link nps}, {@link csat} or {@link ces};
 *   `INVALID_NUMBER` / `OUT_OF_RANGE` for a benchmark that is not a number on the metric's scale
 *   (a CSAT benchmark of 0 or 1, or so close to them that the statistic overflows, included); `OUT_OF_RANGE` for a level
 *   outside (0, 1); `INVALID_OPTION` for an unknown metric, alternative or option key; `INVALID_INPUT`
 *   for an input that is neither scores nor one of the summary forms.
 *
 * @example
 * ```ts
 * import { benchmarkTest } from 'cx-metrics/survey';
 * const ours = { promoters: 120, passives: 50, detractors: 30 };
 * benchmarkTest(ours, { metric: 'nps', benchmark: 36 }); // => { score: 45, estimate: 44.33, statistic: 1.60, pValue: 0.109 }
 * benchmarkTest(ours, { metric: 'nps', benchmark: 36, alternative: 'greater' })!.pValue; // => 0.0546
 * benchmarkTest({ satisfied: 172, total: 200 }, { metric: 'csat', benchmark: 0.8 }); // => { statistic: 2.12, pValue: 0.0339 }
 * benchmarkTest([5, 6, 7, 4, 6, 5, 7, 6], { metric: 'ces', benchmark: 5 }); // => { score: 5.75, degreesOfFreedom: 7, pValue: 0.0796 }
 * benchmarkTest([], { metric: 'nps', benchmark: 36 }); // => undefined
 * benchmarkTest(ours, { metric: 'csat', benchmark: 80 }); // => throws OUT_OF_RANGE
 * ```
 */
export function benchmarkTest<T = number>(
  input: Values<T> | NpsCounts | NpsResult | CsatCounts | CsatResult | CesResult,
  options: WithScoreAccessor<T, BenchmarkTestOptions<T>>,
): BenchmarkTestResult | undefined {
  if (options === undefined) {
    throw fail('INVALID_OPTION', FN, 'options with at least { metric, benchmark } are required', { field: 'options', value: options });
  }
  readOptions(FN, options, OPTION_KEYS);
  const metric = requireOneOf(FN, 'metric', options.metric, SURVEY_METRICS);
  const level = requireLevel(FN, options.level ?? 0.95);
  const alternative = requireOneOf(FN, 'alternative', options.alternative ?? 'two-sided', BENCHMARK_ALTERNATIVES);
  const benchmark = requireFinite(FN, 'benchmark', options.benchmark);
  const outside = (range: string) =>
    fail('OUT_OF_RANGE', FN, `benchmark ${describeValue(benchmark)} is outside ${range} for ${metric.toUpperCase()}`, { field: 'benchmark', value: options.benchmark });
  const common = { metric, benchmark, alternative, level };

  if (metric === 'nps') {
    if (benchmark < -100 || benchmark > 100) throw outside('−100…100 points');
    const result = readNpsInput<T>(FN, input, options.accessor, options.weight);
    const summary = summarizeNps(result);
    if (summary === undefined || result.score === undefined) return undefined;
    const { p, d, n } = intervalBasis(summary, 'adjusted-wald');
    const se = Math.sqrt(netVariance(p, d) / n); // > 0: the pseudo-answers cover all three categories
    const z = (p - d - benchmark / 100) / se;
    const interval = npsIntervalOf(result, level, 'adjusted-wald')!;
    return Object.freeze({
      ...common,
      score: result.score,
      estimate: 100 * (p - d),
      difference: 100 * (p - d) - benchmark,
      standardError: 100 * se,
      interval: Object.freeze({ lower: interval.lower, upper: interval.upper }),
      statistic: z,
      degreesOfFreedom: undefined,
      pValue: pValueOf(alternative, normalCdf, z),
      n: result.total,
      effectiveSampleSize: result.effectiveSampleSize,
      skipped: result.skipped,
    });
  }

  if (metric === 'csat') {
    if (!(benchmark > 0 && benchmark < 1)) throw outside('the open interval (0, 1) (a share, e.g. 0.8)');
    let answers: number;
    let successes: number;
    let n: number;
    let skipped = 0;
    if (isSummaryObject(input, 'satisfied')) {
      ({ successes, n } = readCsatInput<T>(FN, input, options));
      answers = readCount(FN, 'total', (input as { total?: unknown }).total);
      if ('skipped' in input) skipped = readCount(FN, 'skipped', input.skipped);
    } else {
      const settings = readCsatSettings(FN, options);
      const state = createCsatState(settings);
      Object.assign(state, binScores(FN, input as Values<T>, settings.min, settings.max, options.accessor, options.weight));
      const r = csatResult(state);
      [answers, successes, n, skipped] = [r.total, (r.share ?? 0) * r.effectiveSampleSize, r.effectiveSampleSize, r.skipped];
    }
    if (!(n > 0)) return undefined;
    const share = Math.min(1, successes / n);
    const se = Math.sqrt((benchmark * (1 - benchmark)) / n);
    const z = (share - benchmark) / se;
    // A benchmark within a few ulps of 0 or 1 (5e-324) makes the standard error underflow.
    if (!Number.isFinite(z)) throw fail('OUT_OF_RANGE', FN, `benchmark ${describeValue(benchmark)} is so close to 0 or 1 that the test statistic overflows a double`, { field: 'benchmark', value: options.benchmark });
    const interval = csatIntervalOf(successes, n, level, 'wilson')!;
    return Object.freeze({
      ...common,
      score: share,
      estimate: share,
      difference: share - benchmark,
      standardError: se,
      interval: Object.freeze({ lower: interval.lower, upper: interval.upper }),
      statistic: z,
      degreesOfFreedom: undefined,
      pValue: pValueOf(alternative, normalCdf, z),
      n: answers,
      effectiveSampleSize: n,
      skipped,
    });
  }

  let r: CesResult;
  if (isCesResult(input)) r = input;
  else {
    const settings = readCesSettings(FN, { ...options, level });
    const state = createCesState(settings);
    Object.assign(state, binScores(FN, input as Values<T>, settings.min, settings.max, options.accessor, options.weight));
    r = cesResult(state);
  }
  if (benchmark < r.scale.min || benchmark > r.scale.max) throw outside(`the scale ${r.scale.min}–${r.scale.max}`);
  if (r.mean === undefined) return undefined;
  const df = r.effectiveSampleSize > 1 ? r.effectiveSampleSize - 1 : undefined;
  const se = r.standardError;
  let t: number | undefined;
  if (se !== undefined && se > 0) t = (r.mean - benchmark) / se;
  else if (se !== undefined && r.mean === benchmark) t = 0;
  // The Student-t interval of ces, at this level (a ces result may carry another one).
  const half = se === undefined || df === undefined ? undefined : se === 0 ? 0 : studentTQuantile(1 - (1 - level) / 2, df) * se;
  return Object.freeze({
    ...common,
    score: r.mean,
    estimate: r.mean,
    difference: r.mean - benchmark,
    standardError: se,
    interval: half === undefined ? undefined : Object.freeze({ lower: Math.max(r.scale.min, r.mean - half), upper: Math.min(r.scale.max, r.mean + half) }),
    statistic: t,
    degreesOfFreedom: df,
    pValue: t === undefined || df === undefined ? undefined : pValueOf(alternative, (x) => studentTCdf(x, df), t),
    n: r.total,
    effectiveSampleSize: r.effectiveSampleSize,
    skipped: r.skipped,
  });
}
