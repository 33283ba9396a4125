/**
 * Exports whose rows are not yet in the bad-input table. The check "every export has a row"
 * accepts these names only; each list must be empty when the gate is complete (the lead checks).
 */

/** retention and clv (branch h/gate-b): empty this list as the rows are added to `retention.ts` and `clv.ts`. */
export const ROWS_PENDING_GATE_B: readonly string[] = [
  // retention
  'retentionRate',
  'churnRate',
  'fitSbg',
  'sbgSurvival',
  'sbgRetentionRate',
  'sbgExpectedLifetime',
  'sbgDerl',
  'periodRetention',
  'cohortRetention',
  'kaplanMeier',
  'kaplanMeierTally',
  // clv
  'summarizeTransactions',
  'simpleClv',
  'historicalClv',
  'discountedClv',
  'fitBgNbd',
  'bgNbdExpectedPurchases',
  'bgNbdConditionalExpectedPurchases',
  'bgNbdProbabilityAlive',
  'bgNbdPurchaseCountProbability',
  'fitParetoNbd',
  'paretoNbdExpectedPurchases',
  'paretoNbdConditionalExpectedPurchases',
  'paretoNbdProbabilityAlive',
  'fitGammaGamma',
  'gammaGammaExpectedSpend',
  'predictClv',
  'rankCustomers',
  'transactionSummaryTally',
  'fitBgBb',
  'bgBbExpectedTransactions',
  'bgBbConditionalExpectedTransactions',
  'bgBbProbabilityAlive',
  'bgBbDert',
];

/** models, survey and journey (branch h/gate-a): emptied as their rows are added. */
export const ROWS_PENDING_GATE_A: readonly string[] = [
  'journeyFunnel',
  'journeyFunnelTally',
  'journeyPaths',
  'journeySatisfaction',
  'rfmSegments',
  'serviceLevels',
  'stageTiming',
  'touchpointScores',
  'weakestTouchpoints',
];
