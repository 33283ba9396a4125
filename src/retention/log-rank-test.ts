import { CxMetricsError } from '../internal/errors';
import { chiSquareSurvival } from '../internal/chi-square';
import { solveSymmetric } from '../internal/linear-algebra';
import { readOptions, requireAccessor } from '../internal/options';
import { betaGeometricContinuation } from '../internal/beta-geometric';
import { checkSbgParams } from './sbg/likelihood';
import { fail } from '../internal/validate';
import type { Values } from '../models/values';
import type { ActivityOptions } from './activity';
import type { SbgParams } from './sbg/sbg-params';
import { kaplanMeier, type KaplanMeierActivitySettings, type KaplanMeierDurationAccessors, type KaplanMeierOptions } from './kaplan-meier';
import type { KaplanMeierStep } from './kaplan-meier-types';

/** The groups of {@link logRankTest}: each name with its subjects (the input of {@link kaplanMeier}). */
export type LogRankGroups<T> = Readonly<Record<string, Values<T>>> | ReadonlyMap<string, Values<T>>;

/** The sBG check of {@link logRankTest}: the parameters whose projection each group's curve is tested against. */
export interface LogRankProjectionOptions {
  /** The shifted-beta-geometric parameters (e.g. a {@link fitSbg} result); durations are then renewal periods, whole numbers. */
  readonly projection?: SbgParams;
}

/**
 * Options of {@link logRankTest}: how lifetimes are read, exactly as for {@link kaplanMeier}
 * (duration accessors, or activity records / spans with `churnAfter`), plus the optional sBG
 * projection to check.
 */
export type LogRankTestOptions<T> = LogRankProjectionOptions &
  (KaplanMeierDurationAccessors<T> | (ActivityOptions<T> & KaplanMeierActivitySettings));

/** One group of a {@link logRankTest}. */
export interface LogRankGroupResult {
  /** The group (its key in the input). */
  readonly group: string;
  /** Subjects counted. */
  readonly subjects: number;
  /** Churn events observed, O. */
  readonly observed: number;
  /** Events expected if every group had the pooled hazard, E (the E's sum to the O's). */
  readonly expected: number;
  /** Records skipped (`null`/`undefined`). */
  readonly skipped: number;
}

/** One group's (or the pooled) check against the sBG projection. */
export interface LogRankProjectionResult {
  /** The group (its key in the input); `'all'` for the pooled check. */
  readonly group: string;
  /** Churn events observed, O. */
  readonly observed: number;
  /** Events the projection expects given who was at risk when, E = Σₜ n(t)·h(t). */
  readonly expected: number;
  /** Variance of O under the projection, Σₜ n(t)·h(t)·(1 − h(t)). */
  readonly variance: number;
  /** (O − E)² / variance, chi-square with 1 degree of freedom; `undefined` when the variance is 0. */
  readonly chiSquare: number | undefined;
  /** Its p-value; `undefined` with `chiSquare`. */
  readonly pValue: number | undefined;
}

/** The sBG projection check of a {@link logRankTest}. */
export interface LogRankProjectionCheck {
  /** α of the projection. */
  readonly alpha: number;
  /** β of the projection. */
  readonly beta: number;
  /** One check per group, in input order. */
  readonly groups: readonly LogRankProjectionResult[];
  /** All subjects pooled. */
  readonly pooled: LogRankProjectionResult;
}

/** What {@link logRankTest} returns. Frozen. */
export interface LogRankTestResult {
  /** Each group's observed and expected events, in input order. */
  readonly groups: readonly LogRankGroupResult[];
  /** The log-rank statistic, chi-square with `degreesOfFreedom`; `undefined` with one group, no event at all, or no information (every event took everyone then at risk). */
  readonly chiSquare: number | undefined;
  /** Groups − 1. */
  readonly degreesOfFreedom: number;
  /** P(χ² ≥ chiSquare) under equal survival curves; `undefined` with `chiSquare`. */
  readonly pValue: number | undefined;
  /** The sBG check, when `projection` was given. */
  readonly projection: LogRankProjectionCheck | undefined;
}

const FN = 'logRankTest';
/** The accessors of {@link LogRankTestOptions}: duration mode and activity mode (records or spans). */
const LOG_RANK_ACCESSORS = ['duration', 'churned', 'customerId', 'at', 'type', 'firstActive', 'lastActive'] as const;
/** Every documented option: the accessors, the activity settings, `churnAfter` and `projection`. */
const LOG_RANK_KEYS = [...LOG_RANK_ACCESSORS, 'unit', 'observationEnd', 'activity', 'churnAfter', 'projection'];
/** Longest lifetime, in periods, the sBG check walks through one period at a time. */
const MAX_PERIODS = 1_000_000;

/** The Kaplan–Meier step table of one group, with kaplanMeier's errors renamed to this function and the group. */
function groupSteps<T>(name: string, values: Values<T>, options: Omit<LogRankTestOptions<T>, 'projection'>) {
  try {
    return kaplanMeier(values, options as KaplanMeierOptions<T>);
  } catch (error) {
    if (error instanceof CxMetricsError && error.details.function === 'kaplanMeier') {
      const message = error.message.replace(/^kaplanMeier: /, '');
      throw fail(error.code, FN, `group ${JSON.stringify(name)}: ${message}`, { ...error.details });
    }
    throw error;
  }
}

/** At risk at each of `times` (increasing) for one group's steps: subjects whose time is ≥ t. */
function atRiskAt(steps: readonly KaplanMeierStep[], times: readonly number[]): Float64Array {
  const out = new Float64Array(times.length);
  let k = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number;
    while (k < steps.length && (steps[k] as KaplanMeierStep).time < t) k++;
    out[i] = k < steps.length ? (steps[k] as KaplanMeierStep).atRisk : 0;
  }
  return out;
}

/** One-sample discrete-time log-rank check of a step table against sBG hazards h(t) = α / (α + β + t − 1). */
function projectionCheck(name: string, steps: readonly KaplanMeierStep[], alpha: number, beta: number): LogRankProjectionResult {
  let observed = 0;
  let expected = 0;
  let variance = 0;
  let k = 0;
  const last = steps.length === 0 ? 0 : (steps[steps.length - 1] as KaplanMeierStep).time;
  for (const s of steps) {
    if (!Number.isInteger(s.time)) {
      throw fail('NOT_AN_INTEGER', FN, `group ${JSON.stringify(name)}: lifetime ${s.time} is not a whole number of renewal periods, as the sBG projection needs`, {
        field: 'duration',
        value: s.time,
      });
    }
    if (s.time === 0 && s.events > 0) {
      throw fail('OUT_OF_RANGE', FN, `group ${JSON.stringify(name)}: ${s.events} churn events at time 0; under the sBG a customer is lost at renewal 1 or later`, {
        field: 'duration',
        value: 0,
      });
    }
    observed += s.events;
  }
  if (last > MAX_PERIODS) {
    throw fail('OUT_OF_RANGE', FN, `group ${JSON.stringify(name)}: lifetime ${last} periods is beyond ${MAX_PERIODS}; count lifetimes in renewal periods`, {
      field: 'duration',
      value: last,
    });
  }
  for (let t = 1; t <= last; t++) {
    while (k < steps.length && (steps[k] as KaplanMeierStep).time < t) k++;
    const n = k < steps.length ? (steps[k] as KaplanMeierStep).atRisk : 0;
    if (n === 0) break;
    const h = 1 - betaGeometricContinuation(alpha, beta, t - 1);
    expected += n * h;
    variance += n * h * (1 - h);
  }
  const chiSquare = variance > 0 ? (observed - expected) ** 2 / variance : undefined;
  return Object.freeze({ group: name, observed, expected, variance, chiSquare, pValue: chiSquare === undefined ? undefined : chiSquareSurvival(chiSquare, 1) });
}

/**
 * The log-rank test of equal survival curves across two or more groups of customers (acquired
 * through different channels, on different plans…), from the same lifetimes as
 * {@link kaplanMeier}; optionally also a check of each group's curve against a
 * shifted-beta-geometric projection.
 *
 * ```text
 * at each distinct event time t:  n = Σ n_g at risk, d = Σ d_g events
 *   E_g += d · n_g / n
 *   V_gh += d (n − d) / (n − 1) · (n_g / n) (δ_gh − n_h / n)          (n > 1)
 * U = O − E;  χ² = U' V⁻¹ U  over the first G − 1 groups,  df = G − 1,  p = P(χ²_df ≥ χ²)
 *
 * sBG check (one-sample log-rank, discrete time): h(t) = α / (α + β + t − 1),
 *   E = Σ_{t ≥ 1} n(t) h(t),  V = Σ n(t) h(t) (1 − h(t)),  χ² = (O − E)² / V,  df = 1
 * ```
 *
 * The log-rank test weighs every event time equally (it is most powerful when one group's
 * hazard is a constant multiple of another's) and needs no model of the curves. The sBG check
 * is the one-sample log-rank test (Breslow 1975; Finkelstein, Muzikansky & Schoenfeld 2003)
 * in discrete time: the events the projection expects among the customers actually at risk at
 * each renewal (Kaplan–Meier's risk sets, censoring included), against the events observed, with
 * the binomial variance of a sum of independent renewals. It uses the censored lifetimes as they
 * are — a comparison of Ŝ(t) and S(t) at one horizon would not — and is sensitive to a level
 * shift of the hazard. When α and β were fitted on the same lifetimes the p-value is
 * conservative (the fit already pulled E toward O): check a projection on customers it was not
 * fitted on (a later cohort, a holdout) for a real test.
 *
 * Sources: N. Mantel (1966), "Evaluation of survival data and two new rank order statistics",
 * *Cancer Chemotherapy Reports* 50(3); R. Peto & J. Peto (1972), *JRSS A* 135(2); Klein &
 * Moeschberger (2003), *Survival Analysis*, §7.3 (the statistic R's `survival::survdiff`
 * computes); N. Breslow (1975), *Int. Stat. Review* 43(1); D. M. Finkelstein, A. Muzikansky &
 * D. A. Schoenfeld (2003), *Biometrics* 59(4); Fader & Hardie (2007) for the sBG.
 *
 * @param groups - Each group's name and subjects, as an object or a `Map` (at least two, or one with `projection`).
 * @param options - Duration accessors or activity options, as for {@link kaplanMeier}; `projection` for the sBG check.
 * @returns Observed and expected events per group, χ², df and p-value (`undefined` without any
 *   event), and the sBG check when asked.
 * @throws {@link models!CxMetricsError} `INSUFFICIENT_DATA` for fewer than two groups (without
 *   `projection`, fewer than one), or a group without subjects at risk at any event time;
 *   `NOT_AN_INTEGER` / `OUT_OF_RANGE` for lifetimes the sBG check cannot read (fractional, an event
 *   at 0); `INVALID_OPTION` for groups that are not an object or a Map, options that are not a
 *   plain object, an unknown option or an accessor that is not a function; every error of
 *   {@link kaplanMeier}, named after this function and the group.
 *
 * @example
 * ```ts
 * import { logRankTest } from 'cx-metrics/retention';
 * const life = (months: number, churned = true) => ({ months, churned });
 * const result = logRankTest(
 *   {
 *     search: [life(3), life(5), life(8), life(12, false), life(14, false)],
 *     social: [life(1), life(2), life(2), life(4), life(6, false)],
 *   },
 *   { duration: (d) => d.months, churned: (d) => d.churned },
 * );
 * result.groups.map((g) => [g.observed, g.expected]); // => [[3, 4.79], [4, 2.21]]
 * result.chiSquare; // => 2.53
 * result.pValue; // => 0.112
 * logRankTest({ search: [life(3)] }, { duration: (d) => d.months, churned: (d) => d.churned }); // => throws INSUFFICIENT_DATA
 * ```
 */
export function logRankTest<T>(groups: LogRankGroups<T>, options: LogRankTestOptions<T>): LogRankTestResult {
  const o = readOptions(FN, options, LOG_RANK_KEYS) as LogRankTestOptions<T>;
  for (const key of LOG_RANK_ACCESSORS) requireAccessor(FN, key, (o as unknown as Record<string, unknown>)[key]);
  let entries: [string, Values<T>][];
  if (groups instanceof Map) entries = [...(groups as ReadonlyMap<string, Values<T>>).entries()].map(([k, v]) => [String(k), v]);
  else if (groups !== null && typeof groups === 'object' && !Array.isArray(groups)) entries = Object.entries(groups as Readonly<Record<string, Values<T>>>);
  else throw fail('INVALID_OPTION', FN, 'groups must be an object or a Map from group name to subjects', { field: 'groups', value: groups });
  const projection = o.projection === undefined ? undefined : checkSbgParams(FN, o.projection);
  const minimum = projection === undefined ? 2 : 1;
  if (entries.length < minimum) {
    throw fail('INSUFFICIENT_DATA', FN, `${entries.length} group${entries.length === 1 ? '' : 's'} given; the test compares at least two (or one against a projection)`, {
      field: 'groups',
      value: entries.length,
    });
  }
  // kaplanMeier takes every option but the projection.
  const { projection: _projection, ...curveOptions } = o;
  const curves = entries.map(([name, values]) => ({ name, curve: groupSteps(name, values, curveOptions) }));

  // Pooled event times, and each group's risk set and events at them.
  const eventTimes = [...new Set(curves.flatMap(({ curve }) => curve.steps.filter((s) => s.events > 0).map((s) => s.time)))].sort((a, b) => a - b);
  const g = curves.length;
  const risk = curves.map(({ curve }) => atRiskAt(curve.steps, eventTimes));
  const events = curves.map(({ curve }) => {
    const byTime = new Map(curve.steps.map((s) => [s.time, s.events]));
    return eventTimes.map((t) => byTime.get(t) ?? 0);
  });
  const expected = new Float64Array(g);
  const variance: number[][] = Array.from({ length: g }, () => new Array<number>(g).fill(0));
  for (let i = 0; i < eventTimes.length; i++) {
    let n = 0;
    let d = 0;
    for (let a = 0; a < g; a++) {
      n += (risk[a] as Float64Array)[i] as number;
      d += (events[a] as number[])[i] as number;
    }
    const factor = n > 1 ? (d * (n - d)) / (n - 1) : 0;
    for (let a = 0; a < g; a++) {
      const share = ((risk[a] as Float64Array)[i] as number) / n;
      expected[a] = (expected[a] as number) + d * share;
      for (let b = 0; b < g; b++) {
        const other = ((risk[b] as Float64Array)[i] as number) / n;
        (variance[a] as number[])[b] = ((variance[a] as number[])[b] as number) + factor * share * ((a === b ? 1 : 0) - other);
      }
    }
  }
  const groupResults = curves.map(({ name, curve }, a) =>
    Object.freeze({ group: name, subjects: curve.subjects, observed: curve.events, expected: expected[a] as number, skipped: curve.skipped }),
  );
  let chiSquare: number | undefined;
  if (g >= 2 && eventTimes.length > 0) {
    curves.forEach(({ name, curve }, a) => {
      if (!((risk[a] as Float64Array).some((n) => n > 0))) {
        throw fail('INSUFFICIENT_DATA', FN, `group ${JSON.stringify(name)} (${curve.subjects} subjects) has nobody at risk at any event time shared with the others; it cannot be compared`, {
          field: 'groups',
          value: name,
        });
      }
    });
    // No information at all: every event time took everyone then at risk (O = E exactly).
    const informative = variance.some((row, a) => (row[a] as number) > 0);
    const u = groupResults.slice(0, g - 1).map((r) => r.observed - r.expected);
    const v = variance.slice(0, g - 1).map((row) => row.slice(0, g - 1));
    const x = informative ? solveSymmetric(v, u) : undefined;
    if (informative && x === undefined) {
      throw fail('INSUFFICIENT_DATA', FN, 'a group carries no variance (everyone it had at risk churned at each of its event times), so the groups cannot be compared', {
        field: 'groups',
      });
    }
    if (x !== undefined) chiSquare = Math.max(0, x.reduce((s, xi, k) => s + xi * (u[k] as number), 0));
  }

  let check: LogRankProjectionCheck | undefined;
  if (projection !== undefined) {
    const perGroup = curves.map(({ name, curve }) => projectionCheck(name, curve.steps, projection.alpha, projection.beta));
    const o = perGroup.reduce((s, r) => s + r.observed, 0);
    const e = perGroup.reduce((s, r) => s + r.expected, 0);
    const v = perGroup.reduce((s, r) => s + r.variance, 0);
    const c = v > 0 ? (o - e) ** 2 / v : undefined;
    check = Object.freeze({
      alpha: projection.alpha,
      beta: projection.beta,
      groups: Object.freeze(perGroup),
      pooled: Object.freeze({ group: 'all', observed: o, expected: e, variance: v, chiSquare: c, pValue: c === undefined ? undefined : chiSquareSurvival(c, 1) }),
    });
  }
  return Object.freeze({
    groups: Object.freeze(groupResults),
    chiSquare,
    degreesOfFreedom: g - 1,
    pValue: chiSquare === undefined ? undefined : chiSquareSurvival(chiSquare, 1 * (g - 1)),
    projection: check,
  });
}
