import type { ScoreOptionsArgument } from './score-options';
import { createCsatState, csatResult, readCsatSettings } from './scale-state';
import { binScores } from './survey-scores';
import type { SurveyScale } from '../models/interaction';
import type { Accessor, Values } from '../models/values';
import { optionKeys, readOptions } from '../internal/options';

/** Options of {@link csat}. */
export interface CsatOptions<T = number> {
  /** Reads the score of a record, e.g. `(r) => r.score`. Default: the element itself. `null`/`undefined` = no answer. */
  readonly accessor?: Accessor<T, number | null | undefined>;
  /** Reads a survey weight per response: 0, or between 1e-100 and 1e100 (weights are relative). Default: none. A response whose weight is `null`/`undefined` is skipped. */
  readonly weight?: Accessor<T, number | null | undefined>;
  /** The integer answer scale. Default `{ min: 1, max: 5 }`. */
  readonly scale?: SurveyScale;
  /** Lowest score that counts as satisfied. Default `scale.max − 1` (top-2-box: 4–5 on 1–5, 6–7 on 1–7, 9–10 on 1–10). */
  readonly threshold?: number;
}

/** Weight sums of a weighted {@link csat}. */
export interface CsatWeights {
  /** Σw over satisfied answers. */
  readonly satisfied: number;
  /** Σw over all answers. */
  readonly total: number;
}

/** What {@link csat} reports. Frozen. */
export interface CsatResult {
  /** Share of satisfied answers, a proportion in [0, 1] (weighted when weights were given); `undefined` without answers. */
  readonly share: number | undefined;
  /** Mean score, on the survey scale (weighted when weights were given); `undefined` without answers. */
  readonly mean: number | undefined;
  /** Number of satisfied answers (score ≥ threshold). */
  readonly satisfied: number;
  /** Number of answers. */
  readonly total: number;
  /** Responses without an answer (`null`/`undefined` score or weight). */
  readonly skipped: number;
  /** Answers per score, from `scale.min` to `scale.max`. */
  readonly counts: readonly number[];
  /** The scale used. */
  readonly scale: SurveyScale;
  /** The lowest satisfied score used. */
  readonly threshold: number;
  /** `total` when unweighted, Kish's (Σw)²/Σw² when weighted, 0 without answers. */
  readonly effectiveSampleSize: number;
  /** Whether per-response weights were applied. */
  readonly weighted: boolean;
  /** Weight sums; present for weighted input only. */
  readonly weights?: CsatWeights;
}


const OPTION_KEYS = optionKeys<CsatOptions<unknown>>({ accessor: true, weight: true, scale: true, threshold: true });

/**
 * Customer Satisfaction score: the share of satisfied answers (top-2-box by default) and the
 * mean score, on any integer scale.
 *
 * ```text
 * share = #(score ≥ threshold) / #answers        (weighted: Σw over satisfied / Σw)
 * mean  = Σ score / #answers                     (weighted: Σ w·score / Σw)
 * default threshold = max − 1: 4–5 on 1–5 ("satisfied" + "very satisfied")
 * ```
 *
 * Source: the top-2-box convention of the American Customer Satisfaction Index and of
 * satisfaction research generally (e.g. Hayes (2008), *Measuring Customer Satisfaction and
 * Loyalty*, 3rd ed., ASQ Quality Press); Kish (1965) for the effective sample size. For an
 * interval use {@link csatInterval}; to stream use {@link csatTally}.
 *
 * @param values - Scores (or records, with `accessor`): numbers, typed arrays or any iterable.
 * @param options - Accessor, weight, scale and threshold.
 * @returns Share, mean, counts per score; `share` and `mean` are `undefined` without answers.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for a non-finite or non-number score or weight;
 *   `OUT_OF_RANGE` for a score off the scale, a positive weight outside [1e-100, 1e100], or a bad scale/threshold; `NOT_AN_INTEGER` for a
 *   fractional score; `NEGATIVE_VALUE` for a negative weight; `INVALID_OPTION` for a bad option.
 *   `INVALID_INPUT` when `values` is not an array, a typed array or an iterable; `INVALID_OPTION` for options that are not a plain object or have an unknown key (the nearest documented name is suggested), or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { csat } from 'cx-metrics/survey';
 * csat([5, 4, 4, 3, 1, null]); // => { share: 0.6, mean: 3.4, satisfied: 3, total: 5, skipped: 1 }
 * csat([7, 6, 5, 2], { scale: { min: 1, max: 7 } }).share; // => 0.5
 * csat([9, 8, 10], { scale: { min: 1, max: 10 }, threshold: 8 }).share; // => 1
 * csat([]).share; // => undefined
 * csat([6]); // => throws OUT_OF_RANGE
 * ```
 */
export function csat<T = number>(values: Values<T>, ...[options]: ScoreOptionsArgument<T, CsatOptions<T>>): CsatResult {
  readOptions('csat', options, OPTION_KEYS);
  const settings = readCsatSettings('csat', options);
  const bins = binScores('csat', values, settings.min, settings.max, options?.accessor, options?.weight);
  const state = createCsatState(settings);
  Object.assign(state, bins);
  return csatResult(state);
}
