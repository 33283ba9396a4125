import type { ScoreOptionsArgument } from './score-options';
import { createCsatState, csatResult, readCsatSettings } from './scale-state';
import { binScores } from './survey-scores';
import type { SurveyScale } from '../models/interaction';
import type { Accessor, Values } from '../models/values';
import { optionKeys, readOptions } from '../internal/options';
import type { CsatOptions, CsatWeights, CsatResult } from './scale-types';
export type { CsatOptions, CsatWeights, CsatResult } from './scale-types';


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
