/**
 * CSAT and CES from score bins: the result builders shared by the batch functions, the
 * tallies and the grouped views, plus the option readers (scale, threshold, ranges).
 */
import type { CesRange, CesResult, CesTallyState, CsatIntervalMethod, CsatIntervalResult, CsatOptions, CsatResult, CsatTallyState } from './scale-types';
import type { Interval } from '../models/interval';
import type { Values } from '../internal/values';
import { betaQuantile } from '../internal/beta';
import { wilsonInterval } from '../internal/wilson';
import { DEFAULT_SURVEY_SCALES } from '../models/interaction';
import { studentTQuantile } from '../internal/student-t';
import { normalCdf, normalQuantile } from '../internal/normal';
import type { SampleComparison } from './sample-comparison';
import { binScores, createBins, effectiveSampleSize, isSummaryObject, readCount, requireScale, requireScalePoint, sumRange, total, type ScoreBins } from './survey-scores';
import { describeValue, fail, requireLevel } from '../internal/validate';
import { badState, stateChecker, StateReader } from '../internal/reducer-state';

export interface CsatSettings {
  readonly min: number;
  readonly max: number;
  readonly threshold: number;
}

export function readCsatSettings(fn: string, options: { readonly scale?: unknown; readonly threshold?: unknown } | undefined): CsatSettings {
  const { min, max } = requireScale(fn, options?.scale, DEFAULT_SURVEY_SCALES.csat);
  const threshold = options?.threshold === undefined ? max - 1 : requireScalePoint(fn, 'threshold', options.threshold, min, max);
  return { min, max, threshold };
}

/**
 * Check the bins of a tally state (restored from storage, built by hand): an integer scale of
 * at most 1001 points, one count (whole, ≥ 0) and one weight sum (finite, ≥ 0) per point, Σw²,
 * `skipped` and `weighted`; an unweighted state's weight sums equal its counts.
 */
function checkBins(r: StateReader): { min: number; max: number } {
  const min = r.integer('min');
  const max = r.integer('max');
  if (!(max > min && max - min <= 1000)) badState(r.where, 'max', max, `with min ${min} is not a scale of 2 to 1001 points`);
  const width = max - min + 1;
  const counts = r.numbers('counts', width, 'count');
  const sums = r.numbers('weightSums', width, 'nonNegative');
  const squares = r.nonNegative('weightSquares');
  r.count('skipped');
  if (!r.boolean('weighted')) {
    let n = 0;
    for (let k = 0; k < width; k++) {
      if (sums[k] !== counts[k]) badState(r.where, `weightSums[${k}]`, sums[k], `differs from counts[${k}] ${counts[k] as number} of an unweighted state`);
      n += counts[k] as number;
    }
    if (squares !== n) badState(r.where, 'weightSquares', squares, `differs from the ${n} answers of an unweighted state`);
  }
  return { min, max };
}

/** A scale point of a state's settings: a whole number on its scale. */
function scalePoint(r: StateReader, key: string, min: number, max: number): number {
  const x = r.integer(key);
  if (x < min || x > max) badState(r.where, key, x, `is outside the scale ${min}–${max}`);
  return x;
}

/** Reject a malformed `csatTally` state with `INVALID_RECORD` naming `where` and the field. */
export function checkCsatState(where: string, state: unknown): CsatTallyState {
  const r = new StateReader(where, state, 'a csatTally');
  const { min, max } = checkBins(r);
  scalePoint(r, 'threshold', min, max);
  return state as CsatTallyState;
}

/** Reject a malformed `cesTally` state with `INVALID_RECORD` naming `where` and the field. */
export function checkCesState(where: string, state: unknown): CesTallyState {
  const r = new StateReader(where, state, 'a cesTally');
  const { min, max } = checkBins(r);
  for (const range of ['easy', 'difficult'] as const) {
    const from = scalePoint(r, `${range}From`, min, max);
    const to = scalePoint(r, `${range}To`, min, max);
    if (from > to) badState(where, `${range}To`, to, `is below ${range}From ${from}`);
  }
  r.level('level');
  return state as CesTallyState;
}

/** `add` checks each state object once. */
export const csatStates = stateChecker<CsatTallyState>(checkCsatState);
export const cesStates = stateChecker<CesTallyState>(checkCesState);

export function createCsatState(settings: CsatSettings): CsatTallyState {
  return { ...createBins(settings.min, settings.max), threshold: settings.threshold };
}

/** Weighted mean and Σw(x − mean)² of the bins, on the scale; undefined without weight. */
export function moments(bins: ScoreBins, weightTotal: number): { mean: number; squares: number } | undefined {
  if (!(weightTotal > 0)) return undefined;
  let s = 0;
  for (let k = 0; k < bins.weightSums.length; k++) s += k * (bins.weightSums[k] as number);
  const offset = s / weightTotal;
  let squares = 0;
  for (let k = 0; k < bins.weightSums.length; k++) squares += (bins.weightSums[k] as number) * (k - offset) * (k - offset);
  return { mean: Math.min(bins.max, Math.max(bins.min, bins.min + offset)), squares };
}

export function csatResult(state: CsatTallyState): CsatResult {
  const answers = total(state.counts);
  const weightTotal = total(state.weightSums);
  const from = state.threshold - state.min;
  const to = state.max - state.min;
  const satisfiedWeight = sumRange(state.weightSums, from, to);
  const m = moments(state, weightTotal);
  const result: CsatResult = {
    share: weightTotal > 0 ? Math.min(1, satisfiedWeight / weightTotal) : undefined,
    mean: m?.mean,
    satisfied: sumRange(state.counts, from, to),
    total: answers,
    skipped: state.skipped,
    counts: Object.freeze([...state.counts]),
    scale: Object.freeze({ min: state.min, max: state.max }),
    threshold: state.threshold,
    effectiveSampleSize: effectiveSampleSize(state.weighted, answers, weightTotal, state.weightSquares),
    weighted: state.weighted,
    ...(state.weighted ? { weights: Object.freeze({ satisfied: satisfiedWeight, total: weightTotal }) } : {}),
  };
  return Object.freeze(result);
}

export interface CesSettings {
  readonly min: number;
  readonly max: number;
  readonly easy: CesRange;
  readonly difficult: CesRange;
  readonly level: number;
}

function readRange(fn: string, what: string, value: unknown, fallback: CesRange, min: number, max: number): CesRange {
  if (value === undefined) return fallback;
  if (value === null || typeof value !== 'object') {
    throw fail('INVALID_OPTION', fn, `${what} ${describeValue(value)} must be an object { from, to }`, { field: what, value });
  }
  const from = requireScalePoint(fn, `${what}.from`, (value as { from?: unknown }).from, min, max);
  const to = requireScalePoint(fn, `${what}.to`, (value as { to?: unknown }).to, min, max);
  if (from > to) throw fail('ORDER_VIOLATION', fn, `${what} runs from ${from} down to ${to}; give from ≤ to`, { field: what, value });
  return Object.freeze({ from, to });
}

export function readCesSettings(
  fn: string,
  options: { readonly scale?: unknown; readonly easy?: unknown; readonly difficult?: unknown; readonly level?: unknown } | undefined,
): CesSettings {
  const { min, max } = requireScale(fn, options?.scale, DEFAULT_SURVEY_SCALES.ces);
  const middle = (min + max) / 2;
  const easy = readRange(fn, 'easy', options?.easy, Object.freeze({ from: Math.floor(middle) + 1, to: max }), min, max);
  const difficult = readRange(fn, 'difficult', options?.difficult, Object.freeze({ from: min, to: Math.ceil(middle) - 1 }), min, max);
  if (easy.from <= difficult.to && difficult.from <= easy.to) {
    throw fail('INCONSISTENT_INPUT', fn, `easy ${easy.from}–${easy.to} and difficult ${difficult.from}–${difficult.to} overlap`, { field: 'easy' });
  }
  const level = requireLevel(fn, options?.level ?? 0.95);
  return { min, max, easy, difficult, level };
}

export function createCesState(settings: CesSettings): CesTallyState {
  return {
    ...createBins(settings.min, settings.max),
    easyFrom: settings.easy.from,
    easyTo: settings.easy.to,
    difficultFrom: settings.difficult.from,
    difficultTo: settings.difficult.to,
    level: settings.level,
  };
}

export function cesResult(state: CesTallyState): CesResult {
  const answers = total(state.counts);
  const weightTotal = total(state.weightSums);
  const n = effectiveSampleSize(state.weighted, answers, weightTotal, state.weightSquares);
  const m = moments(state, weightTotal);
  const easyWeight = sumRange(state.weightSums, state.easyFrom - state.min, state.easyTo - state.min);
  const difficultWeight = sumRange(state.weightSums, state.difficultFrom - state.min, state.difficultTo - state.min);
  let standardDeviation: number | undefined;
  let standardError: number | undefined;
  let interval: Interval | undefined;
  if (m !== undefined && n > 1) {
    // Unbiased variance; for weights, the weighted second moment × n_eff/(n_eff − 1) (Kish).
    const variance = ((m.squares / weightTotal) * n) / (n - 1);
    standardDeviation = Math.sqrt(variance);
    standardError = Math.sqrt(variance / n);
    // With n_eff barely above 1, t can overflow to Infinity; identical answers (SE 0) still give a point.
    const halfWidth = standardError === 0 ? 0 : studentTQuantile(1 - (1 - state.level) / 2, n - 1) * standardError;
    interval = Object.freeze({ lower: Math.max(state.min, m.mean - halfWidth), upper: Math.min(state.max, m.mean + halfWidth) });
  }
  const easyShare = weightTotal > 0 ? Math.min(1, easyWeight / weightTotal) : undefined;
  const difficultShare = weightTotal > 0 ? Math.min(1, difficultWeight / weightTotal) : undefined;
  const result: CesResult = {
    mean: m?.mean,
    interval,
    standardDeviation,
    standardError,
    level: state.level,
    easyShare,
    difficultShare,
    netEffort: easyShare === undefined || difficultShare === undefined ? undefined : easyShare - difficultShare,
    easy: sumRange(state.counts, state.easyFrom - state.min, state.easyTo - state.min),
    difficult: sumRange(state.counts, state.difficultFrom - state.min, state.difficultTo - state.min),
    total: answers,
    skipped: state.skipped,
    counts: Object.freeze([...state.counts]),
    scale: Object.freeze({ min: state.min, max: state.max }),
    easyScores: Object.freeze({ from: state.easyFrom, to: state.easyTo }),
    difficultScores: Object.freeze({ from: state.difficultFrom, to: state.difficultTo }),
    effectiveSampleSize: n,
    weighted: state.weighted,
  };
  return Object.freeze(result);
}

/** Successes and (effective) n of any CSAT input.  */
export function readCsatInput<T>(fn: string, input: unknown, options: CsatOptions<T> | undefined): { successes: number; n: number } {
  if (isSummaryObject(input, 'satisfied') && 'effectiveSampleSize' in input) {
    const r = input as unknown as CsatResult;
    return { successes: (r.share ?? 0) * r.effectiveSampleSize, n: r.effectiveSampleSize };
  }
  if (isSummaryObject(input, 'satisfied')) {
    const satisfied = readCount(fn, 'satisfied', input.satisfied);
    const total = readCount(fn, 'total', input.total);
    if (satisfied > total) {
      throw fail('INCONSISTENT_INPUT', fn, `satisfied ${satisfied} is more than total ${total}`, { field: 'satisfied', value: satisfied });
    }
    return { successes: satisfied, n: total };
  }
  const settings = readCsatSettings(fn, options);
  const state = createCsatState(settings);
  Object.assign(state, binScores(fn, input as Values<T>, settings.min, settings.max, options?.accessor, options?.weight));
  const r = csatResult(state);
  return { successes: (r.share ?? 0) * r.effectiveSampleSize, n: r.effectiveSampleSize };
}

export function csatIntervalOf(successes: number, n: number, level: number, method: CsatIntervalMethod): CsatIntervalResult | undefined {
  if (!(n > 0)) return undefined;
  const x = Math.min(successes, n);
  const share = x / n;
  let lower: number;
  let upper: number;
  if (method === 'wilson') {
    ({ lower, upper } = wilsonInterval(x, n, level));
  } else {
    // At x = 0 and x = n the beta quantiles have closed forms: I_u(1, n) = 1 − (1 − u)ⁿ, I_u(n, 1) = uⁿ.
    const logHalfAlpha = Math.log((1 - level) / 2);
    lower = x <= 0 ? 0 : x >= n ? Math.exp(logHalfAlpha / n) : betaQuantile((1 - level) / 2, x, n - x + 1);
    upper = x >= n ? 1 : x <= 0 ? -Math.expm1(logHalfAlpha / n) : betaQuantile(1 - (1 - level) / 2, x + 1, n - x);
    lower = Math.min(lower, share);
    upper = Math.max(upper, share);
  }
  return Object.freeze({ share, lower, upper, n, level, method });
}

/**
 * The CSAT difference of two shares with their (effective) sizes (compareCsat, compareGroups,
 * trendTest): pooled two-proportion z test; unpooled Wald interval, whose standard error is reported.
 */
export function csatDifference(x: { share: number; n: number }, y: { share: number; n: number }, level: number): SampleComparison & { readonly statistic: number; readonly pValue: number } {
  const difference = x.share - y.share;
  const pooled = (x.share * x.n + y.share * y.n) / (x.n + y.n);
  const pooledSe = Math.sqrt(Math.max(0, pooled * (1 - pooled)) * (1 / x.n + 1 / y.n));
  const z = pooledSe > 0 ? difference / pooledSe : 0;
  const se = Math.sqrt((x.share * (1 - x.share)) / x.n + (y.share * (1 - y.share)) / y.n);
  const zCritical = normalQuantile(1 - (1 - level) / 2);
  return {
    a: x.share,
    b: y.share,
    difference,
    standardError: se,
    interval: Object.freeze({ lower: Math.max(-1, difference - zCritical * se), upper: Math.min(1, difference + zCritical * se) }),
    statistic: z,
    degreesOfFreedom: undefined,
    pValue: Math.min(1, 2 * normalCdf(-Math.abs(z))),
  };
}
