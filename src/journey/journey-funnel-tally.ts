import { addToCounts, compareGroupKeys, createCounts, funnelSteps, mergeCounts, type FunnelCounts } from './funnel';
import { isMissing } from '../internal/input';
import { createScratch, readJourney, readStageList, type StageList } from '../models/journey-reader';
import { entryChannel, segmentKey } from './journey-reading';
import { optionKeys, readOptions } from '../internal/options';
import { fail, requireLevel, requireOneOf } from '../internal/validate';
import { badState, stateChecker, StateReader } from '../internal/reducer-state';
import type { Journey } from '../models/journey';
import type { Reducer } from '../models/reducer';
import type { JourneyFunnelResult } from './journey-funnel';

/** Options of {@link journeyFunnelTally}'s `create`. */
export interface JourneyFunnelTallyOptions {
  /** The ordered stage names (required, non-empty, distinct). */
  readonly stages: readonly string[];
  /** Confidence level of the Wilson intervals. Default `0.95`. */
  readonly level?: number;
  /** Split by `'segment'` or by `'channel'` (entry channel), as in `journeyFunnel`. Default: no grouping. (Accessors are not serialisable, so the tally does not take them.) */
  readonly groupBy?: 'segment' | 'channel';
}

/** Counts of one group in a {@link JourneyFunnelTallyState}. */
export interface JourneyFunnelTallyGroup {
  /** The group's value; `null` for journeys without one. */
  group: string | null;
  /** Journeys in the group. */
  journeys: number;
  /** Journeys whose furthest stage is stage k. */
  furthest: number[];
  /** Journeys that have stage k. */
  entered: number[];
}

/** The running state of {@link journeyFunnelTally}: a few counts per stage, plain and JSON-serialisable. */
export interface JourneyFunnelTallyState {
  /** The ordered stage list. */
  stages: string[];
  /** Confidence level of the intervals. */
  level: number;
  /** The grouping, or `null`. */
  groupBy: 'segment' | 'channel' | null;
  /** Journeys counted. */
  journeys: number;
  /** `null`/`undefined` values skipped. */
  skipped: number;
  /** Journeys whose furthest stage is stage k. */
  furthest: number[];
  /** Journeys that have stage k. */
  entered: number[];
  /** Per-group counts (empty without grouping). */
  groups: JourneyFunnelTallyGroup[];
}

const FN = 'journeyFunnelTally';
const OPTION_KEYS = optionKeys<JourneyFunnelTallyOptions>({ stages: true, level: true, groupBy: true });
// One validated stage list per stages array, so `add` does not rebuild it for each journey.
const lists = new WeakMap<readonly string[], StageList>();
const scratch = createScratch();

function stageListOf(state: JourneyFunnelTallyState): StageList {
  let list = lists.get(state.stages);
  if (list === undefined) lists.set(state.stages, (list = readStageList(FN, state.stages)));
  return list;
}

/**
 * Reject a malformed state (restored from storage, built by hand) with `INVALID_RECORD` naming
 * `where` and the field: distinct non-empty stage names, the level, the grouping, whole counts
 * ≥ 0 with one per stage, and groups named by a string or `null`.
 */
function checkState(where: string, state: unknown): JourneyFunnelTallyState {
  const r = new StateReader(where, state, 'a journeyFunnelTally');
  const stages = r.state['stages'];
  if (!Array.isArray(stages) || stages.length === 0) badState(where, 'stages', stages, 'is not a non-empty array of stage names');
  const seen = new Set<unknown>();
  stages.forEach((name: unknown, k) => {
    if (typeof name !== 'string' || name === '' || seen.has(name)) badState(where, `stages[${k}]`, name, 'is not a distinct stage name');
    seen.add(name);
  });
  const n = stages.length;
  r.level('level');
  const groupBy = r.oneOf('groupBy', [null, 'segment', 'channel'] as const);
  const journeys = r.count('journeys');
  r.count('skipped');
  checkCounts(where, '', journeys, r.numbers('furthest', n, 'count'), r.numbers('entered', n, 'count'));
  const groups = r.state['groups'];
  if (!Array.isArray(groups) || (groupBy === null && groups.length > 0)) badState(where, 'groups', groups, groupBy === null ? 'is not an empty array (no grouping)' : 'is not an array');
  const keys = new Set<unknown>();
  let grouped = 0;
  groups.forEach((g: unknown, k) => {
    const path = `groups[${k}]`;
    const group = r.record('groups', g, path);
    const key = group['group'];
    if ((key !== null && typeof key !== 'string') || keys.has(key)) badState(where, `${path}.group`, key, 'is not a distinct string or null');
    keys.add(key);
    const inGroup = r.count('groups', group['journeys'], `${path}.journeys`);
    checkCounts(where, `${path}.`, inGroup, r.numbers('groups', n, 'count', group['furthest'], `${path}.furthest`), r.numbers('groups', n, 'count', group['entered'], `${path}.entered`));
    grouped += inGroup;
  });
  if (groupBy !== null && grouped !== journeys) badState(where, 'journeys', journeys, `is not the sum of the groups' journeys (${grouped})`);
  return state as JourneyFunnelTallyState;
}

/**
 * The counts of one funnel must be those of some journeys: every journey has a furthest stage
 * (the histogram sums to `journeys`), and a journey that entered stage k got at least that far
 * while one whose furthest stage is k entered it (furthest[k] ≤ entered[k] ≤ reached[k]).
 */
function checkCounts(where: string, prefix: string, journeys: number, furthest: readonly number[], entered: readonly number[]): void {
  let reached = 0;
  for (let k = furthest.length - 1; k >= 0; k--) {
    reached += furthest[k] as number;
    const e = entered[k] as number;
    if (e < (furthest[k] as number) || e > reached) {
      badState(where, `${prefix}entered[${k}]`, e, `is not between the journeys that ended there (${furthest[k] as number}) and those that got that far (${reached})`);
    }
  }
  if (reached !== journeys) badState(where, `${prefix}journeys`, journeys, `is not the sum of the furthest-stage counts (${reached})`);
}

const states = stateChecker<JourneyFunnelTallyState>(checkState);

/**
 * Streaming {@link journeyFunnel}: count journeys as they arrive (a cursor, a queue, one day
 * at a time) and merge tallies from workers. `result` equals `journeyFunnel` over all the
 * journeys with the same stages, level and grouping.
 *
 * ```text
 * state = journeys, furthest-stage histogram, stages-entered histogram (per group too)
 * merge(a, b) = element-wise sums (associative, commutative); same stages, level, grouping
 * result(state) = the funnel of journeyFunnel
 * ```
 *
 * @throws CxMetricsError from `create`: `INVALID_OPTION` (stage list, `groupBy`),
 *   `OUT_OF_RANGE` (level); from `add`: the codes of {@link journeyFunnel}; from `merge`:
 *   `INCONSISTENT_INPUT` for tallies of different stages, levels or groupings; from `add`, `merge`
 *   and `result`: `INVALID_RECORD` for a malformed state (restored from storage, built by hand),
 *   naming the method and the field; from `create`: `INVALID_OPTION` for options that are not a
 *   plain object or have an unknown key (the nearest documented name is suggested).
 *
 * @example
 * ```ts
 * import { journeyFunnel, journeyFunnelTally } from 'cx-metrics/journey';
 * const journey = (customerId: string, ...names: string[]) => ({
 *   customerId,
 *   stages: names.map((name, k) => ({ name, enteredAt: k, interactions: [] })),
 * });
 * const monday = [journey('a', 'visit'), journey('b', 'visit', 'buy')];
 * const tuesday = [journey('c', 'visit', 'cart', 'buy')];
 * const options = { stages: ['visit', 'cart', 'buy'] };
 * const a = monday.reduce(journeyFunnelTally.add, journeyFunnelTally.create(options));
 * const b = tuesday.reduce(journeyFunnelTally.add, journeyFunnelTally.create(options));
 * const funnel = journeyFunnelTally.result(journeyFunnelTally.merge(a, b));
 * funnel.steps.map((s) => s.reached); // => [3, 2, 2]
 * funnel.steps[2].fromFirst === journeyFunnel([...monday, ...tuesday], { stages: options.stages }).steps[2].fromFirst; // => true
 * journeyFunnelTally.create({ stages: [] }); // => throws INVALID_OPTION
 * journeyFunnelTally.result({ ...a, entered: [1, 2] }); // => throws INVALID_RECORD
 * ```
 */
export const journeyFunnelTally: Reducer<JourneyFunnelTallyState, Journey | null | undefined, JourneyFunnelResult, JourneyFunnelTallyOptions> =
  Object.freeze({
    create(options?: JourneyFunnelTallyOptions): JourneyFunnelTallyState {
      readOptions(FN, options, OPTION_KEYS);
      const list = readStageList(FN, options?.stages);
      const level = options?.level === undefined ? 0.95 : requireLevel(FN, options.level);
      const groupBy = options?.groupBy === undefined ? null : requireOneOf(FN, 'groupBy', options.groupBy, ['segment', 'channel'] as const);
      const stages = [...list.names];
      lists.set(stages, list);
      const counts = createCounts(stages.length);
      return states.trust({ stages, level, groupBy, journeys: 0, skipped: 0, furthest: counts.furthest, entered: counts.entered, groups: [] });
    },
    add(state: JourneyFunnelTallyState, journey: Journey | null | undefined, index?: number): JourneyFunnelTallyState {
      states.once(`${FN}.add`, state);
      index ??= state.journeys + state.skipped;
      if (isMissing(journey)) {
        state.skipped++;
        return state;
      }
      const count = readJourney(FN, journey, index, stageListOf(state), scratch);
      addToCounts(state, scratch.positions, count);
      if (state.groupBy !== null) {
        const key = state.groupBy === 'segment' ? segmentKey(FN, journey, index) : entryChannel(FN, journey, index);
        let group = state.groups.find((g) => g.group === key);
        if (group === undefined) state.groups.push((group = { group: key, ...createCounts(state.stages.length) }));
        addToCounts(group, scratch.positions, count);
      }
      return state;
    },
    merge(a: JourneyFunnelTallyState, b: JourneyFunnelTallyState): JourneyFunnelTallyState {
      checkState(`${FN}.merge`, a);
      checkState(`${FN}.merge`, b);
      if (a.stages.length !== b.stages.length || a.stages.some((s, k) => s !== b.stages[k]) || a.level !== b.level || a.groupBy !== b.groupBy) {
        throw fail('INCONSISTENT_INPUT', FN, 'cannot merge tallies of different stage lists, levels or groupings', { field: 'state' });
      }
      const groups = a.groups.map((g) => ({ ...g, furthest: [...g.furthest], entered: [...g.entered] }));
      for (const g of b.groups) {
        const k = groups.findIndex((x) => x.group === g.group);
        if (k < 0) groups.push({ ...g, furthest: [...g.furthest], entered: [...g.entered] });
        else groups[k] = { group: g.group, ...mergeCounts(groups[k] as FunnelCounts, g) };
      }
      return states.trust({ ...a, stages: [...a.stages], skipped: a.skipped + b.skipped, ...mergeCounts(a, b), groups });
    },
    result(state: JourneyFunnelTallyState): JourneyFunnelResult {
      checkState(`${FN}.result`, state);
      const groups =
        state.groupBy === null
          ? undefined
          : Object.freeze(
              [...state.groups]
                .sort((x, y) => compareGroupKeys(x.group, y.group))
                .map((g) => Object.freeze({ group: g.group, journeys: g.journeys, steps: funnelSteps(g, state.stages, state.level) })),
            );
      return Object.freeze({ journeys: state.journeys, skipped: state.skipped, level: state.level, steps: funnelSteps(state, state.stages, state.level), groups });
    },
  });
