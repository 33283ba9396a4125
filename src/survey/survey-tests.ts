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
import { clip, intervalBasis, mergeNpsStates, netVariance, npsResult, summarizeNps } from './nps-state';
import { cesResult, csatResult } from './scale-state';
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

/** The comparison of two independent samples: a − b with its test and interval. */
export interface StateComparison {
  readonly a: number;
  readonly b: number;
  readonly difference: number;
  readonly standardError: number;
  readonly lower: number;
  readonly upper: number;
  /** z (NPS, CSAT) or Welch's t (CES). */
  readonly statistic: number;
  /** Welch–Satterthwaite degrees of freedom (CES); undefined for z tests. */
  readonly degreesOfFreedom: number | undefined;
  readonly pValue: number;
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
): StateComparison | undefined {
  const zCritical = normalQuantile(1 - (1 - level) / 2);
  if (metric === 'nps') {
    const x = summarizeNps(npsResult(a as NpsTallyState));
    const y = summarizeNps(npsResult(b as NpsTallyState));
    if (x === undefined || y === undefined) return undefined;
    const scoreA = x.result.score as number;
    const scoreB = y.result.score as number;
    const difference = scoreA - scoreB;
    const se = Math.sqrt(netVariance(x.promoters, x.detractors) / x.n + netVariance(y.promoters, y.detractors) / y.n);
    let z: number;
    if (se > 0) z = difference / 100 / se;
    else if (difference === 0) z = 0;
    else return undefined;
    const bx = intervalBasis(x, npsMethod);
    const by = intervalBasis(y, npsMethod);
    const centre = npsMethod === 'wald' ? difference / 100 : bx.p - bx.d - (by.p - by.d);
    const intervalSe = Math.sqrt(netVariance(bx.p, bx.d) / bx.n + netVariance(by.p, by.d) / by.n);
    return {
      a: scoreA,
      b: scoreB,
      difference,
      standardError: 100 * se,
      lower: 100 * clip(centre - zCritical * intervalSe, 2),
      upper: 100 * clip(centre + zCritical * intervalSe, 2),
      statistic: z,
      degreesOfFreedom: undefined,
      pValue: Math.min(1, 2 * normalCdf(-Math.abs(z))),
    };
  }
  if (metric === 'csat') {
    const x = csatResult(a as CsatTallyState);
    const y = csatResult(b as CsatTallyState);
    const na = x.effectiveSampleSize;
    const nb = y.effectiveSampleSize;
    if (x.share === undefined || y.share === undefined || !(na > 0) || !(nb > 0)) return undefined;
    const difference = x.share - y.share;
    const pooled = (x.share * na + y.share * nb) / (na + nb);
    const pooledSe = Math.sqrt(Math.max(0, pooled * (1 - pooled)) * (1 / na + 1 / nb));
    const z = pooledSe > 0 ? difference / pooledSe : 0;
    const se = Math.sqrt((x.share * (1 - x.share)) / na + (y.share * (1 - y.share)) / nb);
    return {
      a: x.share,
      b: y.share,
      difference,
      standardError: se,
      lower: Math.max(-1, difference - zCritical * se),
      upper: Math.min(1, difference + zCritical * se),
      statistic: z,
      degreesOfFreedom: undefined,
      pValue: Math.min(1, 2 * normalCdf(-Math.abs(z))),
    };
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
    return { a: x.mean, b: y.mean, difference, standardError: 0, lower: 0, upper: 0, statistic: 0, degreesOfFreedom: undefined, pValue: 1 };
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
    lower: Math.max(-width, difference - half),
    upper: Math.min(width, difference + half),
    statistic: t,
    degreesOfFreedom: df,
    pValue: Math.min(1, 2 * studentTCdf(-Math.abs(t), df)),
  };
}
