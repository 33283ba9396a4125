/**
 * Multiple-comparison corrections of p-values: Holm's step-down family-wise error control and
 * the Benjamini–Hochberg step-up false-discovery-rate control. Internal: a violated
 * precondition (a p-value outside [0, 1]) throws a plain `Error` (a bug in the caller).
 *
 * ```text
 * sort p ascending: p₍₁₎ ≤ … ≤ p₍ₘ₎
 * Holm (1979):                  p̃₍ᵢ₎ = max_{j ≤ i} min(1, (m − j + 1)·p₍ⱼ₎)
 * Benjamini–Hochberg (1995):    p̃₍ᵢ₎ = min_{j ≥ i} min(1, m/j · p₍ⱼ₎)
 * ```
 *
 * Sources: S. Holm (1979), "A simple sequentially rejective multiple test procedure",
 * Scandinavian Journal of Statistics 6(2), 65–70; Y. Benjamini & Y. Hochberg (1995),
 * "Controlling the false discovery rate", JRSS B 57(1), 289–300. Adjusted p-values as in
 * statsmodels `multipletests(method='holm' | 'fdr_bh')` and R `p.adjust`.
 *
 * Tied p-values get the same adjusted value, so the result does not depend on the order of
 * the input; adjusted ≥ raw, and adjusted values are monotone in the raw ones.
 */

/** The corrections implemented. */
export type PValueAdjustment = 'holm' | 'benjamini-hochberg';

/** Adjusted p-values, in the order of `pValues`. An empty list gives an empty list. */
export function adjustPValues(pValues: readonly number[], method: PValueAdjustment): number[] {
  const m = pValues.length;
  for (const p of pValues) {
    if (!(p >= 0 && p <= 1)) throw new Error(`internal adjustPValues: p-value ${p} is not in [0, 1]`);
  }
  // Ascending by p; ties broken by position (any tie order gives the same adjusted values).
  const order = pValues.map((_, i) => i).sort((a, b) => (pValues[a] as number) - (pValues[b] as number) || a - b);
  const adjusted = new Array<number>(m);
  if (method === 'holm') {
    let running = 0;
    for (let r = 0; r < m; r++) {
      const i = order[r] as number;
      running = Math.max(running, Math.min(1, (m - r) * (pValues[i] as number)));
      adjusted[i] = running;
    }
  } else {
    let running = 1;
    for (let r = m - 1; r >= 0; r--) {
      const i = order[r] as number;
      running = Math.min(running, Math.min(1, (m / (r + 1)) * (pValues[i] as number)));
      adjusted[i] = running;
    }
  }
  // p̃ ≥ p holds in floating point without a clamp: (m − j + 1)·p and (m/j)·p multiply p by a
  // factor ≥ 1 (m/j rounds to ≥ 1), rounding is monotone, and the running max (Holm) or the min
  // over larger p-values (BH) cannot go below p. The properties check it.
  return adjusted;
}
