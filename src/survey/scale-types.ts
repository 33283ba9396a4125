/** The CSAT and CES result and state types, shared by their functions and state (each re-exported by its public file). */
import type { Interval } from '../models/interval';
import type { SurveyScale } from '../models/interaction';
import type { Accessor } from '../models/values';

/** A range of scores on the scale, both ends included. */
export interface CesRange {
  /** Lowest score of the range. */
  readonly from: number;
  /** Highest score of the range. */
  readonly to: number;
}

/** What {@link ces} reports. Frozen. */
export interface CesResult {
  /** Mean score on the survey scale (weighted if weights were given); `undefined` without answers. */
  readonly mean: number | undefined;
  /** Student-t interval for the mean, clipped to the scale; `undefined` with fewer than 2 answers (effective n ≤ 1). */
  readonly interval: Interval | undefined;
  /** Sample standard deviation (n − 1 denominator); `undefined` with fewer than 2 answers. */
  readonly standardDeviation: number | undefined;
  /** Standard error of the mean; `undefined` with fewer than 2 answers. */
  readonly standardError: number | undefined;
  /** Confidence level of the interval. */
  readonly level: number;
  /** Share of "easy" answers, a proportion in [0, 1]; `undefined` without answers. */
  readonly easyShare: number | undefined;
  /** Share of "difficult" answers, a proportion in [0, 1]; `undefined` without answers. */
  readonly difficultShare: number | undefined;
  /** Net effort = easyShare − difficultShare, a proportion in [−1, 1]; `undefined` without answers. */
  readonly netEffort: number | undefined;
  /** Number of easy answers. */
  readonly easy: number;
  /** Number of difficult answers. */
  readonly difficult: number;
  /** Number of answers. */
  readonly total: number;
  /** Responses without an answer. */
  readonly skipped: number;
  /** Answers per score, from `scale.min` to `scale.max`. */
  readonly counts: readonly number[];
  /** The scale used. */
  readonly scale: SurveyScale;
  /** The scores counted as easy. */
  readonly easyScores: CesRange;
  /** The scores counted as difficult. */
  readonly difficultScores: CesRange;
  /** `total` when unweighted, Kish's (Σw)²/Σw² when weighted, 0 without answers. */
  readonly effectiveSampleSize: number;
  /** Whether per-response weights were applied. */
  readonly weighted: boolean;
}

/** Options of {@link csat}. */
export interface CsatOptions<T = number> {
  /** Reads the score of a record, e.g. `(r) => r.score`. Default: the element itself. `null`/`undefined` = no answer. */
  readonly accessor?: Accessor<T, number | null | undefined>;
  /** Reads a survey weight per response: 0, or between 1e-100 and 1e100 (weights are relative). Default: none. A response whose weight is `null`/`undefined` is skipped. */
  readonly weight?: Accessor<T, number | null | undefined>;
  /** The integer answer scale. Default `{ min: 1, max: 5 }`. */
  readonly scale?: SurveyScale;
  /** Lowest score that counts as satisfied. Default `scale.max − 1` (top-2-box: 4–5 on 1–5, 6–7 on 1–7, 9–10 on 1–10). */
  readonly threshold?: number;
}

/** Weight sums of a weighted {@link csat}. */
export interface CsatWeights {
  /** Σw over satisfied answers. */
  readonly satisfied: number;
  /** Σw over all answers. */
  readonly total: number;
}

/** What {@link csat} reports. Frozen. */
export interface CsatResult {
  /** Share of satisfied answers, a proportion in [0, 1] (weighted when weights were given); `undefined` without answers. */
  readonly share: number | undefined;
  /** Mean score, on the survey scale (weighted when weights were given); `undefined` without answers. */
  readonly mean: number | undefined;
  /** Number of satisfied answers (score ≥ threshold). */
  readonly satisfied: number;
  /** Number of answers. */
  readonly total: number;
  /** Responses without an answer (`null`/`undefined` score or weight). */
  readonly skipped: number;
  /** Answers per score, from `scale.min` to `scale.max`. */
  readonly counts: readonly number[];
  /** The scale used. */
  readonly scale: SurveyScale;
  /** The lowest satisfied score used. */
  readonly threshold: number;
  /** `total` when unweighted, Kish's (Σw)²/Σw² when weighted, 0 without answers. */
  readonly effectiveSampleSize: number;
  /** Whether per-response weights were applied. */
  readonly weighted: boolean;
  /** Weight sums; present for weighted input only. */
  readonly weights?: CsatWeights;
}

/** How {@link csatInterval} builds its interval. */
export type CsatIntervalMethod = 'wilson' | 'clopper-pearson';

/** A confidence interval for the CSAT share: an {@link models!Interval} with how it was made. Frozen. */
export interface CsatIntervalResult extends Interval {
  /** The observed share of satisfied answers, in [0, 1]. */
  readonly share: number;
  /** Lower end, in [0, 1]. */
  readonly lower: number;
  /** Upper end, in [0, 1]. */
  readonly upper: number;
  /** Sample size used: answers, or Kish's effective n for weighted data. */
  readonly n: number;
  /** The confidence level. */
  readonly level: number;
  /** The method used. */
  readonly method: CsatIntervalMethod;
}

/**
 * The running state of {@link csatTally}: counts and weight sums per score of the scale, so
 * its size depends on the scale (5 points: 5 + 5 numbers), never on the number of answers.
 */
export interface CsatTallyState {
  /** Lowest score of the scale. */
  min: number;
  /** Highest score of the scale. */
  max: number;
  /** Lowest satisfied score. */
  threshold: number;
  /** Answers per score (index = score − min). */
  counts: number[];
  /** Σw per score (= `counts` when unweighted). */
  weightSums: number[];
  /** Σw² over all answers. */
  weightSquares: number;
  /** Missing answers seen. */
  skipped: number;
  /** Whether any `{ score, weight }` pair was added (even a skipped one), as `weight` makes the batch functions weighted. */
  weighted: boolean;
}

/** The running state of {@link cesTally}: one count and one weight sum per scale point, plus settings. */
export interface CesTallyState {
  /** Lowest score of the scale. */
  min: number;
  /** Highest score of the scale. */
  max: number;
  /** Lowest easy score. */
  easyFrom: number;
  /** Highest easy score. */
  easyTo: number;
  /** Lowest difficult score. */
  difficultFrom: number;
  /** Highest difficult score. */
  difficultTo: number;
  /** Confidence level of the interval. */
  level: number;
  /** Answers per score (index = score − min). */
  counts: number[];
  /** Σw per score (= `counts` when unweighted). */
  weightSums: number[];
  /** Σw² over all answers. */
  weightSquares: number;
  /** Missing answers seen. */
  skipped: number;
  /** Whether any `{ score, weight }` pair was added (even a skipped one), as `weight` makes the batch functions weighted. */
  weighted: boolean;
}
