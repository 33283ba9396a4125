import { refuseExtraArguments } from '../../internal/options';
import type { CustomerHistory } from '../customer-history';
import type { ContinuousTransactionModel } from '../model';
import { gateKernel } from '../gate-kernel';
import type { BgNbdFit, BgNbdParams } from './bg-nbd-fit';
import { fitBgNbd } from './bg-nbd-fit';
import { bgNbdLogLikelihood } from './bg-nbd-log-likelihood';
import { bgNbdExpectedPurchases } from './bg-nbd-expected-purchases';
import { bgNbdConditionalExpectedPurchases } from './bg-nbd-conditional-expected-purchases';
import { bgNbdProbabilityAlive } from './bg-nbd-probability-alive';
import { bgNbdPurchaseCountProbability } from './bg-nbd-purchase-count-probability';
import { bgNbdConditionalPurchaseCountProbability } from './bg-nbd-conditional-purchase-count-probability';
import { bgNbdDert } from './bg-nbd-dert';
import { bgNbdExpectedIfAlive, bgNbdLogOddsDead, logisticComplement, requireBgNbdParams } from './bg-nbd-predict';

/**
 * The BG/NBD model behind the common door: its fit, log-likelihood and predictions bundled, so
 * that generic code (e.g. {@link predictClv}) takes it like any other transaction model.
 * Importing it brings in BG/NBD only. Frozen.
 *
 * ```text
 * bgNbd.fit                                        = rows => fitBgNbd(rows)
 * bgNbd.logLikelihood(params, rows)                = bgNbdLogLikelihood(params, rows)
 * bgNbd.expectedPurchases(params, t)               = bgNbdExpectedPurchases(params, t)
 * bgNbd.conditionalExpectedPurchases(params, c, t) = bgNbdConditionalExpectedPurchases(params, c, t)
 * bgNbd.probabilityAlive(params, c, t?)            = bgNbdProbabilityAlive(params, c, t)
 * bgNbd.purchaseCountProbability(params, n, t)     = bgNbdPurchaseCountProbability(params, n, t)
 * bgNbd.conditionalPurchaseCountProbability(params, c, n, t)
 *                                                  = bgNbdConditionalPurchaseCountProbability(params, c, n, t)
 * bgNbd.dert(params, c, { discountRate })          = bgNbdDert(params, c, { discountRate })
 * bgNbd.kernel(fn, params)                         the same arithmetic on plain numbers, for batch code
 * ```
 *
 * Source: Fader, Hardie & Lee (2005), "Counting your customers" the easy way, *Marketing
 * Science* 24(2), 275–284.
 *
 * @example
 * ```ts
 * import { bgNbd } from 'cx-metrics/clv';
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // CDNOW, weeks
 * bgNbd.model; // => 'bg-nbd'
 * bgNbd.parameterNames; // => ['r', 'alpha', 'a', 'b']
 * bgNbd.probabilityAlive(params, { frequency: 2, recency: 30.43, T: 38.86 }); // => 0.7266
 * bgNbd.conditionalPurchaseCountProbability?.(params, { frequency: 2, recency: 30.43, T: 38.86 }, 0, 39); // => 0.4454
 * ```
 */
export const bgNbd: ContinuousTransactionModel<'bg-nbd', BgNbdParams, BgNbdFit> = /* @__PURE__ */ Object.freeze<ContinuousTransactionModel<'bg-nbd', BgNbdParams, BgNbdFit>>({
  model: 'bg-nbd',
  parameterNames: /* @__PURE__ */ Object.freeze(['r', 'alpha', 'a', 'b'] as const),
  fit: (rows, ...extra: unknown[]) => {
    refuseExtraArguments('fitBgNbd', 'bgNbd.fit', 1, extra, 'call fitBgNbd(rows, options) for options');
    return fitBgNbd(rows);
  },
  logLikelihood: (params, rows, ...extra: unknown[]) => {
    refuseExtraArguments('bgNbdLogLikelihood', 'bgNbd.logLikelihood', 2, extra, 'call bgNbdLogLikelihood(params, rows, options) for options');
    return bgNbdLogLikelihood(params, rows);
  },
  expectedPurchases: bgNbdExpectedPurchases,
  conditionalExpectedPurchases: bgNbdConditionalExpectedPurchases,
  probabilityAlive: bgNbdProbabilityAlive,
  purchaseCountProbability: bgNbdPurchaseCountProbability,
  conditionalPurchaseCountProbability: bgNbdConditionalPurchaseCountProbability,
  dert: bgNbdDert,
  kernel: (fn, params) =>
    gateKernel('bgNbd.kernel', fn, (fn) => {
      const [r, alpha, a, b] = requireBgNbdParams(fn, params);
      return {
        probabilityAlive: (x, tx, T) => logisticComplement(bgNbdLogOddsDead(r, alpha, a, b, x, tx, T)),
        expectedIfAlive: (x, T, t) => bgNbdExpectedIfAlive(fn, r, alpha, a, b, x, T, t),
      };
    }),
});
