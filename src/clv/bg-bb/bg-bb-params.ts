import type { ModelFit } from '../../models/model';

/**
 * The four BG/BB parameters: the probability of transacting at an opportunity while alive is
 * p ~ Beta(α, β); the probability of dropping out before each opportunity is θ ~ Beta(γ, δ).
 */
export interface BgBbParams {
  /** First shape of the beta distribution of the transaction probability p, > 0. */
  readonly alpha: number;
  /** Second shape of the beta distribution of p, > 0 (mean α/(α+β)). */
  readonly beta: number;
  /** First shape of the beta distribution of the dropout probability θ, > 0. */
  readonly gamma: number;
  /** Second shape of the beta distribution of θ, > 0 (mean γ/(γ+δ)). */
  readonly delta: number;
}

/**
 * A fitted BG/BB model: the parameters, `model: 'bg-bb'` and the shared diagnostics
 * ({@link models!FitDiagnostics}; `logParameterCovariance` in the order α, β, γ, δ). Frozen.
 */
export type BgBbFit = ModelFit<'bg-bb', BgBbParams>;
