import { addNpsAnswer, checkNpsState, createNpsState, mergeNpsStates, npsResult, npsStates } from './nps-state';
import type { Reducer } from '../models/reducer';
import type { NpsResult } from './nps';
import { refuseOptions } from '../internal/options';
import type { NpsTallyState } from './nps-types';
export type { NpsTallyState } from './nps-types';

/**
 * What {@link npsTally} accepts: a 0–10 score, `null`/`undefined` (no answer: skipped and
 * counted), or a `{ score, weight }` pair for weighted data.
 */
export type SurveyTallyValue =
  | number
  | null
  | undefined
  | {
      /** The answer on the scale, or `null`/`undefined` for no answer. */
      readonly score: number | null | undefined;
      /** Its weight (0, or between 1e-100 and 1e100), or `null`/`undefined` (then the answer is skipped). */
      readonly weight: number | null | undefined;
    };

/**
 * Streaming NPS: fold answers one at a time (rows from a cursor, events from a queue) and merge
 * partial tallies from workers or days. `result` gives exactly what {@link nps} gives on all
 * the data; the state holds nine fields however many answers are added.
 *
 * ```text
 * state = answers and Σw per category, Σw², skipped
 * merge(a, b) = field-wise sum (associative, commutative)
 * result(state) = nps over the same answers
 * ```
 *
 * Source: the definition of NPS (Reichheld 2003), see {@link nps}.
 *
 * @throws {@link models!CxMetricsError} from `add`: the codes of {@link nps} for a bad score or weight;
 *   from `add`, `merge` and `result`: `INVALID_RECORD` for a malformed state (restored from
 *   storage, built by hand), naming the method and the field: counts that are not whole
 *   numbers ≥ 0, weight sums that are not finite and ≥ 0, `weighted` not a boolean; from
 *   `create`: `INVALID_OPTION` for any options (it takes none).
 *
 * @example
 * ```ts
 * import { npsTally } from 'cx-metrics/survey';
 * const monday = [10, 9, 3].reduce(npsTally.add, npsTally.create());
 * const tuesday = npsTally.add(npsTally.create(), 8);
 * npsTally.result(npsTally.merge(monday, tuesday)); // => { score: 25, total: 4 }
 * npsTally.add(npsTally.create(), { score: 10, weight: 3 }).promoterWeight; // => 3
 * npsTally.add(npsTally.create(), -1); // => throws OUT_OF_RANGE
 * npsTally.result({} as never); // => throws INVALID_RECORD
 * ```
 */
export const npsTally: Reducer<NpsTallyState, SurveyTallyValue, NpsResult> = Object.freeze({
  // It takes no options; an options bag (a typo, a CSAT setting) is rejected, not ignored.
  create: (options?: undefined): NpsTallyState => {
    refuseOptions('npsTally', options);
    return npsStates.trust(createNpsState());
  },
  add: (state: NpsTallyState, value: SurveyTallyValue, index?: number): NpsTallyState => {
    npsStates.once('npsTally.add', state);
    return addNpsAnswer('npsTally', state, value, index);
  },
  merge: (a: NpsTallyState, b: NpsTallyState): NpsTallyState =>
    npsStates.trust(mergeNpsStates(checkNpsState('npsTally.merge', a), checkNpsState('npsTally.merge', b))),
  result: (state: NpsTallyState): NpsResult => npsResult(checkNpsState('npsTally.result', state)),
});
