/**
 * The result and settings types of {@link kaplanMeier} and its tally, apart from the function so
 * that the curve builder (`kaplan-meier-curve.ts`) and the function import them one way.
 */
import type { Interval } from '../models/interval';
import type { TimeUnit } from '../models/time';

/** How the pointwise confidence band of {@link kaplanMeier} is built from Greenwood's variance. */
export type KaplanMeierConfidence = 'log-log' | 'log' | 'plain';

/** One distinct observed time of a {@link kaplanMeier} curve. */
export interface KaplanMeierStep {
  /** The time (a duration in the input's unit; periods in activity mode). */
  readonly time: number;
  /** Subjects at risk just before `time` (lifetime ≥ time). */
  readonly atRisk: number;
  /** Churn events at `time`. */
  readonly events: number;
  /** Subjects censored at `time` (counted at risk at `time`). */
  readonly censored: number;
  /** Ŝ(time), the survival estimate just after `time`. */
  readonly survival: number;
  /** Greenwood standard error of Ŝ(time); 0 once Ŝ is 0. */
  readonly standardError: number;
  /** The pointwise confidence band at `level` (both ends equal `survival` where Greenwood's variance is 0). */
  readonly interval: Interval;
}

/** What {@link kaplanMeier} returns. */
export interface KaplanMeierResult {
  /** One row per distinct observed time (event or censoring), in increasing order. */
  readonly steps: readonly KaplanMeierStep[];
  /** Subjects (customers) counted. */
  readonly subjects: number;
  /** Churn events. */
  readonly events: number;
  /** Right-censored subjects (still active at the end of observation). */
  readonly censored: number;
  /**
   * Median lifetime: the smallest time with Ŝ ≤ 0.5 (when Ŝ is exactly 0.5 there, the midpoint
   * to the next event time, or that time itself when no event follows, as R's `survfit`);
   * `undefined` when the curve never reaches 0.5.
   */
  readonly median: number | undefined;
  /** Restricted mean lifetime ∫₀^horizon Ŝ(t) dt; `undefined` without subjects. */
  readonly restrictedMean: number | undefined;
  /** The horizon of `restrictedMean`: the option, or the largest observed time. */
  readonly horizon: number | undefined;
  /** The confidence level of the band. */
  readonly level: number;
  /** The transform of the band. */
  readonly confidence: KaplanMeierConfidence;
  /** In activity mode, the calendar period durations are counted in; `undefined` for durations. */
  readonly unit: TimeUnit | undefined;
  /** Records skipped because they or a field read were `null`/`undefined`. */
  readonly skipped: number;
}

/** Settings of {@link kaplanMeier}. */
export interface KaplanMeierSettings {
  /** Confidence level of the band, strictly between 0 and 1. Default 0.95. */
  readonly level?: number;
  /**
   * Transform of the band: `'log-log'` (default; Kalbfleisch & Prentice 1980, SAS PROC LIFETEST's
   * default, stays inside [0, 1] with good small-sample coverage), `'log'` (R `survfit`'s
   * default) or `'plain'` (Ŝ ± z·SE, clipped to [0, 1]).
   */
  readonly confidence?: KaplanMeierConfidence;
  /** Horizon of the restricted mean lifetime, > 0. Default: the largest observed time. */
  readonly horizon?: number;
}
