import { forEachValue, isMissing, requireValues } from '../internal/input';
import { addToCounts, compareGroupKeys, createCounts, funnelSteps, type FunnelCounts } from './funnel';
import { createScratch, readJourney, readStageList } from '../models/journey-reader';
import { entryChannel, segmentKey } from './journey-reading';
import { describeValue, fail, requireLevel } from '../internal/validate';
import type { Journey } from '../models/journey';
import type { Accessor, Values } from '../models/values';
import type { JourneyFunnelStep } from './journey-funnel-step';
import { optionKeys, readOptions } from '../internal/options';

/** Options of {@link journeyFunnel}. */
export interface JourneyFunnelOptions {
  /** The ordered stage names (non-empty, distinct); every journey's stages must come from it, in this order. Required. */
  readonly stages: readonly string[];
  /** Confidence level of the Wilson intervals, strictly between 0 and 1. Default `0.95`. */
  readonly level?: number;
  /**
   * Split the funnel into groups whose counts add up to the whole funnel:
   * `'segment'` (the journey's `segment`), `'channel'` (the channel of the journey's first
   * interaction that names one — its entry channel) or an accessor returning a group key.
   * Journeys without a key form the group whose `group` is `null`. A `segment` that is not a
   * string, a channel outside `CHANNELS` or an accessor result that is not a string, `null` or
   * `undefined` throws. Default: no grouping.
   */
  readonly groupBy?: 'segment' | 'channel' | Accessor<Journey, string | null | undefined>;
}

/** The funnel of one group of journeys (see {@link JourneyFunnelOptions.groupBy}). */
export interface JourneyFunnelGroup {
  /** The group's value; `null` for journeys without one. */
  readonly group: string | null;
  /** Journeys in the group. */
  readonly journeys: number;
  /** The group's funnel, one step per stage. */
  readonly steps: readonly JourneyFunnelStep[];
}

/** What {@link journeyFunnel} returns. */
export interface JourneyFunnelResult {
  /** Journeys counted (`null`/`undefined` entries excluded). */
  readonly journeys: number;
  /** `null`/`undefined` entries skipped. */
  readonly skipped: number;
  /** Confidence level of the intervals. */
  readonly level: number;
  /** One step per stage, in the order of the stage list. */
  readonly steps: readonly JourneyFunnelStep[];
  /** Per-group funnels, sorted by `group` (`null` last); `undefined` without `groupBy`. Their counts add up to `steps`. */
  readonly groups: readonly JourneyFunnelGroup[] | undefined;
}

const FN = 'journeyFunnel';
const OPTION_KEYS = optionKeys<JourneyFunnelOptions>({ stages: true, level: true, groupBy: true });

/**
 * Conversion funnel over an ordered list of stages: how many customers reached each stage,
 * conversion from the previous stage and from the first, drop-off, each rate with a Wilson
 * score interval.
 *
 * A journey *reached* stage k when its furthest stage is k or later in the list, so a
 * journey that skipped a stage still counts as having passed it and the counts never
 * increase along the funnel (`entered` counts the stages actually present).
 *
 * ```text
 * reached_k    = #{ journeys whose furthest stage index ≥ k },   reached_−1 = all journeys
 * fromPrevious = reached_k / reached_{k−1}
 * fromFirst    = reached_k / reached_0
 * droppedOff   = reached_{k−1} − reached_k,   dropOffRate = droppedOff / reached_{k−1}
 * interval     = Wilson score interval at `level` (Wilson 1927)
 * ```
 *
 * Source: E. B. Wilson (1927), "Probable inference, the law of succession, and statistical
 * inference", JASA 22(158); A. Agresti & B. Coull (1998) on why Wilson beats the Wald interval.
 *
 * @param journeys - Journeys, each with stages in the order reached; `null`/`undefined` skipped.
 * @param options - The ordered `stages` (required), `level`, `groupBy`; see {@link JourneyFunnelOptions}.
 * @returns Counts and rates per stage (and per group); rates are `undefined` when their denominator is 0.
 * @throws CxMetricsError `INVALID_OPTION` (empty or repeated stage list, bad `groupBy` or
 *   accessor result), `OUT_OF_RANGE` (level), `UNKNOWN_REFERENCE` (a stage not in the list,
 *   an interaction of another customer, an entry channel outside `CHANNELS`),
 *   `ORDER_VIOLATION` (stages out of list order or entered earlier than the stage before),
 *   `INVALID_DATE`, `INVALID_RECORD` (not a journey, empty stage list, an interaction of no
 *   known `type`, a segment that is not a string).
 *   `INVALID_INPUT` when `journeys` is not an array, a typed array or an iterable; `INVALID_OPTION` for options that are not a plain object or have an unknown key (the nearest documented name is suggested).
 *
 * @example
 * ```ts
 * import { journeyFunnel } from 'cx-metrics/journey';
 * const at = (day: number) => Date.UTC(2024, 0, day);
 * const journey = (customerId: string, ...names: string[]) => ({
 *   customerId,
 *   stages: names.map((name, k) => ({ name, enteredAt: at(k + 1), interactions: [] })),
 * });
 * const funnel = journeyFunnel(
 *   [journey('a', 'visit'), journey('b', 'visit', 'cart'), journey('c', 'visit', 'cart', 'buy'), journey('d', 'visit', 'buy')],
 *   { stages: ['visit', 'cart', 'buy'] },
 * );
 * funnel.steps.map((s) => s.reached); // => [4, 3, 2]
 * funnel.steps[1]; // => { stage: 'cart', entered: 2, droppedOff: 1, fromPrevious: 0.75 }
 * funnel.steps[2].fromFirst; // => 0.5
 * funnel.steps[2].fromFirstInterval; // => { lower: 0.150, upper: 0.850 }
 * journeyFunnel([journey('a', 'cart', 'visit')], { stages: ['visit', 'cart'] }); // => throws ORDER_VIOLATION
 * ```
 */
export function journeyFunnel(
  journeys: Values<Journey | null | undefined>,
  options: JourneyFunnelOptions,
): JourneyFunnelResult {
  requireValues(FN, 'journeys', journeys);
  readOptions(FN, options, OPTION_KEYS);
  const list = readStageList(FN, (options as Partial<JourneyFunnelOptions> | undefined)?.stages);
  const level = options.level === undefined ? 0.95 : requireLevel(FN, options.level);
  const keyOf = groupKeyReader(options.groupBy);
  const n = list.names.length;
  const scratch = createScratch();
  const total = createCounts(n);
  const groups = keyOf === undefined ? undefined : new Map<string | null, FunnelCounts>();
  let skipped = 0;
  forEachValue(journeys, (journey, i) => {
    if (isMissing(journey)) {
      skipped++;
      return;
    }
    const count = readJourney(FN, journey, i, list, scratch);
    addToCounts(total, scratch.positions, count);
    if (groups !== undefined && keyOf !== undefined) {
      const key = keyOf(journey, i);
      let counts = groups.get(key);
      if (counts === undefined) groups.set(key, (counts = createCounts(n)));
      addToCounts(counts, scratch.positions, count);
    }
  });
  const grouped =
    groups === undefined
      ? undefined
      : Object.freeze(
          [...groups.entries()]
            .sort(([a], [b]) => compareGroupKeys(a, b))
            .map(([group, counts]) => Object.freeze({ group, journeys: counts.journeys, steps: funnelSteps(counts, list.names, level) })),
        );
  return Object.freeze({ journeys: total.journeys, skipped, level, steps: funnelSteps(total, list.names, level), groups: grouped });
}

/**
 * The group key of a validated journey. The built-in keys are fields of the record, so a bad
 * one is the record's fault (`INVALID_RECORD`, `UNKNOWN_REFERENCE`); an accessor's is the
 * option's (`INVALID_OPTION`).
 */
function groupKeyReader(groupBy: JourneyFunnelOptions['groupBy']): Accessor<Journey, string | null> | undefined {
  if (groupBy === undefined) return undefined;
  if (groupBy === 'segment') return (j, i) => segmentKey(FN, j, i);
  if (groupBy === 'channel') return (j, i) => entryChannel(FN, j, i);
  if (typeof groupBy === 'function') {
    return (j, i) => {
      const raw: unknown = groupBy(j, i);
      if (isMissing(raw)) return null;
      if (typeof raw === 'string') return raw;
      throw fail('INVALID_OPTION', FN, `groupBy returned ${describeValue(raw)} for the journey at index ${i}; expected a string, null or undefined`, {
        field: 'groupBy',
        value: raw,
        index: i,
      });
    };
  }
  throw fail('INVALID_OPTION', FN, `groupBy ${describeValue(groupBy)} is not 'segment', 'channel' or a function`, {
    field: 'groupBy',
    value: groupBy,
  });
}
