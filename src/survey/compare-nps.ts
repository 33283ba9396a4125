import type { ScoreOptionsArgument } from './score-options';
import { npsDifference, readNpsInput, summarizeNps } from './nps-state';
import type { SampleComparison } from './sample-comparison';
import { requireLevel, requireOneOf } from '../internal/validate';
import type { Values } from '../models/values';
import type { NpsCounts, NpsOptions, NpsResult } from './nps';
import { NPS_INTERVAL_METHODS, type NpsIntervalMethod } from './nps-interval';
import { optionKeys, readOptions } from '../internal/options';

/** Options of {@link compareNps}. */
export interface CompareNpsOptions<T = number> extends NpsOptions<T> {
  /** Confidence level of the interval for the difference, strictly between 0 and 1. Default `0.95`. */
  readonly level?: number;
  /** Interval method: `'adjusted-wald'` (default; pseudo-responses added to each sample) or `'wald'`. The z test is always Wald. */
  readonly method?: NpsIntervalMethod;
}

/**
 * The comparison of two NPS samples: a {@link SampleComparison} in points, with the settings
 * used. `statistic` is the Wald z of the observed shares; `standardError` and `interval` are
 * those of `method` (adjusted Wald by default). Frozen.
 */
export interface CompareNpsResult extends SampleComparison {
  /** Always `undefined`: the NPS test is a z test. */
  readonly degreesOfFreedom: undefined;
  /** The confidence level. */
  readonly level: number;
  /** The interval method. */
  readonly method: NpsIntervalMethod;
}


const OPTION_KEYS = optionKeys<CompareNpsOptions<unknown>>({ accessor: true, weight: true, level: true, method: true });

/**
 * Compare the NPS of two independent samples (two quarters, two stores, A and B): the
 * difference, its standard error and interval, a z statistic and a two-sided p-value.
 *
 * ```text
 * V = p + d − (p − d)²   (variance of one response's +1/0/−1 score, multinomial)
 * SE(a − b) = √(V_a/n_a + V_b/n_b)                        (n = effective n for weighted data)
 * z = (NPS_a − NPS_b)/100 / SE,  p-value = 2·Φ(−|z|)     (observed shares: Wald test)
 * interval: 'adjusted-wald' recomputes p, d, n of each sample with Rocks' pseudo-responses
 *           (+¾ promoter, +1½ passive, +¾ detractor) and centres on the adjusted difference;
 *           'wald' centres on the observed difference with the SE above. Clipped to [−200, 200].
 * ```
 *
 * Source: B. Rocks (2016), "Interval Estimation for the 'Net Promoter Score'", The American
 * Statistician 70(4), 365–372, §5 (differences of independent NPS); the variance of the
 * difference of two independent estimates is the sum of their variances.
 *
 * @param a - First sample: scores, records (with `accessor`), counts, an {@link nps} result, or an {@link npsTally} state.
 * @param b - Second sample, in the same forms.
 * @param options - Level, interval method, and the accessor / weight of {@link nps} (applied to both).
 * @returns The comparison, or `undefined` when either sample has no answer.
 * @throws {@link models!CxMetricsError} the codes of {@link nps} (naming `compareNps`); `OUT_OF_RANGE` for a
 *   level outside (0, 1); `INVALID_OPTION` for an unknown method.
 *   `INVALID_INPUT` when `a`/`b` is not an array, a typed array or an iterable; `INVALID_OPTION` for options that are not a plain object or have an unknown key (the nearest documented name is suggested), or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { compareNps } from 'cx-metrics/survey';
 * const thisQuarter = { promoters: 60, passives: 25, detractors: 15 };
 * const lastQuarter = { promoters: 50, passives: 30, detractors: 20 };
 * compareNps(thisQuarter, lastQuarter); // => { difference: 15, standardError: 10.62, interval: { lower: -6.25, upper: 35.37 }, statistic: 1.39, pValue: 0.163 }
 * compareNps(thisQuarter, lastQuarter, { method: 'wald' })?.standardError; // => 10.76
 * compareNps([10], []); // => undefined
 * compareNps(thisQuarter, lastQuarter, { level: 0 }); // => throws OUT_OF_RANGE
 * ```
 */
export function compareNps<T = number>(
  a: Values<T> | NpsCounts | NpsResult,
  b: Values<T> | NpsCounts | NpsResult,
  ...[options]: ScoreOptionsArgument<T, CompareNpsOptions<T>>
): CompareNpsResult | undefined {
  const fn = 'compareNps';
  readOptions(fn, options, OPTION_KEYS);
  const level = requireLevel(fn, options?.level ?? 0.95);
  const method = requireOneOf(fn, 'method', options?.method ?? 'adjusted-wald', NPS_INTERVAL_METHODS);
  const first = summarizeNps(readNpsInput<T>(fn, a, options?.accessor, options?.weight));
  const second = summarizeNps(readNpsInput<T>(fn, b, options?.accessor, options?.weight));
  if (first === undefined || second === undefined) return undefined;
  return Object.freeze({ ...npsDifference(first, second, level, method), degreesOfFreedom: undefined, level, method });
}
