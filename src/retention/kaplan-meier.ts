import type { TimeUnit } from '../models/time';
import type { KaplanMeierResult, KaplanMeierSettings } from './kaplan-meier-types';
import type { Accessor, Values } from '../models/values';
import type { ActivityOptions } from './activity';
import { ACTIVITY_ACCESSORS, ACTIVITY_KEYS, collectActivity, minFirst, requirePeriodSpan } from './activity-collector';
import { forEachValue, isMissing } from '../internal/input';
import { requireChurnedFlag } from './churn-flag';
import { kaplanMeierCurve, kaplanMeierSettings } from './kaplan-meier-curve';
import { fail, requireCount, requireNonNegative, requirePositive } from '../internal/validate';
import { requireValues } from '../internal/input';
import { readOptions, requireAccessor } from '../internal/options';

/** Read lifetimes directly: a duration and whether it ended in churn (`false`: still active, censored). */
export interface KaplanMeierDurationAccessors<T> {
  /** Lifetime or time observed, a finite number ≥ 0 in any unit; `null`/`undefined` skips the record. */
  readonly duration: Accessor<T, number | null | undefined>;
  /** `true` when the customer churned at `duration`, `false` when still active (right-censored); `null`/`undefined` skips. */
  readonly churned: Accessor<T, boolean | null | undefined>;
  /** Activity mode only: not with durations. */
  readonly unit?: never;
  /** Activity mode only: not with durations. */
  readonly observationEnd?: never;
  /** Activity mode only: not with durations. */
  readonly activity?: never;
  /** Activity mode only: not with durations. */
  readonly customerId?: never;
  /** Activity mode only: not with durations. */
  readonly at?: never;
  /** Activity mode only: not with durations. */
  readonly type?: never;
  /** Activity mode only: not with durations. */
  readonly firstActive?: never;
  /** Activity mode only: not with durations. */
  readonly lastActive?: never;
  /** Activity mode only: not with durations. */
  readonly churnAfter?: never;
}

/** Activity mode: lifetimes in calendar periods from activity records or spans. */
export interface KaplanMeierActivitySettings {
  /**
   * Records mode: a customer counts as churned when their last activity is at least
   * `churnAfter` whole periods before the observation end's period (a whole number ≥ 1; default 1).
   * In spans mode a customer churned when `lastActive` is given.
   */
  readonly churnAfter?: number;
  /** Durations mode only: not with activity. */
  readonly duration?: never;
  /** Durations mode only: not with activity. */
  readonly churned?: never;
}

/**
 * Options of {@link kaplanMeier}: the settings plus either duration accessors, or activity
 * options (records or spans; see {@link ActivityOptions}) with `churnAfter`.
 */
export type KaplanMeierOptions<T> = KaplanMeierSettings &
  (KaplanMeierDurationAccessors<T> | (ActivityOptions<T> & KaplanMeierActivitySettings));

const FN = 'kaplanMeier';

/** The keys of {@link KaplanMeierOptions} besides the activity options. */
const OWN_KEYS = ['level', 'confidence', 'horizon', 'duration', 'churned', 'churnAfter'];
const OPTION_KEYS = [...OWN_KEYS, ...ACTIVITY_KEYS];
/** The keys that only activity mode reads: durations mode rejects them rather than ignoring them. */
const ACTIVITY_ONLY_KEYS = [...ACTIVITY_KEYS, 'churnAfter'];

/** Time → [events, censored] from duration records. */
function tallyDurations<T>(values: Values<T>, acc: KaplanMeierDurationAccessors<T>) {
  const tally = new Map<number, [number, number]>();
  let skipped = 0;
  forEachValue(values, (d, i) => {
    const t = isMissing(d) ? undefined : acc.duration(d, i);
    const c = isMissing(d) ? undefined : acc.churned(d, i);
    if (isMissing(t) || isMissing(c)) {
      skipped++;
      return;
    }
    // + 0 turns −0 into 0: one key per time.
    const time = requireNonNegative(FN, 'duration', t, i) + 0;
    const churned = requireChurnedFlag(FN, c, i);
    let entry = tally.get(time);
    if (entry === undefined) {
      entry = [0, 0];
      tally.set(time, entry);
    }
    entry[churned ? 0 : 1]++;
  });
  const times = Array.from(tally.keys()).sort((x, y) => x - y);
  return { times, events: times.map((t) => (tally.get(t) as [number, number])[0]), censored: times.map((t) => (tally.get(t) as [number, number])[1]), skipped };
}

/** Lifetimes in periods from activity, tallied in arrays indexed by duration. */
function tallyActivity<T>(values: Values<T>, options: ActivityOptions<T> & KaplanMeierActivitySettings) {
  const churnAfter = requireCount(FN, 'churnAfter', options.churnAfter ?? 1);
  requirePositive(FN, 'churnAfter', churnAfter);
  const a = collectActivity(FN, values, options, false, OWN_KEYS);
  const base = minFirst(a);
  const length = base === undefined ? 1 : requirePeriodSpan(FN, a, base) + 1;
  const ev = new Float64Array(length);
  const ce = new Float64Array(length);
  for (let s = 0; s < a.customers; s++) {
    const f = a.first[s] as number;
    const l = a.last[s] as number;
    const churned = a.spans ? a.open[s] === 0 : a.end - l >= churnAfter;
    if (churned) ev[l - f + 1] = (ev[l - f + 1] as number) + 1;
    else ce[a.end - f + 1] = (ce[a.end - f + 1] as number) + 1;
  }
  const times: number[] = [];
  const events: number[] = [];
  const censored: number[] = [];
  for (let t = 0; t < length; t++) {
    if ((ev[t] as number) > 0 || (ce[t] as number) > 0) {
      times.push(t);
      events.push(ev[t] as number);
      censored.push(ce[t] as number);
    }
  }
  return { times, events, censored, skipped: a.skipped, unit: a.unit };
}

/**
 * Kaplan–Meier estimate of the survival curve of customer lifetimes with right-censoring
 * (customers still active at the end of observation), with Greenwood's variance, a pointwise
 * confidence band, the median and the restricted mean lifetime.
 *
 * ```text
 * Ŝ(t)       = Πₜᵢ≤ₜ (1 − dᵢ / nᵢ)              nᵢ at risk just before tᵢ, dᵢ events at tᵢ
 * Var Ŝ(t)   = Ŝ(t)² Σₜᵢ≤ₜ dᵢ / (nᵢ (nᵢ − dᵢ))    (Greenwood 1926); v = Σ dᵢ / (nᵢ (nᵢ − dᵢ))
 * log-log    : Ŝ^exp(±z √v / ln Ŝ)               (Kalbfleisch & Prentice 1980)
 * log        : Ŝ · exp(±z √v)                     plain: Ŝ ± z Ŝ √v        z = Φ⁻¹((1 + level)/2)
 * RMST(τ)    = ∫₀^τ Ŝ(t) dt
 * ```
 *
 * Durations mode reads a duration and a churned flag per customer (any unit). Activity mode
 * reads records or spans (see {@link ActivityOptions}): lifetime = last − first active period + 1
 * for churned customers, censored at end − first + 1 otherwise, in calendar periods, in one pass
 * with memory proportional to customers and periods, not to records.
 *
 * Source: Kaplan & Meier (1958), "Nonparametric estimation from incomplete observations",
 * *JASA* 53(282); Greenwood (1926); Klein & Moeschberger (2003), *Survival Analysis*, §4.2–4.5.
 * Censored subjects at a time are at risk at that time (R `survival`'s convention).
 *
 * @param subjects Duration records, or activity records / spans.
 * @param options Accessors and settings (see {@link KaplanMeierOptions}).
 * @returns The curve; `steps` empty, `median`/`restrictedMean` `undefined` without subjects.
 * @throws `INVALID_NUMBER`, `NEGATIVE_VALUE` for a bad duration; `INVALID_RECORD` for a churned
 *   flag that is not a boolean or a bad customer id; `INVALID_DATE`; `ORDER_VIOLATION` for
 *   activity after the observation end or a span ending before it starts; `OUT_OF_RANGE` for a
 *   bad level, horizon or `churnAfter`, or for activity spanning more than 100,000 calendar
 *   periods (first activity to observation end; checked before allocating); `INVALID_OPTION` for a bad transform, unit or filter
 *   (`activity: 'purchases'` with spans), only one of a pair of accessors, an activity option
 *   (`unit`, `churnAfter`, …) with durations, or records of another shape than
 *   {@link ActivityRecord} without the `customerId` / `at` accessors.
 *   `INVALID_INPUT` when `subjects` is not an array, a typed array or an iterable; `INVALID_OPTION`
 *   for options that are not a plain object, an unknown option key (the near miss is suggested:
 *   `levle` → `level`) or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { kaplanMeier } from 'cx-metrics/retention';
 * const lifetimes = [
 *   { months: 2, churned: true }, { months: 3, churned: false }, { months: 5, churned: true },
 *   { months: 5, churned: true }, { months: 8, churned: false },
 * ];
 * const km = kaplanMeier(lifetimes, { duration: (d) => d.months, churned: (d) => d.churned });
 * km.steps.map((s) => s.survival); // => [0.8, 0.8, 0.27, 0.27]
 * km.median; // => 5
 * km.restrictedMean; // => 5.2
 * ```
 */
export function kaplanMeier<T>(subjects: Values<T>, options: KaplanMeierOptions<T>): KaplanMeierResult {
  const o = readOptions(FN, options, OPTION_KEYS) as KaplanMeierSettings & Partial<KaplanMeierDurationAccessors<T>>;
  for (const key of ['duration', 'churned', ...ACTIVITY_ACCESSORS] as const) requireAccessor(FN, key, (o as Record<string, unknown>)[key]);
  requireValues(FN, 'subjects', subjects);
  const { level, confidence, horizon } = kaplanMeierSettings(FN, o);
  let tally: { times: number[]; events: number[]; censored: number[]; skipped: number; unit?: TimeUnit };
  if (o.duration !== undefined || o.churned !== undefined) {
    if (typeof o.duration !== 'function' || typeof o.churned !== 'function') {
      throw fail('INVALID_OPTION', FN, 'durations need both accessors, duration and churned', { field: 'duration' });
    }
    const activityKey = ACTIVITY_ONLY_KEYS.find((key) => (o as Record<string, unknown>)[key] !== undefined);
    if (activityKey !== undefined) {
      throw fail('INVALID_OPTION', FN, `option ${activityKey} belongs to activity mode; durations (duration, churned) take none of ${ACTIVITY_ONLY_KEYS.join(', ')}`, {
        field: activityKey,
      });
    }
    tally = tallyDurations(subjects, o as KaplanMeierDurationAccessors<T>);
  } else {
    tally = tallyActivity(subjects, o as unknown as ActivityOptions<T> & KaplanMeierActivitySettings);
  }
  return kaplanMeierCurve(tally, level, confidence, horizon);
}
