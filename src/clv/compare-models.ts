import type { ModelName } from '../models/model';
import { chiSquareSurvival } from '../internal/chi-square';
import { readOptions, optionKeys, isPlainObject } from '../internal/options';
import { describeValue, fail, requireFinite, requireNonNegative } from '../internal/validate';

/**
 * One fit as {@link compareModels} reads it: any model's fit (its number of parameters is the
 * model's, e.g. 4 for BG/NBD), or the three numbers of a model fitted elsewhere.
 */
export type CompareModelsFit =
  | {
      /** Which model was fitted: its number of parameters is known (`bg-nbd` 4, `gamma-gamma` 3, `sbg` 2, …). */
      readonly model: ModelName;
      /** Maximised log-likelihood Σ wᵢ ln Lᵢ. */
      readonly logLikelihood: number;
      /** Number of customers fitted (the sum of the weights). */
      readonly n: number;
    }
  | {
      /** Maximised log-likelihood Σ wᵢ ln Lᵢ. */
      readonly logLikelihood: number;
      /** Number of customers fitted (the sum of the weights). */
      readonly n: number;
      /** Number of free parameters estimated, a whole number ≥ 1. */
      readonly parameters: number;
    };

/** A pair of fits declared nested: `restricted` is `full` with some parameters fixed. */
export interface CompareModelsNestedPair {
  /** Name (key in `fits`) of the restricted fit, with fewer parameters. */
  readonly restricted: string;
  /** Name (key in `fits`) of the full fit. */
  readonly full: string;
}

/** Options of {@link compareModels}. */
export interface CompareModelsOptions {
  /**
   * Pairs of fits declared nested, each tested with a likelihood-ratio test. Nesting is not
   * checked (only that the full fit has more parameters): declaring it is the caller's claim.
   * Default: none.
   */
  readonly nested?: readonly CompareModelsNestedPair[];
}

/** One fit's row in {@link CompareModelsResult}. */
export interface CompareModelsRow {
  /** The fit's name (its key in `fits`). */
  readonly name: string;
  /** Maximised log-likelihood ℓ. */
  readonly logLikelihood: number;
  /** Number of parameters k. */
  readonly parameters: number;
  /** AIC = 2k − 2ℓ. */
  readonly aic: number;
  /** BIC = k ln n − 2ℓ. */
  readonly bic: number;
  /** AIC − min AIC over the fits (0 for the best). */
  readonly deltaAic: number;
  /** BIC − min BIC over the fits (0 for the best). */
  readonly deltaBic: number;
  /** Akaike weight e^(−ΔAIC/2) / Σ e^(−ΔAIC/2): the weights sum to 1. */
  readonly akaikeWeight: number;
}

/** A likelihood-ratio test of one declared nested pair. */
export interface CompareModelsLikelihoodRatio {
  /** Name of the restricted fit. */
  readonly restricted: string;
  /** Name of the full fit. */
  readonly full: string;
  /** LR = 2(ℓ_full − ℓ_restricted), 0 when the full fit's optimum is (numerically) below the restricted one's. */
  readonly statistic: number;
  /** Degrees of freedom, k_full − k_restricted. */
  readonly df: number;
  /**
   * P(χ²_df ≥ LR). Conservative (too large) when the restriction puts a parameter on the boundary
   * of its space (e.g. a dropout rate → 0): the null distribution is then a mixture of χ²s.
   */
  readonly pValue: number;
}

/** What {@link compareModels} returns. Frozen. */
export interface CompareModelsResult {
  /** One row per fit, in the order of `fits`' keys. */
  readonly models: readonly CompareModelsRow[];
  /** The number of customers every fit was fitted on. */
  readonly n: number;
  /** Name of the fit with the smallest AIC (the first in order on a tie). */
  readonly bestAic: string;
  /** Name of the fit with the smallest BIC (the first in order on a tie). */
  readonly bestBic: string;
  /** One test per declared nested pair, in the order given. */
  readonly likelihoodRatioTests: readonly CompareModelsLikelihoodRatio[];
}

/** The number of free parameters of each model's fit. */
const MODEL_PARAMETERS: Readonly<Record<ModelName, number>> = {
  'bg-nbd': 4,
  'mbg-nbd': 4,
  'pareto-nbd': 4,
  'bg-bb': 4,
  'gamma-gamma': 3,
  sbg: 2,
};

const FN = 'compareModels';

function parameterCount(name: string, fit: Record<string, unknown>): number {
  if ('parameters' in fit) {
    const k = requireNonNegative(FN, `${name}.parameters`, fit['parameters']);
    if (!Number.isInteger(k) || k < 1) {
      throw fail(k < 1 ? 'OUT_OF_RANGE' : 'NOT_AN_INTEGER', FN, `${name}.parameters ${describeValue(k)} must be a whole number ≥ 1`, {
        field: `${name}.parameters`,
        value: k,
      });
    }
    return k;
  }
  const model = fit['model'];
  if (typeof model === 'string' && Object.hasOwn(MODEL_PARAMETERS, model)) return MODEL_PARAMETERS[model as ModelName];
  throw fail('INVALID_INPUT', FN, `fit ${JSON.stringify(name)} has model ${describeValue(model)}, not a known model; give { logLikelihood, n, parameters } instead`, {
    field: `${name}.model`,
    value: model,
  });
}

/**
 * Compare fits of several models on the same customers: log-likelihood, number of parameters,
 * AIC, BIC, their differences to the best, Akaike weights, and likelihood-ratio tests for pairs
 * declared nested.
 *
 * ```text
 * AIC  = 2k − 2ℓ                 BIC = k ln n − 2ℓ          (n = customers fitted)
 * Δᵢ   = AICᵢ − min AIC          wᵢ  = e^(−Δᵢ/2) / Σⱼ e^(−Δⱼ/2)
 * LR   = 2(ℓ_full − ℓ_restricted) ~ χ²(k_full − k_restricted) under the restriction
 * ```
 *
 * Every fit must be on the same n customers (`fit.n`, the sum of the weights), else the
 * criteria are not comparable. A model's number of parameters comes from its name (BG/NBD,
 * MBG/NBD, Pareto/NBD and BG/BB 4, Gamma-Gamma 3, sBG 2); a model fitted elsewhere is given as
 * `{ logLikelihood, n, parameters }`.
 *
 * The likelihood-ratio test assumes the restricted model is the full one with parameters fixed
 * at interior values. When the restriction sits on the boundary of the parameter space (the
 * NBD as a Pareto/NBD whose dropout rate → 0, a heterogeneity shape → ∞), the statistic's null
 * distribution is a mixture of χ²s with fewer degrees of freedom (Self & Liang 1987), and the
 * plain χ² p-value reported here is conservative (too large).
 *
 * Source: Akaike (1974), *IEEE Trans. Automatic Control* 19(6); Schwarz (1978), *Annals of
 * Statistics* 6(2); Burnham & Anderson (2002), *Model Selection and Multimodel Inference*, §2.9
 * (Akaike weights); Wilks (1938); Self & Liang (1987), *JASA* 82(398) (boundary nulls).
 *
 * @param fits - Named fits, e.g. `{ 'BG/NBD': bgFit, 'Pareto/NBD': paretoFit }` (at least one).
 * @param options - `nested`: pairs to test.
 * @returns The frozen comparison: rows in the order of `fits`, the best by AIC and by BIC, the tests.
 * @throws {@link models!CxMetricsError} `INVALID_INPUT` for `fits` that is not a plain object
 *   with at least one fit, or a fit of an unknown model without `parameters`; `INVALID_NUMBER`
 *   for a log-likelihood or n that is not a finite number; `INCONSISTENT_INPUT` for fits on
 *   different n, a nested pair whose full fit does not have more parameters;
 *   `UNKNOWN_REFERENCE` for a nested pair naming no fit; `NEGATIVE_VALUE` / `OUT_OF_RANGE` for
 *   an n ≤ 0 or a `parameters` < 1, or a log-likelihood or `parameters` (near ±1e308) whose
 *   AIC, BIC or their differences are beyond a double; `NOT_AN_INTEGER` for a fractional `parameters`;
 *   `INVALID_OPTION` for options that are not a plain object or an unknown option key.
 *
 * @example
 * ```ts
 * import { compareModels } from 'cx-metrics/clv';
 * // BG/NBD and Pareto/NBD on CDNOW (2,357 customers), and a 2-parameter NBD fitted elsewhere:
 * const result = compareModels(
 *   {
 *     bgNbd: { model: 'bg-nbd', logLikelihood: -9582.43, n: 2357 },
 *     paretoNbd: { model: 'pareto-nbd', logLikelihood: -9595, n: 2357 },
 *     nbd: { logLikelihood: -9764.5, n: 2357, parameters: 2 },
 *   },
 *   { nested: [{ restricted: 'nbd', full: 'paretoNbd' }] },
 * );
 * result.bestAic; // => 'bgNbd'
 * result.models.map((m) => m.aic); // => [19172.86, 19198, 19533]
 * result.models.map((m) => m.deltaAic); // => [0, 25.14, 360.14]
 * result.models.map((m) => m.akaikeWeight > 0.999); // => [true, false, false]
 * result.likelihoodRatioTests[0]; // => { restricted: 'nbd', full: 'paretoNbd', statistic: 339, df: 2, pValue: 0 }
 * compareModels({ a: { model: 'bg-nbd', logLikelihood: -10, n: 100 }, b: { model: 'bg-nbd', logLikelihood: -9, n: 90 } }); // => throws INCONSISTENT_INPUT
 * ```
 */
export function compareModels(fits: Readonly<Record<string, CompareModelsFit>>, options?: CompareModelsOptions): CompareModelsResult {
  const settings = readOptions(FN, options, optionKeys<CompareModelsOptions>({ nested: true }));
  if (!isPlainObject(fits) || Object.keys(fits).length === 0) {
    throw fail('INVALID_INPUT', FN, `fits ${describeValue(fits)} must be a plain object of named fits such as { bgNbd: fit, paretoNbd: fit }, with at least one`, {
      field: 'fits',
      value: fits,
    });
  }
  const names = Object.keys(fits);
  const ll: number[] = [];
  const ks: number[] = [];
  let n = Number.NaN;
  let firstName = '';
  for (const name of names) {
    const fit = (fits as Record<string, unknown>)[name];
    if (!isPlainObject(fit) && (fit === null || typeof fit !== 'object')) {
      throw fail('INVALID_INPUT', FN, `fit ${JSON.stringify(name)} ${describeValue(fit)} must be a fit or { logLikelihood, n, parameters }`, { field: name, value: fit });
    }
    const record = fit as Record<string, unknown>;
    ll.push(requireFinite(FN, `${name}.logLikelihood`, record['logLikelihood']));
    const ni = requireNonNegative(FN, `${name}.n`, record['n']);
    if (!(ni > 0)) throw fail('OUT_OF_RANGE', FN, `${name}.n ${describeValue(ni)} must be > 0`, { field: `${name}.n`, value: ni });
    ks.push(parameterCount(name, record));
    if (Number.isNaN(n)) {
      n = ni;
      firstName = name;
    } else if (Math.abs(ni - n) > 1e-9 * n) {
      throw fail(
        'INCONSISTENT_INPUT',
        FN,
        `${name}.n ${describeValue(ni)} differs from ${firstName}.n ${describeValue(n)}: fits on different customers are not comparable by AIC, BIC or likelihood ratio`,
        { field: `${name}.n`, value: ni },
      );
    }
  }
  const aic = ll.map((l, i) => 2 * (ks[i] as number) - 2 * l);
  const bic = ll.map((l, i) => (ks[i] as number) * Math.log(n) - 2 * l);
  const minAic = Math.min(...aic);
  const minBic = Math.min(...bic);
  // A log-likelihood or parameter count near the largest double (±1e308) overflows the criteria or their differences.
  names.forEach((name, i) => {
    if (!(Math.abs((aic[i] as number) - minAic) + Math.abs((bic[i] as number) - minBic) < Infinity)) {
      throw fail(
        'OUT_OF_RANGE',
        FN,
        `${name}.logLikelihood ${describeValue(ll[i])} with ${describeValue(ks[i])} parameters gives an AIC or BIC (or its difference from the best) beyond a double`,
        { field: `${name}.logLikelihood`, value: ll[i] },
      );
    }
  });
  const relative = aic.map((a) => Math.exp(-(a - minAic) / 2));
  const total = relative.reduce((s, v) => s + v, 0);
  const models = names.map((name, i) =>
    Object.freeze({
      name,
      logLikelihood: ll[i] as number,
      parameters: ks[i] as number,
      aic: aic[i] as number,
      bic: bic[i] as number,
      deltaAic: (aic[i] as number) - minAic,
      deltaBic: (bic[i] as number) - minBic,
      akaikeWeight: (relative[i] as number) / total,
    }),
  );
  const nested = settings.nested ?? [];
  if (!Array.isArray(nested)) {
    throw fail('INVALID_OPTION', FN, `nested ${describeValue(nested)} must be an array of { restricted, full } pairs`, { field: 'nested', value: nested });
  }
  const tests = (nested as readonly unknown[]).map((pair, j) => {
    if (!isPlainObject(pair)) {
      throw fail('INVALID_OPTION', FN, `nested pair ${describeValue(pair)} at index ${j} must be { restricted, full }`, { field: 'nested', value: pair, index: j });
    }
    const find = (key: 'restricted' | 'full'): number => {
      const i = names.indexOf(pair[key] as string);
      if (typeof pair[key] !== 'string' || i < 0) {
        throw fail('UNKNOWN_REFERENCE', FN, `nested pair at index ${j} names ${key} ${describeValue(pair[key])}, which is not one of the fits (${names.join(', ')})`, {
          field: `nested.${key}`,
          value: pair[key],
          index: j,
        });
      }
      return i;
    };
    const r = find('restricted');
    const f = find('full');
    const df = (ks[f] as number) - (ks[r] as number);
    if (df <= 0) {
      throw fail(
        'INCONSISTENT_INPUT',
        FN,
        `nested pair at index ${j}: the full fit ${JSON.stringify(names[f])} has ${ks[f]} parameters, not more than the restricted ${JSON.stringify(names[r])} (${ks[r]})`,
        { field: 'nested', value: pair, index: j },
      );
    }
    const statistic = Math.max(0, 2 * ((ll[f] as number) - (ll[r] as number)));
    return Object.freeze({ restricted: names[r] as string, full: names[f] as string, statistic, df, pValue: chiSquareSurvival(statistic, df) });
  });
  return Object.freeze({
    models: Object.freeze(models),
    n,
    bestAic: names[aic.indexOf(minAic)] as string,
    bestBic: names[bic.indexOf(minBic)] as string,
    likelihoodRatioTests: Object.freeze(tests),
  });
}
