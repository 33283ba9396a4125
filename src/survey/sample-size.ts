import { normalQuantile } from '../internal/normal';
import { netVariance } from './nps-state';
import { optionKeys, readOptions } from '../internal/options';
import { studentTQuantile } from '../internal/student-t';
import { requireScale } from './survey-scores';
import { describeValue, fail, requireCount, requireFinite, requireLevel, requireOneOf, requirePositive, requireProportion } from '../internal/validate';
import type { SurveyMetric, SurveyScale } from '../models/interaction';
import { DEFAULT_SURVEY_SCALES, SURVEY_METRICS } from '../models/interaction';

/** Expected shares of promoters and detractors, proportions with promoters + detractors ≤ 1. */
export interface SampleSizeNpsShares {
  /** Expected share of promoters (9–10). */
  readonly promoters: number;
  /** Expected share of detractors (0–6). */
  readonly detractors: number;
}

/**
 * Options of {@link sampleSize}. Give exactly one of `n` (→ the margin of error), `margin`
 * (→ the answers needed) or `difference` (→ the answers needed in each of two samples).
 */
export interface SampleSizeOptions {
  /** `'nps'`, `'csat'` or `'ces'`. Required. */
  readonly metric: SurveyMetric;
  /** A planned number of answers (a whole number ≥ 1; CES: with effective n above 1): the result gives its margin of error. */
  readonly n?: number;
  /** A target margin of error (half-width of the interval): NPS points, CSAT proportion, CES scale points. */
  readonly margin?: number;
  /** The smallest difference between two independent samples to detect (units as `margin`; sign ignored except for CSAT, where `share + difference` is the second share). */
  readonly difference?: number;
  /** Power to detect `difference`, in [0.5, 1). Default `0.8`. */
  readonly power?: number;
  /** Confidence level (the test's 1 − α, two-sided), strictly between 0 and 1. Default `0.95`. */
  readonly level?: number;
  /** NPS: expected shares. Default `{ promoters: 0.5, detractors: 0.5 }`, the largest variance (V = 1): a conservative plan. */
  readonly shares?: SampleSizeNpsShares;
  /** CSAT: expected share satisfied (the first sample's, for `difference`), strictly between 0 and 1. Default `0.5`, the largest variance. */
  readonly share?: number;
  /** CES: expected standard deviation of one answer, > 0. Default `(scale.max − scale.min)/2`, the largest possible on the scale. */
  readonly standardDeviation?: number;
  /** CES: the answer scale, for the default standard deviation and the bounds of margin and difference. Default `{ min: 1, max: 7 }`. */
  readonly scale?: SurveyScale;
  /** Design effect of the weighting or sampling (answers = effective n × deff; Kish's 1 + CV² of the weights). Default `1`. */
  readonly designEffect?: number;
}

/** What {@link sampleSize} reports. Frozen. */
export interface SampleSizeResult {
  /** The metric planned for. */
  readonly metric: SurveyMetric;
  /** Answers: the planned `n`, or the answers needed (in each sample, for `difference`), rounded up. */
  readonly n: number;
  /** `n / designEffect`. */
  readonly effectiveSampleSize: number;
  /** Margin of error at `n`: NPS points, CSAT proportion, CES scale points. */
  readonly margin: number;
  /** The difference planned for; `undefined` unless `difference` was given. */
  readonly difference: number | undefined;
  /** The power planned for; `undefined` unless `difference` was given. */
  readonly power: number | undefined;
  /** The confidence level. */
  readonly level: number;
  /** Standard deviation of one answer assumed: NPS points (100·√V), CSAT √(p(1 − p)), CES on its scale. */
  readonly standardDeviation: number;
  /** The design effect used. */
  readonly designEffect: number;
}

const FN = 'sampleSize';

const OPTION_KEYS = optionKeys<SampleSizeOptions>({
  metric: true,
  n: true,
  margin: true,
  difference: true,
  power: true,
  level: true,
  shares: true,
  share: true,
  standardDeviation: true,
  scale: true,
  designEffect: true,
});

const SHARE_KEYS = optionKeys<SampleSizeNpsShares>({ promoters: true, detractors: true });

/** Round a required size up, ignoring a last-bit excess (384.00000000000006 answers are 384). */
function roundUp(x: number): number {
  return Math.ceil(x * (1 - 1e-12));
}

/**
 * How many answers do we need? The margin of error of a planned survey, the answers needed for a
 * target margin, or the answers needed in each of two samples to detect a difference with a
 * given power — for NPS (three-category variance), CSAT (a proportion) and CES (a mean).
 *
 * ```text
 * per-answer variance: NPS V = p + d − (p − d)² (default p = d = ½: V = 1), CSAT p(1 − p), CES σ²
 * n_eff = n / deff,   z = Φ⁻¹(1 − (1 − level)/2),   z_β = Φ⁻¹(power)
 * margin:     NPS 100·z·√(V/n_eff);  CSAT z·√(p(1 − p)/n_eff);  CES t(1 − α/2; n_eff − 1)·σ/√n_eff
 * n(margin):  NPS z²V/(E/100)²;  CSAT z²p(1 − p)/E²;  CES the smallest n whose t margin ≤ E;  × deff, rounded up
 * n(δ), each of two samples:
 *   NPS  (z + z_β)²·2V/(δ/100)²
 *   CSAT (z·√(2p̄(1 − p̄)) + z_β·√(p₁(1 − p₁) + p₂(1 − p₂)))²/δ²,  p₂ = p₁ + δ, p̄ = (p₁ + p₂)/2
 *   CES  (z + z_β)²·2σ²/δ²
 *   × deff, rounded up
 * ```
 *
 * Margins are Wald margins (the intervals of {@link npsInterval} and {@link csatInterval} are a
 * little different for small samples); the power formulas are the normal approximations (the
 * CSAT one of Fleiss, Levin & Paik 2003, *Statistical Methods for Rates and Proportions*, §4.2,
 * without continuity correction). Sources: W. G. Cochran (1977), *Sampling Techniques*, 3rd ed.,
 * §4.4; B. Rocks (2016), The American Statistician 70(4) (the NPS variance); L. Kish (1965),
 * *Survey Sampling* (design effect).
 *
 * @param options - The metric; one of `n`, `margin`, `difference`; power, level, the expected shares or SD, design effect.
 * @returns The plan.
 * @throws {@link models!CxMetricsError} `INVALID_OPTION` unless exactly one of `n`, `margin`, `difference` is given, or for an
 *   option that does not apply to the metric, an unknown option key, or options that are not a plain object; `OUT_OF_RANGE` for a level outside (0, 1), a power outside [0.5, 1), a margin
 *   or difference of 0, beyond the metric's range or so small that it needs more than 2^53 answers, shares with zero variance or summing above 1, a CSAT share of 0 or 1,
 *   a CES plan with effective n ≤ 1, a `designEffect` so small that the effective n is beyond a double; `INVALID_NUMBER`, `NEGATIVE_VALUE`, `NOT_AN_INTEGER` for malformed numbers.
 *
 * @example
 * ```ts
 * import { sampleSize } from 'cx-metrics/survey';
 * sampleSize({ metric: 'nps', margin: 5 }).n; // => 1537
 * sampleSize({ metric: 'nps', margin: 5, shares: { promoters: 0.5, detractors: 0.2 } }).n; // => 938
 * sampleSize({ metric: 'nps', n: 400, shares: { promoters: 0.5, detractors: 0.2 } }).margin; // => 7.65
 * sampleSize({ metric: 'csat', margin: 0.03, share: 0.8 }).n; // => 683
 * sampleSize({ metric: 'csat', difference: 0.05, share: 0.8, power: 0.8 }).n; // => 906
 * sampleSize({ metric: 'ces', margin: 0.2, standardDeviation: 1.5 }).n; // => 219
 * sampleSize({ metric: 'nps', margin: 5, n: 100 }); // => throws INVALID_OPTION
 * ```
 */
export function sampleSize(options: SampleSizeOptions): SampleSizeResult {
  if (options === undefined) {
    throw fail('INVALID_OPTION', FN, 'options with { metric } and one of n, margin, difference are required', { field: 'options', value: options });
  }
  readOptions(FN, options, OPTION_KEYS);
  const metric = requireOneOf(FN, 'metric', options.metric, SURVEY_METRICS);
  const level = requireLevel(FN, options.level ?? 0.95);
  const given = (['n', 'margin', 'difference'] as const).filter((k) => options[k] !== undefined);
  if (given.length !== 1) {
    throw fail('INVALID_OPTION', FN, `give exactly one of n, margin, difference (got ${given.length === 0 ? 'none' : given.join(', ')})`, {
      field: given[1] ?? 'n',
    });
  }
  const mode = given[0] as 'n' | 'margin' | 'difference';
  if (mode !== 'difference' && options.power !== undefined) {
    throw fail('INVALID_OPTION', FN, 'power applies to a difference only', { field: 'power', value: options.power });
  }
  const only = (field: 'shares' | 'share' | 'standardDeviation' | 'scale', owner: SurveyMetric) => {
    if (metric !== owner && options[field] !== undefined) {
      throw fail('INVALID_OPTION', FN, `${field} applies to ${owner.toUpperCase()} only`, { field, value: options[field] });
    }
  };
  only('shares', 'nps');
  only('share', 'csat');
  only('standardDeviation', 'ces');
  only('scale', 'ces');
  const designEffect = requirePositive(FN, 'designEffect', options.designEffect ?? 1);
  const z = normalQuantile(1 - (1 - level) / 2);

  // Per-answer SD on the metric's reporting scale, and the largest meaningful margin/difference.
  let sd: number;
  let range: number;
  let p1 = 0.5;
  if (metric === 'nps') {
    const shares = options.shares ?? { promoters: 0.5, detractors: 0.5 };
    readOptions(FN, shares, SHARE_KEYS, 'shares');
    const p = requireProportion(FN, 'shares.promoters', shares.promoters);
    const d = requireProportion(FN, 'shares.detractors', shares.detractors);
    if (p + d > 1 + 1e-12) throw fail('OUT_OF_RANGE', FN, `shares add up to ${p + d}, more than 1`, { field: 'shares', value: shares });
    const v = netVariance(p, d);
    if (!(v > 0)) throw fail('OUT_OF_RANGE', FN, `shares ${p}/${d} leave no variance (every answer in one category): nothing to plan`, { field: 'shares', value: shares });
    sd = 100 * Math.sqrt(v);
    range = 200;
  } else if (metric === 'csat') {
    p1 = requireProportion(FN, 'share', options.share ?? 0.5);
    if (p1 === 0 || p1 === 1) throw fail('OUT_OF_RANGE', FN, `share ${p1} leaves no variance: nothing to plan`, { field: 'share', value: p1 });
    sd = Math.sqrt(p1 * (1 - p1));
    range = 1;
  } else {
    const scale = requireScale(FN, options.scale, DEFAULT_SURVEY_SCALES.ces);
    range = scale.max - scale.min;
    sd = requirePositive(FN, 'standardDeviation', options.standardDeviation ?? range / 2);
  }

  // Margin of error at n answers.
  const marginAt = (n: number): number => {
    const nEff = n / designEffect;
    if (metric !== 'ces') return (z * sd) / Math.sqrt(nEff);
    return (studentTQuantile(1 - (1 - level) / 2, nEff - 1) * sd) / Math.sqrt(nEff);
  };
  const requireCesSize = (n: number) => {
    if (metric === 'ces' && !(n / designEffect > 1)) {
      throw fail('OUT_OF_RANGE', FN, `n ${n} gives an effective n of ${n / designEffect}; a CES interval needs more than 1`, { field: 'n', value: n });
    }
  };
  const done = (n: number, difference?: number, power?: number): SampleSizeResult => {
    if (!(n / designEffect < Infinity)) {
      throw fail('OUT_OF_RANGE', FN, `designEffect ${describeValue(designEffect)} makes the effective sample size of n ${n} beyond a double`, { field: 'designEffect', value: designEffect });
    }
    return Object.freeze({
      metric,
      n,
      effectiveSampleSize: n / designEffect,
      margin: marginAt(n),
      difference,
      power,
      level,
      standardDeviation: sd,
      designEffect,
    });
  };
  // A target so small that the answers it needs are beyond counting in a double (a margin of 1e-300).
  const requireCountable = (what: 'margin' | 'difference', value: number, n: number): number => {
    if (!(n <= Number.MAX_SAFE_INTEGER)) {
      throw fail('OUT_OF_RANGE', FN, `${what} ${describeValue(value)} needs more than ${Number.MAX_SAFE_INTEGER} answers; it is too small to plan for`, { field: what, value });
    }
    return n;
  };
  const requireMagnitude = (what: 'margin' | 'difference', value: unknown, limit: number): number => {
    const x = requireFinite(FN, what, value);
    if (!(Math.abs(x) > 0 && Math.abs(x) <= limit) || (what === 'margin' && x < 0)) {
      throw fail('OUT_OF_RANGE', FN, `${what} ${describeValue(x)} must be ${what === 'margin' ? 'above 0' : 'non-zero'} and at most ${limit} for ${metric.toUpperCase()}`, {
        field: what,
        value,
      });
    }
    return x;
  };

  if (mode === 'n') {
    const n = requireCount(FN, 'n', options.n);
    if (n < 1) throw fail('OUT_OF_RANGE', FN, 'n 0 plans no answers', { field: 'n', value: options.n });
    requireCesSize(n);
    return done(n);
  }
  if (mode === 'margin') {
    const margin = requireMagnitude('margin', options.margin, range);
    let n = requireCountable('margin', margin, Math.max(1, roundUp(((z * sd) / margin) ** 2 * designEffect)));
    if (metric === 'ces') {
      // The t margin is wider than the z one: step up to the first n that meets the target.
      n = Math.max(n, Math.floor(designEffect) + 1);
      while (!(n / designEffect > 1)) n++;
      while (marginAt(n) > margin) n++;
    }
    return done(n);
  }
  const difference = requireMagnitude('difference', options.difference, range);
  const power = requireFinite(FN, 'power', options.power ?? 0.8);
  if (!(power >= 0.5 && power < 1)) throw fail('OUT_OF_RANGE', FN, `power ${describeValue(power)} must be at least 0.5 and below 1`, { field: 'power', value: options.power });
  const zBeta = normalQuantile(power);
  let nEff: number;
  if (metric === 'csat') {
    const p2 = p1 + difference;
    if (!(p2 > 0 && p2 < 1)) {
      throw fail('OUT_OF_RANGE', FN, `share ${p1} + difference ${difference} = ${p2} is not strictly between 0 and 1`, { field: 'difference', value: options.difference });
    }
    const pBar = (p1 + p2) / 2;
    nEff = (z * Math.sqrt(2 * pBar * (1 - pBar)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (difference * difference);
  } else {
    nEff = ((z + zBeta) ** 2 * 2 * sd * sd) / (difference * difference);
  }
  const n = requireCountable('difference', difference, Math.max(metric === 'ces' ? Math.floor(designEffect) + 1 : 1, roundUp(nEff * designEffect)));
  requireCesSize(n);
  return done(n, difference, power);
}
