import { compareGroupKeys } from './funnel';
import { forEachValue, isMissing, requireValues } from '../internal/input';
import { createScratch, requireChannel, requireInteractionType } from '../models/journey-reader';
import { addResponse, forEachInteraction, MetricBuffers } from './survey-responses';
import { describeValue, fail, requireLevel, requireOneOf } from '../internal/validate';
import type { Channel } from '../models/channel';
import type { Interaction } from '../models/interaction';
import type { Journey } from '../models/journey';
import type { Values } from '../models/values';
import { ces, type CesResult } from '../survey/ces';
import { csat, type CsatResult } from '../survey/csat';
import { csatInterval, type CsatIntervalResult } from '../survey/csat-interval';
import { nps, type NpsResult } from '../survey/nps';
import { npsInterval, type NpsIntervalResult } from '../survey/nps-interval';
import { optionKeys, readOptions } from '../internal/options';

/** What {@link touchpointScores} groups the answers by. */
export type TouchpointScoresGroupBy = 'touchpoint' | 'channel' | 'touchpoint-channel';

/** Options of {@link touchpointScores}. */
export interface TouchpointScoresOptions {
  /** Group by touchpoint, by channel, or by both. Default `'touchpoint'`. */
  readonly by?: TouchpointScoresGroupBy;
  /** Confidence level of every interval. Default `0.95`. */
  readonly level?: number;
}

/** The scores of one touchpoint (or channel, or pair). */
export interface TouchpointScoresGroup {
  /** Touchpoint id; `null` for answers given without one; `undefined` when grouping by channel only. */
  readonly touchpoint: string | null | undefined;
  /** Channel; `null` for answers without one; `undefined` when grouping by touchpoint only. */
  readonly channel: Channel | null | undefined;
  /** Survey answers in the group, all metrics together. */
  readonly responses: number;
  /** NPS of the group's NPS answers, as {@link nps} computes it. */
  readonly nps: NpsResult;
  /** Its interval (adjusted Wald, points), as {@link npsInterval}; `undefined` without answers. */
  readonly npsInterval: NpsIntervalResult | undefined;
  /** CSAT of the group's CSAT answers, as {@link csat} computes it (scale from the answers). */
  readonly csat: CsatResult;
  /** Wilson interval of the CSAT share, as {@link csatInterval}; `undefined` without answers. */
  readonly csatInterval: CsatIntervalResult | undefined;
  /** CES of the group's CES answers, as {@link ces} computes it, with its Student-t interval for the mean. */
  readonly ces: CesResult;
}

/** What {@link touchpointScores} returns. */
export interface TouchpointScoresResult {
  /** How the answers were grouped. */
  readonly by: TouchpointScoresGroupBy;
  /** Confidence level of the intervals. */
  readonly level: number;
  /** One entry per group with answers, sorted by touchpoint then channel (`null` last). */
  readonly groups: readonly TouchpointScoresGroup[];
  /** Survey answers read. */
  readonly responses: number;
  /** Interactions that are not survey responses (visits, purchases, contacts): left out and counted. */
  readonly ignored: number;
  /** `null`/`undefined` entries (and survey responses with a missing score) skipped. */
  readonly skipped: number;
}

const FN = 'touchpointScores';
const OPTION_KEYS = optionKeys<TouchpointScoresOptions>({ by: true, level: true });
const GROUPINGS: readonly TouchpointScoresGroupBy[] = ['touchpoint', 'channel', 'touchpoint-channel'];

/**
 * NPS, CSAT and CES per touchpoint and channel, with intervals and response counts,
 * computed by the survey calculators ({@link nps} + {@link npsInterval}, {@link csat} +
 * {@link csatInterval}, {@link ces}) so the figures are exactly theirs.
 *
 * ```text
 * group(answer) = its touchpoint, its channel, or both          (option `by`)
 * NPS  = 100 · (promoters − detractors) / answers,  adjusted-Wald interval (points)
 * CSAT = share of answers ≥ max − 1 (top-2-box),   Wilson interval
 * CES  = mean answer,                               Student-t interval
 * ```
 *
 * Each answer is checked where it is read (metric, scale, score), so an error names its
 * position in the input: the interaction's index, or for journeys the journey's index. CSAT
 * and CES answers of one group must share a scale (`scale`, default 1–5 and 1–7).
 *
 * Sources: Reichheld (2003) for NPS; see the survey functions for the intervals.
 *
 * @param input - Survey responses (other interactions are counted in `ignored`) or journeys (their interactions are read); `null`/`undefined` skipped.
 * @param options - `by` and `level`; see {@link TouchpointScoresOptions}.
 * @returns One group per touchpoint (channel, pair) with answers.
 * @throws CxMetricsError `INVALID_OPTION` (`by`), `OUT_OF_RANGE` (level, a score off its
 *   scale), `INVALID_NUMBER`, `NOT_AN_INTEGER` (scores), `UNKNOWN_REFERENCE` (an unknown
 *   metric or channel, another customer's interaction in a journey), `INCONSISTENT_INPUT` (an NPS scale
 *   other than 0–10, CSAT/CES answers on different scales in one group), `INVALID_RECORD`,
 *   `ORDER_VIOLATION`, `INVALID_DATE` (journeys); `INVALID_RECORD` also for an interaction
 *   whose `type` is none of the four (it is not silently ignored).
 *   `INVALID_INPUT` when `input` is not an array, a typed array or an iterable; `INVALID_OPTION` for options that are not a plain object or have an unknown key (the nearest documented name is suggested).
 *
 * @example
 * ```ts
 * import { touchpointScores } from 'cx-metrics/journey';
 * const answer = (touchpoint: string, metric: 'nps' | 'csat' | 'ces', score: number) => ({
 *   type: 'survey' as const, customerId: 'c', at: 0, channel: 'web' as const, touchpoint, metric, score,
 * });
 * const scores = touchpointScores([
 *   answer('checkout', 'nps', 10), answer('checkout', 'nps', 9), answer('checkout', 'nps', 3),
 *   answer('checkout', 'csat', 5), answer('checkout', 'csat', 2),
 *   answer('help', 'ces', 6), answer('help', 'ces', 4),
 * ]);
 * scores.groups.map((g) => g.touchpoint); // => ['checkout', 'help']
 * scores.groups[0].nps.score; // => 33.3
 * scores.groups[0].csat.share; // => 0.5
 * scores.groups[1].ces.mean; // => 5
 * touchpointScores([answer('help', 'nps', 11)]); // => throws OUT_OF_RANGE
 * ```
 */
export function touchpointScores(
  input: Values<Journey | Interaction | null | undefined>,
  options: TouchpointScoresOptions = {},
): TouchpointScoresResult {
  requireValues(FN, 'input', input);
  readOptions(FN, options, OPTION_KEYS);
  const by = options.by === undefined ? 'touchpoint' : requireOneOf(FN, 'by', options.by, GROUPINGS);
  const level = options.level === undefined ? 0.95 : requireLevel(FN, options.level);
  const useTouchpoint = by !== 'channel';
  const useChannel = by !== 'touchpoint';
  // touchpoint key → channel key → buffers ('' stands for "none"; real ids are non-empty strings).
  const groups = new Map<string | null, Map<string | null, MetricBuffers>>();
  const scratch = createScratch();
  let responses = 0;
  let ignored = 0;
  let skipped = 0;
  const visit = (interaction: Interaction, index: number): void => {
    if (interaction === null || typeof interaction !== 'object') {
      throw fail('INVALID_RECORD', FN, `interaction ${describeValue(interaction)} at index ${index} is not an interaction`, { index, value: interaction });
    }
    if (interaction.type !== 'survey') {
      requireInteractionType(FN, interaction.type, index);
      ignored++;
      return;
    }
    if (isMissing(interaction.score)) {
      skipped++;
      return;
    }
    if (!isMissing(interaction.touchpoint) && typeof interaction.touchpoint !== 'string') {
      throw fail('INVALID_RECORD', FN, `touchpoint ${describeValue(interaction.touchpoint)} at index ${index} is not a string`, {
        index,
        field: 'touchpoint',
        value: interaction.touchpoint,
      });
    }
    if (!isMissing(interaction.channel)) requireChannel(FN, interaction.channel, index, 'channel');
    const touchpoint = useTouchpoint ? (interaction.touchpoint ?? null) : null;
    const channel = useChannel ? (interaction.channel ?? null) : null;
    let byChannel = groups.get(touchpoint);
    if (byChannel === undefined) groups.set(touchpoint, (byChannel = new Map()));
    let buffers = byChannel.get(channel);
    if (buffers === undefined) byChannel.set(channel, (buffers = new MetricBuffers()));
    addResponse(FN, buffers, interaction, index);
    responses++;
  };
  forEachValue(input, (value, i) => {
    if (isMissing(value)) {
      skipped++;
      return;
    }
    if (typeof value !== 'object') {
      throw fail('INVALID_RECORD', FN, `${describeValue(value)} at index ${i} is neither an interaction nor a journey`, { index: i, value });
    }
    forEachInteraction(FN, value, i, scratch, visit);
  });
  const out: TouchpointScoresGroup[] = [];
  for (const touchpoint of sortedKeys(groups)) {
    const byChannel = groups.get(touchpoint) as Map<string | null, MetricBuffers>;
    for (const channel of sortedKeys(byChannel)) {
      out.push(scoreGroup(byChannel.get(channel) as MetricBuffers, useTouchpoint ? touchpoint : undefined, useChannel ? (channel as Channel | null) : undefined, level));
    }
  }
  return Object.freeze({ by, level, groups: Object.freeze(out), responses, ignored, skipped });
}

function sortedKeys<V>(map: ReadonlyMap<string | null, V>): (string | null)[] {
  return [...map.keys()].sort(compareGroupKeys);
}

function scoreGroup(buffers: MetricBuffers, touchpoint: string | null | undefined, channel: Channel | null | undefined, level: number): TouchpointScoresGroup {
  const npsResult = nps(buffers.nps.view());
  const csatResult = csat(buffers.csat.view(), buffers.csatScale === undefined ? {} : { scale: buffers.csatScale });
  const cesResult = ces(buffers.ces.view(), { level, ...(buffers.cesScale === undefined ? {} : { scale: buffers.cesScale }) });
  return Object.freeze({
    touchpoint,
    channel,
    responses: buffers.nps.length + buffers.csat.length + buffers.ces.length,
    nps: npsResult,
    npsInterval: npsInterval(npsResult, { level }),
    csat: csatResult,
    csatInterval: csatInterval(csatResult, { level }),
    ces: cesResult,
  });
}
