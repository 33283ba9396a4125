/** The NPS result, counts and state types, shared by the NPS functions and their state (each re-exported by its public file). */
import type { Interval } from '../models/interval';

/** Pre-aggregated NPS answers, e.g. from a SQL `GROUP BY`: whole numbers ≥ 0. */
export interface NpsCounts {
  /** Answers of 9 or 10. */
  readonly promoters: number;
  /** Answers of 7 or 8. */
  readonly passives: number;
  /** Answers of 0 to 6. */
  readonly detractors: number;
}

/** Share of each category, proportions in [0, 1] summing to 1 (weighted when weights were given). */
export interface NpsShares {
  /** Share of promoters. */
  readonly promoters: number;
  /** Share of passives. */
  readonly passives: number;
  /** Share of detractors. */
  readonly detractors: number;
}

/** Sum of the weights of each category's answers (weighted input only). */
export interface NpsWeights {
  /** Σw over promoters. */
  readonly promoters: number;
  /** Σw over passives. */
  readonly passives: number;
  /** Σw over detractors. */
  readonly detractors: number;
  /** Σw over all answers. */
  readonly total: number;
}

/** What {@link nps} reports. Frozen. */
export interface NpsResult {
  /** Net Promoter Score in points, −100…100 (weighted when weights were given); `undefined` without answers (or when all weights are 0). */
  readonly score: number | undefined;
  /** Number of promoter answers (9–10). */
  readonly promoters: number;
  /** Number of passive answers (7–8). */
  readonly passives: number;
  /** Number of detractor answers (0–6). */
  readonly detractors: number;
  /** Number of answers: promoters + passives + detractors. */
  readonly total: number;
  /** Responses without an answer (`null`/`undefined` score or weight). */
  readonly skipped: number;
  /** Share of each category (weighted shares for weighted input); `undefined` without answers. */
  readonly shares: NpsShares | undefined;
  /** Sample size for intervals: `total` when unweighted, Kish's (Σw)²/Σw² when weighted, 0 without answers. */
  readonly effectiveSampleSize: number;
  /** Whether per-response weights were applied. */
  readonly weighted: boolean;
  /** Weight sums per category; present for weighted input only. */
  readonly weights?: NpsWeights;
}

/** How {@link npsInterval} builds its interval. */
export type NpsIntervalMethod = 'adjusted-wald' | 'wald';

/** A confidence interval for NPS, in points: an {@link models!Interval} with how it was made. Frozen. */
export interface NpsIntervalResult extends Interval {
  /** The observed NPS in points (as {@link nps} reports it). */
  readonly score: number;
  /**
   * The estimate the interval is centred on: the NPS after adding the pseudo-responses for
   * `'adjusted-wald'` (pulled slightly towards 0), the observed `score` for `'wald'`.
   */
  readonly estimate: number;
  /** Lower end in points, ≥ −100. */
  readonly lower: number;
  /** Upper end in points, ≤ 100. */
  readonly upper: number;
  /** Standard error of `estimate`, in points. */
  readonly standardError: number;
  /** Sample size used: the number of answers, or Kish's effective n for weighted data (before the +3 of the adjustment). */
  readonly n: number;
  /** The confidence level. */
  readonly level: number;
  /** The method used. */
  readonly method: NpsIntervalMethod;
}

/**
 * The running state of {@link npsTally}: eight numbers and a flag, however many answers it
 * has seen. Plain and JSON-serialisable (store it, send it between workers).
 */
export interface NpsTallyState {
  /** Promoter answers so far. */
  promoters: number;
  /** Passive answers so far. */
  passives: number;
  /** Detractor answers so far. */
  detractors: number;
  /** Σw over promoters (= `promoters` when unweighted). */
  promoterWeight: number;
  /** Σw over passives. */
  passiveWeight: number;
  /** Σw over detractors. */
  detractorWeight: number;
  /** Σw² over all answers (for Kish's effective sample size). */
  weightSquares: number;
  /** Missing answers seen. */
  skipped: number;
  /** Whether any `{ score, weight }` pair was added (even a skipped one), as `weight` makes the batch functions weighted. */
  weighted: boolean;
}
