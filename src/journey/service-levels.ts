import { toEpochMs } from '../internal/calendar';
import { DurationBuffer, readPercentiles, summarizeDurations } from './durations';
import { forEachValue, isMissing, requireValues } from '../internal/input';
import { requireChannel, requireInteractionType } from '../models/journey-reader';
import { requireDurationUnit } from '../internal/calendar';
import { UNIT_MILLISECONDS } from '../models/time';
import { rateInterval } from './rate-interval';
import { describeValue, fail, requireLevel, requireNonNegative } from '../internal/validate';
import type { Channel } from '../models/channel';
import { CHANNELS } from '../models/channel';
import type { Interaction } from '../models/interaction';
import type { Instant } from '../models/time';
import type { Values } from '../models/values';
import type { DurationUnit } from '../models/time';
import type { Interval } from '../models/interval';
import type { StageTimingPercentile } from './stage-timing';
import { optionKeys, readOptions } from '../internal/options';

/** Options of {@link serviceLevels}. */
export interface ServiceLevelsOptions {
  /** Unit every duration and target is expressed in (required), e.g. `'minute'` or `'hour'`. */
  readonly unit: DurationUnit;
  /** Percentiles to report besides the median, each in [0, 1]. Default `[0.25, 0.75, 0.9]`. */
  readonly percentiles?: readonly number[];
  /** First-response target in `unit` (e.g. `1` with unit `'hour'`), ≥ 0. Default: none. */
  readonly firstResponseTarget?: number;
  /** Resolution target in `unit`, ≥ 0. Default: none. */
  readonly resolutionTarget?: number;
  /** The instant the backlog is measured at. Default: none (backlog = contacts without `resolvedAt`). */
  readonly asOf?: Instant;
  /** Confidence level of the Wilson intervals. Default `0.95`. */
  readonly level?: number;
}

/** A service-time distribution: how long contacts waited for a response or a resolution. */
export interface ServiceLevelsDistribution {
  /** Contacts whose time is known (they got the response / were resolved). */
  readonly count: number;
  /** Mean time in the result's unit; `undefined` when `count` is 0. */
  readonly mean: number | undefined;
  /** Median time (type-7 quantile); `undefined` when `count` is 0. */
  readonly median: number | undefined;
  /** The requested percentiles. */
  readonly percentiles: readonly StageTimingPercentile[];
  /** Shortest time; `undefined` when `count` is 0. */
  readonly min: number | undefined;
  /** Longest time; `undefined` when `count` is 0. */
  readonly max: number | undefined;
  /** Contacts still waiting (no `firstResponseAt` / no `resolvedAt`): not in the statistics above. */
  readonly pending: number;
  /** Share of the known times ≤ the target; `undefined` without a target or without data. */
  readonly withinTarget: number | undefined;
  /** Wilson interval of {@link ServiceLevelsDistribution.withinTarget}. */
  readonly withinTargetInterval: Interval | undefined;
}

/** First-contact resolution: the share of contacts solved without a follow-up. */
export interface ServiceLevelsFirstContactResolution {
  /** Contacts with `resolvedOnFirstContact` set (true or false). */
  readonly known: number;
  /** Of those, resolved on the first contact. */
  readonly resolved: number;
  /** `resolved / known`; `undefined` when `known` is 0. */
  readonly rate: number | undefined;
  /** Wilson interval of the rate. */
  readonly interval: Interval | undefined;
}

/** Service levels of a set of contacts: all of them ({@link ServiceLevelsResult}) or one channel's ({@link ServiceLevelsGroup}). */
export interface ServiceLevelsFigures {
  /** Support contacts counted. */
  readonly contacts: number;
  /** Time from `at` to `firstResponseAt`. */
  readonly firstResponse: ServiceLevelsDistribution;
  /** Time from `at` to `resolvedAt`. */
  readonly resolution: ServiceLevelsDistribution;
  /** First-contact resolution rate. */
  readonly firstContactResolution: ServiceLevelsFirstContactResolution;
  /** Open contacts: opened at or before `asOf` and not resolved by then (without `asOf`: no `resolvedAt`). */
  readonly backlog: number;
}

/** The service levels of the contacts of one channel. */
export interface ServiceLevelsGroup extends ServiceLevelsFigures {
  /** The channel (support contacts always name one, so never `null` here). */
  readonly group: Channel;
}

/** What {@link serviceLevels} returns. */
export interface ServiceLevelsResult extends ServiceLevelsFigures {
  /** Unit of every duration. */
  readonly unit: DurationUnit;
  /** Confidence level of the intervals. */
  readonly level: number;
  /** `null`/`undefined` entries skipped. */
  readonly skipped: number;
  /** Interactions of another type (survey, purchase, visit): not support contacts, left out and counted. */
  readonly ignored: number;
  /** The same figures per channel, one group per channel present, in {@link CHANNELS} order. */
  readonly groups: readonly ServiceLevelsGroup[];
}

const FN = 'serviceLevels';
const OPTION_KEYS = optionKeys<ServiceLevelsOptions>({ unit: true, percentiles: true, firstResponseTarget: true, resolutionTarget: true, asOf: true, level: true });

/**
 * Service quality from support contacts: first-response and resolution time distributions
 * (median, percentiles, share within a target), first-contact resolution rate and the
 * unresolved backlog at an instant, overall and per channel.
 *
 * ```text
 * first response time = firstResponseAt − at;    resolution time = resolvedAt − at
 * withinTarget        = #{time ≤ target} / #{time known}         (Wilson interval)
 * FCR                 = #{resolvedOnFirstContact} / #{flag known} (Wilson interval)
 * backlog(asOf)       = #{at ≤ asOf and (no resolvedAt or resolvedAt > asOf)}
 * quantiles           = Hyndman & Fan (1996) type 7
 * ```
 *
 * Contacts still waiting are counted as `pending`, not timed: a median over answered
 * contacts only understates waits when many are pending.
 *
 * @param contacts - Interactions; only `type: 'support'` ones are read (others counted in `ignored`); `null`/`undefined` skipped.
 * @param options - `unit` (required), targets, `asOf`, `percentiles`, `level`; see {@link ServiceLevelsOptions}.
 * @returns Overall and per-channel figures; statistics are `undefined` where nothing was observed.
 * @throws CxMetricsError `INVALID_OPTION` (unit), `OUT_OF_RANGE` (level, percentiles),
 *   `NEGATIVE_VALUE`/`INVALID_NUMBER` (targets), `INVALID_DATE`, `ORDER_VIOLATION` (a response or
 *   resolution before the contact was opened), `UNKNOWN_REFERENCE` (a channel not in
 *   `CHANNELS`), `INVALID_RECORD` (not an interaction, a `type` that is none of the four, a
 *   non-boolean `resolvedOnFirstContact`).
 *   `INVALID_INPUT` when `contacts` is not an array, a typed array or an iterable; `INVALID_OPTION` for options that are not a plain object or have an unknown key (the nearest documented name is suggested).
 *
 * @example
 * ```ts
 * import { serviceLevels } from 'cx-metrics/journey';
 * const minute = 60_000;
 * const contact = (channel: 'chat' | 'email', opened: number, response?: number, resolved?: number, fcr?: boolean) => ({
 *   type: 'support' as const, customerId: 'c', channel, at: opened * minute,
 *   ...(response === undefined ? {} : { firstResponseAt: response * minute }),
 *   ...(resolved === undefined ? {} : { resolvedAt: resolved * minute }),
 *   ...(fcr === undefined ? {} : { resolvedOnFirstContact: fcr }),
 * });
 * const levels = serviceLevels(
 *   [contact('chat', 0, 2, 10, true), contact('chat', 0, 4, 30, false), contact('email', 0, 90, 300, true), contact('email', 0)],
 *   { unit: 'minute', firstResponseTarget: 60, asOf: 100 * minute },
 * );
 * levels.firstResponse; // => { count: 3, median: 4, pending: 1 }
 * levels.firstResponse.withinTarget; // => 0.667
 * levels.groups.map((g) => g.group); // => ['email', 'chat']
 * levels.groups[1].resolution.median; // => 20
 * levels.firstContactResolution.rate; // => 0.667
 * levels.backlog; // => 2
 * serviceLevels([contact('chat', 10, 5)], { unit: 'minute' }); // => throws ORDER_VIOLATION
 * ```
 */
export function serviceLevels(contacts: Values<Interaction | null | undefined>, options: ServiceLevelsOptions): ServiceLevelsResult {
  requireValues(FN, 'contacts', contacts);
  readOptions(FN, options, OPTION_KEYS);
  const unit = requireDurationUnit(FN, 'unit', (options as Partial<ServiceLevelsOptions> | undefined)?.unit);
  const percentiles = readPercentiles(FN, options.percentiles, [0.25, 0.75, 0.9]);
  const level = options.level === undefined ? 0.95 : requireLevel(FN, options.level);
  const ms = UNIT_MILLISECONDS[unit];
  const responseTarget = options.firstResponseTarget === undefined ? undefined : requireNonNegative(FN, 'firstResponseTarget', options.firstResponseTarget) * ms;
  const resolutionTarget = options.resolutionTarget === undefined ? undefined : requireNonNegative(FN, 'resolutionTarget', options.resolutionTarget) * ms;
  const asOf = options.asOf === undefined ? undefined : toEpochMs(FN, 'asOf', options.asOf);
  const all = new Tally();
  const byChannel = new Map<Channel, Tally>();
  let skipped = 0;
  let ignored = 0;
  forEachValue(contacts, (contact, i) => {
    if (isMissing(contact)) {
      skipped++;
      return;
    }
    if (typeof contact !== 'object') {
      throw fail('INVALID_RECORD', FN, `contact ${describeValue(contact)} at index ${i} is not an interaction`, { index: i, value: contact });
    }
    if (contact.type !== 'support') {
      requireInteractionType(FN, contact.type, i);
      ignored++;
      return;
    }
    const channel = requireChannel(FN, contact.channel, i, 'channel');
    const opened = toEpochMs(FN, 'at', contact.at, i);
    const responded = contact.firstResponseAt === undefined ? undefined : toEpochMs(FN, 'firstResponseAt', contact.firstResponseAt, i);
    const resolved = contact.resolvedAt === undefined ? undefined : toEpochMs(FN, 'resolvedAt', contact.resolvedAt, i);
    for (const [what, t] of [['firstResponseAt', responded], ['resolvedAt', resolved]] as const) {
      if (t !== undefined && t < opened) {
        throw fail('ORDER_VIOLATION', FN, `${what} ${new Date(t).toISOString()} at index ${i} is before the contact was opened (${new Date(opened).toISOString()})`, {
          index: i,
          field: what,
          value: contact[what],
        });
      }
    }
    const fcr = contact.resolvedOnFirstContact;
    if (fcr !== undefined && typeof fcr !== 'boolean') {
      throw fail('INVALID_RECORD', FN, `resolvedOnFirstContact ${describeValue(fcr)} at index ${i} is not a boolean`, {
        index: i,
        field: 'resolvedOnFirstContact',
        value: fcr,
      });
    }
    const open = asOf === undefined ? resolved === undefined : opened <= asOf && (resolved === undefined || resolved > asOf);
    let group = byChannel.get(channel);
    if (group === undefined) byChannel.set(channel, (group = new Tally()));
    for (const tally of [all, group]) {
      tally.contacts++;
      if (responded === undefined) tally.awaitingResponse++;
      else tally.response.push(responded - opened);
      if (resolved === undefined) tally.unresolved++;
      else tally.resolution.push(resolved - opened);
      if (fcr !== undefined) {
        tally.fcrKnown++;
        if (fcr) tally.fcrResolved++;
      }
      if (open) tally.backlog++;
    }
  });
  const summarize = (t: Tally): ServiceLevelsFigures =>
    Object.freeze({
      contacts: t.contacts,
      firstResponse: distribution(t.response, t.awaitingResponse, responseTarget, ms, percentiles, level),
      resolution: distribution(t.resolution, t.unresolved, resolutionTarget, ms, percentiles, level),
      firstContactResolution: Object.freeze({
        known: t.fcrKnown,
        resolved: t.fcrResolved,
        rate: t.fcrKnown > 0 ? t.fcrResolved / t.fcrKnown : undefined,
        interval: rateInterval(t.fcrResolved, t.fcrKnown, level),
      }),
      backlog: t.backlog,
    });
  const groups: ServiceLevelsGroup[] = [];
  for (const channel of CHANNELS) {
    const tally = byChannel.get(channel);
    if (tally !== undefined) groups.push(Object.freeze({ group: channel, ...summarize(tally) }));
  }
  return Object.freeze({ ...summarize(all), unit, level, skipped, ignored, groups: Object.freeze(groups) });
}

class Tally {
  contacts = 0;
  awaitingResponse = 0;
  unresolved = 0;
  fcrKnown = 0;
  fcrResolved = 0;
  backlog = 0;
  readonly response = new DurationBuffer();
  readonly resolution = new DurationBuffer();
}

function distribution(
  buffer: DurationBuffer,
  pending: number,
  target: number | undefined,
  ms: number,
  percentiles: readonly number[],
  level: number,
): ServiceLevelsDistribution {
  const within = target === undefined ? 0 : buffer.countWithin(target);
  const known = target === undefined ? 0 : buffer.length;
  return Object.freeze({
    ...summarizeDurations(buffer, ms, percentiles),
    pending,
    withinTarget: known > 0 ? within / known : undefined,
    withinTargetInterval: rateInterval(within, known, level),
  });
}
