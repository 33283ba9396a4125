/**
 * The sufficient statistics of NPS (answers and weight per category, Σw², skipped) and the
 * one function that turns them into a result, shared by `nps`, `npsTally`, the intervals,
 * the comparison and the grouped views.
 */
import type { NpsCounts, NpsIntervalMethod, NpsIntervalResult, NpsResult, NpsTallyState } from './nps-types';
import { normalCdf, normalQuantile } from '../internal/normal';
import type { SampleComparison } from './sample-comparison';
import { addAnswer, binScores, createBins, effectiveSampleSize, isSummaryObject, readCount, sumRange, type ScoreBins } from './survey-scores';
import { describeValue, fail, requireNonNegative } from '../internal/validate';
import { badState, stateChecker, StateReader } from '../internal/reducer-state';

export function createNpsState(): NpsTallyState {
  return {
    promoters: 0,
    passives: 0,
    detractors: 0,
    promoterWeight: 0,
    passiveWeight: 0,
    detractorWeight: 0,
    weightSquares: 0,
    skipped: 0,
    weighted: false,
  };
}

/** Fold 0–10 bins into the three categories. */
export function npsStateFromBins(bins: ScoreBins): NpsTallyState {
  return {
    promoters: sumRange(bins.counts, 9, 10),
    passives: sumRange(bins.counts, 7, 8),
    detractors: sumRange(bins.counts, 0, 6),
    promoterWeight: sumRange(bins.weightSums, 9, 10),
    passiveWeight: sumRange(bins.weightSums, 7, 8),
    detractorWeight: sumRange(bins.weightSums, 0, 6),
    weightSquares: bins.weightSquares,
    skipped: bins.skipped,
    weighted: bins.weighted,
  };
}

// A scratch 0–10 bin set: validation and weights are read exactly as in the batch path.
const scratch = createBins(0, 10);

export function addNpsAnswer(fn: string, state: NpsTallyState, value: unknown, index: number | undefined): NpsTallyState {
  scratch.counts.fill(0);
  scratch.weightSums.fill(0);
  scratch.weightSquares = 0;
  scratch.skipped = 0;
  scratch.weighted = false;
  addAnswer(fn, scratch, value, index);
  if (scratch.weighted) state.weighted = true;
  if (scratch.skipped) {
    state.skipped++;
    return state;
  }
  const k = scratch.counts.indexOf(1);
  const w = scratch.weightSums[k] as number;
  if (k >= 9) {
    state.promoters++;
    state.promoterWeight += w;
  } else if (k >= 7) {
    state.passives++;
    state.passiveWeight += w;
  } else {
    state.detractors++;
    state.detractorWeight += w;
  }
  state.weightSquares += scratch.weightSquares;
  return state;
}

export function mergeNpsStates(a: NpsTallyState, b: NpsTallyState): NpsTallyState {
  return {
    promoters: a.promoters + b.promoters,
    passives: a.passives + b.passives,
    detractors: a.detractors + b.detractors,
    promoterWeight: a.promoterWeight + b.promoterWeight,
    passiveWeight: a.passiveWeight + b.passiveWeight,
    detractorWeight: a.detractorWeight + b.detractorWeight,
    weightSquares: a.weightSquares + b.weightSquares,
    skipped: a.skipped + b.skipped,
    weighted: a.weighted || b.weighted,
  };
}

/**
 * Reject a malformed `npsTally` state (restored from storage, built by hand) with
 * `INVALID_RECORD` naming `where` (`npsTally.result`) and the field: counts must be whole
 * numbers ≥ 0, weight sums finite and ≥ 0, `weighted` a boolean, and an unweighted state's
 * weight sums equal to its counts.
 */
export function checkNpsState(where: string, state: unknown): NpsTallyState {
  const r = new StateReader(where, state, 'an npsTally');
  const counts = (['promoters', 'passives', 'detractors'] as const).map((k) => r.count(k));
  const weights = (['promoterWeight', 'passiveWeight', 'detractorWeight'] as const).map((k) => r.nonNegative(k));
  const squares = r.nonNegative('weightSquares');
  r.count('skipped');
  if (!r.boolean('weighted')) {
    const names = ['promoterWeight', 'passiveWeight', 'detractorWeight'];
    for (let k = 0; k < 3; k++) {
      if (weights[k] !== counts[k]) badState(where, names[k] as string, weights[k], `differs from the count ${counts[k] as number} of an unweighted state`);
    }
    const n = (counts[0] as number) + (counts[1] as number) + (counts[2] as number);
    if (squares !== n) badState(where, 'weightSquares', squares, `differs from the ${n} answers of an unweighted state`);
  }
  return state as NpsTallyState;
}

/** `add` checks each state object once. */
export const npsStates = stateChecker<NpsTallyState>(checkNpsState);

/** Pre-aggregated `{ promoters, passives, detractors }` counts, validated. */
export function npsStateFromCounts(fn: string, counts: NpsCounts): NpsTallyState {
  const promoters = readCount(fn, 'promoters', counts.promoters);
  const passives = readCount(fn, 'passives', counts.passives);
  const detractors = readCount(fn, 'detractors', counts.detractors);
  const n = promoters + passives + detractors;
  return {
    promoters,
    passives,
    detractors,
    promoterWeight: promoters,
    passiveWeight: passives,
    detractorWeight: detractors,
    weightSquares: n,
    skipped: 0,
    weighted: false,
  };
}

export function isNpsCounts(value: unknown): value is NpsCounts {
  return isSummaryObject(value, 'promoters') && !('effectiveSampleSize' in value);
}

/**
 * An `npsTally` state passed where counts are accepted (TypeScript allows it: a state has the
 * three count fields): read with its weights, validated, so a weighted tally is not silently
 * treated as unweighted counts.
 */
function npsStateFromTally(fn: string, s: Record<string, unknown>): NpsTallyState {
  if (typeof s.weighted !== 'boolean') {
    throw fail('INVALID_OPTION', fn, `weighted ${describeValue(s.weighted)} of an npsTally state must be a boolean`, { field: 'weighted', value: s.weighted });
  }
  const weight = (what: string) => requireNonNegative(fn, what, s[what]);
  return {
    ...npsStateFromCounts(fn, s as unknown as NpsCounts),
    promoterWeight: weight('promoterWeight'),
    passiveWeight: weight('passiveWeight'),
    detractorWeight: weight('detractorWeight'),
    weightSquares: weight('weightSquares'),
    skipped: readCount(fn, 'skipped', s.skipped),
    weighted: s.weighted,
  };
}

export function isNpsResult(value: unknown): value is NpsResult {
  return isSummaryObject(value, 'promoters') && 'effectiveSampleSize' in value && 'shares' in value;
}

export function npsResult(state: NpsTallyState): NpsResult {
  const total = state.promoters + state.passives + state.detractors;
  const weightTotal = state.promoterWeight + state.passiveWeight + state.detractorWeight;
  const measurable = weightTotal > 0;
  // The three weight sums divided by `by` (1 for the sums themselves, Σw for the shares).
  const split = (by: number) =>
    Object.freeze({ promoters: state.promoterWeight / by, passives: state.passiveWeight / by, detractors: state.detractorWeight / by });
  return Object.freeze({
    score: measurable ? Math.max(-100, Math.min(100, (100 * (state.promoterWeight - state.detractorWeight)) / weightTotal)) : undefined,
    promoters: state.promoters,
    passives: state.passives,
    detractors: state.detractors,
    total,
    skipped: state.skipped,
    shares: measurable ? split(weightTotal) : undefined,
    effectiveSampleSize: effectiveSampleSize(state.weighted, total, weightTotal, state.weightSquares),
    weighted: state.weighted,
    ...(state.weighted ? { weights: Object.freeze({ ...split(1), total: weightTotal }) } : {}),
  });
}

/** What an interval needs: shares and the (effective) sample size; undefined when nothing to measure. */
export interface NpsSummary {
  readonly result: NpsResult;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  readonly n: number;
}

export function summarizeNps(result: NpsResult): NpsSummary | undefined {
  if (result.shares === undefined || !(result.effectiveSampleSize > 0)) return undefined;
  return {
    result,
    promoters: result.shares.promoters,
    passives: result.shares.passives,
    detractors: result.shares.detractors,
    n: result.effectiveSampleSize,
  };
}

/** Reject an option bag that is not an object. */
export function requireOptions(fn: string, options: unknown): void {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw fail('INVALID_OPTION', fn, 'options must be an object', { field: 'options', value: options });
  }
}

/** The pseudo-responses of Rocks (2016): ¾ promoter, 1½ passive, ¾ detractor (3 in all). */
export const ADJUSTED_WALD_PROMOTERS = 0.75;
export const ADJUSTED_WALD_DETRACTORS = 0.75;
export const ADJUSTED_WALD_TOTAL = 3;

/** Shares and n the interval is built on: adjusted by the pseudo-responses, or as observed. */
export function intervalBasis(s: NpsSummary, method: 'adjusted-wald' | 'wald'): { p: number; d: number; n: number } {
  if (method === 'wald') return { p: s.promoters, d: s.detractors, n: s.n };
  const n = s.n + ADJUSTED_WALD_TOTAL;
  return {
    p: (s.promoters * s.n + ADJUSTED_WALD_PROMOTERS) / n,
    d: (s.detractors * s.n + ADJUSTED_WALD_DETRACTORS) / n,
    n,
  };
}

/** Multinomial variance of (p − d) for one response: p + d − (p − d)², never negative. */
export function netVariance(p: number, d: number): number {
  return Math.max(0, p + d - (p - d) * (p - d));
}

/** Lower / upper ends on the proportion scale, clipped to [−limit, limit]. */
export function clip(x: number, limit: number): number {
  return Math.max(-limit, Math.min(limit, x));
}

/** Resolve any NPS input (values, counts, an npsTally state, a result) to its result. */
export function readNpsInput<T>(
  fn: string,
  input: unknown,
  accessor: ((d: T, i: number) => unknown) | undefined,
  weight: ((d: T, i: number) => unknown) | undefined,
): NpsResult {
  if (isNpsResult(input)) return input;
  if (isSummaryObject(input, 'promoterWeight')) return npsResult(npsStateFromTally(fn, input));
  if (isNpsCounts(input)) return npsResult(npsStateFromCounts(fn, input));
  return npsResult(npsStateFromBins(binScores(fn, input as Iterable<T>, 0, 10, accessor, weight)));
}

/** The interval of an NPS result (shared with the grouped views). */
export function npsIntervalOf(result: NpsResult, level: number, method: NpsIntervalMethod): NpsIntervalResult | undefined {
  const summary = summarizeNps(result);
  if (summary === undefined || result.score === undefined) return undefined;
  const { p, d, n } = intervalBasis(summary, method);
  const z = normalQuantile(1 - (1 - level) / 2);
  const se = Math.sqrt(netVariance(p, d) / n);
  const centre = method === 'wald' ? result.score / 100 : p - d;
  return Object.freeze({
    score: result.score,
    estimate: 100 * centre,
    lower: 100 * clip(centre - z * se, 1),
    upper: 100 * clip(centre + z * se, 1),
    standardError: 100 * se,
    n: summary.n,
    level,
    method,
  });
}

/**
 * The NPS difference of two samples (compareNps, compareGroups, trendTest). The test is Wald on
 * the observed shares; the interval (and the reported standard error) uses the shares of
 * `method`: adjusted Wald recentres on the pseudo-response-adjusted difference (Rocks 2016, §5).
 */
export function npsDifference(x: NpsSummary, y: NpsSummary, level: number, method: NpsIntervalMethod): SampleComparison {
  const scoreA = x.result.score as number;
  const scoreB = y.result.score as number;
  const difference = scoreA - scoreB;
  const testSe = Math.sqrt(netVariance(x.promoters, x.detractors) / x.n + netVariance(y.promoters, y.detractors) / y.n);
  let statistic: number | undefined;
  if (testSe > 0) statistic = difference / 100 / testSe;
  else if (difference === 0) statistic = 0;
  const bx = intervalBasis(x, method);
  const by = intervalBasis(y, method);
  const centre = method === 'wald' ? difference / 100 : bx.p - bx.d - (by.p - by.d);
  const se = method === 'wald' ? testSe : Math.sqrt(netVariance(bx.p, bx.d) / bx.n + netVariance(by.p, by.d) / by.n);
  const zCritical = normalQuantile(1 - (1 - level) / 2);
  return {
    a: scoreA,
    b: scoreB,
    difference,
    standardError: 100 * se,
    interval: Object.freeze({ lower: 100 * clip(centre - zCritical * se, 2), upper: 100 * clip(centre + zCritical * se, 2) }),
    statistic,
    degreesOfFreedom: undefined,
    pValue: statistic === undefined ? undefined : Math.min(1, 2 * normalCdf(-Math.abs(statistic))),
  };
}
