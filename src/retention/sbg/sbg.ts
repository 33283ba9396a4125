import { refuseExtraArguments } from '../../internal/options';
import type { Values } from '../../models/values';
import type { RetentionModel } from './retention-model';
import type { RenewalHistory, SbgFit, SbgParams } from './sbg-params';
import { fitSbg } from './fit-sbg';
import { sbgExpectedLifetime } from './sbg-expected-lifetime';
import { sbgLogLikelihood } from './sbg-log-likelihood';
import { sbgRetentionRate } from './sbg-retention-rate';
import { sbgSurvival } from './sbg-survival';

const renewals = (c: RenewalHistory): number => c.renewals;
const churned = (c: RenewalHistory): boolean => c.churned;

/**
 * The shifted-beta-geometric model behind the retention-model door ({@link RetentionModel}):
 * generic code takes `sbg` and never imports the sBG functions by name. Its customers are
 * {@link RenewalHistory} rows (the descriptor reads their `renewals` and `churned` fields);
 * `t` counts renewal opportunities.
 *
 * ```text
 * fit                           = rows => fitSbg(rows, { renewals, churned })
 * logLikelihood(params, rows)   = sbgLogLikelihood(params, rows, { renewals, churned })
 * survival(params, t)           = sbgSurvival(params, t)
 * retentionRate(params, t)      = sbgRetentionRate(params, t)
 * expectedLifetime(params, o)   = sbgExpectedLifetime(params, o)
 * ```
 *
 * Source: Fader & Hardie (2007), "How to project customer retention", *Journal of Interactive
 * Marketing* 21(1), 76–90.
 *
 * @example
 * ```ts
 * import { sbg } from 'cx-metrics/retention';
 * sbg.model; // => 'sbg'
 * sbg.parameterNames; // => ['alpha', 'beta']
 * sbg.survival({ alpha: 0.704, beta: 1.182 }, 1); // => 0.6267
 * sbg.fit([
 *   { renewals: 0, churned: true }, { renewals: 0, churned: true }, { renewals: 1, churned: true },
 *   { renewals: 3, churned: true }, { renewals: 2, churned: false }, { renewals: 4, churned: false },
 * ]).n; // => 6
 * ```
 */
export const sbg: RetentionModel<'sbg', SbgParams, RenewalHistory, SbgFit> = /* @__PURE__ */ Object.freeze({
  model: 'sbg' as const,
  parameterNames: /* @__PURE__ */ Object.freeze(['alpha', 'beta'] as const),
  fit: (rows: Values<RenewalHistory>, ...extra: unknown[]) => {
    refuseExtraArguments('fitSbg', 'sbg.fit', 1, extra, 'call fitSbg(rows, options) for options');
    return fitSbg(rows, { renewals, churned });
  },
  logLikelihood: (params: SbgParams, rows: Values<RenewalHistory>, ...extra: unknown[]) => {
    refuseExtraArguments('sbgLogLikelihood', 'sbg.logLikelihood', 2, extra, 'call sbgLogLikelihood(params, rows, options) for options');
    return sbgLogLikelihood(params, rows, { renewals, churned });
  },
  survival: sbgSurvival,
  retentionRate: sbgRetentionRate,
  expectedLifetime: (params: SbgParams, options?: { readonly horizon?: number }) => sbgExpectedLifetime(params, options),
});
