import { refuseExtraArguments } from '../../internal/options';
import type { ContinuousTransactionModel } from '../model';
import { gateKernel } from '../gate-kernel';
import type { MbgNbdFit, MbgNbdParams } from './mbg-nbd-fit';
import { fitMbgNbd } from './mbg-nbd-fit';
import { mbgNbdLogLikelihood } from './mbg-nbd-log-likelihood';
import { mbgNbdExpectedPurchases } from './mbg-nbd-expected-purchases';
import { mbgNbdConditionalExpectedPurchases } from './mbg-nbd-conditional-expected-purchases';
import { mbgNbdProbabilityAlive } from './mbg-nbd-probability-alive';
import { mbgNbdPurchaseCountProbability } from './mbg-nbd-purchase-count-probability';
import { mbgNbdConditionalPurchaseCountProbability } from './mbg-nbd-conditional-purchase-count-probability';
import { mbgNbdDert } from './mbg-nbd-dert';
import { mbgNbdAlive, mbgNbdExpectedIfAlive, requireMbgNbdParams } from './mbg-nbd-predict';

/**
 * The MBG/NBD model behind the common door: its fit, log-likelihood and predictions bundled, so
 * that generic code (e.g. {@link predictClv}) takes it like any other transaction model.
 * Frozen.
 *
 * ```text
 * mbgNbd.fit                                                 = rows => fitMbgNbd(rows)
 * mbgNbd.logLikelihood(params, rows)                         = mbgNbdLogLikelihood(params, rows)
 * mbgNbd.expectedPurchases(params, t)                        = mbgNbdExpectedPurchases(params, t)
 * mbgNbd.conditionalExpectedPurchases(params, c, t)          = mbgNbdConditionalExpectedPurchases(params, c, t)
 * mbgNbd.probabilityAlive(params, c, t?)                     = mbgNbdProbabilityAlive(params, c, t)
 * mbgNbd.purchaseCountProbability(params, n, t)              = mbgNbdPurchaseCountProbability(params, n, t)
 * mbgNbd.conditionalPurchaseCountProbability(params, c, n, t) = mbgNbdConditionalPurchaseCountProbability(params, c, n, t)
 * mbgNbd.dert(params, c, { discountRate })                   = mbgNbdDert(params, c, { discountRate })
 * mbgNbd.kernel(fn, params)                                  the same arithmetic on plain numbers, for batch code
 * ```
 *
 * Source: Batislam, Denizel & Filiztekin (2007), "Empirical validation and comparison of models
 * for customer base analysis", *International Journal of Research in Marketing* 24(3), 201–209.
 *
 * @example
 * ```ts
 * import { mbgNbd } from 'cx-metrics/clv';
 * const params = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }; // CDNOW, weeks
 * mbgNbd.model; // => 'mbg-nbd'
 * mbgNbd.parameterNames; // => ['r', 'alpha', 'a', 'b']
 * mbgNbd.probabilityAlive(params, { frequency: 0, recency: 0, T: 38.86 }); // => 0.3897
 * ```
 */
export const mbgNbd: ContinuousTransactionModel<'mbg-nbd', MbgNbdParams, MbgNbdFit> = /* @__PURE__ */ Object.freeze<
  ContinuousTransactionModel<'mbg-nbd', MbgNbdParams, MbgNbdFit>
>({
  model: 'mbg-nbd',
  parameterNames: /* @__PURE__ */ Object.freeze(['r', 'alpha', 'a', 'b'] as const),
  fit: (rows, ...extra: unknown[]) => {
    refuseExtraArguments('fitMbgNbd', 'mbgNbd.fit', 1, extra, 'call fitMbgNbd(rows, options) for options');
    return fitMbgNbd(rows);
  },
  logLikelihood: (params, rows, ...extra: unknown[]) => {
    refuseExtraArguments('mbgNbdLogLikelihood', 'mbgNbd.logLikelihood', 2, extra, 'call mbgNbdLogLikelihood(params, rows, options) for options');
    return mbgNbdLogLikelihood(params, rows);
  },
  expectedPurchases: mbgNbdExpectedPurchases,
  conditionalExpectedPurchases: mbgNbdConditionalExpectedPurchases,
  probabilityAlive: mbgNbdProbabilityAlive,
  purchaseCountProbability: mbgNbdPurchaseCountProbability,
  conditionalPurchaseCountProbability: mbgNbdConditionalPurchaseCountProbability,
  dert: mbgNbdDert,
  kernel: (fn, params) =>
    gateKernel('mbgNbd.kernel', fn, (fn) => {
      const [r, alpha, a, b] = requireMbgNbdParams(fn, params);
      return {
        probabilityAlive: (x, tx, T) => mbgNbdAlive(r, alpha, a, b, x, tx, T),
        expectedIfAlive: (x, T, t) => mbgNbdExpectedIfAlive(fn, r, alpha, a, b, x, T, t),
      };
    }),
});
