import type { ScoreOptionsArgument } from './score-options';
import { createNpsState, npsResult } from './nps-state';
import { requireWeight } from './survey-scores';
import type { Accessor, Values } from '../models/values';
import { forEachValue, isMissing, isNumericTypedArray, requireValues } from '../internal/input';
import { optionKeys, readOptions, requireAccessor } from '../internal/options';
import { requireScore } from '../internal/validate';
import type { NpsResult, NpsTallyState } from './nps-types';
export type { NpsCounts, NpsShares, NpsWeights, NpsResult } from './nps-types';

/** Options of {@link nps}. */
export interface NpsOptions<T = number> {
  /** Reads the 0–10 score of a record, e.g. `(r) => r.score`. Default: the element itself. `null`/`undefined` = no answer. */
  readonly accessor?: Accessor<T, number | null | undefined>;
  /**
   * Reads a survey weight per response (post-stratification, design weights): 0, or between
   * 1e-100 and 1e100 (weights are relative). Default: none (every answer counts once). A
   * response whose weight is `null`/`undefined` is skipped.
   */
  readonly weight?: Accessor<T, number | null | undefined>;
}


const FN = 'nps';
const OPTION_KEYS = optionKeys<NpsOptions<unknown>>({ accessor: true, weight: true });

/**
 * Net Promoter Score: the share of promoters minus the share of detractors, in points.
 *
 * ```text
 * promoters = answers 9–10, passives = 7–8, detractors = 0–6
 * NPS = 100 × (promoters − detractors) / (promoters + passives + detractors)
 * weighted: each answer counts its weight w;  Kish effective n = (Σw)² / Σw²
 * ```
 *
 * Source: F. F. Reichheld (2003), "The One Number You Need to Grow", Harvard Business Review
 * 81(12); effective sample size: L. Kish (1965), *Survey Sampling*, Wiley, §11.7.
 *
 * Accepts numbers, typed arrays (counted in one tight loop), any iterable, and records read
 * through `accessor`. For pre-aggregated counts or an {@link npsTally} state use
 * {@link npsFromCounts}; for an interval {@link npsInterval}; to stream {@link npsTally}.
 *
 * @param values - Scores 0–10, or records with `accessor`: an array, a typed array or any iterable.
 * @param options - Accessor and optional per-response weight.
 * @returns Counts, shares, `score` (`undefined` when there is no answer), `skipped`, effective sample size.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for `NaN`, `±Infinity`, a string or a non-number
 *   score or weight; `OUT_OF_RANGE` for a score outside 0–10 or a positive weight outside
 *   [1e-100, 1e100]; `NOT_AN_INTEGER` for a fractional score; `NEGATIVE_VALUE` for a negative
 *   weight; `INVALID_INPUT` for values that are not a list or an iterable (counts included: see
 *   {@link npsFromCounts}); `INVALID_OPTION` for options that are not a plain object or have an
 *   unknown key (a near-miss name is suggested), or an accessor or weight that is not a function.
 *
 * @example
 * ```ts
 * import { nps } from 'cx-metrics/survey';
 * nps([10, 9, 9, 8, 7, 3, null]); // => { score: 33.3, promoters: 3, passives: 2, detractors: 1, total: 6, skipped: 1 }
 * nps(new Uint8Array([10, 10, 6])).shares; // => { promoters: 0.667, detractors: 0.333 }
 * // Records with survey weights: effective n = (Σw)²/Σw² = 9/5.
 * const rows = [{ s: 10, w: 2 }, { s: 0, w: 1 }];
 * nps(rows, { accessor: (r) => r.s, weight: (r) => r.w }); // => { score: 33.3, effectiveSampleSize: 1.8 }
 * nps([]).score; // => undefined
 * nps([7.5]); // => throws NOT_AN_INTEGER
 * ```
 */
export function nps<T = number>(values: Values<T>, ...[options]: ScoreOptionsArgument<T, NpsOptions<T>>): NpsResult {
  const o = readOptions(FN, options, OPTION_KEYS) as NpsOptions<T>;
  const accessor = requireAccessor(FN, 'accessor', o.accessor);
  const weight = requireAccessor(FN, 'weight', o.weight);
  // A plain object without `length` (counts included: npsFromCounts reads those) would otherwise read as an empty list.
  requireValues(FN, 'values', values);
  const state = createNpsState();
  if (accessor === undefined && weight === undefined && isNumericTypedArray(values)) {
    // Typed arrays: count the 11 scores in one tight loop, then fold them into the categories.
    const bins = new Float64Array(11);
    for (let i = 0; i < values.length; i++) {
      const k = values[i] as number;
      // (k | 0) === k rejects NaN, ±Infinity and fractions in one comparison.
      if (k >= 0 && k <= 10 && (k | 0) === k) bins[k] = (bins[k] as number) + 1;
      else requireScore(FN, k, 0, 10, i);
    }
    for (let k = 0; k < 11; k++) add(state, k, bins[k] as number, bins[k] as number, bins[k] as number);
  } else {
    forEachValue(values, (d, i) => {
      // A null record is skipped before any accessor sees it.
      const score = accessor === undefined || isMissing(d) ? d : accessor(d, i);
      if (isMissing(score)) {
        state.skipped++;
        return;
      }
      if (!(Number.isInteger(score) && (score as number) >= 0 && (score as number) <= 10)) requireScore(FN, score, 0, 10, i);
      const raw = weight === undefined ? 1 : weight(d, i);
      if (isMissing(raw)) {
        state.skipped++;
        return;
      }
      const w = weight === undefined ? 1 : requireWeight(FN, raw, i);
      add(state, score as number, 1, w, w * w);
    });
  }
  state.weighted = weight !== undefined;
  return npsResult(state);
}

/** Add `count` answers of one score with their weight sum and Σw² to the state. */
function add(state: NpsTallyState, score: number, count: number, weight: number, squares: number): void {
  if (score >= 9) {
    state.promoters += count;
    state.promoterWeight += weight;
  } else if (score >= 7) {
    state.passives += count;
    state.passiveWeight += weight;
  } else {
    state.detractors += count;
    state.detractorWeight += weight;
  }
  state.weightSquares += squares;
}
