import { forEachValue, isMissing, requireValues } from '../internal/input';
import { createScratch, readJourney, readStageList } from '../models/journey-reader';
import { isConvertedJourney, readConversionTest } from './journey-reading';
import { describeValue, fail, requireCount } from '../internal/validate';
import type { Interaction } from '../models/interaction';
import type { Journey } from '../models/journey';
import type { Accessor, Values } from '../models/values';
import { optionKeys, readOptions } from '../internal/options';

/** Options of {@link journeyPaths}. */
export interface JourneyPathsOptions {
  /** Merge consecutive visits to the same touchpoint (`home, home, cart` → `home, cart`). Default `false`. */
  readonly collapseRepeats?: boolean;
  /** Keep only the first `maxLength` touchpoints of each path (after collapsing); a whole number ≥ 1. Default: no cap. */
  readonly maxLength?: number;
  /** How many of the most frequent paths to list in each ranking; a whole number ≥ 1. Default `10`. */
  readonly top?: number;
  /**
   * What counts as converting: the name of a stage (the journey converted when it reached
   * it) or a predicate. Default: none (no conversion split).
   */
  readonly converted?: string | Accessor<Journey, boolean>;
  /** Ordered stage list to validate journeys against (unknown or out-of-order stages throw). Default: none. */
  readonly stages?: readonly string[];
}

/** One touchpoint sequence and how often it occurs. */
export interface JourneyPath {
  /** Touchpoint ids in order (possibly empty: journeys without touchpoints). */
  readonly path: readonly string[];
  /** The path written `a → b → c` (`(no touchpoints)` when empty). */
  readonly label: string;
  /** Journeys following it. */
  readonly count: number;
  /** `count` / journeys in the ranking's population; the shares of all paths sum to 1. */
  readonly share: number;
  /**
   * Journeys on this path that converted, counted over all journeys (so in the `droppingOff`
   * ranking it tells how many others on the same path did convert); `undefined` without
   * `converted`.
   */
  readonly converted: number | undefined;
  /** `converted` / all journeys on this path; `undefined` without `converted`. */
  readonly conversionRate: number | undefined;
}

/** A ranking of paths within a population of journeys. */
export interface JourneyPathRanking {
  /** Journeys in the population. */
  readonly journeys: number;
  /** Distinct paths in it. */
  readonly distinct: number;
  /** The `top` most frequent paths, by count; ties in the order of their touchpoint ids (compared id by id, a path before its extensions). */
  readonly paths: readonly JourneyPath[];
  /** Journeys on paths not listed (so listed shares plus `otherShare` is 1). */
  readonly other: number;
  /** `other / journeys`; `undefined` when there are no journeys. */
  readonly otherShare: number | undefined;
}

/** What {@link journeyPaths} returns. */
export interface JourneyPathsResult extends JourneyPathRanking {
  /** `null`/`undefined` entries skipped. */
  readonly skipped: number;
  /** The ranking among journeys that converted; `undefined` without `converted`. */
  readonly converting: JourneyPathRanking | undefined;
  /** The ranking among journeys that did not convert (dropped off or still on the way); `undefined` without `converted`. */
  readonly droppingOff: JourneyPathRanking | undefined;
}

const FN = 'journeyPaths';
const OPTION_KEYS = optionKeys<JourneyPathsOptions>({ collapseRepeats: true, maxLength: true, top: true, converted: true, stages: true });
const SEP = '\u0000';

/**
 * The most frequent touchpoint sequences, with counts and shares, and which of them end in
 * conversion versus drop-off.
 *
 * A journey's path is the `touchpoint` of each of its interactions, in order across its
 * stages (interactions without a touchpoint are left out), optionally with consecutive
 * repeats collapsed and cut to `maxLength`. Paths are ranked by count, ties in the order of
 * their touchpoint ids (compared id by id, so a path comes before its extensions).
 *
 * ```text
 * share(path)          = journeys on path / journeys             (Σ over all paths = 1)
 * conversionRate(path) = converted journeys on path / journeys on path
 * ```
 *
 * @param journeys - Journeys; `null`/`undefined` skipped.
 * @param options - See {@link JourneyPathsOptions}.
 * @returns Rankings for all journeys and, with `converted`, for converting and non-converting ones.
 * @throws CxMetricsError `INVALID_OPTION` (`top`, `maxLength`, `converted`, stage list),
 *   `NOT_AN_INTEGER`/`NEGATIVE_VALUE`/`OUT_OF_RANGE` (`top`, `maxLength`), `UNKNOWN_REFERENCE`
 *   (an interaction of another customer, a stage not in `stages`, an unknown `converted` stage), `ORDER_VIOLATION`,
 *   `INVALID_DATE`, `INVALID_RECORD`.
 *   `INVALID_INPUT` when `journeys` is not an array, a typed array or an iterable; `INVALID_OPTION` for options that are not a plain object or have an unknown key (the nearest documented name is suggested).
 *
 * @example
 * ```ts
 * import { journeyPaths } from 'cx-metrics/journey';
 * const visit = (customerId: string, touchpoint: string) => ({ type: 'visit' as const, customerId, at: 0, touchpoint });
 * const journey = (customerId: string, touchpoints: string[], bought: boolean) => ({
 *   customerId,
 *   stages: [
 *     { name: 'browse', enteredAt: 0, interactions: touchpoints.map((t) => visit(customerId, t)) },
 *     ...(bought ? [{ name: 'buy', enteredAt: 1, interactions: [] }] : []),
 *   ],
 * });
 * const paths = journeyPaths(
 *   [journey('a', ['home', 'cart'], true), journey('b', ['home', 'home', 'cart'], false), journey('c', ['search'], false)],
 *   { collapseRepeats: true, converted: 'buy' },
 * );
 * paths.paths[0]; // => { label: 'home → cart', count: 2, converted: 1, conversionRate: 0.5 }
 * paths.paths[0].share; // => 0.667
 * paths.converting?.paths.map((p) => p.label); // => ['home → cart']
 * journeyPaths([journey('a', ['home'], false)], { top: 0 }); // => throws OUT_OF_RANGE
 * ```
 */
export function journeyPaths(journeys: Values<Journey | null | undefined>, options: JourneyPathsOptions = {}): JourneyPathsResult {
  requireValues(FN, 'journeys', journeys);
  readOptions(FN, options, OPTION_KEYS);
  const collapse = options.collapseRepeats ?? false;
  if (typeof collapse !== 'boolean') {
    throw fail('INVALID_OPTION', FN, `collapseRepeats ${describeValue(collapse)} is not a boolean`, { field: 'collapseRepeats', value: collapse });
  }
  const maxLength = options.maxLength === undefined ? Infinity : atLeastOne('maxLength', options.maxLength);
  const top = options.top === undefined ? 10 : atLeastOne('top', options.top);
  const list = options.stages === undefined ? undefined : readStageList(FN, options.stages);
  const isConverted = readConversionTest(FN, options.converted, list);
  const scratch = createScratch();
  // key → [count, converted]
  const counts = new Map<string, [number, number]>();
  let total = 0;
  let totalConverted = 0;
  let skipped = 0;
  const parts: string[] = [];
  forEachValue(journeys, (journey, i) => {
    if (isMissing(journey)) {
      skipped++;
      return;
    }
    readJourney(FN, journey, i, list, scratch);
    parts.length = 0;
    const stages = journey.stages;
    outer: for (let k = 0; k < stages.length; k++) {
      const interactions = (stages[k] as Journey['stages'][number]).interactions;
      for (let m = 0; m < interactions.length; m++) {
        const touchpoint: unknown = (interactions[m] as Interaction).touchpoint;
        if (isMissing(touchpoint)) continue;
        // '' would be indistinguishable from a journey without touchpoints.
        if (typeof touchpoint !== 'string' || touchpoint === '') {
          const field = `stages[${k}].interactions[${m}].touchpoint`;
          throw fail('INVALID_RECORD', FN, `journey at index ${i}: ${field} ${describeValue(touchpoint)} is not a non-empty string`, {
            index: i,
            field,
            value: touchpoint,
          });
        }
        if (collapse && parts[parts.length - 1] === touchpoint) continue;
        if (parts.length >= maxLength) break outer;
        parts.push(touchpoint);
      }
    }
    const key = parts.join(SEP);
    let entry = counts.get(key);
    if (entry === undefined) counts.set(key, (entry = [0, 0]));
    entry[0]++;
    total++;
    if (isConverted !== undefined) {
      const yes = isConvertedJourney(FN, isConverted, journey, i);
      if (yes) {
        entry[1]++;
        totalConverted++;
      }
    }
  });
  const split = isConverted !== undefined;
  const all = rank(counts, (c) => c[0], total, top, split);
  return Object.freeze({
    ...all,
    skipped,
    converting: split ? rank(counts, (c) => c[1], totalConverted, top, split) : undefined,
    droppingOff: split ? rank(counts, (c) => c[0] - c[1], total - totalConverted, top, split) : undefined,
  });
}

function atLeastOne(what: string, value: unknown): number {
  const x = requireCount(FN, what, value);
  if (x < 1) throw fail('OUT_OF_RANGE', FN, `${what} ${describeValue(x)} must be at least 1`, { field: what, value });
  return x;
}

function rank(
  counts: ReadonlyMap<string, [number, number]>,
  countOf: (entry: [number, number]) => number,
  journeys: number,
  top: number,
  split: boolean,
): JourneyPathRanking {
  const rows: { key: string; label: string; entry: [number, number]; count: number }[] = [];
  for (const [key, entry] of counts) {
    const count = countOf(entry);
    if (count > 0) rows.push({ key, label: key === '' ? '(no touchpoints)' : key.split(SEP).join(' → '), entry, count });
  }
  rows.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const listed = rows.slice(0, top);
  let listedCount = 0;
  const paths = listed.map(({ key, label, entry, count }) => {
    listedCount += count;
    return Object.freeze({
      path: Object.freeze(key === '' ? [] : key.split(SEP)),
      label,
      count,
      share: count / journeys,
      converted: split ? entry[1] : undefined,
      conversionRate: split ? entry[1] / entry[0] : undefined,
    });
  });
  const other = journeys - listedCount;
  return Object.freeze({
    journeys,
    distinct: rows.length,
    paths: Object.freeze(paths),
    other,
    otherShare: journeys > 0 ? other / journeys : undefined,
  });
}
