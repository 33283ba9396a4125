import { checkCsatState, createCsatState, csatResult, csatStates, readCsatSettings } from './scale-state';
import { addAnswer, mergeBins } from './survey-scores';
import { fail } from '../internal/validate';
import type { SurveyScale } from '../models/interaction';
import type { Reducer } from '../models/reducer';
import type { CsatResult } from './csat';
import type { SurveyTallyValue } from './nps-tally';
import { optionKeys, readOptions } from '../internal/options';
import type { CsatTallyState } from './scale-types';
export type { CsatTallyState } from './scale-types';

/** Options of {@link csatTally}'s `create`. */
export interface CsatTallyOptions {
  /** The integer answer scale. Default `{ min: 1, max: 5 }`. */
  readonly scale?: SurveyScale;
  /** Lowest satisfied score. Default `scale.max − 1` (top-2-box). */
  readonly threshold?: number;
}

const OPTION_KEYS = optionKeys<CsatTallyOptions>({ scale: true, threshold: true });

/**
 * Streaming CSAT: `result` equals {@link csat} over the same answers, `merge` is associative
 * and commutative, and the state has one count and one weight sum per scale point.
 *
 * ```text
 * state = answers and Σw per score, Σw², skipped (+ scale and threshold)
 * merge(a, b) = element-wise sum; tallies on different scales or thresholds do not merge
 * ```
 *
 * Source: see {@link csat}.
 *
 * @throws {@link models!CxMetricsError} from `create`: the option codes of {@link csat}; from `add`:
 *   the score and weight codes of {@link csat}; from `merge`: `INCONSISTENT_INPUT` for tallies
 *   with different scales or thresholds; from `add`, `merge` and `result`: `INVALID_RECORD` for a
 *   malformed state (restored from storage, built by hand), naming the method and the field; from
 *   `create`: `INVALID_OPTION` for options that are not a plain object or have an unknown key (the
 *   nearest documented name is suggested).
 *
 * @example
 * ```ts
 * import { csatTally } from 'cx-metrics/survey';
 * const state = [5, 4, 2, null].reduce(csatTally.add, csatTally.create());
 * csatTally.result(state); // => { share: 0.667, total: 3, skipped: 1 }
 * const sevenPoint = csatTally.add(csatTally.create({ scale: { min: 1, max: 7 } }), 7);
 * csatTally.merge(state, sevenPoint); // => throws INCONSISTENT_INPUT
 * csatTally.result({} as never); // => throws INVALID_RECORD
 * ```
 */
export const csatTally: Reducer<CsatTallyState, SurveyTallyValue, CsatResult, CsatTallyOptions> = Object.freeze({
  create: (options?: CsatTallyOptions): CsatTallyState =>
    csatStates.trust(createCsatState(readCsatSettings('csatTally', readOptions('csatTally', options, OPTION_KEYS)))),
  add: (state: CsatTallyState, value: SurveyTallyValue, index?: number): CsatTallyState => {
    csatStates.once('csatTally.add', state);
    addAnswer('csatTally', state, value, index);
    return state;
  },
  merge: (a: CsatTallyState, b: CsatTallyState): CsatTallyState => {
    checkCsatState('csatTally.merge', a);
    checkCsatState('csatTally.merge', b);
    if (a.threshold !== b.threshold) {
      throw fail('INCONSISTENT_INPUT', 'csatTally', `cannot merge tallies with thresholds ${a.threshold} and ${b.threshold}`);
    }
    return csatStates.trust({ ...mergeBins('csatTally', a, b), threshold: a.threshold });
  },
  result: (state: CsatTallyState): CsatResult => csatResult(checkCsatState('csatTally.result', state)),
});
