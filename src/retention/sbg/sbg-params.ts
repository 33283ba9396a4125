import type { ModelFit } from '../../models/model';

/** The two shifted-beta-geometric parameters: the churn probability θ ~ Beta(α, β) across customers. */
export interface SbgParams {
  /** α > 0. */
  readonly alpha: number;
  /** β > 0. */
  readonly beta: number;
}

/**
 * A fitted shifted-beta-geometric model: the parameters, `model: 'sbg'`, the shared
 * diagnostics ({@link models!FitDiagnostics}: `n` customers fitted, `rows` input rows used —
 * survivor counts or customer records —, `logParameterCovariance` in the order α, β) and two
 * extras. `converged` is `false` typically when nobody churned or everybody churned at once: the
 * maximum is then on a boundary. Frozen.
 */
export type SbgFit = ModelFit<'sbg', SbgParams> & {
  /** Customers lost during the observation. */
  readonly churned: number;
  /** The last renewal opportunity with a customer lost or still active at it. */
  readonly periods: number;
};

/**
 * One customer's renewal history, as the retention models read it: the renewals they made, and
 * whether they churned at the next opportunity (`false` = still a customer, right-censored).
 */
export interface RenewalHistory {
  /** Renewals made (0 = lost at, or still before, the first renewal), a whole number ≥ 0. */
  readonly renewals: number;
  /** `true` when the customer did not renew at the next opportunity, `false` when still a customer. */
  readonly churned: boolean;
}
