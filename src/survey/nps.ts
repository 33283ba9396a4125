import type { ScoreOptionsArgument } from './score-options';
import { readNpsInput } from './nps-state';
import type { Accessor, Values } from '../models/values';
import { optionKeys, readOptions } from '../internal/options';
import type { NpsCounts, NpsShares, NpsWeights, NpsResult } from './nps-types';
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
 * Accepts numbers, typed arrays (a `Uint8Array` of scores takes a counting fast path),
 * any iterable, records read through `accessor`, pre-aggregated {@link NpsCounts}, and an
 * {@link npsTally} state (read with its weights, as `npsTally.result` would).
 * For an interval use {@link npsInterval}; to stream use {@link npsTally}.
 *
 * @param values - Scores 0–10 (or records, with `accessor`), `{ promoters, passives, detractors }` counts, or an npsTally state.
 * @param options - Accessor and optional per-response weight.
 * @returns Counts, shares, `score` (`undefined` when there is no answer), `skipped`, effective sample size.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for `NaN`, `±Infinity`, a string or a non-number
 *   score or weight; `OUT_OF_RANGE` for a score outside 0–10, a positive weight outside
 *   [1e-100, 1e100] or a count above 2⁵³ − 1; `NOT_AN_INTEGER` for a fractional score or count;
 *   `NEGATIVE_VALUE` for a negative weight or count; `INVALID_INPUT` for values that are neither a
 *   list, an iterable nor counts; `INVALID_OPTION` for options that are not a plain object or have an
 *   unknown key (the nearest documented name is suggested), or an accessor or weight that is not a function.
 *
 * @example
 * ```ts
 * import { nps } from 'cx-metrics/survey';
 * nps([10, 9, 9, 8, 7, 3, null]); // => { score: 33.3, promoters: 3, passives: 2, detractors: 1, total: 6, skipped: 1 }
 * nps({ promoters: 50, passives: 30, detractors: 20 }).score; // => 30
 * nps(new Uint8Array([10, 10, 6])).shares; // => { promoters: 0.667, detractors: 0.333 }
 * // Records with survey weights: effective n = (Σw)²/Σw² = 9/5.
 * const rows = [{ s: 10, w: 2 }, { s: 0, w: 1 }];
 * nps(rows, { accessor: (r) => r.s, weight: (r) => r.w }); // => { score: 33.3, effectiveSampleSize: 1.8 }
 * nps([]).score; // => undefined
 * nps([7.5]); // => throws NOT_AN_INTEGER
 * ```
 */
export function nps<T = number>(values: Values<T> | NpsCounts, ...[options]: ScoreOptionsArgument<T, NpsOptions<T>>): NpsResult {
  readOptions('nps', options, OPTION_KEYS);
  return readNpsInput('nps', values, options?.accessor, options?.weight);
}
