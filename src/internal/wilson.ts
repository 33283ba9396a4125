/**
 * Wilson score interval for a binomial proportion — shared by the survey (CSAT) and journey
 * (conversion) domains. Internal: arguments are trusted (validated by the public caller).
 *
 * ```text
 * p̂ = x / n,  z = Φ⁻¹(1 − (1 − level) / 2)
 * centre    = (p̂ + z²/(2n)) / (1 + z²/n)
 * halfWidth = z · √(p̂(1 − p̂)/n + z²/(4n²)) / (1 + z²/n)
 * ```
 *
 * Source: E. B. Wilson (1927), "Probable inference, the law of succession, and statistical
 * inference", JASA 22(158), 209–212; recommended over Wald by Brown, Cai & DasGupta (2001),
 * "Interval estimation for a binomial proportion", Statistical Science 16(2).
 */
import { normalQuantile } from './normal';

/** Both ends of a two-sided interval for a proportion, in [0, 1]. */
export interface ProportionInterval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * Wilson interval for `successes` out of `n` at confidence `level` (e.g. 0.95).
 *
 * - `successes` and `n` may be fractional (weighted or effective counts); 0 ≤ successes ≤ n.
 * - `n = 0` gives `[0, 1]`, the limit of the interval as n → 0 (no information).
 * - The ends are exact at the boundaries: 0 successes → lower = 0, n successes → upper = 1.
 * - The interval always contains p̂ and lies within [0, 1].
 */
export function wilsonInterval(successes: number, n: number, level: number): ProportionInterval {
  if (!(n >= 0 && successes >= 0 && successes <= n * (1 + 1e-12) && level > 0 && level < 1)) {
    throw new Error(`internal wilsonInterval: bad arguments (${successes}, ${n}, ${level})`);
  }
  if (n === 0) return { lower: 0, upper: 1 };
  const z = normalQuantile(1 - (1 - level) / 2);
  const z2 = z * z;
  const p = Math.min(1, successes / n);
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  const lower = p === 0 ? 0 : Math.min(p, Math.max(0, centre - halfWidth));
  const upper = p === 1 ? 1 : Math.max(p, Math.min(1, centre + halfWidth));
  return { lower, upper };
}
