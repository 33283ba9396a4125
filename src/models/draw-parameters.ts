import type { ModelDescriptor, ModelFit, ModelName } from './model';
import { choleskyLower } from '../internal/linear-algebra';
import { seededUniform } from '../internal/random';
import { normalVariate } from '../internal/random-variates';
import { describeValue, fail, requireCount, requireFinite, requirePositive } from '../internal/validate';
import { readOptions } from '../internal/options';

/** Options of {@link drawParameters}. */
export interface DrawParametersOptions {
  /** How many parameter vectors to draw, a whole number from 1 to 100,000. Default 200. */
  readonly draws?: number;
  /** Seed of the random stream, a whole number ≥ 0: the same seed gives the same draws everywhere. Default 1. */
  readonly seed?: number;
}

const FN = 'drawParameters';
const MAX_DRAWS = 100_000;

/**
 * Parameter vectors drawn from a fit's asymptotic sampling distribution: the normal
 * approximation of the log-parameters around the estimates, with the inverse Hessian the fit
 * computed (`logParameterCovariance`) as covariance. Evaluating a prediction at each draw and
 * taking quantiles gives an interval of the expected value that reflects parameter uncertainty
 * only (not the randomness of the purchases themselves).
 *
 * ```text
 * θ̂ = ln(parameters, in model.parameterNames order),  Σ = fit.logParameterCovariance = L Lᵀ
 * θₖ = θ̂ + L zₖ,  zₖ ~ N(0, I) (seeded),  drawₖ = exp(θₖ)
 * ```
 *
 * Working on the log scale keeps every drawn parameter positive, as the models require, and is
 * the scale on which the fits' standard errors are computed.
 *
 * Source: the asymptotic normality of maximum-likelihood estimates (e.g. Casella & Berger 2002,
 * *Statistical Inference*, §10.1.3), sampled as in King, Tomz & Wittenberg (2000), "Making the
 * most of statistical analyses", *American Journal of Political Science* 44(2), 347–361.
 *
 * @param model - The model's descriptor (e.g. `bgNbd`): its `parameterNames` order the covariance.
 * @param fit - A fit of that model carrying `logParameterCovariance`.
 * @param options - `draws` (default 200) and `seed` (default 1).
 * @returns `draws` frozen parameter objects (the model's parameters only), in a frozen array.
 * @throws {@link CxMetricsError} `INCONSISTENT_INPUT` for a fit of another model, or a fit with no
 *   covariance (its Hessian was not positive definite: the estimate is on a boundary, so there is
 *   no normal approximation to draw from); `INVALID_INPUT` when `model` is not a model descriptor
 *   or the fit's `logParameterCovariance` is not a square matrix of its size; `INVALID_NUMBER` /
 *   `OUT_OF_RANGE` for a fit parameter that is not a number > 0 or a covariance entry that is not finite;
 *   `OUT_OF_RANGE` for `draws` outside 1–100,000, or a draw beyond a double (a covariance far
 *   beyond what a converged fit reports); `NEGATIVE_VALUE` / `NOT_AN_INTEGER` for a
 *   negative or fractional `draws` or `seed`; `INVALID_OPTION` for an unknown option key.
 *
 * @example
 * ```ts
 * import { drawParameters } from 'cx-metrics/models';
 * import { bgNbd, fitBgNbd, simulateBgNbd } from 'cx-metrics/clv';
 * const customers = simulateBgNbd({ r: 0.5, alpha: 5, a: 0.8, b: 2.5 }, { customers: 2000, T: 39, seed: 1 });
 * const fit = fitBgNbd(customers);
 * const draws = drawParameters(bgNbd, fit, { draws: 500, seed: 7 });
 * draws.length; // => 500
 * Object.keys(draws[0]); // => ['r', 'alpha', 'a', 'b']
 * drawParameters(bgNbd, fit, { draws: 0 }); // => throws OUT_OF_RANGE
 * ```
 */
export function drawParameters<M extends ModelName, P>(
  model: ModelDescriptor<M, P, never, ModelFit<M, P>>,
  fit: ModelFit<M, P>,
  options: DrawParametersOptions = {},
): readonly P[] {
  const settings = readOptions(FN, options, ['draws', 'seed']) as DrawParametersOptions;
  if (model === null || typeof model !== 'object' || !Array.isArray(model.parameterNames) || typeof model.model !== 'string') {
    throw fail('INVALID_INPUT', FN, `model ${describeValue(model)} is not a model descriptor (pass e.g. bgNbd)`, { field: 'model', value: model });
  }
  if (fit === null || typeof fit !== 'object' || fit.model !== model.model) {
    const name = fit !== null && typeof fit === 'object' ? describeValue(fit.model) : describeValue(fit);
    throw fail('INCONSISTENT_INPUT', FN, `fit of model ${name} is not a fit of ${model.model}`, { field: 'fit', value: name });
  }
  const draws = settings.draws === undefined ? 200 : requireCount(FN, 'draws', settings.draws);
  if (draws < 1 || draws > MAX_DRAWS) throw fail('OUT_OF_RANGE', FN, `draws ${draws} is outside 1–${MAX_DRAWS}`, { field: 'draws', value: draws });
  const seed = settings.seed === undefined ? 1 : requireCount(FN, 'seed', settings.seed);
  const names = model.parameterNames as readonly (keyof P & string)[];
  // A fit restored from storage is read like any input: positive parameters, a square matrix of numbers.
  const center = names.map((name) => Math.log(requirePositive(FN, `fit.${name}`, fit[name])));
  const covariance = readCovariance(fit.logParameterCovariance, names.length);
  const factor = covariance === undefined ? undefined : choleskyLower(covariance);
  if (factor === undefined) {
    throw fail(
      'INCONSISTENT_INPUT',
      FN,
      `the ${model.model} fit has no positive-definite logParameterCovariance (an estimate on a boundary): there is no normal approximation to draw from`,
      { field: 'fit' },
    );
  }
  const u = seededUniform(seed);
  const result: P[] = new Array<P>(draws);
  const z = new Array<number>(names.length);
  for (let k = 0; k < draws; k++) {
    for (let i = 0; i < names.length; i++) z[i] = normalVariate(u);
    const draw: Record<string, number> = {};
    for (let i = 0; i < names.length; i++) {
      const row = factor[i] as number[];
      let theta = center[i] as number;
      for (let j = 0; j <= i; j++) theta += (row[j] as number) * (z[j] as number);
      const value = Math.exp(theta);
      // Only a covariance far beyond what a converged fit reports (SE(ln θ) ≤ 20) gets here.
      if (!(value > 0 && value < Infinity)) {
        throw fail('OUT_OF_RANGE', FN, `draw ${k} of ${String(names[i])} is e^${theta}, beyond a double: the fit's uncertainty is too large to draw from`, { field: 'fit' });
      }
      draw[names[i] as string] = value;
    }
    result[k] = Object.freeze(draw) as P;
  }
  return Object.freeze(result);
}

/** The fit's covariance of the log parameters: `undefined`, or an n × n array of finite numbers (else `INVALID_INPUT` / `INVALID_NUMBER`). */
function readCovariance(value: unknown, n: number): number[][] | undefined {
  if (value === undefined) return undefined;
  // Array.from, not every/map: those skip the holes of a sparse array, which must read as missing entries.
  const rows = Array.isArray(value) ? Array.from(value as unknown[]) : [];
  if (!Array.isArray(value) || rows.length !== n || !rows.every((row) => Array.isArray(row) && row.length === n)) {
    throw fail('INVALID_INPUT', FN, `fit.logParameterCovariance ${describeValue(value)} is not a ${n} × ${n} matrix`, { field: 'fit.logParameterCovariance', value });
  }
  return rows.map((row, i) => Array.from(row as unknown[], (x, j) => requireFinite(FN, `fit.logParameterCovariance[${i}][${j}]`, x)));
}
