/**
 * The Kaplan–Meier curve from tallies at distinct increasing times: Ŝ, Greenwood's variance,
 * the pointwise band, the median and the restricted mean (formulas in `kaplanMeier`).
 */
import type { TimeUnit } from '../internal/time';
import type { KaplanMeierConfidence, KaplanMeierResult, KaplanMeierSettings, KaplanMeierStep } from './kaplan-meier-types';
import { normalQuantile } from '../internal/normal';
import { requireLevel, requireOneOf, requirePositive } from '../internal/validate';

/** The validated settings shared by `kaplanMeier` and `kaplanMeierTally`, defaults applied. */
export function kaplanMeierSettings(
  fn: string,
  options: KaplanMeierSettings | undefined,
): { level: number; confidence: KaplanMeierConfidence; horizon: number | undefined } {
  const o = options ?? {};
  return {
    level: requireLevel(fn, o.level ?? 0.95),
    confidence: requireOneOf(fn, 'confidence', o.confidence ?? 'log-log', ['log-log', 'log', 'plain'] as const),
    horizon: o.horizon === undefined ? undefined : requirePositive(fn, 'horizon', o.horizon),
  };
}

/** Events and censorings at distinct increasing times. */
export interface KaplanMeierTallies {
  readonly times: readonly number[];
  readonly events: readonly number[];
  readonly censored: readonly number[];
  readonly skipped: number;
  readonly unit?: TimeUnit | undefined;
}

export function kaplanMeierCurve(
  tally: KaplanMeierTallies,
  level: number,
  confidence: KaplanMeierConfidence,
  horizonOption: number | undefined,
): KaplanMeierResult {
  const { times, events, censored } = tally;
  const z = normalQuantile((1 + level) / 2);
  let atRisk = 0;
  for (let i = 0; i < times.length; i++) atRisk += (events[i] as number) + (censored[i] as number);
  const subjectsCount = atRisk;
  let survival = 1;
  let greenwood = 0;
  let totalEvents = 0;
  let totalCensored = 0;
  const steps: KaplanMeierStep[] = [];
  for (let i = 0; i < times.length; i++) {
    const d = events[i] as number;
    const c = censored[i] as number;
    const n = atRisk;
    if (d > 0) {
      survival = d === n ? 0 : survival * (1 - d / n);
      if (d < n) greenwood += d / (n * (n - d));
    }
    const se = survival === 0 ? 0 : survival * Math.sqrt(greenwood);
    let lower = survival;
    let upper = survival;
    if (survival > 0 && greenwood > 0) {
      const w = z * Math.sqrt(greenwood);
      if (confidence === 'plain') {
        lower = Math.max(0, survival - z * se);
        upper = Math.min(1, survival + z * se);
      } else if (confidence === 'log') {
        lower = survival * Math.exp(-w);
        upper = Math.min(1, survival * Math.exp(w));
      } else if (survival < 1) {
        const ln = Math.log(survival);
        lower = Math.pow(survival, Math.exp(-w / ln));
        upper = Math.pow(survival, Math.exp(w / ln));
      }
    }
    steps.push(Object.freeze({ time: times[i] as number, atRisk: n, events: d, censored: c, survival, standardError: se, interval: Object.freeze({ lower, upper }) }));
    atRisk -= d + c;
    totalEvents += d;
    totalCensored += c;
  }
  // Median: first time with Ŝ ≤ 0.5; exactly 0.5 (to rounding) → midpoint to the next event time.
  let median: number | undefined;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i] as KaplanMeierStep;
    if (s.events === 0 || s.survival > 0.5 + 1e-12) continue;
    if (Math.abs(s.survival - 0.5) <= 1e-12) {
      const next = steps.slice(i + 1).find((x) => x.events > 0);
      median = next === undefined ? s.time : (s.time + next.time) / 2;
    } else median = s.time;
    break;
  }
  const lastTime = times[times.length - 1];
  const horizon = horizonOption ?? lastTime;
  let restrictedMean: number | undefined;
  if (horizon !== undefined && subjectsCount > 0) {
    let area = 0;
    let previous = 0;
    let s = 1;
    for (const step of steps) {
      if (step.time >= horizon) break;
      area += s * (step.time - previous);
      previous = step.time;
      s = step.survival;
    }
    restrictedMean = area + s * (horizon - previous);
  }
  return Object.freeze({
    steps: Object.freeze(steps),
    subjects: subjectsCount,
    events: totalEvents,
    censored: totalCensored,
    median,
    restrictedMean,
    horizon: subjectsCount > 0 ? horizon : undefined,
    level,
    confidence,
    unit: tally.unit,
    skipped: tally.skipped,
  });
}
