import { forEachValue, isMissing, requireValues } from '../internal/input';
import { optionKeys, readOptions, requireAccessor } from '../internal/options';
import { describeValue, fail, requireCount, requireNonNegative, requirePositive } from '../internal/validate';
import type { Accessor, Values } from '../models/values';

/** One known population margin of {@link rakeWeights}: a variable and the population total of each of its categories. */
export interface RakeMargin<T> {
  /** Name of the variable, e.g. `'region'`; used in results and messages. */
  readonly name: string;
  /** Reads the respondent's category, e.g. `(r) => r.region`; a number is read as its decimal label. `null`/`undefined` skips the respondent. */
  readonly category: Accessor<T, string | number | null | undefined>;
  /**
   * Population total (or share) of each category, ≥ 0, e.g. `{ north: 4200, south: 5800 }`.
   * Every margin must have the same sum (counts of the same population, or shares summing to 1);
   * every category with a positive target needs respondents.
   */
  readonly targets: Readonly<Record<string, number>>;
}

/** Limits on the raked weights, as multiples of the mean weight (total / respondents). */
export interface RakeWeightsBounds {
  /** Smallest weight allowed, as a multiple of the mean weight, ≥ 0. Default `0` (no lower limit). */
  readonly lower?: number;
  /** Largest weight allowed, as a multiple of the mean weight, > 1. Default: no upper limit. */
  readonly upper?: number;
}

/** Options of {@link rakeWeights}. */
export interface RakeWeightsOptions<T> {
  /** Reads a base (design) weight per respondent, ≥ 0; the raking starts from it. Default: 1 for everyone. `null`/`undefined` skips the respondent. */
  readonly weight?: Accessor<T, number | null | undefined>;
  /**
   * Trimming (Kolenikov 2014): after each raking cycle, weights below `lower × mean` or above
   * `upper × mean` are set to the bound, and raking continues, until the margins and the bounds
   * hold together. Default: no trimming. Typical: `{ upper: 5 }` or `{ lower: 0.3, upper: 3 }`.
   */
  readonly bounds?: RakeWeightsBounds;
  /** Convergence: the largest |achieved − target| over all categories, relative to the total, must fall to this. Default `1e-8`. */
  readonly tolerance?: number;
  /** Most raking cycles (one pass over every margin) before giving up with `converged: false`. Default `100`. */
  readonly maxIterations?: number;
}

/** How well one category of one margin is matched. */
export interface RakeCategoryResidual {
  /** The category label. */
  readonly category: string;
  /** Its population target. */
  readonly target: number;
  /** Σw of its respondents after raking. */
  readonly achieved: number;
  /** `achieved − target`, in weight units. */
  readonly residual: number;
}

/** How well one margin is matched. */
export interface RakeMarginResidual {
  /** The margin's name. */
  readonly name: string;
  /** One entry per target category, in the order of `targets`. */
  readonly categories: readonly RakeCategoryResidual[];
  /** Largest |residual| over its categories, relative to the total. */
  readonly maxResidual: number;
}

/** What {@link rakeWeights} returns. Frozen. */
export interface RakeWeightsResult {
  /**
   * One weight per input element, in input order: the raked weight, or `null` for a skipped
   * respondent. Pass it as the `weight` of `nps`, `csat`, `ces` or `surveyBreakdown`:
   * `weight: (_, i) => result.weights[i]`. The weights sum to `total`.
   */
  readonly weights: readonly (number | null)[];
  /** Respondents raked (all margins and the base weight known). */
  readonly respondents: number;
  /** Respondents skipped (a `null`/`undefined` record, category or base weight). */
  readonly skipped: number;
  /** The population total every margin sums to. */
  readonly total: number;
  /** Whether every margin was matched within `tolerance` (with every weight within `bounds`). */
  readonly converged: boolean;
  /** Raking cycles run. */
  readonly iterations: number;
  /** Each margin's residuals after the last cycle. */
  readonly margins: readonly RakeMarginResidual[];
  /** Largest relative residual over all margins; `undefined` without respondents. */
  readonly maxResidual: number | undefined;
  /** Weights at a trimming bound after the last cycle. */
  readonly trimmed: number;
  /** Kish's design effect of weighting, n·Σw²/(Σw)² = 1 + CV²; `undefined` without respondents. */
  readonly designEffect: number | undefined;
  /** Kish's effective sample size (Σw)²/Σw²; 0 without respondents. */
  readonly effectiveSampleSize: number;
}

const FN = 'rakeWeights';
const RAKE_WEIGHTS_KEYS = optionKeys<RakeWeightsOptions<unknown>>({ weight: true, bounds: true, tolerance: true, maxIterations: true });

/** A respondent's category label: strings as they are, finite numbers as their decimal form. */
function label(margin: string, value: unknown, index: number): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw fail('UNKNOWN_REFERENCE', FN, `${margin} category ${describeValue(value)} at index ${index} is not a category label`, {
    field: margin,
    value,
    index,
  });
}

/**
 * Raking: iterative proportional fitting of respondent weights to known population margins, so
 * that the weighted sample reproduces, for example, the population's split by region, plan and
 * tenure band at once — with optional trimming, a convergence report, each margin's residual,
 * and Kish's design effect and effective sample size.
 *
 * ```text
 * start   wᵢ = base weight dᵢ (default 1)
 * cycle   for each margin m, each category c:  wᵢ ← wᵢ · Tₘ,c / Σ_{j ∈ c} wⱼ    (i ∈ c)
 * trim    wᵢ ← min(max(wᵢ, L·w̄), U·w̄),  w̄ = T / n                          (bounds set)
 * stop    maxₘ,c |Σ_{i ∈ c} wᵢ − Tₘ,c| / T ≤ tolerance
 * deff    n Σwᵢ² / (Σwᵢ)² = 1 + CV²(w)          effective n = (Σwᵢ)² / Σwᵢ²
 * ```
 *
 * Sources: W. E. Deming & F. F. Stephan (1940), "On a least squares adjustment of a sampled
 * frequency table when the expected marginal totals are known", *Ann. Math. Stat.* 11(4);
 * S. Kolenikov (2014), "Calibrating survey data using iterative proportional fitting (raking)",
 * *Stata Journal* 14(1) (trimming between raking cycles, as `ipfraking`); L. Kish (1965),
 * *Survey Sampling*, §11.7. Without trimming the result matches R's `survey::rake`.
 *
 * @param respondents - The sample (records read through each margin's `category`).
 * @param margins - The known margins, at least one; every margin sums to the same total.
 * @param options - Base weights, trimming bounds, tolerance and iteration limit.
 * @returns The weights (aligned with the input, `null` for skipped respondents), convergence,
 *   residuals, design effect and effective n; `designEffect` and `maxResidual` are `undefined`
 *   without respondents. A run that does not converge (incompatible bounds, too few cycles)
 *   returns `converged: false` with its residuals: check it.
 * @throws {@link models!CxMetricsError} `INCONSISTENT_INPUT` when margins sum to different
 *   totals or a category with a positive target has no respondent (or no weight left);
 *   `UNKNOWN_REFERENCE` for a respondent's category that is not among its margin's targets;
 *   `NEGATIVE_VALUE` / `INVALID_NUMBER` for a bad target or base weight; `OUT_OF_RANGE` for a
 *   total of 0, a bound, tolerance or iteration limit out of range; `INVALID_OPTION` for no
 *   margins, a margin without a `category` function, options that are not a plain object, an
 *   unknown option or a `weight` that is not a function; `INVALID_INPUT` for respondents that
 *   are not a list or an iterable.
 *
 * @example
 * ```ts
 * import { rakeWeights, nps } from 'cx-metrics/survey';
 * // 6 respondents; the population is half north, and 70 % on the basic plan.
 * const sample = [
 *   { region: 'north', plan: 'basic', score: 9 }, { region: 'north', plan: 'pro', score: 10 },
 *   { region: 'south', plan: 'basic', score: 6 }, { region: 'south', plan: 'basic', score: 7 },
 *   { region: 'south', plan: 'pro', score: 9 }, { region: 'south', plan: 'basic', score: 3 },
 * ];
 * const raked = rakeWeights(sample, [
 *   { name: 'region', category: (r) => r.region, targets: { north: 500, south: 500 } },
 *   { name: 'plan', category: (r) => r.plan, targets: { basic: 700, pro: 300 } },
 * ]);
 * raked.converged; // => true
 * raked.weights; // => [294.4, 205.6, 135.2, 135.2, 94.4, 135.2]
 * raked.effectiveSampleSize; // => 5.19
 * nps(sample, { accessor: (r) => r.score, weight: (_, i) => raked.weights[i] }).score; // => 32.4
 * rakeWeights(sample, [
 *   { name: 'region', category: (r) => r.region, targets: { north: 500, south: 500 } },
 *   { name: 'plan', category: (r) => r.plan, targets: { basic: 0.7, pro: 0.3 } },
 * ]); // => throws INCONSISTENT_INPUT
 * ```
 */
export function rakeWeights<T>(respondents: Values<T>, margins: readonly RakeMargin<T>[], options?: RakeWeightsOptions<T>): RakeWeightsResult {
  const data = requireValues<T>(FN, 'respondents', respondents);
  const o = readOptions(FN, options, RAKE_WEIGHTS_KEYS);
  const weightOf = requireAccessor(FN, 'weight', o.weight);
  if (!Array.isArray(margins) || margins.length === 0) {
    throw fail('INVALID_OPTION', FN, 'margins must be a non-empty array of { name, category, targets }', { field: 'margins', value: margins });
  }
  const tolerance = requirePositive(FN, 'tolerance', o.tolerance ?? 1e-8);
  const maxIterations = requireCount(FN, 'maxIterations', o.maxIterations ?? 100);
  if (maxIterations < 1) throw fail('OUT_OF_RANGE', FN, `maxIterations ${maxIterations} must be at least 1`, { field: 'maxIterations', value: maxIterations });
  const lowerBound = requireNonNegative(FN, 'bounds.lower', o.bounds?.lower ?? 0);
  const upperBound = o.bounds?.upper === undefined ? Number.POSITIVE_INFINITY : requirePositive(FN, 'bounds.upper', o.bounds.upper);
  if (!(upperBound > 1) || !(lowerBound < 1)) {
    throw fail('OUT_OF_RANGE', FN, `bounds ${lowerBound}–${upperBound} (multiples of the mean weight) must satisfy lower < 1 < upper`, {
      field: 'bounds',
      value: o.bounds,
    });
  }

  // Margins: names, category lists, targets, and the common total.
  const specs = margins.map((m, k) => {
    if (m === null || typeof m !== 'object' || typeof m.category !== 'function' || m.targets === null || typeof m.targets !== 'object') {
      throw fail('INVALID_OPTION', FN, `margin ${k} must be { name, category: (d, i) => label, targets: { label: total } }`, {
        field: 'margins',
        value: m,
        index: k,
      });
    }
    const name = typeof m.name === 'string' && m.name !== '' ? m.name : `margin ${k}`;
    const categories = Object.keys(m.targets);
    const targets = categories.map((c) => requireNonNegative(FN, `${name} target for ${JSON.stringify(c)}`, m.targets[c]));
    const total = targets.reduce((s, t) => s + t, 0);
    return { name, categories, index: new Map(categories.map((c, j) => [c, j])), targets, total };
  });
  const first = specs[0] as (typeof specs)[number];
  const total = first.total;
  if (!(total > 0)) throw fail('OUT_OF_RANGE', FN, `margin ${first.name} sums to ${total}; targets must have a positive total`, { field: 'targets', value: total });
  for (const s of specs) {
    if (Math.abs(s.total - total) > 1e-9 * total) {
      throw fail('INCONSISTENT_INPUT', FN, `margin ${s.name} sums to ${s.total} but margin ${first.name} sums to ${total}; every margin must describe the same population total`, {
        field: 'targets',
        value: s.total,
      });
    }
  }

  // Respondents: each one's category index in every margin, and its base weight.
  const rows: number[][] = specs.map(() => []);
  const base: number[] = [];
  const position: number[] = [];
  let length = 0;
  let skipped = 0;
  forEachValue(data, (d, i) => {
    length = i + 1;
    if (isMissing(d)) {
      skipped++;
      return;
    }
    const w = weightOf === undefined ? 1 : weightOf(d, i);
    if (isMissing(w)) {
      skipped++;
      return;
    }
    const cells: number[] = [];
    for (let k = 0; k < specs.length; k++) {
      const spec = specs[k] as (typeof specs)[number];
      const raw = (margins[k] as RakeMargin<T>).category(d, i);
      if (isMissing(raw)) {
        skipped++;
        return;
      }
      const c = spec.index.get(label(spec.name, raw, i));
      if (c === undefined) {
        throw fail('UNKNOWN_REFERENCE', FN, `${spec.name} category ${describeValue(raw)} at index ${i} is not among the margin's targets (${spec.categories.map((x) => JSON.stringify(x)).join(', ')})`, {
          field: spec.name,
          value: raw,
          index: i,
        });
      }
      cells.push(c);
    }
    base.push(requireNonNegative(FN, 'weight', w, i));
    position.push(i);
    for (let k = 0; k < specs.length; k++) (rows[k] as number[]).push(cells[k] as number);
  });
  const n = base.length;
  const weights: (number | null)[] = new Array<number | null>(length).fill(null);
  if (n === 0) {
    return Object.freeze({
      weights: Object.freeze(weights),
      respondents: 0,
      skipped,
      total,
      converged: false,
      iterations: 0,
      margins: Object.freeze(
        specs.map((s) =>
          Object.freeze({
            name: s.name,
            categories: Object.freeze(s.categories.map((c, j) => Object.freeze({ category: c, target: s.targets[j] as number, achieved: 0, residual: -(s.targets[j] as number) }))),
            maxResidual: Math.max(...s.targets) / total,
          }),
        ),
      ),
      maxResidual: undefined,
      trimmed: 0,
      designEffect: undefined,
      effectiveSampleSize: 0,
    });
  }

  // Every category with a positive target needs weight to scale.
  const sums = (k: number, w: Float64Array): Float64Array => {
    const spec = specs[k] as (typeof specs)[number];
    const cells = rows[k] as number[];
    const s = new Float64Array(spec.categories.length);
    for (let i = 0; i < n; i++) {
      const c = cells[i] as number;
      s[c] = (s[c] as number) + (w[i] as number);
    }
    return s;
  };
  const w = Float64Array.from(base);
  for (let k = 0; k < specs.length; k++) {
    const spec = specs[k] as (typeof specs)[number];
    const s = sums(k, w);
    spec.categories.forEach((c, j) => {
      if ((spec.targets[j] as number) > 0 && !((s[j] as number) > 0)) {
        throw fail('INCONSISTENT_INPUT', FN, `${spec.name} category ${JSON.stringify(c)} has target ${spec.targets[j]} but no respondent with a positive weight in the sample`, {
          field: spec.name,
          value: c,
        });
      }
    });
  }

  const mean = total / n;
  const low = lowerBound * mean;
  const high = upperBound * mean;
  const trimming = lowerBound > 0 || upperBound < Number.POSITIVE_INFINITY;
  let iterations = 0;
  let worst = Number.POSITIVE_INFINITY;
  let converged = false;
  const residualOf = (): number => {
    let m = 0;
    for (let k = 0; k < specs.length; k++) {
      const s = sums(k, w);
      const spec = specs[k] as (typeof specs)[number];
      for (let j = 0; j < spec.categories.length; j++) m = Math.max(m, Math.abs((s[j] as number) - (spec.targets[j] as number)) / total);
    }
    return m;
  };
  while (iterations < maxIterations) {
    iterations++;
    for (let k = 0; k < specs.length; k++) {
      const spec = specs[k] as (typeof specs)[number];
      const cells = rows[k] as number[];
      const s = sums(k, w);
      const factor = spec.targets.map((t, j) => {
        const current = s[j] as number;
        if (t === 0) return 0;
        if (!(current > 0)) {
          throw fail('INCONSISTENT_INPUT', FN, `${spec.name} category ${JSON.stringify(spec.categories[j])} has target ${t} but no weight left after raking the other margins; the margins are incompatible with the sample`, {
            field: spec.name,
            value: spec.categories[j],
          });
        }
        return t / current;
      });
      for (let i = 0; i < n; i++) w[i] = (w[i] as number) * (factor[cells[i] as number] as number);
    }
    if (trimming) {
      for (let i = 0; i < n; i++) {
        const x = w[i] as number;
        if (x > high) w[i] = high;
        else if (x < low && x > 0) w[i] = low;
      }
    }
    worst = residualOf();
    if (worst <= tolerance) {
      converged = true;
      break;
    }
  }

  let sw = 0;
  let sww = 0;
  let trimmed = 0;
  for (let i = 0; i < n; i++) {
    const x = w[i] as number;
    if (trimming && x > 0 && (x >= high * (1 - 1e-12) || x <= low * (1 + 1e-12))) trimmed++;
    sw += x;
    sww += x * x;
    weights[position[i] as number] = x;
  }
  const effectiveSampleSize = sww > 0 ? (sw * sw) / sww : 0;
  const residuals = specs.map((spec, k) => {
    const s = sums(k, w);
    const categories = spec.categories.map((c, j) =>
      Object.freeze({ category: c, target: spec.targets[j] as number, achieved: s[j] as number, residual: (s[j] as number) - (spec.targets[j] as number) }),
    );
    return Object.freeze({
      name: spec.name,
      categories: Object.freeze(categories),
      maxResidual: categories.reduce((m, c) => Math.max(m, Math.abs(c.residual) / total), 0),
    });
  });
  return Object.freeze({
    weights: Object.freeze(weights),
    respondents: n,
    skipped,
    total,
    converged,
    iterations,
    margins: Object.freeze(residuals),
    maxResidual: worst,
    trimmed,
    designEffect: sww > 0 ? (n * sww) / (sw * sw) : undefined,
    effectiveSampleSize,
  });
}
