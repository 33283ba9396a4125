import type { ScoreOptionsArgument } from './score-options';
import { npsIntervalOf, readNpsInput } from './nps-state';
import { requireLevel, requireOneOf } from '../internal/validate';
import type { Interval } from '../models/interval';
import type { Values } from '../models/values';
import type { NpsCounts, NpsOptions, NpsResult } from './nps';
import { optionKeys, readOptions } from '../internal/options';
import type { NpsIntervalMethod, NpsIntervalResult } from './nps-types';
export type { NpsIntervalMethod, NpsIntervalResult } from './nps-types';

/** The {@link NpsIntervalMethod}s as a run-time list. */
export const NPS_INTERVAL_METHODS: readonly NpsIntervalMethod[] = Object.freeze(['adjusted-wald', 'wald'] as const);

/** Options of {@link npsInterval}: those of {@link nps} plus the level and method. */
export interface NpsIntervalOptions<T = number> extends NpsOptions<T> {
  /** Confidence level, strictly between 0 and 1. Default `0.95`. */
  readonly level?: number;
  /** `'adjusted-wald'` (default; Rocks 2016) or `'wald'` (the textbook normal approximation). */
  readonly method?: NpsIntervalMethod;
}


const OPTION_KEYS = optionKeys<NpsIntervalOptions<unknown>>({ accessor: true, weight: true, level: true, method: true });

/**
 * Confidence interval for the Net Promoter Score, from raw answers, counts or an {@link nps}
 * result.
 *
 * ```text
 * p, d = shares of promoters and detractors, n = answers (Kish effective n if weighted)
 * adjusted Wald: n' = n + 3, p' = (p·n + ¾)/n', d' = (d·n + ¾)/n'   (passives get 1½)
 * Wald:          n' = n,     p' = p,             d' = d
 * SE  = √((p' + d' − (p' − d')²) / n')
 * CI  = 100 × [(p' − d') − z·SE, (p' − d') + z·SE], z = Φ⁻¹(1 − (1 − level)/2), clipped to [−100, 100]
 * ```
 *
 * Source: B. Rocks (2016), "Interval Estimation for the 'Net Promoter Score'", The American
 * Statistician 70(4), 365–372 (arXiv:1601.07235): of the methods compared, the adjusted Wald
 * interval had coverage closest to nominal for small and large samples alike. The plain Wald
 * interval collapses to a point when every answer is in one category and under-covers for
 * small n; use it only to reproduce figures computed that way.
 *
 * With adjusted Wald the interval is centred on `estimate`, not on the observed `score`; for
 * tiny samples (a single promoter) the observed score can lie outside it. That is the
 * adjustment doing its job: one answer says little.
 *
 * @param input - Scores, records (with `accessor`), `{ promoters, passives, detractors }`, an {@link nps} result,
 *   or an {@link npsTally} state (read with its weights).
 * @param options - Level, method, and the accessor / weight of {@link nps}.
 * @returns The interval, or `undefined` when there is no answer (or all weights are 0).
 * @throws {@link models!CxMetricsError} the codes of {@link nps}; `OUT_OF_RANGE` or `INVALID_NUMBER` for a level
 *   not strictly between 0 and 1; `INVALID_OPTION` for an unknown method.
 *   `INVALID_INPUT` when `input` is not an array, a typed array or an iterable; `INVALID_OPTION` for options that are not a plain object or have an unknown key (the nearest documented name is suggested), or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { npsInterval } from 'cx-metrics/survey';
 * const counts = { promoters: 50, passives: 30, detractors: 20 };
 * npsInterval(counts); // => { score: 30, estimate: 29.1, lower: 14.1, upper: 44.2 }
 * npsInterval(counts, { method: 'wald' }); // => { lower: 14.69, upper: 45.31 }
 * npsInterval([10, 9, 0], { level: 0.9 }); // => { score: 33.3, n: 3 }
 * npsInterval([]); // => undefined
 * npsInterval(counts, { level: 95 }); // => throws OUT_OF_RANGE
 * ```
 */
export function npsInterval<T = number>(input: Values<T> | NpsCounts | NpsResult, ...[options]: ScoreOptionsArgument<T, NpsIntervalOptions<T>>): NpsIntervalResult | undefined {
  const fn = 'npsInterval';
  readOptions(fn, options, OPTION_KEYS);
  const level = requireLevel(fn, options?.level ?? 0.95);
  const method = requireOneOf(fn, 'method', options?.method ?? 'adjusted-wald', NPS_INTERVAL_METHODS);
  const result = readNpsInput<T>(fn, input, options?.accessor, options?.weight);
  return npsIntervalOf(result, level, method);
}
