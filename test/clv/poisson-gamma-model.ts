/**
 * A test-only transaction model whose conditional count distribution is exactly known (not a
 * test file itself): customers never leave (P(alive) = 1), each buys as a Poisson process with
 * rate λ ~ Gamma(r, rate α) (the NBD of Ehrenberg 1959). Given x purchases in T, λ ~ Gamma(r + x,
 * α + T), so the purchases in the next t are NB(r + x, q), q = (α + T)/(α + T + t), with mean
 * (r + x)·t/(α + T); the total of m customers with the same history is NB(m(r + x), q).
 * It opens the door of the transaction models (kernel and conditionalPurchaseCountProbability),
 * so the batch machinery can be checked against exact answers.
 */
import type { CustomerHistory } from '../../src/clv';
import type { ContinuousTransactionModel } from '../../src/clv/model';
import type { ModelFit, ModelName } from '../../src/models/model';
import type { Values } from '../../src/models/values';
import { logGamma } from '../../src/internal/special';

export interface PoissonGammaParams {
  readonly r: number;
  readonly alpha: number;
}

/** The name the test model goes by: outside the library's union of model names. */
export const POISSON_GAMMA_NAME = 'poisson-gamma' as ModelName;

type Fit = ModelFit<ModelName, PoissonGammaParams>;

function logLikelihood(params: PoissonGammaParams, rows: Values<CustomerHistory>): number {
  const { r, alpha } = params;
  let sum = 0;
  for (const c of rows as Iterable<CustomerHistory>) {
    // ln ∫ λ^x e^(−λT) Gamma(λ; r, α) dλ (the purchase times' density given x, up to constants)
    sum += logGamma(r + c.frequency) - logGamma(r) + r * Math.log(alpha) - (r + c.frequency) * Math.log(alpha + c.T);
  }
  return sum;
}

/** The NB(r + x, q) pmf at n. */
export function poissonGammaCount(params: PoissonGammaParams, c: CustomerHistory, n: number, t: number): number {
  const shape = params.r + c.frequency;
  const u = params.alpha + c.T;
  if (t === 0) return n === 0 ? 1 : 0;
  return Math.exp(logGamma(shape + n) - logGamma(shape) - logGamma(n + 1) + shape * Math.log(u / (u + t)) + n * Math.log(t / (u + t)));
}

export const poissonGamma: ContinuousTransactionModel<ModelName, PoissonGammaParams, Fit> = Object.freeze({
  model: POISSON_GAMMA_NAME,
  parameterNames: Object.freeze(['r', 'alpha'] as const),
  fit: (): Fit => {
    throw new Error('the Poisson-gamma test model is given its fit (poissonGammaFit), never fitted');
  },
  logLikelihood,
  expectedPurchases: (params: PoissonGammaParams, t: number) => (params.r * t) / params.alpha,
  conditionalExpectedPurchases: (params: PoissonGammaParams, c: CustomerHistory, t: number) => ((params.r + c.frequency) * t) / (params.alpha + c.T),
  probabilityAlive: () => 1,
  conditionalPurchaseCountProbability: poissonGammaCount,
  kernel: (_fn: string, params: PoissonGammaParams) => ({
    probabilityAlive: () => 1,
    expectedIfAlive: (x: number, T: number, t: number) => ((params.r + x) * t) / (params.alpha + T),
  }),
});

/**
 * A fit of the test model with the given log-parameter standard deviations (uncorrelated):
 * what drawParameters draws from.
 */
export function poissonGammaFit(params: PoissonGammaParams, sdLogR: number, sdLogAlpha: number): Fit {
  return Object.freeze({
    ...params,
    model: POISSON_GAMMA_NAME,
    logLikelihood: 0,
    iterations: 0,
    converged: true,
    method: 'bfgs' as const,
    message: 'given',
    standardErrors: { r: params.r * sdLogR, alpha: params.alpha * sdLogAlpha },
    logParameterCovariance: [
      [sdLogR ** 2, 0],
      [0, sdLogAlpha ** 2],
    ],
    n: 0,
    rows: 0,
    skipped: 0,
  });
}
