import { refuseExtraArguments } from '../../internal/options';
import type { CustomerHistory } from '../customer-history';
import type { ContinuousTransactionModel } from '../model';
import { gateKernel } from '../gate-kernel';
import type { ParetoNbdFit, ParetoNbdParams } from './pareto-nbd-fit';
import { fitParetoNbd } from './pareto-nbd-fit';
import { paretoNbdLogLikelihood } from './pareto-nbd-log-likelihood';
import { paretoNbdExpectedPurchases } from './pareto-nbd-expected-purchases';
import { paretoNbdConditionalExpectedPurchases } from './pareto-nbd-conditional-expected-purchases';
import { paretoNbdProbabilityAlive } from './pareto-nbd-probability-alive';
import { paretoNbdPurchaseCountProbability } from './pareto-nbd-purchase-count-probability';
import { paretoNbdConditionalPurchaseCountProbability } from './pareto-nbd-conditional-purchase-count-probability';
import { paretoNbdDert } from './pareto-nbd-dert';
import { paretoNbdExpectedIfAlive, paretoNbdLogProbabilityAlive, requireParetoNbdParams } from './pareto-nbd-predict';

/**
 * The Pareto/NBD model behind the common door: its fit, log-likelihood and predictions bundled,
 * so that generic code (e.g. {@link predictClv}) takes it like any other transaction model.
 * Importing it brings in Pareto/NBD only. Frozen.
 *
 * ```text
 * paretoNbd.fit                                        = rows => fitParetoNbd(rows)
 * paretoNbd.logLikelihood(params, rows)                = paretoNbdLogLikelihood(params, rows)
 * paretoNbd.expectedPurchases(params, t)               = paretoNbdExpectedPurchases(params, t)
 * paretoNbd.conditionalExpectedPurchases(params, c, t) = paretoNbdConditionalExpectedPurchases(params, c, t)
 * paretoNbd.probabilityAlive(params, c, t?)           = paretoNbdProbabilityAlive(params, c, t)
 * paretoNbd.purchaseCountProbability(params, n, t)     = paretoNbdPurchaseCountProbability(params, n, t)
 * paretoNbd.conditionalPurchaseCountProbability?.(params, c, n, t)
 *                                                      = paretoNbdConditionalPurchaseCountProbability(params, c, n, t)
 * paretoNbd.dert(params, c, { discountRate })          = paretoNbdDert(params, c, { discountRate })
 * paretoNbd.kernel(fn, params)                         the same arithmetic on plain numbers, for batch code
 * ```
 *
 * Source: Schmittlein, Morrison & Colombo (1987), *Management Science* 33(1), 1–24; Fader &
 * Hardie (2005), *A note on deriving the Pareto/NBD model and related expressions*.
 *
 * @example
 * ```ts
 * import { paretoNbd } from 'cx-metrics/clv';
 * const params = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }; // CDNOW, weeks
 * paretoNbd.model; // => 'pareto-nbd'
 * paretoNbd.parameterNames; // => ['r', 'alpha', 's', 'beta']
 * paretoNbd.probabilityAlive(params, { frequency: 2, recency: 30.43, T: 38.86 }); // => 0.8692
 * paretoNbd.conditionalPurchaseCountProbability?.(params, { frequency: 2, recency: 30.43, T: 38.86 }, 0, 39); // => 0.4081
 * ```
 */
export const paretoNbd: ContinuousTransactionModel<'pareto-nbd', ParetoNbdParams, ParetoNbdFit> = /* @__PURE__ */ Object.freeze<ContinuousTransactionModel<'pareto-nbd', ParetoNbdParams, ParetoNbdFit>>({
  model: 'pareto-nbd',
  parameterNames: /* @__PURE__ */ Object.freeze(['r', 'alpha', 's', 'beta'] as const),
  fit: (rows, ...extra: unknown[]) => {
    refuseExtraArguments('fitParetoNbd', 'paretoNbd.fit', 1, extra, 'call fitParetoNbd(rows, options) for options');
    return fitParetoNbd(rows);
  },
  logLikelihood: (params, rows, ...extra: unknown[]) => {
    refuseExtraArguments('paretoNbdLogLikelihood', 'paretoNbd.logLikelihood', 2, extra, 'call paretoNbdLogLikelihood(params, rows, options) for options');
    return paretoNbdLogLikelihood(params, rows);
  },
  expectedPurchases: paretoNbdExpectedPurchases,
  conditionalExpectedPurchases: paretoNbdConditionalExpectedPurchases,
  probabilityAlive: paretoNbdProbabilityAlive,
  purchaseCountProbability: paretoNbdPurchaseCountProbability,
  conditionalPurchaseCountProbability: paretoNbdConditionalPurchaseCountProbability,
  dert: paretoNbdDert,
  kernel: (fn, params) =>
    gateKernel('paretoNbd.kernel', fn, (fn) => {
      const [r, alpha, s, beta] = requireParetoNbdParams(fn, params);
      return {
        probabilityAlive: (x, tx, T) => Math.exp(paretoNbdLogProbabilityAlive(r, alpha, s, beta, x, tx, T)),
        expectedIfAlive: (x, T, t) => paretoNbdExpectedIfAlive(r, alpha, s, beta, x, T, t),
      };
    }),
});
