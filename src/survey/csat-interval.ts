import type { ScoreOptionsArgument } from './score-options';
import { csatIntervalOf, readCsatInput } from './scale-state';
import { requireLevel, requireOneOf } from '../internal/validate';
import type { Interval } from '../models/interval';
import type { Values } from '../models/values';
import type { CsatOptions, CsatResult } from './csat';
import { optionKeys, readOptions } from '../internal/options';
import type { CsatIntervalMethod, CsatIntervalResult } from './scale-types';
export type { CsatIntervalMethod, CsatIntervalResult } from './scale-types';

/** Pre-aggregated CSAT answers, e.g. from SQL: whole numbers with 0 ≤ satisfied ≤ total. */
export interface CsatCounts {
  /** Satisfied answers. */
  readonly satisfied: number;
  /** All answers. */
  readonly total: number;
}

/** The {@link CsatIntervalMethod}s as a run-time list. */
export const CSAT_INTERVAL_METHODS: readonly CsatIntervalMethod[] = Object.freeze(['wilson', 'clopper-pearson'] as const);

/** Options of {@link csatInterval}: those of {@link csat} plus the level and method. */
export interface CsatIntervalOptions<T = number> extends CsatOptions<T> {
  /** Confidence level, strictly between 0 and 1. Default `0.95`. */
  readonly level?: number;
  /** `'wilson'` (default) or `'clopper-pearson'` (exact, conservative). */
  readonly method?: CsatIntervalMethod;
}


const OPTION_KEYS = optionKeys<CsatIntervalOptions<unknown>>({ accessor: true, weight: true, scale: true, threshold: true, level: true, method: true });

/**
 * Confidence interval for the CSAT share (a binomial proportion), from raw answers,
 * `{ satisfied, total }` counts or a {@link csat} result.
 *
 * ```text
 * x = satisfied, n = answers (weighted: x = share·n_eff, n = n_eff, Kish)
 * Wilson:          (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n),  z = Φ⁻¹(1 − α/2)
 * Clopper–Pearson: [B(α/2; x, n − x + 1), B(1 − α/2; x + 1, n − x)]  (B = beta quantile; 0 at x = 0, 1 at x = n)
 * ```
 *
 * Sources: E. B. Wilson (1927), JASA 22(158); C. J. Clopper & E. S. Pearson (1934),
 * Biometrika 26(4). Brown, Cai & DasGupta (2001), Statistical Science 16(2), recommend Wilson:
 * coverage close to nominal on average with short intervals. Clopper–Pearson guarantees at
 * least nominal coverage for every true share, at the price of wider intervals — use it when
 * under-coverage is unacceptable (contractual SLAs, small samples reported to regulators).
 *
 * @param input - Scores, records (with `accessor`), `{ satisfied, total }`, or a {@link csat} result.
 * @param options - Level, method, and the options of {@link csat}.
 * @returns The interval, or `undefined` when there is no answer (or all weights are 0).
 * @throws {@link models!CxMetricsError} the codes of {@link csat}; `OUT_OF_RANGE`/`INVALID_NUMBER` for a level
 *   not strictly between 0 and 1; `INVALID_OPTION` for an unknown method; `NEGATIVE_VALUE` /
 *   `NOT_AN_INTEGER` / `INVALID_NUMBER` for bad counts, `OUT_OF_RANGE` for a count above 2⁵³ − 1;
 *   `INCONSISTENT_INPUT` for satisfied > total.
 *   `INVALID_INPUT` when `input` is not an array, a typed array or an iterable; `INVALID_OPTION` for options that are not a plain object or have an unknown key (the nearest documented name is suggested), or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { csatInterval } from 'cx-metrics/survey';
 * csatInterval({ satisfied: 80, total: 100 }); // => { share: 0.8, lower: 0.7112, upper: 0.8666 }
 * csatInterval({ satisfied: 80, total: 100 }, { method: 'clopper-pearson' }); // => { lower: 0.7082, upper: 0.8733 }
 * csatInterval([5, 5, 2], { level: 0.9 }); // => { share: 0.667, n: 3 }
 * csatInterval({ satisfied: 0, total: 0 }); // => undefined
 * csatInterval({ satisfied: 5, total: 4 }); // => throws INCONSISTENT_INPUT
 * ```
 */
export function csatInterval<T = number>(input: Values<T> | CsatCounts | CsatResult, ...[options]: ScoreOptionsArgument<T, CsatIntervalOptions<T>>): CsatIntervalResult | undefined {
  const fn = 'csatInterval';
  readOptions(fn, options, OPTION_KEYS);
  const level = requireLevel(fn, options?.level ?? 0.95);
  const method = requireOneOf(fn, 'method', options?.method ?? 'wilson', CSAT_INTERVAL_METHODS);
  const { successes, n } = readCsatInput(fn, input, options);
  return csatIntervalOf(successes, n, level, method);
}
