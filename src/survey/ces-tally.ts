import { cesResult, cesStates, checkCesState, createCesState, readCesSettings } from './scale-state';
import { addAnswer, mergeBins } from './survey-scores';
import { fail } from '../internal/validate';
import type { SurveyScale } from '../models/interaction';
import type { Reducer } from '../models/reducer';
import type { CesRange, CesResult } from './ces';
import type { SurveyTallyValue } from './nps-tally';
import { optionKeys, readOptions } from '../internal/options';
import type { CesTallyState } from './scale-types';
export type { CesTallyState } from './scale-types';

/** Options of {@link cesTally}'s `create`: those of {@link ces} without the accessors. */
export interface CesTallyOptions {
  /** The integer answer scale. Default `{ min: 1, max: 7 }`. */
  readonly scale?: SurveyScale;
  /** Scores that mean "easy". Default: above the midpoint (5–7 on 1–7). */
  readonly easy?: CesRange;
  /** Scores that mean "difficult". Default: below the midpoint (1–3 on 1–7). */
  readonly difficult?: CesRange;
  /** Confidence level of the interval for the mean. Default `0.95`. */
  readonly level?: number;
}

const OPTION_KEYS = optionKeys<CesTallyOptions>({ scale: true, easy: true, difficult: true, level: true });

/**
 * Streaming CES: `result` equals {@link ces} over the same answers (mean, Student-t interval,
 * shares, net effort — all exact from the per-score counts), `merge` is associative and
 * commutative, and the state's size depends only on the scale.
 *
 * ```text
 * state = answers and Σw per score, Σw², skipped (+ scale, ranges, level)
 * merge(a, b) = element-wise sum; tallies with different settings do not merge
 * ```
 *
 * Source: see {@link ces}.
 *
 * @throws {@link models!CxMetricsError} from `create`: the option codes of {@link ces}; from `add`: the
 *   score and weight codes; from `merge`: `INCONSISTENT_INPUT` for different settings; from `add`,
 *   `merge` and `result`: `INVALID_RECORD` for a malformed state (restored from storage, built by
 *   hand), naming the method and the field; from `create`: `INVALID_OPTION` for options that are
 *   not a plain object or have an unknown key (the nearest documented name is suggested).
 *
 * @example
 * ```ts
 * import { cesTally } from 'cx-metrics/survey';
 * const a = [7, 6, 6].reduce(cesTally.add, cesTally.create());
 * const b = [5, 4, 2].reduce(cesTally.add, cesTally.create());
 * cesTally.result(cesTally.merge(a, b)); // => { mean: 5, netEffort: 0.5, total: 6 }
 * cesTally.create({ level: 2 }); // => throws OUT_OF_RANGE
 * cesTally.merge(a, { ...b, counts: [1] }); // => throws INVALID_RECORD
 * ```
 */
export const cesTally: Reducer<CesTallyState, SurveyTallyValue, CesResult, CesTallyOptions> = Object.freeze({
  create: (options?: CesTallyOptions): CesTallyState =>
    cesStates.trust(createCesState(readCesSettings('cesTally', readOptions('cesTally', options, OPTION_KEYS)))),
  add: (state: CesTallyState, value: SurveyTallyValue, index?: number): CesTallyState => {
    cesStates.once('cesTally.add', state);
    addAnswer('cesTally', state, value, index);
    return state;
  },
  merge: (a: CesTallyState, b: CesTallyState): CesTallyState => {
    checkCesState('cesTally.merge', a);
    checkCesState('cesTally.merge', b);
    if (a.easyFrom !== b.easyFrom || a.easyTo !== b.easyTo || a.difficultFrom !== b.difficultFrom || a.difficultTo !== b.difficultTo || a.level !== b.level) {
      throw fail('INCONSISTENT_INPUT', 'cesTally', 'cannot merge tallies with different easy/difficult ranges or levels');
    }
    const { easyFrom, easyTo, difficultFrom, difficultTo, level } = a;
    return cesStates.trust({ ...mergeBins('cesTally', a, b), easyFrom, easyTo, difficultFrom, difficultTo, level });
  },
  result: (state: CesTallyState): CesResult => cesResult(checkCesState('cesTally.result', state)),
});
