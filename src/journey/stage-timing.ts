import { toEpochMs } from '../internal/calendar';
import { DurationBuffer, kaplanMeierMedian, readPercentiles, summarizeDurations } from './durations';
import { forEachValue, isMissing, requireValues } from '../internal/input';
import { createScratch, readJourney, readStageList } from '../models/journey-reader';
import { requireDurationUnit } from '../internal/calendar';
import { UNIT_MILLISECONDS } from '../models/time';
import { fail } from '../internal/validate';
import type { Journey } from '../models/journey';
import type { Instant } from '../models/time';
import type { Values } from '../models/values';
import type { DurationUnit } from '../models/time';
import { optionKeys, readOptions } from '../internal/options';

/** Options of {@link stageTiming}. */
export interface StageTimingOptions {
  /** The ordered stage names (non-empty, distinct); every journey's stages must come from it, in this order. Required. */
  readonly stages: readonly string[];
  /** Unit every duration is reported in (required: durations always carry their unit). */
  readonly unit: DurationUnit;
  /** Percentiles to report besides the median, each in [0, 1]. Default `[0.25, 0.75, 0.9]`. */
  readonly percentiles?: readonly number[];
  /**
   * The instant the data was extracted. When given, each censored journey's time so far
   * (`asOf − enteredAt`) is summarised too, and an `asOf` before a stage entry is rejected.
   * Default: none (censored journeys are only counted).
   */
  readonly asOf?: Instant;
}

/** One percentile of a duration distribution. */
export interface StageTimingPercentile {
  /** The probability, e.g. `0.9`. */
  readonly p: number;
  /** The type-7 sample quantile, in the result's unit; `undefined` without data. */
  readonly value: number | undefined;
}

/** A duration distribution with its censored journeys. */
export interface StageTimingStats {
  /** Journeys whose duration was observed (they moved on). */
  readonly count: number;
  /** Mean duration; `undefined` when `count` is 0. */
  readonly mean: number | undefined;
  /** Median (type-7 quantile at 0.5); `undefined` when `count` is 0. */
  readonly median: number | undefined;
  /** The requested percentiles, in the order asked. */
  readonly percentiles: readonly StageTimingPercentile[];
  /** Shortest observed duration; `undefined` when `count` is 0. */
  readonly min: number | undefined;
  /** Longest observed duration; `undefined` when `count` is 0. */
  readonly max: number | undefined;
  /** Journeys that entered the stage but have not (yet) moved on: right-censored, not in the statistics above. */
  readonly censored: number;
  /** Median of `asOf − enteredAt` over the censored journeys; `undefined` without `asOf` or without censored journeys. */
  readonly censoredMedianElapsed: number | undefined;
  /**
   * Kaplan–Meier median duration, counting each censored journey as still waiting after
   * `asOf − enteredAt`: the smallest event time where Ŝ ≤ 0.5, or, where Ŝ equals 0.5 exactly,
   * the midpoint to the next event time (R `survival`'s `survfit` rule, the same as the
   * retention domain's `kaplanMeier`). Unlike `median`, not biased low by the journeys that
   * have not moved on yet. `undefined` without `asOf`, or while fewer than half are estimated
   * to have moved on.
   */
  readonly kaplanMeierMedian: number | undefined;
}

/** Timing of one stage of a {@link StageTimingResult}. */
export interface StageTimingStep {
  /** Stage name. */
  readonly stage: string;
  /** Time from entering this stage to entering the next stage the journey reached (a skipped stage counts as passed). */
  readonly inStage: StageTimingStats;
  /** Time from entering this stage to entering the final stage of the list. */
  readonly toFinal: StageTimingStats;
}

/** What {@link stageTiming} returns. */
export interface StageTimingResult {
  /** Journeys read. */
  readonly journeys: number;
  /** `null`/`undefined` entries skipped. */
  readonly skipped: number;
  /** Unit of every duration. */
  readonly unit: DurationUnit;
  /** One step per stage but the last (nothing follows the final stage), in list order. */
  readonly steps: readonly StageTimingStep[];
}

const FN = 'stageTiming';
const OPTION_KEYS = optionKeys<StageTimingOptions>({ stages: true, unit: true, percentiles: true, asOf: true });

/**
 * How long customers spend in each stage and how long they take from each stage to the
 * final one: count, mean, median and percentiles, plus the journeys still waiting
 * (right-censored), so that slow stages are visible.
 *
 * ```text
 * inStage_k  = enteredAt(next stage the journey reached after k) − enteredAt(k)
 * toFinal_k  = enteredAt(final stage) − enteredAt(k)
 * censored   = journeys that entered k and have no later stage (inStage) / never reached
 *              the final stage (toFinal); their durations are unknown, so they are
 *              counted, not averaged in (averaging only completed journeys is biased low:
 *              read `censored` alongside the median)
 * kaplanMeierMedian = smallest event time t with Ŝ(t) ≤ 0.5, Ŝ the Kaplan–Meier curve of the
 *              observed durations with the censored ones at asOf − enteredAt (Kaplan & Meier
 *              1958); where Ŝ(t) = 0.5 exactly, the midpoint of t and the next event time
 *              (t itself when none follows): R survival's survfit rule, as kaplanMeier's median
 * quantiles  = Hyndman & Fan (1996) type 7 (R's default)
 * ```
 *
 * Durations are exact in milliseconds and converted with {@link UNIT_MILLISECONDS}.
 *
 * Source: Hyndman & Fan (1996), "Sample quantiles in statistical packages", *The American
 * Statistician* 50(4); Kaplan & Meier (1958), *JASA* 53(282); the median rule of T. Therneau,
 * R package `survival` (`print.survfit`: the midpoint where the curve is flat at 0.5).
 *
 * @param journeys - Journeys with stages in the order reached; `null`/`undefined` skipped.
 * @param options - `stages` and `unit` (required), `percentiles`, `asOf`; see {@link StageTimingOptions}.
 * @returns Per-stage distributions; statistics are `undefined` where nothing was observed.
 * @throws CxMetricsError `INVALID_OPTION` (stage list, unit), `OUT_OF_RANGE` (percentiles),
 *   `UNKNOWN_REFERENCE`, `ORDER_VIOLATION` (stages out of order, an entry earlier than the
 *   previous stage's — a negative duration —, `asOf` before an entry), `INVALID_DATE`,
 *   `INVALID_RECORD`.
 *   `INVALID_INPUT` when `journeys` is not an array, a typed array or an iterable; `INVALID_OPTION` for options that are not a plain object or have an unknown key (the nearest documented name is suggested).
 *
 * @example
 * ```ts
 * import { stageTiming } from 'cx-metrics/journey';
 * const day = 86_400_000;
 * const journey = (customerId: string, ...days: number[]) => ({
 *   customerId,
 *   stages: days.map((d, k) => ({ name: ['visit', 'cart', 'buy'][k]!, enteredAt: d * day, interactions: [] })),
 * });
 * const timing = stageTiming(
 *   [journey('a', 0, 1, 3), journey('b', 0, 3, 4), journey('c', 0, 2), journey('d', 0)],
 *   { stages: ['visit', 'cart', 'buy'], unit: 'day', asOf: 10 * day },
 * );
 * timing.steps[0].inStage; // => { count: 3, mean: 2, median: 2, censored: 1, censoredMedianElapsed: 10, kaplanMeierMedian: 2.5 }
 * timing.steps[0].toFinal; // => { count: 2, median: 3.5, censored: 2 }
 * timing.steps[1].inStage; // => { count: 2, median: 1.5, censored: 1 }
 * stageTiming([journey('a', 0, 1)], { stages: ['visit', 'cart'], unit: 'fortnight' as 'day' }); // => throws INVALID_OPTION
 * ```
 */
export function stageTiming(
  journeys: Values<Journey | null | undefined>,
  options: StageTimingOptions,
): StageTimingResult {
  requireValues(FN, 'journeys', journeys);
  readOptions(FN, options, OPTION_KEYS);
  const list = readStageList(FN, (options as Partial<StageTimingOptions> | undefined)?.stages);
  const unit = requireDurationUnit(FN, 'unit', (options as Partial<StageTimingOptions> | undefined)?.unit);
  const percentiles = readPercentiles(FN, options.percentiles, [0.25, 0.75, 0.9]);
  const asOf = options.asOf === undefined ? undefined : toEpochMs(FN, 'asOf', options.asOf);
  const n = list.names.length;
  const last = n - 1;
  const inStage = Array.from({ length: last }, () => new DurationBuffer());
  const toFinal = Array.from({ length: last }, () => new DurationBuffer());
  const inStageCensored = new Float64Array(n);
  const toFinalCensored = new Float64Array(n);
  const inStageElapsed = asOf === undefined ? undefined : Array.from({ length: last }, () => new DurationBuffer());
  const toFinalElapsed = asOf === undefined ? undefined : Array.from({ length: last }, () => new DurationBuffer());
  const scratch = createScratch();
  let count = 0;
  let skipped = 0;
  forEachValue(journeys, (journey, i) => {
    if (isMissing(journey)) {
      skipped++;
      return;
    }
    const stageCount = readJourney(FN, journey, i, list, scratch);
    count++;
    const positions = scratch.positions;
    const times = scratch.times;
    const lastPosition = positions[stageCount - 1] as number;
    const reachedFinal = lastPosition === last;
    const finalTime = times[stageCount - 1] as number;
    // Entry times never decrease, so the last stage's is the latest.
    if (asOf !== undefined && finalTime > asOf) {
      throw fail('ORDER_VIOLATION', FN, `journey at index ${i}: stages[${stageCount - 1}] was entered at ${new Date(finalTime).toISOString()}, after asOf ${new Date(asOf).toISOString()}`, {
        index: i,
        field: `stages[${stageCount - 1}].enteredAt`,
        value: journey.stages[stageCount - 1]?.enteredAt,
      });
    }
    for (let k = 0; k < stageCount; k++) {
      const position = positions[k] as number;
      if (position === last) break;
      const entered = times[k] as number;
      if (k + 1 < stageCount) (inStage[position] as DurationBuffer).push((times[k + 1] as number) - entered);
      else {
        inStageCensored[position] = (inStageCensored[position] as number) + 1;
        if (inStageElapsed !== undefined && asOf !== undefined) (inStageElapsed[position] as DurationBuffer).push(asOf - entered);
      }
      if (reachedFinal) (toFinal[position] as DurationBuffer).push(finalTime - entered);
      else {
        toFinalCensored[position] = (toFinalCensored[position] as number) + 1;
        if (toFinalElapsed !== undefined && asOf !== undefined) (toFinalElapsed[position] as DurationBuffer).push(asOf - entered);
      }
    }
  });
  const ms = UNIT_MILLISECONDS[unit];
  const stats = (buffer: DurationBuffer, censored: number, elapsed: DurationBuffer | undefined): StageTimingStats =>
    Object.freeze({
      ...summarizeDurations(buffer, ms, percentiles),
      censored,
      kaplanMeierMedian: elapsed === undefined ? undefined : scaled(kaplanMeierMedian(buffer.data, elapsed.data), ms),
      censoredMedianElapsed: elapsed === undefined ? undefined : summarizeDurations(elapsed, ms, []).median,
    });
  const steps = list.names.slice(0, last).map((stage, k) =>
    Object.freeze({
      stage,
      inStage: stats(inStage[k] as DurationBuffer, inStageCensored[k] as number, inStageElapsed?.[k]),
      toFinal: stats(toFinal[k] as DurationBuffer, toFinalCensored[k] as number, toFinalElapsed?.[k]),
    }),
  );
  return Object.freeze({ journeys: count, skipped, unit, steps: Object.freeze(steps) });
}

function scaled(ms: number | undefined, unitMs: number): number | undefined {
  return ms === undefined ? undefined : ms / unitMs;
}
