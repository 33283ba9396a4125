import type { ScoreOptionsArgument } from './score-options';
import { csatDifference, readCsatInput } from './scale-state';
import type { SampleComparison } from './sample-comparison';
import { requireLevel } from '../internal/validate';
import type { Values } from '../models/values';
import type { CsatOptions, CsatResult } from './csat';
import type { CsatCounts } from './csat-interval';
import { optionKeys, readOptions } from '../internal/options';

/** Options of {@link compareCsat}: those of {@link csat} (applied to both samples) plus the level. */
export interface CompareCsatOptions<T = number> extends CsatOptions<T> {
  /** Confidence level of the interval for the difference, strictly between 0 and 1. Default `0.95`. */
  readonly level?: number;
}

/**
 * The comparison of two CSAT shares: a {@link SampleComparison} of proportions, with the level.
 * `statistic` is the pooled two-proportion z (0 when both samples are all satisfied or all
 * unsatisfied); `standardError` is the unpooled one the (Wald) interval is built from; the
 * interval has zero width when both samples are unanimous. Frozen.
 */
export interface CompareCsatResult extends SampleComparison {
  /** Pooled two-proportion z statistic. */
  readonly statistic: number;
  /** Always `undefined`: the CSAT test is a z test. */
  readonly degreesOfFreedom: undefined;
  /** Two-sided p-value 2·Φ(−|z|). */
  readonly pValue: number;
  /** The confidence level. */
  readonly level: number;
}


const OPTION_KEYS = optionKeys<CompareCsatOptions<unknown>>({ accessor: true, weight: true, scale: true, threshold: true, level: true });

/**
 * Compare the CSAT share of two independent samples with the two-proportion z test.
 *
 * ```text
 * p̂_a = x_a/n_a, p̂_b = x_b/n_b          (weighted: x = share·n_eff, n = n_eff)
 * test (pooled, H0: p_a = p_b):  p̄ = (x_a + x_b)/(n_a + n_b),  z = (p̂_a − p̂_b)/√(p̄(1 − p̄)(1/n_a + 1/n_b))
 * p-value = 2·Φ(−|z|)
 * interval (unpooled Wald):  (p̂_a − p̂_b) ± z_{1−α/2} √(p̂_a(1 − p̂_a)/n_a + p̂_b(1 − p̂_b)/n_b), clipped to [−1, 1]
 * ```
 *
 * The test pools because under H0 both samples share one proportion, which is then best
 * estimated from all answers; the interval does not assume H0, so it uses each sample's own
 * variance. This is the standard pairing (e.g. A. Agresti (2013), *Categorical Data
 * Analysis*, 3rd ed., §3.1.3 and §3.2.2; R's `prop.test(correct = FALSE)` gives the same z² as
 * its chi-squared statistic).
 *
 * @param a - First sample: scores, records (with `accessor`), `{ satisfied, total }`, or a {@link csat} result.
 * @param b - Second sample, in the same forms.
 * @param options - Level and the options of {@link csat}.
 * @returns The comparison, or `undefined` when either sample has no answer.
 * @throws {@link models!CxMetricsError} the codes of {@link csatInterval}.
 *   `INVALID_INPUT` when `a`/`b` is not an array, a typed array or an iterable; `INVALID_OPTION` for options that are not a plain object or have an unknown key (the nearest documented name is suggested), or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { compareCsat } from 'cx-metrics/survey';
 * compareCsat({ satisfied: 80, total: 100 }, { satisfied: 65, total: 100 }); // => { difference: 0.15, statistic: 2.38, pValue: 0.0175, interval: { lower: 0.028, upper: 0.272 } }
 * compareCsat({ satisfied: 0, total: 0 }, { satisfied: 1, total: 2 }); // => undefined
 * compareCsat({ satisfied: 1, total: 2 }, { satisfied: -1, total: 2 }); // => throws NEGATIVE_VALUE
 * ```
 */
export function compareCsat<T = number>(
  a: Values<T> | CsatCounts | CsatResult,
  b: Values<T> | CsatCounts | CsatResult,
  ...[options]: ScoreOptionsArgument<T, CompareCsatOptions<T>>
): CompareCsatResult | undefined {
  const fn = 'compareCsat';
  readOptions(fn, options, OPTION_KEYS);
  const level = requireLevel(fn, options?.level ?? 0.95);
  const read = (input: unknown) => {
    const { successes, n } = readCsatInput<T>(fn, input, options);
    return n > 0 ? { share: Math.min(1, successes / n), n } : undefined;
  };
  const first = read(a);
  const second = read(b);
  if (first === undefined || second === undefined) return undefined;
  return Object.freeze({ ...csatDifference(first, second, level), degreesOfFreedom: undefined, level });
}
