import type { ScoreOptionsArgument } from './score-options';
import type { Interval } from '../models/interval';
import { cesResult, createCesState, readCesSettings } from './scale-state';
import { binScores } from './survey-scores';
import type { SurveyScale } from '../models/interaction';
import type { Accessor, Values } from '../models/values';
import { optionKeys, readOptions } from '../internal/options';
import type { CesRange, CesResult } from './scale-types';
export type { CesRange, CesResult } from './scale-types';

/** Options of {@link ces}. */
export interface CesOptions<T = number> {
  /** Reads the score of a record. Default: the element itself. `null`/`undefined` = no answer. */
  readonly accessor?: Accessor<T, number | null | undefined>;
  /** Reads a survey weight per response: 0, or between 1e-100 and 1e100 (weights are relative). Default: none. A `null`/`undefined` weight skips the response. */
  readonly weight?: Accessor<T, number | null | undefined>;
  /** The integer answer scale. Default `{ min: 1, max: 7 }` (CES 2.0); use `{ min: 1, max: 5 }` for five points. */
  readonly scale?: SurveyScale;
  /**
   * Scores that mean "easy". Default: every score above the scale's midpoint — 5–7 on 1–7
   * ("somewhat agree" to "strongly agree" that the company made it easy), 4–5 on 1–5. For the
   * original CES 1.0 wording, where 1 is *low* effort, pass `{ from: 1, to: 2 }`.
   */
  readonly easy?: CesRange;
  /** Scores that mean "difficult". Default: every score below the midpoint — 1–3 on 1–7, 1–2 on 1–5. */
  readonly difficult?: CesRange;
  /** Confidence level of the interval for the mean, strictly between 0 and 1. Default `0.95`. */
  readonly level?: number;
}


const OPTION_KEYS = optionKeys<CesOptions<unknown>>({ accessor: true, weight: true, scale: true, easy: true, difficult: true, level: true });

/**
 * Customer Effort Score: the mean answer with a Student-t interval, the share of "easy" and
 * "difficult" answers, and net effort (easy − difficult).
 *
 * ```text
 * mean = Σ w·x / Σw;  s² = Σ w(x − mean)² / Σw × n/(n − 1);  SE = s/√n
 * CI   = mean ± t(1 − (1 − level)/2; n − 1) × SE, clipped to the scale
 * n    = number of answers (Kish effective n = (Σw)²/Σw² when weighted; unweighted: s² is the usual n − 1 variance)
 * easyShare = share of easy scores (default 5–7 on 1–7); difficultShare = share of difficult scores (1–3)
 * netEffort = easyShare − difficultShare
 * ```
 *
 * Source: M. Dixon, N. Toman & R. DeLisi (2013), *The Effortless Experience*, Portfolio/CEB:
 * CES 2.0 asks agreement with "The company made it easy for me to handle my issue" on 1–7
 * (1 = strongly disagree); the original CES (Dixon, Freeman & Toman (2010), "Stop Trying to
 * Delight Your Customers", Harvard Business Review 88(7/8)) used 1–5 with 1 = very low effort —
 * set `easy` and `difficult` accordingly. Student's t interval: any statistics text; the
 * weighted variant uses Kish's effective sample size (an approximation, documented as such).
 *
 * @param values - Scores (or records, with `accessor`): numbers, typed arrays or any iterable.
 * @param options - Accessor, weight, scale, easy / difficult ranges, level.
 * @returns Mean with interval, shares and net effort; figures are `undefined` without answers.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER`, `OUT_OF_RANGE`, `NOT_AN_INTEGER`,
 *   `NEGATIVE_VALUE` for bad scores or weights (as {@link csat}); `OUT_OF_RANGE` for a level
 *   outside (0, 1) or a range off the scale; `ORDER_VIOLATION` for a range with from > to;
 *   `INCONSISTENT_INPUT` for overlapping easy and difficult ranges.
 *   `INVALID_INPUT` when `values` is not an array, a typed array or an iterable; `INVALID_OPTION` for options that are not a plain object or have an unknown key (the nearest documented name is suggested), or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { ces } from 'cx-metrics/survey';
 * const r = ces([7, 6, 6, 5, 4, 2]);
 * r; // => { mean: 5, easyShare: 0.667, difficultShare: 0.167, netEffort: 0.5 }
 * r.interval; // => { lower: 3.12, upper: 6.88 }
 * ces([5, 4, 1], { scale: { min: 1, max: 5 } }).easyShare; // => 0.667
 * ces([]).mean; // => undefined
 * ces([8]); // => throws OUT_OF_RANGE
 * ```
 */
export function ces<T = number>(values: Values<T>, ...[options]: ScoreOptionsArgument<T, CesOptions<T>>): CesResult {
  readOptions('ces', options, OPTION_KEYS);
  const settings = readCesSettings('ces', options);
  const state = createCesState(settings);
  Object.assign(state, binScores('ces', values, settings.min, settings.max, options?.accessor, options?.weight));
  return cesResult(state);
}
