/**
 * Student t distribution function and quantile, for confidence intervals of means (CSAT, CES,
 * revenue per customer). Internal: a violated precondition throws a plain `Error` (a bug).
 */
import { betaQuantileFromTails, incompleteBetaPair } from './beta';
import { normalCdf, normalQuantile } from './normal';

/** Beyond this many degrees of freedom the t and normal distribution functions agree to double precision. */
const NORMAL_LIMIT = 1e15;

function requireDf(fn: string, df: number): void {
  if (!(df > 0)) throw new Error(`internal ${fn}: df must be > 0, got ${df}`);
}

/**
 * P(T ≤ t) for Student's t with `df` > 0 degrees of freedom (df may be fractional; Infinity is
 * the normal). Through the incomplete beta (A&S 26.7.1): with x = df/(df + t²) and
 * y = t²/(df + t²) computed separately, P(|T| > |t|) = I_x(df/2, 1/2) = 1 − I_y(1/2, df/2).
 * Relative error ~1e-14 in both tails for df up to 1e7 (measured against scipy.stats.t).
 */
export function studentTCdf(t: number, df: number): number {
  requireDf('studentTCdf', df);
  if (Number.isNaN(t)) throw new Error('internal studentTCdf: t is NaN');
  if (df >= NORMAL_LIMIT) return normalCdf(t);
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const t2 = t * t;
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  // P(|T| > |t|), taking the complement only when it is the large half.
  const [, outside] = incompleteBetaPair(y, x, 0.5, df / 2); // [P(|T| < |t|), P(|T| > |t|)]
  const tail = outside / 2;
  return t > 0 ? 1 - tail : tail;
}

/**
 * The p-quantile of Student's t with `df` > 0 degrees of freedom, by inverting the incomplete
 * beta (betaQuantile) on the smaller of x = df/(df + t²) and y = 1 − x, so both t near 0 and
 * far tails keep full relative precision; closed forms for df = 1 (Cauchy) and df = 2; for large
 * df (where the incomplete beta loses digits, ~df·ε) the Cornish–Fisher expansion in 1/df, which
 * is the normal quantile at df = Infinity. p = 0 and 1 give ∓Infinity.
 */
export function studentTQuantile(p: number, df: number): number {
  requireDf('studentTQuantile', df);
  if (!(p >= 0 && p <= 1)) throw new Error(`internal studentTQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (p > 0.5) return -lowerQuantile(1 - p, df);
  return lowerQuantile(p, df);
}

/**
 * t ≈ z + g₁(z)/ν + g₂(z)/ν² + g₃(z)/ν³ + g₄(z)/ν⁴ with z = Φ⁻¹(p) (Abramowitz & Stegun 26.7.5,
 * after Fisher & Cornish 1960). The omitted terms are O(z¹¹/ν⁵); measured against mpmath, the
 * truncation error is below 2e-16 relative whenever ν ≥ max(1000, 250·z²).
 */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/** Quantile for p < 1/2 (a negative t). */
function lowerQuantile(p: number, df: number): number {
  if (df === 1) return -1 / Math.tan(Math.PI * p);
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  if (df >= 1000) {
    const z = normalQuantile(p);
    if (df >= 250 * z * z) return cornishFisher(z, df);
  }
  // P(T ≤ t) = I_x(df/2, 1/2)/2 with x = df/(df + t²); x = 0 (far below one degree of freedom,
  // |t| is no double) gives −Infinity.
  const x = betaQuantileFromTails(2 * p, 1 - 2 * p, df / 2, 0.5);
  if (x < 0.5) return -Math.sqrt((df * (1 - x)) / x);
  // |t| small relative to √df: solve for y = t²/(df + t²) directly, 1 − 2p = I_y(1/2, df/2).
  const y = betaQuantileFromTails(1 - 2 * p, 2 * p, 0.5, df / 2);
  return -Math.sqrt((df * y) / (1 - y));
}
