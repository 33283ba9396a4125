import type { ModelFit } from '../../models/model';

/** One customer as the Gamma-Gamma spend model sees them; a `summarizeTransactions` row is one. */
export interface GammaGammaCustomer {
  /** Repeat purchases x (a whole number ≥ 0); customers with x = 0 carry no spend information. */
  readonly frequency: number;
  /** z̄, the mean value of the x repeat purchases (> 0 when x > 0; ignored when x = 0). */
  readonly monetaryValue: number;
}

/** The three Gamma-Gamma parameters: spend per transaction ~ Gamma(p, ν), ν ~ Gamma(q, γ). */
export interface GammaGammaParams {
  /** Shape of the spend of one transaction, > 0. */
  readonly p: number;
  /** Shape of the gamma distribution of the customers' scale ν, > 0 (a finite mean spend needs q > 1). */
  readonly q: number;
  /** Rate of the gamma distribution of ν, in money units, > 0 (population mean spend p·γ/(q−1)). */
  readonly gamma: number;
}

/**
 * A fitted Gamma-Gamma model: the parameters, `model: 'gamma-gamma'`, the shared diagnostics
 * ({@link models!FitDiagnostics}: `n` is the number of repeat customers fitted, `rows` the rows
 * with x > 0, `logParameterCovariance` in the order p, q, γ), and two extras. Frozen.
 */
export type GammaGammaFit = ModelFit<'gamma-gamma', GammaGammaParams> & {
  /** Customers with x = 0 (sum of weights): skipped, as they carry no spend information. */
  readonly withoutRepeat: number;
  /**
   * Weighted Pearson correlation of x and z̄ over the repeat customers (`undefined` when either
   * is constant). The model assumes spend independent of frequency: a value far from 0 says it
   * does not hold.
   */
  readonly frequencySpendCorrelation: number | undefined;
};
