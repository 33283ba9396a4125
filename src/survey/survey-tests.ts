/**
 * The two-sample tests behind `compareGroups` and `trendTest`, on the tallies of
 * `survey-groups`: the same statistics as `compareNps` (Wald z, adjusted-Wald interval),
 * `compareCsat` (pooled z, unpooled Wald interval) and, for CES, Welch's t test.
 */
import type { SurveyMetric } from '../models/interaction';
import type { NpsIntervalMethod } from './nps-interval';
import type { CesTallyState } from './ces-tally';
import type { CsatTallyState } from './csat-tally';
import type { NpsTallyState } from './nps-tally';
import { normalCdf, normalQuantile } from '../internal/normal';
import { mergeNpsStates, netVariance, npsDifference, npsResult, summarizeNps } from './nps-state';
import type { SampleComparison } from './sample-comparison';
import { cesResult, csatDifference, csatResult } from './scale-state';
import { studentTCdf, studentTQuantile } from '../internal/student-t';
import type { SurveyGroupState } from './survey-groups';
import { mergeBins, total } from './survey-scores';

/** A group's headline figure and what its test needs. */
export interface GroupEstimate {
  /** NPS in points, CSAT share, or CES mean; undefined without answers. */
  readonly score: number | undefined;
  /** Answers. */
  readonly n: number;
  /** Kish effective n (= n unweighted). */
  readonly effectiveSampleSize: number;
  /** Σw (= n unweighted). */
  readonly weightTotal: number;
  /** Variance of `score` (Wald; CES s²/n); undefined when it cannot be estimated (no answers, CES n ≤ 1). */
  readonly variance: number | undefined;
}

/** One state holding all of `states` (non-empty, same metric and settings). */
export function mergeStates(fn: string, metric: SurveyMetric, states: readonly SurveyGroupState[]): SurveyGroupState {
  let merged = states[0] as SurveyGroupState;
  for (let k = 1; k < states.length; k++) {
    const next = states[k] as SurveyGroupState;
    merged =
      metric === 'nps'
        ? mergeNpsStates(merged as NpsTallyState, next as NpsTallyState)
        : ({ ...merged, ...mergeBins(fn, merged as CsatTallyState, next as CsatTallyState) } as SurveyGroupState);
  }
  return merged;
}

export function estimateOf(metric: SurveyMetric, state: SurveyGroupState): GroupEstimate {
  if (metric === 'nps') {
    const s = state as NpsTallyState;
    const r = npsResult(s);
    const summary = summarizeNps(r);
    const weightTotal = s.promoterWeight + s.passiveWeight + s.detractorWeight;
    const variance = summary === undefined ? undefined : (1e4 * netVariance(summary.promoters, summary.detractors)) / summary.n;
    return { score: r.score, n: r.total, effectiveSampleSize: r.effectiveSampleSize, weightTotal, variance };
  }
  const bins = state as CsatTallyState;
  const weightTotal = total(bins.weightSums);
  if (metric === 'csat') {
    const r = csatResult(bins);
    const n = r.effectiveSampleSize;
    const variance = r.share === undefined || !(n > 0) ? undefined : (r.share * (1 - r.share)) / n;
    return { score: r.share, n: r.total, effectiveSampleSize: n, weightTotal, variance };
  }
  const r = cesResult(state as CesTallyState);
  const variance = r.standardError === undefined ? undefined : r.standardError * r.standardError;
  return { score: r.mean, n: r.total, effectiveSampleSize: r.effectiveSampleSize, weightTotal, variance };
}

/**
 * Compare the samples of two tallies; `undefined` when the difference cannot be tested: a
 * sample without answers (CES: with effective n ≤ 1), or a standard error of 0 with a
 * non-zero difference (both samples unanimous, on different answers).
 */
export function compareStates(
  metric: SurveyMetric,
  a: SurveyGroupState,
  b: SurveyGroupState,
  level: number,
  npsMethod: NpsIntervalMethod,
): SampleComparison | undefined {
  if (metric === 'nps') {
    const x = summarizeNps(npsResult(a as NpsTallyState));
    const y = summarizeNps(npsResult(b as NpsTallyState));
    if (x === undefined || y === undefined) return undefined;
    const c = npsDifference(x, y, level, npsMethod);
    return c.statistic === undefined ? undefined : c;
  }
  if (metric === 'csat') {
    const x = csatResult(a as CsatTallyState);
    const y = csatResult(b as CsatTallyState);
    const na = x.effectiveSampleSize;
    const nb = y.effectiveSampleSize;
    if (x.share === undefined || y.share === undefined || !(na > 0) || !(nb > 0)) return undefined;
    return csatDifference({ share: x.share, n: na }, { share: y.share, n: nb }, level);
  }
  const x = cesResult(a as CesTallyState);
  const y = cesResult(b as CesTallyState);
  if (x.mean === undefined || y.mean === undefined || x.standardError === undefined || y.standardError === undefined) return undefined;
  const difference = x.mean - y.mean;
  const va = x.standardError * x.standardError;
  const vb = y.standardError * y.standardError;
  const se = Math.sqrt(va + vb);
  const width = x.scale.max - x.scale.min;
  if (!(se > 0)) {
    if (difference !== 0) return undefined;
    return { a: x.mean, b: y.mean, difference, standardError: 0, interval: Object.freeze({ lower: 0, upper: 0 }), statistic: 0, degreesOfFreedom: undefined, pValue: 1 };
  }
  // Welch–Satterthwaite: (va + vb)² / (va²/(na − 1) + vb²/(nb − 1)), with n the (effective) sizes.
  const df = (va + vb) ** 2 / ((va * va) / (x.effectiveSampleSize - 1) + (vb * vb) / (y.effectiveSampleSize - 1));
  const t = difference / se;
  const half = studentTQuantile(1 - (1 - level) / 2, df) * se;
  return {
    a: x.mean,
    b: y.mean,
    difference,
    standardError: se,
    interval: Object.freeze({ lower: Math.max(-width, difference - half), upper: Math.min(width, difference + half) }),
    statistic: t,
    degreesOfFreedom: df,
    pValue: Math.min(1, 2 * studentTCdf(-Math.abs(t), df)),
  };
}
