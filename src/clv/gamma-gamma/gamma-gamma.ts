import { refuseExtraArguments } from '../../internal/options';
import type { Values } from '../../models/values';
import type { SpendModel } from '../model';
import type { GammaGammaCustomer, GammaGammaFit, GammaGammaParams } from './gamma-gamma-params';
import { gammaGammaExpectedSpend } from './gamma-gamma-expected-spend';
import { fitGammaGamma } from './gamma-gamma-fit';
import { gammaGammaLogLikelihood } from './gamma-gamma-log-likelihood';

/**
 * The Gamma-Gamma spend model behind the spend-model door ({@link SpendModel}): generic code
 * (CLV, validation, intervals) takes `gammaGamma` and never imports its functions by name.
 * Importing it pulls in the Gamma-Gamma only.
 *
 * ```text
 * fit                           = rows => fitGammaGamma(rows)
 * logLikelihood(params, rows)   = gammaGammaLogLikelihood(params, rows)
 * expectedSpend(params, c)      = gammaGammaExpectedSpend(params, c) = p (γ + x z̄) / (p x + q − 1)
 * ```
 *
 * Source: Fader, Hardie & Lee (2005), RFM and CLV, *J. Marketing Research* 42(4), 415–430.
 *
 * @example
 * ```ts
 * import { gammaGamma } from 'cx-metrics/clv';
 * gammaGamma.model; // => 'gamma-gamma'
 * gammaGamma.parameterNames; // => ['p', 'q', 'gamma']
 * gammaGamma.expectedSpend({ p: 6.25, q: 3.74, gamma: 15.44 }, { frequency: 2, monetaryValue: 22.35 }); // => 24.66
 * ```
 */
export const gammaGamma: SpendModel<'gamma-gamma', GammaGammaParams, GammaGammaCustomer, GammaGammaFit> = /* @__PURE__ */ Object.freeze({
  model: 'gamma-gamma' as const,
  parameterNames: /* @__PURE__ */ Object.freeze(['p', 'q', 'gamma'] as const),
  fit: (rows: Values<GammaGammaCustomer>, ...extra: unknown[]) => {
    refuseExtraArguments('fitGammaGamma', 'gammaGamma.fit', 1, extra, 'call fitGammaGamma(rows, options) for options');
    return fitGammaGamma(rows);
  },
  logLikelihood: (params: GammaGammaParams, rows: Values<GammaGammaCustomer>, ...extra: unknown[]) => {
    refuseExtraArguments('gammaGammaLogLikelihood', 'gammaGamma.logLikelihood', 2, extra, 'call gammaGammaLogLikelihood(params, rows, options) for options');
    return gammaGammaLogLikelihood(params, rows);
  },
  expectedSpend: gammaGammaExpectedSpend,
});
