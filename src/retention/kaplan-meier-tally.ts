import type { Reducer } from '../models/reducer';
import type { KaplanMeierConfidence, KaplanMeierResult, KaplanMeierSettings } from './kaplan-meier-types';
import { requireChurnedFlag } from './churn-flag';
import { kaplanMeierCurve, kaplanMeierSettings } from './kaplan-meier-curve';
import { isMissing } from '../internal/input';
import { fail, requireNonNegative } from '../internal/validate';
import { badState, stateChecker, StateReader } from '../internal/reducer-state';
import { readOptions } from '../internal/options';

/** One customer's lifetime for {@link kaplanMeierTally}: a duration and whether it ended in churn. */
export interface KaplanMeierObservation {
  /** Lifetime or time observed, a finite number ≥ 0. */
  readonly duration: number;
  /** `true` when the customer churned at `duration`, `false` when still active (right-censored). */
  readonly churned: boolean;
}

/**
 * The plain, JSON-serialisable state of {@link kaplanMeierTally}: events and censorings per
 * distinct duration, plus the settings. Its size grows with distinct durations, not customers.
 */
export interface KaplanMeierTallyState {
  /** Confidence level of the band. */
  level: number;
  /** Transform of the band. */
  confidence: KaplanMeierConfidence;
  /** Horizon of the restricted mean; `null` for the largest observed time. */
  horizon: number | null;
  /** `String(duration)` → `[events, censored]`. */
  counts: Record<string, [number, number]>;
  /** Observations skipped because they, or a field, were `null`/`undefined`. */
  skipped: number;
}

const FN = 'kaplanMeierTally';

/**
 * Reject a malformed state (restored from storage, built by hand) with `INVALID_RECORD` naming
 * `where` and the field: the settings of `create`, `skipped`, and `counts` keyed by durations
 * (`String` of a finite number ≥ 0) with `[events, censored]` whole numbers ≥ 0.
 */
function checkState(where: string, state: unknown): KaplanMeierTallyState {
  const r = new StateReader(where, state, 'a kaplanMeierTally');
  r.level('level');
  r.oneOf('confidence', ['log-log', 'log', 'plain'] as const);
  const horizon = r.state['horizon'];
  if (horizon !== null && !(typeof horizon === 'number' && horizon > 0 && Number.isFinite(horizon))) {
    badState(where, 'horizon', horizon, 'is neither null nor a finite number > 0');
  }
  r.count('skipped');
  const counts = r.record('counts');
  for (const key of Object.keys(counts)) {
    const t = Number(key);
    const path = `counts[${JSON.stringify(key)}]`;
    if (!(t >= 0 && Number.isFinite(t)) || String(t) !== key) badState(where, path, key, 'is not a duration key (String of a finite number ≥ 0)');
    const entry = counts[key];
    if (!Array.isArray(entry) || entry.length !== 2) badState(where, path, entry, 'is not a pair [events, censored]');
    r.count('counts', entry[0], `${path}[0]`);
    r.count('counts', entry[1], `${path}[1]`);
  }
  return state as KaplanMeierTallyState;
}

const states = stateChecker<KaplanMeierTallyState>(checkState);

function add(state: KaplanMeierTallyState, value: KaplanMeierObservation | null | undefined, index?: number): KaplanMeierTallyState {
  states.once(`${FN}.add`, state);
  if (isMissing(value) || isMissing(value.duration) || isMissing(value.churned)) {
    state.skipped++;
    return state;
  }
  const t = requireNonNegative(FN, 'duration', value.duration, index) + 0;
  const churned = requireChurnedFlag(FN, value.churned, index);
  const key = String(t);
  const entry = state.counts[key] ?? (state.counts[key] = [0, 0]);
  entry[churned ? 0 : 1]++;
  return state;
}

/**
 * The {@link kaplanMeier} curve from durations as a streaming, mergeable reducer: tally
 * lifetimes from a cursor, a queue or several workers, merge the states, read the same curve
 * as the batch function (same formulas: Greenwood variance, log-log / log / plain band,
 * median, restricted mean).
 *
 * ```text
 * state = { duration → (events, censored) }        merge = sum of counts per duration
 * result = Kaplan–Meier over the merged counts
 * ```
 *
 * Source: Kaplan & Meier (1958); Greenwood (1926); see {@link kaplanMeier}.
 *
 * @throws `add`: `INVALID_NUMBER`, `NEGATIVE_VALUE` for a bad duration, `INVALID_RECORD` for a
 *   churned flag that is not a boolean. `create`: `OUT_OF_RANGE`, `INVALID_OPTION` for
 *   bad settings, options that are not a plain object or an unknown key (near miss suggested).
 *   `merge`: `INCONSISTENT_INPUT` for states with different settings. `add`, `merge`, `result`:
 *   `INVALID_RECORD` for a malformed state (restored from storage, built by hand), naming the
 *   method and the field.
 *
 * @example
 * ```ts
 * import { kaplanMeierTally } from 'cx-metrics/retention';
 * const monday = kaplanMeierTally.create();
 * kaplanMeierTally.add(monday, { duration: 2, churned: true });
 * kaplanMeierTally.add(monday, { duration: 3, churned: false });
 * const tuesday = [{ duration: 5, churned: true }, { duration: 5, churned: true }, { duration: 8, churned: false }]
 *   .reduce(kaplanMeierTally.add, kaplanMeierTally.create());
 * const km = kaplanMeierTally.result(kaplanMeierTally.merge(monday, tuesday));
 * km.steps.map((s) => s.survival); // => [0.8, 0.8, 0.27, 0.27]
 * km.median; // => 5
 * kaplanMeierTally.result({ ...monday, counts: { 2: [1] } }); // => throws INVALID_RECORD
 * ```
 */
export const kaplanMeierTally: Reducer<KaplanMeierTallyState, KaplanMeierObservation | null | undefined, KaplanMeierResult, KaplanMeierSettings> = {
  create(options?: KaplanMeierSettings): KaplanMeierTallyState {
    const { level, confidence, horizon } = kaplanMeierSettings(FN, readOptions(FN, options, ['level', 'confidence', 'horizon']));
    return states.trust({ level, confidence, horizon: horizon ?? null, counts: {}, skipped: 0 });
  },
  add,
  merge(a: KaplanMeierTallyState, b: KaplanMeierTallyState): KaplanMeierTallyState {
    checkState(`${FN}.merge`, a);
    checkState(`${FN}.merge`, b);
    if (a.level !== b.level || a.confidence !== b.confidence || a.horizon !== b.horizon) {
      throw fail('INCONSISTENT_INPUT', FN, 'cannot merge states created with different settings (level, confidence, horizon)', { field: 'state' });
    }
    const counts: Record<string, [number, number]> = {};
    for (const source of [a.counts, b.counts]) {
      for (const [key, [e, c]] of Object.entries(source)) {
        const entry = counts[key] ?? (counts[key] = [0, 0]);
        entry[0] += e;
        entry[1] += c;
      }
    }
    return states.trust({ level: a.level, confidence: a.confidence, horizon: a.horizon, counts, skipped: a.skipped + b.skipped });
  },
  result(state: KaplanMeierTallyState): KaplanMeierResult {
    checkState(`${FN}.result`, state);
    const times = Object.keys(state.counts).map(Number).sort((x, y) => x - y);
    const events = times.map((t) => (state.counts[String(t)] as [number, number])[0]);
    const censored = times.map((t) => (state.counts[String(t)] as [number, number])[1]);
    return kaplanMeierCurve({ times, events, censored, skipped: state.skipped }, state.level, state.confidence, state.horizon ?? undefined);
  },
};
