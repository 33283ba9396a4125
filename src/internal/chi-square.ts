/**
 * The chi-square upper tail through the regularised incomplete gamma function. Internal:
 * arguments are trusted; a violated precondition throws a plain `Error` (a bug).
 */
import { logGamma } from './special';

/**
 * Regularised upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a), a > 0, x ≥ 0: the series for
 * P(a, x) when x < a + 1 (then Q = 1 − P, which is not small there), else the continued fraction
 * for Q evaluated by the modified Lentz method (Press et al. 2007, *Numerical Recipes*, §6.2;
 * A&S 6.5.29 and 6.5.31), both to a relative 1e-16. The prefactor xᵃe⁻ˣ/Γ(a) is formed in logs.
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0) || !Number.isFinite(a)) throw new Error(`internal regularizedGammaQ: a = ${a}, x = ${x}`);
  if (x === 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  const logPrefactor = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    // P(a, x) = e^(−x) xᵃ / Γ(a + 1) · Σₙ xⁿ / ((a + 1)…(a + n))
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return 1 - sum * Math.exp(logPrefactor);
  }
  // Q(a, x) = e^(−x) xᵃ / Γ(a) · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − 2·(2 − a)/(x + 5 − a − …)))
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(logPrefactor) * h;
}

/** P(χ²_df ≥ x), the p-value of a chi-square statistic x ≥ 0 with df > 0 degrees of freedom. */
export function chiSquareSurvival(x: number, df: number): number {
  return regularizedGammaQ(df / 2, x / 2);
}
