import { refuseExtraArguments } from '../../internal/options';
import type { Values } from '../../models/values';
import type { TransactionModel } from '../model';
import type { DiscreteCustomerHistory } from '../discrete-customer-history';
import type { BgBbFit, BgBbParams } from './bg-bb-params';
import { bgBbConditionalExpectedTransactions } from './bg-bb-conditional-expected-transactions';
import { bgBbExpectedTransactions } from './bg-bb-expected-transactions';
import { fitBgBb } from './bg-bb-fit';
import { bgBbLogLikelihood } from './bg-bb-log-likelihood';
import { bgBbProbabilityAlive } from './bg-bb-probability-alive';
import { bgBbTransactionCountProbability } from './bg-bb-transaction-count-probability';
import { bgBbConditionalTransactionCountProbability } from './bg-bb-conditional-transaction-count-probability';
import { bgBbDert } from './bg-bb-dert';

/**
 * The BG/BB model behind the door every transaction model shares ({@link TransactionModel}):
 * generic code (CLV, validation, intervals) takes `bgBb` and never imports the BG/BB functions
 * by name. Importing it pulls in the BG/BB only, not the other models.
 *
 * ```text
 * fit                                      = rows => fitBgBb(rows)
 * logLikelihood(params, rows)              = bgBbLogLikelihood(params, rows)
 * expectedPurchases(params, t)             = bgBbExpectedTransactions(params, t)
 * conditionalExpectedPurchases(params, c, t) = bgBbConditionalExpectedTransactions(params, c, t)
 * probabilityAlive(params, c, t = 0)       = bgBbProbabilityAlive(params, c, t)   (alive at opportunity n + 1 + t)
 * purchaseCountProbability(params, k, t)   = bgBbTransactionCountProbability(params, k, t)
 * conditionalPurchaseCountProbability(params, c, k, t)
 *                                          = bgBbConditionalTransactionCountProbability(params, c, k, t)
 * dert(params, c, { discountRate })        = bgBbDert(params, c, { discountRate })   (d per opportunity)
 * ```
 *
 * `t` counts transaction opportunities (a whole number), not a duration: the BG/BB is a
 * discrete-time model, and its customers are {@link DiscreteCustomerHistory} rows.
 *
 * Source: Fader, Hardie & Shang (2010), "Customer-Base Analysis in a Discrete-Time
 * Noncontractual Setting", *Marketing Science* 29(6), 1086–1108.
 *
 * @example
 * ```ts
 * import { bgBb } from 'cx-metrics/clv';
 * const donors = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * bgBb.model; // => 'bg-bb'
 * bgBb.parameterNames; // => ['alpha', 'beta', 'gamma', 'delta']
 * bgBb.expectedPurchases(donors, 6); // => 2.2196
 * bgBb.probabilityAlive(donors, { frequency: 6, recency: 6, periods: 6 }); // => 0.93
 * bgBb.purchaseCountProbability?.(donors, 0, 6); // => 0.3112
 * bgBb.conditionalPurchaseCountProbability?.(donors, { frequency: 6, recency: 6, periods: 6 }, 0, 5); // => 0.0768
 * ```
 */
export const bgBb: TransactionModel<'bg-bb', BgBbParams, DiscreteCustomerHistory, BgBbFit> = /* @__PURE__ */ Object.freeze({
  model: 'bg-bb' as const,
  parameterNames: /* @__PURE__ */ Object.freeze(['alpha', 'beta', 'gamma', 'delta'] as const),
  fit: (rows: Values<DiscreteCustomerHistory>, ...extra: unknown[]) => {
    refuseExtraArguments('fitBgBb', 'bgBb.fit', 1, extra, 'call fitBgBb(rows, options) for options');
    return fitBgBb(rows);
  },
  logLikelihood: (params: BgBbParams, rows: Values<DiscreteCustomerHistory>, ...extra: unknown[]): number => {
    refuseExtraArguments('bgBbLogLikelihood', 'bgBb.logLikelihood', 2, extra, 'call bgBbLogLikelihood(params, rows, options) for options');
    return bgBbLogLikelihood(params, rows);
  },
  expectedPurchases: bgBbExpectedTransactions,
  conditionalExpectedPurchases: bgBbConditionalExpectedTransactions,
  probabilityAlive: bgBbProbabilityAlive,
  purchaseCountProbability: bgBbTransactionCountProbability,
  conditionalPurchaseCountProbability: bgBbConditionalTransactionCountProbability,
  dert: bgBbDert,
});
